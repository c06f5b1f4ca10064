import { createHash } from 'node:crypto';
import {
  EncryptedPDFError,
  PDFArray,
  PDFCatalog,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFPageLeaf,
  PDFPageTree,
  PDFRawStream,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
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

/**
 * Parsed blanks by the SHA-256 of their bytes, a few at a time: parsing the
 * I-589 was a third of every fill. Each fill gets a deep copy of the parsed
 * objects (copying is several times cheaper than parsing), so no fill ever
 * sees another's changes. Blanks are not client data.
 */
const PARSED_KEPT = 4;
const parsed = new Map<string, Promise<PDFContext>>();

/**
 * Blanks primed for one fill only (a one-shot process such as the CLI): the
 * next openBlankCopy of these bytes takes the parsed objects themselves
 * instead of copying them, since no later fill will need them.
 */
const once = new Set<string>();

/** Parses a blank into the kept set ahead of its first fill (the CLI does it while Argon2id runs). */
export async function primeBlank(bytes: Uint8Array, opts: { once?: boolean } = {}): Promise<void> {
  const key = keyOf(bytes);
  await parsedBlank(key, bytes);
  if (opts.once) once.add(key);
}

const keyOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Kept as promises, so a fill that starts while the same blank is still being parsed waits for that parse. */
function parsedBlank(key: string, bytes: Uint8Array): Promise<PDFContext> {
  let base = parsed.get(key);
  if (!base) {
    base = openPdf(bytes).then((doc) => doc.context);
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, base);
    base.catch(() => parsed.delete(key));
  }
  return base;
}

export async function openBlankCopy(bytes: Uint8Array): Promise<PDFDocument> {
  const key = keyOf(bytes);
  const base = await parsedBlank(key, bytes);
  const Doc = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  if (once.delete(key)) {
    parsed.delete(key);
    return new Doc(base, false, false);
  }
  return new Doc(copyContext(base), false, false);
}

function copyContext(src: PDFContext): PDFContext {
  const ctx = PDFContext.create();
  ctx.header = src.header;
  const t = src.trailerInfo;
  ctx.trailerInfo = {
    ...(t.Root ? { Root: copyObject(t.Root, ctx) } : {}),
    ...(t.Encrypt ? { Encrypt: copyObject(t.Encrypt, ctx) } : {}),
    ...(t.Info ? { Info: copyObject(t.Info, ctx) } : {}),
    ...(t.ID ? { ID: copyObject(t.ID, ctx) } : {}),
  };
  for (const [ref, obj] of src.enumerateIndirectObjects()) ctx.assign(ref, copyObject(obj, ctx));
  ctx.largestObjectNumber = src.largestObjectNumber;
  return ctx;
}

/** Dictionaries, arrays and streams are copied all the way down (with their pdf-lib class); names, numbers, strings and refs are immutable and shared. */
function copyObject(obj: PDFObject, ctx: PDFContext): PDFObject {
  if (obj instanceof PDFRawStream) return PDFRawStream.of(copyDict(obj.dict, ctx), obj.contents);
  if (obj instanceof PDFDict) return copyDict(obj, ctx);
  if (obj instanceof PDFArray) {
    const out = PDFArray.withContext(ctx);
    for (let i = 0; i < obj.size(); i++) out.push(copyObject(obj.get(i), ctx));
    return out;
  }
  if (obj instanceof PDFStream) return obj.clone(ctx);
  return obj;
}

function copyDict<T extends PDFDict>(dict: T, ctx: PDFContext): T {
  const map = new Map<PDFName, PDFObject>();
  for (const [key, value] of dict.entries()) map.set(key, copyObject(value, ctx));
  // The parser gives the catalog and page tree their own classes: keep them.
  if (dict instanceof PDFPageLeaf) return PDFPageLeaf.fromMapWithContext(map, ctx) as unknown as T;
  if (dict instanceof PDFPageTree) return PDFPageTree.fromMapWithContext(map, ctx) as unknown as T;
  if (dict instanceof PDFCatalog) return PDFCatalog.fromMapWithContext(map, ctx) as unknown as T;
  return PDFDict.fromMapWithContext(map, ctx) as T;
}
