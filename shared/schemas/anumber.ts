import { optionalParsedString, parsedString, type Parsed } from '../intake/fields';

/**
 * Alien Registration Numbers: 'A' then 8 or 9 digits. Older 8-digit numbers
 * are the same number with a leading zero, so storing 9 digits makes equal
 * numbers compare equal. Clerks copy them from notices with any punctuation.
 */

const SEPARATORS = /[\s#-]/g;
const COMPACT = /^[Aa]?(\d{8,9})$/;
// Longest plausible typed form is "A# 012 - 345 - 678"; anything far longer is not an A-number.
const MAX_INPUT = 40;

export function normalizeANumber(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  const digits = COMPACT.exec(input.replace(SEPARATORS, ''))?.[1];
  if (digits === undefined) return null;
  const nine = digits.padStart(9, '0');
  return /^0+$/.test(nine) ? null : nine;
}

/**
 * 'A-012-345-678' for display. Input that is not an A-number comes back
 * unchanged: display must never hide what was stored.
 */
export function formatANumber(aNumber: string): string {
  const n = normalizeANumber(aNumber);
  return n === null ? aNumber : `A-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
}

const parseANumber = (s: string): Parsed<string> => {
  const n = normalizeANumber(s);
  return n === null ? { error: 'aNumber.invalid' } : { value: n };
};

/** Required A-number; output is 9 digits. */
export const aNumberSchema = parsedString(parseANumber, 'aNumber.invalid', MAX_INPUT);

/** Optional A-number: blank, null or missing become undefined; output is 9 digits. */
export const optionalANumberSchema = optionalParsedString(parseANumber, 'aNumber.invalid', MAX_INPUT);
