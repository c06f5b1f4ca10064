/**
 * Errors are values with codes. The UI localizes by code; `message` is a plain
 * English fallback that must never contain client data (it may reach logs).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'DISK_FULL',
  'KEYSLOTS_MISSING',
  'KEYSLOTS_CORRUPT',
  'DB_CORRUPT',
  'DB_FROM_FUTURE',
  'NOT_FOUND',
  'STALE_WRITE',
  'MERGE_CONFLICT',
  'LINK_NOT_FOUND',
  'DUPLICATE_UNDECIDED',
  'UNKNOWN_RULE',
  'BAD_DATE',
  'CSV_INVALID',
  'PDF_INVALID',
  'PDF_NEEDS_PASSWORD',
  'PDF_NO_FORM',
  'PDF_WRONG_EDITION',
  'FORM_MAP_MISMATCH',
  'PDF_TOO_COMPLEX',
  'BACKUP_DAMAGED',
  'BACKUP_OTHER_VAULT',
  'BACKUP_FOLDER_UNAVAILABLE',
  'CLINIC_NONE',
  'CLINIC_EXISTS',
  'JOIN_INVALID',
  'FINGERPRINT_MISMATCH',
  'BUNDLE_DAMAGED',
  'BUNDLE_FROM_FUTURE',
  'BUNDLE_OTHER_CLINIC',
  'BUNDLE_UNKNOWN_DEVICE',
  'BUNDLE_DEVICE_REVOKED',
  'BUNDLE_DEVICE_EXPIRED',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_UNREADABLE',
  'CANCELLED',
  'FORBIDDEN',
  'ACCOUNT_EXPIRED',
  'CLOCK_BEHIND',
  'UNLOCK_DELAYED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Structured, non-sensitive detail (e.g. field paths, line numbers). */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });
