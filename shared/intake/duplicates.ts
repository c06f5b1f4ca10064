import { prepareName, type NameRecord, type NameToken, type PreparedField, type PreparedName } from './names';

/**
 * Duplicate and conflict matcher. Evidence is added up into a score; the
 * strength follows from the score alone, so ranking and labelling agree:
 *
 *   name (best of: as written, given/family swapped, all words pooled)
 *     exact 60 · all words, some only phonetically 52 · a second name dropped 47
 *     (either of the last two with a one-letter typo in a word: 12 less)
 *     family name only 20 · one side has no family name 20 · given only 0
 *   date of birth   equal +30 · one-typo or day/month swapped +12 · missing 0 · differs -25
 *   A-number        equal → 100 outright · both present and different -50
 *   single-word name on either side -15, and never above 70
 *
 *   likely ≥ 75 · possible ≥ 35 · otherwise none
 *
 * Spelling variants (one typo) only count when some other word matches exactly
 * or by sound, which is what keeps the nameKeys contract true.
 */

export const REASON_CODES = [
  'a-number-equal',
  'a-number-differs',
  'dob-equal',
  'dob-close',
  'dob-differs',
  'dob-missing',
  'names-equal',
  'names-equal-ignoring-accents',
  'accent-variant',
  'given-family-swapped',
  'name-split-differs',
  'second-given-dropped',
  'second-surname-dropped',
  'transliteration-variant',
  'phonetic-match',
  'spelling-variant',
  'hyphen-variant',
  'particle-variant',
  'family-name-only',
  'given-name-only',
  'family-name-missing',
  'given-name-missing',
  'single-name-only',
  'names-differ',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];
export type MatchStrength = 'likely' | 'possible' | 'none';

export interface CandidateMatch {
  strength: MatchStrength;
  /** 0–100, for ranking candidates. */
  score: number;
  /** Stable codes in REASON_CODES order, for the UI to explain the match. */
  reasons: ReasonCode[];
}

export const LIKELY_SCORE = 75;
export const POSSIBLE_SCORE = 35;

type TokenKind = 'same' | 'accent' | 'transliteration' | 'phonetic' | 'spelling';
type FieldStatus = 'full' | 'subset' | 'no' | 'missing' | 'empty';
type Level = 'exact' | 'variant' | 'subset' | 'family-only' | 'part-missing' | 'given-only' | 'none';
type Orientation = 'straight' | 'swapped' | 'pooled';
type DobRelation = 'equal' | 'close' | 'differs' | 'unknown';

const TOKEN_SCORE: Record<TokenKind, number> = { same: 1, accent: 1, transliteration: 1, phonetic: 0.85, spelling: 0.75 };
const LEVEL_POINTS: Record<Level, number> = {
  exact: 60,
  variant: 52,
  subset: 47,
  'family-only': 20,
  'part-missing': 20,
  'given-only': 0,
  none: 0,
};
const DOB_POINTS: Record<DobRelation, number> = { equal: 30, close: 12, unknown: 0, differs: -25 };
const A_NUMBER_DIFFERS_POINTS = -50;
const SINGLE_NAME_POINTS = -15;
const SPELLING_PENALTY = 12;
const SINGLE_NAME_CAP = 70;

// The best date of birth short of equal (a typo, day and month swapped).
const BEST_OTHER_DOB = Math.max(...Object.values(DOB_POINTS).filter((p) => p < DOB_POINTS.equal));

/**
 * Whether two people holding different A-numbers can only come out possible
 * or likely when born the same day: the best name and a close date of birth,
 * less the A-number's penalty, stay under POSSIBLE_SCORE. The vault's check
 * relies on it to leave out, before comparing, the name candidates who hold
 * another A-number (everyone born that day is compared anyway), and follows
 * these weights if they change.
 */
export const OTHER_A_NUMBER_NEEDS_SAME_DOB =
  Math.max(...Object.values(LEVEL_POINTS)) + BEST_OTHER_DOB + A_NUMBER_DIFFERS_POINTS < POSSIBLE_SCORE;

/**
 * Whether, unless born the same day, a pair needs both names matched (the
 * levels that only match one field, or miss one, stay under "possible" with
 * any other birth date): what lets mayMatch answer without comparing.
 */
const NEEDS_BOTH_NAMES_UNLESS_SAME_DOB =
  Math.max(LEVEL_POINTS['family-only'], LEVEL_POINTS['part-missing'], LEVEL_POINTS['given-only']) + BEST_OTHER_DOB < POSSIBLE_SCORE;
// Below this length a single typo turns one short name into another (Ana/Ada).
const MIN_SPELLING_LENGTH = 4;

interface FieldMatch {
  status: FieldStatus;
  kinds: TokenKind[];
  /** Matched only once words were run together (Pierre-Louis / Pierrelouis). */
  joined: boolean;
  a: PreparedField;
  b: PreparedField;
}

interface NameMatch {
  level: Level;
  orientation: Orientation;
  given: FieldMatch;
  family: FieldMatch;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  if (s.length < l.length) return s.slice(i) === l.slice(i + 1);
  const substituted = s.slice(i + 1) === l.slice(i + 1);
  const transposed = s[i] === l[i + 1] && s[i + 1] === l[i] && s.slice(i + 2) === l.slice(i + 2);
  return substituted || transposed;
}

function tokenKind(x: NameToken, y: NameToken): TokenKind | null {
  if (x.raw === y.raw) return 'same';
  if (x.folded === y.folded) return 'accent';
  if (x.canon === y.canon) return 'transliteration';
  if (x.codes.some((code) => y.codes.includes(code))) return 'phonetic';
  const long = Math.min(x.canon.length, y.canon.length) >= MIN_SPELLING_LENGTH;
  return long && withinOneEdit(x.canon, y.canon) ? 'spelling' : null;
}

/** Pairs words one-to-one, best matches first and, among equals, words in the same position. */
function pairTokens(xs: readonly NameToken[], ys: readonly NameToken[]): TokenKind[] {
  const candidates: { i: number; j: number; kind: TokenKind }[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < ys.length; j++) {
      const kind = tokenKind(xs[i]!, ys[j]!);
      if (kind) candidates.push({ i, j, kind });
    }
  }
  candidates.sort((p, q) => TOKEN_SCORE[q.kind] - TOKEN_SCORE[p.kind] || Math.abs(p.i - p.j) - Math.abs(q.i - q.j) || p.i - q.i);
  const usedX: boolean[] = [];
  const usedY: boolean[] = [];
  const kinds: TokenKind[] = [];
  for (const { i, j, kind } of candidates) {
    if (usedX[i] || usedY[j]) continue;
    usedX[i] = true;
    usedY[j] = true;
    kinds.push(kind);
  }
  return kinds;
}

// Literal objects, not a helper closure: this runs six times per pair compared, hundreds of
// thousands of times in an import.
function matchField(a: PreparedField, b: PreparedField): FieldMatch {
  if (a.tokens.length === 0 && b.tokens.length === 0) return { status: 'empty', kinds: [], joined: false, a, b };
  if (a.tokens.length === 0 || b.tokens.length === 0) return { status: 'missing', kinds: [], joined: false, a, b };
  // Checked first so "D'Souza" / "D Souza" is one name spaced two ways, not a dropped word.
  if (a.tokens.length !== b.tokens.length && a.joined === b.joined) return { status: 'full', kinds: [], joined: true, a, b };
  const kinds = pairTokens(a.tokens, b.tokens);
  if (kinds.length === Math.min(a.tokens.length, b.tokens.length)) {
    return { status: a.tokens.length === b.tokens.length ? 'full' : 'subset', kinds, joined: false, a, b };
  }
  return { status: 'no', kinds, joined: false, a, b };
}

const matched = (f: FieldMatch) => f.status === 'full' || f.status === 'subset';
const settled = (f: FieldMatch) => matched(f) || f.status === 'empty';
const isExactKind = (k: TokenKind) => k === 'same' || k === 'accent' || k === 'transliteration';

function levelOf(given: FieldMatch, family: FieldMatch): Level {
  if (settled(given) && settled(family) && (matched(given) || matched(family))) {
    if (given.status === 'subset' || family.status === 'subset') return 'subset';
    return [...given.kinds, ...family.kinds].every(isExactKind) ? 'exact' : 'variant';
  }
  if ((matched(given) && family.status === 'missing') || (matched(family) && given.status === 'missing')) {
    return 'part-missing';
  }
  if (matched(family)) return 'family-only';
  if (matched(given)) return 'given-only';
  return 'none';
}

/** A match resting on typos alone shares no lookup key, so it must not count. */
function anchored(...fields: FieldMatch[]): boolean {
  return fields.some((f) => f.joined || f.kinds.some((k) => k !== 'spelling'));
}

// A prepared name is compared with many others (an import compares each row with its earlier
// rows and its vault candidates), so its pooled words are built once.
const pooled = new WeakMap<PreparedName, PreparedField>();

function pool(name: PreparedName): PreparedField {
  let field = pooled.get(name);
  if (!field) {
    const tokens = [...name.given.tokens, ...name.family.tokens];
    field = {
      tokens,
      particles: [...name.given.particles, ...name.family.particles].sort(),
      joined: tokens.map((t) => t.canon).join(''),
      hasHyphen: name.given.hasHyphen || name.family.hasHyphen,
    };
    pooled.set(name, field);
  }
  return field;
}

const EMPTY_FIELD: PreparedField = { tokens: [], particles: [], joined: '', hasHyphen: false };

function orient(orientation: Orientation, given: FieldMatch, family: FieldMatch): NameMatch {
  const level = anchored(given, family) ? levelOf(given, family) : 'none';
  return { level, orientation, given, family };
}

function bestNameMatch(a: PreparedName, b: PreparedName): NameMatch {
  const straight = orient('straight', matchField(a.given, b.given), matchField(a.family, b.family));
  const swapped = orient('swapped', matchField(a.given, b.family), matchField(a.family, b.given));
  let pooledMatch = orient('pooled', matchField(pool(a), pool(b)), matchField(EMPTY_FIELD, EMPTY_FIELD));
  // Pooling all words must not turn one shared word into a "dropped name".
  if (pooledMatch.level === 'subset' && pooledMatch.given.kinds.length < 2) pooledMatch = { ...pooledMatch, level: 'none' };
  // Earlier entries win ties: the reading closest to what was typed.
  let best = straight;
  let bestPoints = namePoints(straight);
  for (const m of [swapped, pooledMatch]) {
    const points = namePoints(m);
    if (points > bestPoints) [best, bestPoints] = [m, points];
  }
  return best;
}

function dobRelation(a: string | undefined, b: string | undefined): DobRelation {
  if (a === undefined || b === undefined) return 'unknown';
  if (a === b) return 'equal';
  const dayMonthSwapped = a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
  return dayMonthSwapped || withinOneEdit(a, b) ? 'close' : 'differs';
}

const particlesDiffer = (f: FieldMatch) => f.a.particles.join(' ') !== f.b.particles.join(' ');

function nameReasons(m: NameMatch): ReasonCode[] {
  if (m.level === 'none') return ['names-differ'];
  if (m.level === 'given-only') return ['given-name-only'];
  if (m.level === 'family-only') return familyOnlyReasons(m);
  const reasons: ReasonCode[] = [];
  const add = (cond: boolean, code: ReasonCode) => {
    if (cond) reasons.push(code);
  };
  add(m.family.status === 'missing', 'family-name-missing');
  add(m.given.status === 'missing', 'given-name-missing');
  const fields = [m.given, m.family].filter(matched);
  const kinds = fields.flatMap((f) => f.kinds);
  const exact = m.level === 'exact';
  add(exact && kinds.includes('accent'), 'names-equal-ignoring-accents');
  add(exact && kinds.length > 0 && kinds.every((k) => k === 'same'), 'names-equal');
  add(!exact && kinds.includes('accent'), 'accent-variant');
  add(m.orientation === 'swapped', 'given-family-swapped');
  add(m.orientation === 'pooled', 'name-split-differs');
  add(m.orientation !== 'pooled' && m.given.status === 'subset', 'second-given-dropped');
  add(m.orientation !== 'pooled' && m.family.status === 'subset', 'second-surname-dropped');
  add(kinds.includes('transliteration'), 'transliteration-variant');
  add(kinds.includes('phonetic'), 'phonetic-match');
  add(kinds.includes('spelling'), 'spelling-variant');
  add(
    fields.some((f) => f.joined || f.a.hasHyphen !== f.b.hasHyphen),
    'hyphen-variant',
  );
  add(fields.some(particlesDiffer), 'particle-variant');
  return reasons;
}

function familyOnlyReasons(m: NameMatch): ReasonCode[] {
  const kinds = m.family.kinds;
  const reasons: ReasonCode[] = ['family-name-only'];
  if (m.orientation === 'swapped') reasons.push('given-family-swapped');
  if (kinds.includes('phonetic')) reasons.push('phonetic-match');
  if (kinds.includes('spelling')) reasons.push('spelling-variant');
  return reasons;
}

/** A typo could as well be another name (Marta/Maria): on its own it never makes a likely match. */
function namePoints(m: NameMatch): number {
  const typo = [m.given, m.family].some((f) => matched(f) && f.kinds.includes('spelling'));
  return LEVEL_POINTS[m.level] - (typo && (m.level === 'variant' || m.level === 'subset') ? SPELLING_PENALTY : 0);
}

const DOB_REASON: Record<DobRelation, ReasonCode> = {
  equal: 'dob-equal',
  close: 'dob-close',
  differs: 'dob-differs',
  unknown: 'dob-missing',
};

const isPrepared = (r: NameRecord | PreparedName): r is PreparedName => typeof r.given !== 'string';
const tokenCount = (n: PreparedName) => n.given.tokens.length + n.family.tokens.length;

function strengthOf(score: number): MatchStrength {
  if (score >= LIKELY_SCORE) return 'likely';
  return score >= POSSIBLE_SCORE ? 'possible' : 'none';
}

const REASON_RANK = new Map<ReasonCode, number>(REASON_CODES.map((code, i) => [code, i]));

function orderReasons(reasons: ReasonCode[]): ReasonCode[] {
  return [...new Set(reasons)].sort((x, y) => REASON_RANK.get(x)! - REASON_RANK.get(y)!);
}

/**
 * A quick first test for the vault's check, which compares each row of an
 * import with up to 200 people, most of them sharing only the family names:
 * false only when compareCandidates is sure to say "none". Unless the
 * A-numbers are equal or the birth dates are, a match needs the given and
 * the family names matched (as written or swapped) or every word of the
 * shorter name paired when all words are pooled; a word that pairs with no
 * word of the other name rules those out. Names with an empty field go to
 * the full comparison.
 */
export function mayMatch(a: PreparedName, b: PreparedName): boolean {
  if (!NEEDS_BOTH_NAMES_UNLESS_SAME_DOB) return true;
  if ((a.aNumber !== undefined && a.aNumber === b.aNumber) || dobRelation(a.dob, b.dob) === 'equal') return true;
  if (a.given.tokens.length === 0 || a.family.tokens.length === 0 || b.given.tokens.length === 0 || b.family.tokens.length === 0)
    return true;
  if (fieldMayMatch(a.given, b.given) && fieldMayMatch(a.family, b.family)) return true;
  if (fieldMayMatch(a.given, b.family) && fieldMayMatch(a.family, b.given)) return true;
  const pa = pool(a);
  const pb = pool(b);
  if (pa.tokens.length !== pb.tokens.length && pa.joined === pb.joined) return true;
  // Pooled, every word of the shorter name must pair: as many words on each side as it has.
  const shorter = Math.min(pa.tokens.length, pb.tokens.length);
  return pairedWords(pa.tokens, pb.tokens) >= shorter && pairedWords(pb.tokens, pa.tokens) >= shorter;
}

// mayMatch's steps, as functions rather than closures: they run for every candidate of every row of an import.

/** Whether matchField could match the two: run together alike with other word counts, or some word paired. */
function fieldMayMatch(x: PreparedField, y: PreparedField): boolean {
  if (x.tokens.length !== y.tokens.length && x.joined === y.joined) return true;
  for (const t of x.tokens) for (const u of y.tokens) if (tokenKind(t, u) !== null) return true;
  return false;
}

/** How many of xs pair with some word of ys (an upper bound on pairTokens' count). */
function pairedWords(xs: readonly NameToken[], ys: readonly NameToken[]): number {
  let n = 0;
  for (const x of xs) {
    for (const y of ys) {
      if (tokenKind(x, y) !== null) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Compares two people. Pass records prepared once with `prepareName` when
 * comparing one person against many candidates.
 */
export function compareCandidates(a: NameRecord | PreparedName, b: NameRecord | PreparedName): CandidateMatch {
  const pa = isPrepared(a) ? a : prepareName(a);
  const pb = isPrepared(b) ? b : prepareName(b);
  const name = bestNameMatch(pa, pb);
  const dob = dobRelation(pa.dob, pb.dob);
  const bothANumbers = pa.aNumber !== undefined && pb.aNumber !== undefined;
  const aNumberEqual = bothANumbers && pa.aNumber === pb.aNumber;
  const singleName = tokenCount(pa) <= 1 || tokenCount(pb) <= 1;

  const reasons: ReasonCode[] = [...nameReasons(name), DOB_REASON[dob]];
  if (bothANumbers) reasons.push(aNumberEqual ? 'a-number-equal' : 'a-number-differs');
  if (singleName) reasons.push('single-name-only');

  let score = namePoints(name) + (name.level === 'none' ? Math.min(0, DOB_POINTS[dob]) : DOB_POINTS[dob]);
  if (bothANumbers && !aNumberEqual) score += A_NUMBER_DIFFERS_POINTS;
  if (singleName) score = Math.min(score + SINGLE_NAME_POINTS, SINGLE_NAME_CAP);
  score = aNumberEqual ? 100 : Math.max(0, Math.min(100, score));

  return { strength: strengthOf(score), score, reasons: orderReasons(reasons) };
}

export { keysOf, nameKeys, prepareName, NAME_KEYS_VERSION, type NameRecord, type PreparedName } from './names';
