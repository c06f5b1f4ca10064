import { z } from 'zod';

/** Long passphrases are encouraged; 10 characters is the floor we enforce. */
export const MIN_PASSPHRASE_LENGTH = 10;

export const passphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, { message: 'passphrase.tooShort' })
  .max(1024, { message: 'passphrase.tooLong' });

/**
 * Recovery codes are Crockford base32, shown in groups (XXXX-XXXX-…). Any
 * spacing or case is accepted, and the usual handwriting confusions are
 * folded (O->0, I/L->1), because the code was printed and typed back by hand.
 */
export function canonicalRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const recoveryCodeSchema = z
  .string()
  .max(200)
  .transform(canonicalRecoveryCode)
  .pipe(z.string().length(32, { message: 'recovery.badFormat' }));

/** A rough strength estimate for feedback while typing; not a security boundary. */
export function passphraseStrength(p: string): 0 | 1 | 2 | 3 | 4 {
  if (p.length < MIN_PASSPHRASE_LENGTH) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const words = p.trim().split(/\s+/).length;
  let score = 1;
  if (p.length >= 14) score++;
  if (p.length >= 20 || words >= 4) score++;
  if (classes >= 3 && p.length >= 12) score++;
  if (/^(.)\1+$/.test(p) || /^(?:0123456789|1234567890|password)/i.test(p)) score = 1;
  return Math.min(score, 4) as 0 | 1 | 2 | 3 | 4;
}
