import { AppError } from '../../../../shared/errors';

/**
 * The engine's PDF errors, reworded for the person at the desk: what is wrong
 * with the file and what to do about it. Codes are unchanged (the UI
 * localizes by code); messages never quote the file's content or name.
 */
const PLAIN: Partial<Record<string, string>> = {
  PDF_INVALID: 'This file is damaged or is not a PDF. Download the blank form again from uscis.gov and import that file.',
  PDF_NEEDS_PASSWORD: 'This PDF needs a password to open. Official USCIS blanks open without one: download the form again from uscis.gov.',
  PDF_NO_FORM:
    'This PDF has no fillable fields. Use the fillable form downloaded from uscis.gov, not a scan or a printed-and-scanned copy.',
};

export function plainPdfError(e: unknown): unknown {
  if (e instanceof AppError) {
    const message = PLAIN[e.code];
    if (message) return new AppError(e.code, message);
  }
  return e;
}

/** Runs `work`, rewording PDF errors. */
export async function withPlainPdfErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw plainPdfError(e);
  }
}
