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

/**
 * Turns what someone typed into an FTS5 query: every word must match as a
 * prefix, in names or numbers; a query that is an A-number in any format
 * matches the stored nine digits. User text never reaches FTS5 syntax raw.
 */
export function ftsQuery(input: string): string | null {
  const a = normalizeANumber(input);
  if (a) return `numbers : "${a}"`;
  const words = foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' AND ');
}
