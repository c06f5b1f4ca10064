import { doubleMetaphone } from 'double-metaphone';
import { normalizeANumber } from '../schemas/anumber';
import { isValidIsoDate } from '../schemas/dates';
import { foldForSearch, romanize } from './normalize';

/**
 * Name preparation for duplicate and conflict checks: tokens, canonical forms
 * and phonetic codes, shared by `nameKeys` (what the database indexes) and
 * `compareCandidates` (what decides), so the two can never disagree.
 */

export interface NameRecord {
  given: string;
  family: string;
  /** ISO date; anything else counts as unknown. */
  dob?: string | null;
  /** Any typed form; normalised with normalizeANumber. */
  aNumber?: string | null;
}

export interface NameToken {
  /** The word as written (NFC, lower-case). */
  raw: string;
  /** Accent-folded, apostrophes removed (still in its own script). */
  folded: string;
  /** ASCII romanisation, letters and digits only. */
  plain: string;
  /** `plain` after the transliteration table (Mohamed → muhammad). */
  canon: string;
  /** Double-metaphone codes of `canon` after cross-language folds. */
  codes: readonly string[];
}

export interface PreparedField {
  tokens: readonly NameToken[];
  /** Particles (de, la, van, al…) that were set aside, sorted. */
  particles: readonly string[];
  /** Canonical tokens run together: "Pierre-Louis" and "Pierrelouis" meet here. */
  joined: string;
  hasHyphen: boolean;
}

export interface PreparedName {
  given: PreparedField;
  family: PreparedField;
  dob?: string;
  aNumber?: string;
}

/**
 * Connecting words that are dropped or kept at whim on US forms. Short words that
 * are also surnames (Vietnamese Lê and Đỗ, Chinese Du and Di) are deliberately absent.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de del della la las los da das dos y van von der den al el bin ibn bint'.split(' '),
);

/**
 * Common romanisations of the same name, first spelling canonical. Phonetic
 * codes miss these (Mohammed/Mohamad differ in vowels and doubled letters
 * only by luck), and they are the commonest duplicates in Arabic, Dari and
 * Pashto records. Extend with care: every entry merges names for matching.
 */
const TRANSLITERATION_GROUPS: readonly string[] = [
  'muhammad mohammed mohammad mohamed mohamad muhammed muhamad muhamed mohamud mohammod mouhamed mouhammad mahomed',
  'ahmad ahmed ahmet ahmat',
  'mahmoud mahmud mahmood mahmut',
  'mustafa mostafa moustafa mustapha mostapha',
  'hussein husain hussain husein hossein hosein husayn hussien houssein',
  'hassan hasan',
  'yusuf yousef youssef yousif yusef yousuf youssouf',
  'ibrahim ebrahim ibraheem ibrahem',
  'abdullah abdallah abdulla abdalla',
  'abdul abdel abdoul',
  'omar umar omer',
  'osman usman uthman othman',
  'khalid khaled',
  'fatima fatma fatemeh fatimah fatuma',
  'aisha ayesha aicha aysha aishah',
  'saeed said saied saed',
  'karim kareem',
  'rahim raheem',
  'hamid hameed',
  'rashid rasheed rachid',
  'majid majeed',
  'jamal gamal',
  'nour noor nur',
  'walid waleed',
  'zainab zeinab zaynab',
  'maryam mariam meryem',
];

const CANONICAL: ReadonlyMap<string, string> = new Map(
  TRANSLITERATION_GROUPS.flatMap((group) => {
    const spellings = group.split(' ');
    return spellings.map((spelling) => [spelling, spellings[0]!] as const);
  }),
);

/**
 * Spellings that sound alike in Spanish (and many other languages) but that
 * English-tuned double-metaphone keeps apart: yeísmo (ll/y), b/v, silent h.
 * z/s and soft c are already merged by double-metaphone itself.
 */
const PHONETIC_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ll(?=[aeiou])/g, 'y'],
  [/v/g, 'b'],
  [/(^|[^cspgtkz])h+/g, '$1'],
];

// Anything that is not part of a word separates words: spaces, hyphens, dots, commas…
const WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}'\u2019\u02BC]+/u;
const HYPHEN = /[-\u2010-\u2015]/u;
// Bounds the work on unvalidated input; real names have far fewer words.
const MAX_FIELD_CHARS = 1000;
const MAX_TOKENS_PER_FIELD = 8;

export function phoneticCodes(canon: string): string[] {
  if (!/^[a-z]+$/.test(canon)) return [];
  const folded = PHONETIC_FOLDS.reduce((s, [pattern, to]) => s.replace(pattern, to), canon);
  return [...new Set(doubleMetaphone(folded))].filter((code) => code.length > 0);
}

function toToken(word: string): NameToken | null {
  const plain = romanize(word).replace(/[^a-z0-9]/g, '');
  if (plain.length === 0) return null;
  const canon = CANONICAL.get(plain) ?? plain;
  return { raw: word, folded: foldForSearch(word).replace(/'/g, ''), plain, canon, codes: phoneticCodes(canon) };
}

export function prepareField(value: string): PreparedField {
  const source = (value ?? '').slice(0, MAX_FIELD_CHARS).normalize('NFC').toLowerCase();
  const all = source
    .split(WORD_SEPARATOR)
    .map(toToken)
    .filter((t): t is NameToken => t !== null);
  const isParticle = (t: NameToken) => NAME_PARTICLES.has(t.plain);
  // A field made only of particles ("De La") is a name, not connectors.
  const kept = all.some((t) => !isParticle(t)) ? all.filter((t) => !isParticle(t)) : all;
  const tokens = kept.slice(0, MAX_TOKENS_PER_FIELD);
  return {
    tokens,
    particles: all
      .filter((t) => !kept.includes(t))
      .map((t) => t.plain)
      .sort(),
    joined: tokens.map((t) => t.canon).join(''),
    hasHyphen: HYPHEN.test(source),
  };
}

export function prepareName(record: NameRecord): PreparedName {
  const dob = typeof record.dob === 'string' && isValidIsoDate(record.dob) ? record.dob : undefined;
  const aNumber = typeof record.aNumber === 'string' ? (normalizeANumber(record.aNumber) ?? undefined) : undefined;
  return {
    given: prepareField(record.given),
    family: prepareField(record.family),
    ...(dob === undefined ? {} : { dob }),
    ...(aNumber === undefined ? {} : { aNumber }),
  };
}

/**
 * Lookup keys for finding duplicate candidates in the database.
 *
 * Contract: if `compareCandidates(a, b).strength` is not 'none', then
 * `nameKeys(a)` and `nameKeys(b)` share at least one key. So: store each
 * person's keys (one row per key, indexed), fetch the people sharing any key
 * with the new record, rank them by the number of shared keys, and call
 * compareCandidates on those. Keys are prefixed strings:
 *   'a:<9 digits>'  the A-number, when valid
 *   'n:<canon>'     each name token, romanised and canonical (particles dropped),
 *                   and each multi-word field run together ('n:pierrelouis')
 *   'p:<code>'      each token's double-metaphone codes after cross-language folds
 * Given and family tokens share one key space because names arrive swapped.
 * DOB is not a key: it only ever raises or lowers a name match.
 * Keys change when this module's tables change: recompute them all on upgrade
 * (compare NAME_KEYS_VERSION).
 */
export function nameKeys(record: NameRecord): string[] {
  return keysOf(prepareName(record));
}

/** nameKeys of a record already prepared (the duplicate check prepares each once for keys and comparisons). */
export function keysOf(prepared: PreparedName): string[] {
  const keys = new Set<string>();
  if (prepared.aNumber !== undefined) keys.add(`a:${prepared.aNumber}`);
  for (const field of [prepared.given, prepared.family]) {
    for (const token of field.tokens) {
      keys.add(`n:${token.canon}`);
      for (const code of token.codes) keys.add(`p:${code}`);
    }
    if (field.tokens.length > 1) keys.add(`n:${field.joined}`);
  }
  return [...keys].sort();
}

/** Bump when tokenising, tables or folds change, so stored keys are rebuilt. */
export const NAME_KEYS_VERSION = 1;
