import { optionalParsedString, parsedString, type Parsed } from '../intake/fields';

/**
 * Legal dates are 'YYYY-MM-DD' strings, never Date objects, so a date typed in
 * one time zone is the same date everywhere. Date arithmetic below runs in UTC
 * on those strings. Nothing here reads the clock: callers pass "today".
 */

/** Today's date as an ISO string, or a function read at validation time. */
export type Today = string | (() => string);
/** 'iso' accepts only YYYY-MM-DD; 'us' is for forms and also accepts ISO. */
export type DateInput = 'iso' | 'us';

/** Earliest and latest dates any intake field accepts: outside is a typo. */
export const MIN_PLAUSIBLE_DATE = '1900-01-01';
export const MAX_PLAUSIBLE_DATE = '2199-12-31';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MS_PER_DAY = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isValidIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return m !== null && isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** MM/DD/YYYY, M/D/YYYY or YYYY-MM-DD to ISO; null for impossible dates such as 02/30. */
export function parseUsDate(input: string): string | null {
  if (typeof input !== 'string' || input.length > 20) return null;
  const s = input.trim();
  if (isValidIsoDate(s)) return s;
  const m = US.exec(s);
  return m ? isoFromParts(Number(m[3]), Number(m[1]), Number(m[2])) : null;
}

/** ISO to MM/DD/YYYY; anything else comes back unchanged so nothing is hidden. */
export function formatUsDate(iso: string): string {
  if (!isValidIsoDate(iso)) return iso;
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/** The calendar date a local clock shows, for callers that own a clock. */
export function isoDateFromLocal(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

function utcMs(iso: string): number {
  if (!isValidIsoDate(iso)) throw new RangeError('Expected a YYYY-MM-DD date');
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

export function addDays(iso: string, days: number): string {
  return new Date(utcMs(iso) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Same month and day `years` later. 29 February falls back to 28 February in
 * common years: for a deadline, the earlier day is the safe one.
 */
export function addYears(iso: string, years: number): string {
  if (!isValidIsoDate(iso)) throw new RangeError('Expected a YYYY-MM-DD date');
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7));
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  const out = isoFromParts(year, month, day);
  if (out === null) throw new RangeError('Year out of range');
  return out;
}

export interface DateRule {
  input?: DateInput;
  /** Refuse dates after this day ('date.future'), e.g. a date of birth. */
  notAfter?: Today;
  min?: string;
  max?: string;
}

const resolveToday = (today: Today) => (typeof today === 'function' ? today() : today);

/** Parses and checks one date against a rule; errors are message keys. */
export function checkDate(input: string, rule: DateRule = {}): Parsed<string> {
  const iso = rule.input === 'us' ? parseUsDate(input) : isValidIsoDate(input) ? input : null;
  if (iso === null) return { error: 'date.invalid' };
  if (iso < (rule.min ?? MIN_PLAUSIBLE_DATE)) return { error: 'date.tooEarly' };
  if (iso > (rule.max ?? MAX_PLAUSIBLE_DATE)) return { error: 'date.tooLate' };
  if (rule.notAfter !== undefined && iso > resolveToday(rule.notAfter)) return { error: 'date.future' };
  return { value: iso };
}

export const dateSchema = (rule: DateRule = {}) => parsedString((s) => checkDate(s, rule), 'date.invalid', 20);
export const optionalDateSchema = (rule: DateRule = {}) => optionalParsedString((s) => checkDate(s, rule), 'date.invalid', 20);

/** Strict YYYY-MM-DD within the plausible range (IPC, storage). */
export const isoDateSchema = dateSchema({ input: 'iso' });
/** Form input: MM/DD/YYYY (or ISO) in, ISO out. */
export const usDateSchema = dateSchema({ input: 'us' });

/** A date that has already happened (date of birth, entry, consent). */
export const pastDateSchema = (today: Today, input: DateInput = 'iso') => dateSchema({ input, notAfter: today });
export const optionalPastDateSchema = (today: Today, input: DateInput = 'iso') => optionalDateSchema({ input, notAfter: today });

/** Date of birth: not in the future, not before 1900. */
export const dobSchema = pastDateSchema;
export const optionalDobSchema = optionalPastDateSchema;
