import { z } from 'zod';

/** Long passphrases are encouraged; 10 characters is the floor we enforce. */
export const MIN_PASSPHRASE_LENGTH = 10;

export const passphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, { message: 'passphrase.tooShort' })
  .max(1024, { message: 'passphrase.tooLong' });

/** Recovery codes are shown grouped (XXXX-XXXX-…); any spacing or case is accepted. */
export const recoveryCodeSchema = z
  .string()
  .max(200)
  .transform((s) => s.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(z.string().length(32, { message: 'recovery.badFormat' }));
