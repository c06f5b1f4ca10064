import { EncryptedPDFError, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { AppError } from '../../../shared/errors';

/** Loads an unencrypted PDF, mapping pdf-lib's failures onto our error codes. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) {
      throw new AppError('PDF_INVALID', 'PDF is still encrypted: decrypt the blank first');
    }
    throw new AppError('PDF_INVALID', 'PDF is damaged or not a PDF');
  }
}

/**
 * Leaves a plain AcroForm. USCIS blanks are XFA hybrids: viewers that honour
 * XFA (Acrobat) would show the XFA copy and ignore every value we write.
 * NeedsRendering asks for XFA rendering, and the Reader-extension signature
 * in /Perms breaks on any edit, making Acrobat warn and disable the form.
 */
export function removeXfa(doc: PDFDocument): void {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  acroForm?.delete(PDFName.of('XFA'));
  doc.catalog.delete(PDFName.of('NeedsRendering'));
  doc.catalog.delete(PDFName.of('Perms'));
}
