/**
 * Form schemas for the vault screens, built from the shared schemas so the UI
 * validates exactly what the core accepts. Messages are catalog keys.
 */
import { z } from 'zod';
import { passphraseSchema, recoveryCodeSchema } from '../../shared/schemas/vault';

const required = (key: string) => z.string().min(1, { message: key }).max(1024, { message: 'passphrase.tooLong' });

/**
 * The second copy must match, but only once the first one is itself valid:
 * "do not match" under an empty box, next to "too short", is just noise.
 */
const confirmMatches =
  <K extends string>(field: K) =>
  (d: Record<K | 'confirm', string>, ctx: z.RefinementCtx) => {
    if (!passphraseSchema.safeParse(d[field]).success || d[field] === d.confirm) return;
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: d.confirm === '' ? 'passphrase.confirmRequired' : 'passphrase.mismatch' });
  };

export const createVaultForm = z.object({ passphrase: passphraseSchema, confirm: z.string() }).superRefine(confirmMatches('passphrase'));
export type CreateVaultForm = z.input<typeof createVaultForm>;

/** The user name may stay empty on a vault with one user; the core checks it (user.nameRequired, user.nameInvalid). */
const userNameField = z.string().trim().max(64, { message: 'user.nameInvalid' });

export const unlockForm = z.object({ userName: userNameField, passphrase: required('passphrase.required') });
export type UnlockForm = z.input<typeof unlockForm>;

export const recoverForm = z
  .object({
    userName: userNameField,
    recoveryCode: z.string().min(1, { message: 'recovery.required' }).pipe(recoveryCodeSchema),
    newPassphrase: passphraseSchema,
    confirm: z.string(),
  })
  .superRefine(confirmMatches('newPassphrase'));
export type RecoverFormIn = z.input<typeof recoverForm>;
export type RecoverFormOut = z.output<typeof recoverForm>;

export const changePassphraseForm = z
  .object({ current: required('passphrase.required'), next: passphraseSchema, confirm: z.string() })
  .superRefine(confirmMatches('next'));
export type ChangePassphraseForm = z.input<typeof changePassphraseForm>;
