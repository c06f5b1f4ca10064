import { foldForSearch } from './normalize';

/**
 * Medical needs in what a volunteer types, in Spanish and English ("toma
 * insulina", "está embarazada", "needs his meds"). Matching is on folded text
 * (no accents, no case), by word: a stem matches the start of a word
 * ("diabet" finds diabetes, diabético, diabetic), a short term only a whole
 * word ("tb", "vih"), a phrase its words in order. A missed medical need
 * costs more than a false flag a volunteer reads and dismisses, so the list
 * errs on the side of flagging.
 */

/** Word starts. */
const STEMS = [
  // medicine, medication, doctor
  'medic',
  'medecin',
  'meds',
  'pastilla',
  'pills',
  'receta',
  'prescri',
  'tratamiento',
  'treatment',
  'doctor',
  'hospital',

  'enferm',
  'sick',
  'illness',
  'cirugia',
  'surgery',

  'dolor',

  'herid',
  'wound',
  'injur',
  'lesion',
  'fractur',
  // chronic conditions
  'diabet',
  'insulin',
  'glucos',
  'hipertens',
  'hypertens',
  'asma',
  'asthma',
  'inhal',
  'epilep',
  'convuls',
  'seizure',
  'cancer',
  'quimio',
  'chemo',
  'dialisis',
  'dialysis',
  'renal',
  'rinon',
  'kidney',
  'corazon',
  'heart',
  'cardi',
  'tuberculo',
  'hepatitis',
  'alergi',
  'allerg',
  'anemi',
  'discapaci',
  'disab',
  'wheelchair',
  'sordo',
  'deaf',
  'ciego',
  'blind',
  // pregnancy
  'embaraz',
  'pregnan',
  'prenatal',
  'parto',
  // mental health
  'depres',
  'ansiedad',
  'anxiety',
  'suicid',
  'psiquiatr',
  'psychiatr',
  'trauma',
  'esquizofren',
  'schizophren',
  'bipolar',
];
/** Whole words only (too short to be stems). */
const WORDS = ['pain', 'painful', 'tb', 'vih', 'hiv', 'sida', 'aids', 'ptsd', 'tept', 'ill', 'meds', 'rx'];
/** Several words in a row. */
const PHRASES = [
  ['presion', 'alta'],
  ['blood', 'pressure'],
  ['salud', 'mental'],
  ['mental', 'health'],
  ['silla', 'de', 'ruedas'],
  ['high', 'blood'],
];

const stemSet = STEMS;
const wordSet = new Set(WORDS);

/** The words of `text` that name a medical need, as typed (in order, each once). */
export function medicalTerms(text: string): string[] {
  if (!text) return [];
  const typed = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = typed.map((w) => foldForSearch(w));
  const found: string[] = [];
  const add = (term: string) => {
    if (!found.some((f) => foldForSearch(f) === foldForSearch(term))) found.push(term);
  };
  folded.forEach((w, i) => {
    const phrase = PHRASES.find((p) => p.every((part, k) => folded[i + k] === part));
    if (phrase) add(typed.slice(i, i + phrase.length).join(' '));
    else if (wordSet.has(w) || stemSet.some((s) => w.startsWith(s))) add(typed[i]!);
  });
  return found;
}
