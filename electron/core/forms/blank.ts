import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { FieldInfo } from '../../../shared/forms/types';
import { decryptPdf } from './decrypt';
import { fieldsOf } from './fields';
import { assertPdfWithinLimits } from './limits';
import { openPdf, removeXfa } from './pdf';

export interface LoadedBlank {
  /** Unencrypted, XFA-free copy: what fillForm takes. Not sensitive; safe to cache. */
  bytes: Uint8Array;
  /** sha256 (hex) of the file exactly as given, i.e. the official download. */
  sha256: string;
  fields: FieldInfo[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The fields of a blank as given (decrypted in memory, nothing saved): what
 * `fields --blank` prints. Same checks and errors as loadBlank.
 */
export async function listBlankFields(original: Uint8Array): Promise<{ sha256: string; fields: FieldInfo[] }> {
  const sha256 = sha256Hex(original);
  await assertPdfWithinLimits(original);
  const decrypted = await decryptPdf(original);
  await assertPdfWithinLimits(decrypted);
  const fields = fieldsOf(await openPdf(decrypted));
  if (fields.length === 0) throw new AppError('PDF_NO_FORM', 'PDF has no fillable form fields');
  return { sha256, fields };
}

/**
 * Prepares an official blank once, at import: decrypt, drop XFA, list fields.
 * Throws PDF_INVALID, PDF_NEEDS_PASSWORD, PDF_NO_FORM or PDF_TOO_COMPLEX.
 */
export async function loadBlank(original: Uint8Array): Promise<LoadedBlank> {
  const sha256 = sha256Hex(original);
  // Checked twice: qpdf sees the file as given, pdf-lib the decrypted copy (whose streams are no longer opaque).
  await assertPdfWithinLimits(original);
  const decrypted = await decryptPdf(original);
  await assertPdfWithinLimits(decrypted);
  const doc = await openPdf(decrypted);
  removeXfa(doc);
  const fields = fieldsOf(doc);
  if (fields.length === 0) throw new AppError('PDF_NO_FORM', 'PDF has no fillable form fields');
  // Without object streams every later fill parses it without inflating them first (pdf-lib inflates in JavaScript).
  const bytes = await doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity, useObjectStreams: false });
  return { bytes, sha256, fields };
}
