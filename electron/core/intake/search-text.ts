import { foldForSearch } from '../../../shared/intake/normalize';
import { normalizeANumber } from '../../../shared/schemas/anumber';
import type { PersonData } from './records';

/**
 * The text the FTS5 index holds for one person. Names (with every alias or
 * nickname) go in both as written and folded (FTS5's remove_diacritics does
 * not fold ø, đ, ß…); numbers go in as digits only, the A-number also
 * without its leading zero; places hold the detention facility.
 */
export function searchText(d: PersonData): { names: string; numbers: string; places: string } {
  const written = [d.person.givenName, d.person.familyName, ...d.person.aliases].join(' ');
  const numbers: string[] = [];
  if (d.person.aNumber) numbers.push(d.person.aNumber, d.person.aNumber.replace(/^0+/, ''));
  if (d.detention.bookingNumber) numbers.push(d.detention.bookingNumber.replace(/[^0-9A-Za-z]/g, ''));
  if (d.person.phone) numbers.push(d.person.phone.replace(/\D/g, ''));
  const facility = d.detention.facility ?? '';
  return {
    names: `${written} ${foldForSearch(written)}`,
    numbers: numbers.join(' '),
    places: `${facility} ${foldForSearch(facility)}`.trim(),
  };
}

/** Without combining marks, as FTS5's remove_diacritics compares (Cyrillic й and и, too). */
const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** The words of a search, folded as the index is (at most 8). */
export function queryWords(input: string): string[] {
  return foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Turns what someone typed into an FTS5 query: every word must match as a
 * prefix, in names, numbers or places; a query that is an A-number in any
 * format matches the stored nine digits. User text never reaches FTS5 syntax
 * raw. `words` are the words without marks, as ranking compares them.
 */
export function ftsQuery(input: string): { fts: string; words: string[] } | null {
  const a = normalizeANumber(input);
  if (a) return { fts: `numbers : "${a}"`, words: [] };
  const words = queryWords(input);
  if (words.length === 0) return null;
  return { fts: words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' AND '), words: words.map(bare) };
}

/** An indexed row's words (its names, numbers and places text), without marks, as ranking compares them. */
export function tokensOf(...texts: string[]): string[] {
  return bare(texts.join(' ').toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
