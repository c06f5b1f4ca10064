/**
 * Turns one map entry plus the form view into what goes in the field. Pure:
 * no PDF knowledge here, so every formatting rule is testable on its own.
 */
import type { FieldMap, MapEntry } from './map-schema';
import { readPath, type FormView } from './view';

export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'check'; on: boolean }
  | { kind: 'empty' }
  /** The view has a value the form cannot take; `reason` never repeats the value. */
  | { kind: 'bad'; reason: string };

const EMPTY: FieldValue = { kind: 'empty' };

/** USCIS's convention for a person with one name: it goes in the family name, given name "FNU". */
export const FIRST_NAME_UNKNOWN = 'FNU';

/** Resolves a path through the map's aliases: the first alias target that is present wins. */
export function makeReader(view: FormView, aliases: FieldMap['aliases'] = {}): (path: string) => unknown {
  const resolved = new Map<string, unknown>();
  for (const [name, targets] of Object.entries(aliases)) {
    resolved.set(
      name,
      targets.map((t) => readPath(view, t)).find((v) => v !== undefined && v !== null),
    );
  }
  return (path) => {
    const dot = path.indexOf('.');
    const head = dot === -1 ? path : path.slice(0, dot);
    if (!resolved.has(head)) return readPath(view, path);
    const base = resolved.get(head);
    return dot === -1 ? base : readPath(base, path.slice(dot + 1));
  };
}

export function computeValue(entry: MapEntry, read: (path: string) => unknown): FieldValue {
  switch (entry.transform) {
    case 'constant':
      return typeof entry.value === 'boolean' ? { kind: 'check', on: entry.value } : text(entry.value);
    case 'checkbox-if': {
      if (entry.when && !holds(entry.when, read)) return EMPTY;
      const v = read(entry.source);
      const on = entry.truthy !== undefined ? isPresent(v) === entry.truthy : v === entry.equals;
      return { kind: 'check', on };
    }
    case 'name-given':
    case 'name-family':
    case 'name-middle':
      return nameValue(entry.transform, read(entry.source));
    default: {
      if (entry.when && !holds(entry.when, read)) return EMPTY;
      const paths = Array.isArray(entry.source) ? entry.source : [entry.source];
      const parts = paths.flatMap((p) => toStrings(read(p)));
      if (parts.length === 0) return EMPTY;
      return formatText(entry.transform, parts.join(entry.separator ?? ', '));
    }
  }
}

function holds(when: { source: string; equals?: unknown; present?: boolean }, read: (path: string) => unknown): boolean {
  const v = read(when.source);
  return when.present !== undefined ? isPresent(v) === when.present : v === when.equals;
}

type TextTransform = Exclude<MapEntry['transform'], 'constant' | 'checkbox-if' | `name-${string}`>;

function formatText(transform: TextTransform, raw: string): FieldValue {
  switch (transform) {
    case 'text':
      return text(raw);
    case 'upper':
      return text(raw.toUpperCase());
    case 'date-mdy':
      return dateMdy(raw);
    case 'a-number':
      return aNumber(raw);
    case 'phone-area':
    case 'phone-number':
    case 'phone-digits':
      return phone(transform, raw);
    case 'ead-category-1':
    case 'ead-category-2':
    case 'ead-category-3':
      return eadCategoryPart(raw, Number(transform.slice(-1)) - 1);
    case 'zip5': {
      const m = /^(\d{5})(?:-?\d{4})?$/.exec(raw.trim());
      return m?.[1] ? text(m[1]) : { kind: 'bad', reason: 'not a U.S. ZIP code' };
    }
  }
}

/**
 * One box of an eligibility category: "(c)(8)" -> "c", "8", (empty);
 * "(c)(3)(C)" -> "c", "3", "C". Anything else is left out, never guessed.
 */
export function eadCategoryPart(raw: string, box: number): FieldValue {
  const m = /^\s*\(\s*([a-c])\s*\)\s*\(\s*(\d{1,2})\s*\)\s*(?:\(\s*([a-z]{1,4})\s*\)\s*)?$/i.exec(raw);
  if (!m) return { kind: 'bad', reason: 'not an eligibility category such as (c)(8)' };
  const parts = [m[1]?.toLowerCase() ?? '', m[2] ?? '', m[3] ?? ''];
  return text(parts[box] ?? '');
}

export function dateMdy(iso: string): FieldValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return { kind: 'bad', reason: 'not a YYYY-MM-DD date' };
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(y), month)) {
    return { kind: 'bad', reason: 'not a calendar date' };
  }
  return text(`${mo}/${d}/${y}`);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Accepts the stored 9 digits and the forms people type ("A-012-345-678", "a 12345678"). */
export function aNumber(raw: string): FieldValue {
  const m = /^\s*(?:a\s*[-#]?\s*)?([\d\s-]+)$/i.exec(raw);
  const digits = m?.[1]?.replace(/\D/g, '') ?? '';
  if (digits.length < 8 || digits.length > 9 || /^0+$/.test(digits)) {
    return { kind: 'bad', reason: 'not an A-Number' };
  }
  return text(digits.padStart(9, '0'));
}

function phone(transform: 'phone-area' | 'phone-number' | 'phone-digits', raw: string): FieldValue {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return { kind: 'bad', reason: 'not a 10-digit U.S. phone number' };
  if (transform === 'phone-area') return text(digits.slice(0, 3));
  if (transform === 'phone-number') return text(`${digits.slice(3, 6)}-${digits.slice(6)}`);
  return text(digits);
}

function nameValue(transform: 'name-given' | 'name-family' | 'name-middle', holder: unknown): FieldValue {
  if (holder === null || typeof holder !== 'object') return EMPTY;
  const h = holder as Record<string, unknown>;
  const given = typeof h.givenName === 'string' ? h.givenName.trim() : '';
  const family = typeof h.familyName === 'string' ? h.familyName.trim() : '';
  const middle = typeof h.middleName === 'string' ? h.middleName.trim() : '';
  const mononym = family === '' && given !== '';
  if (transform === 'name-family') return text(mononym ? given : family);
  if (transform === 'name-given') return text(mononym ? FIRST_NAME_UNKNOWN : given);
  return text(middle);
}

function text(s: string): FieldValue {
  return s === '' ? EMPTY : { kind: 'text', text: s };
}

function toStrings(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(toStrings);
  if (typeof v === 'string') return v.trim() === '' ? [] : [v.trim()];
  if (typeof v === 'number' && Number.isFinite(v)) return [String(v)];
  return [];
}

function isPresent(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null && v !== false && v !== '';
}
