import { createHash } from 'node:crypto';
import {
  EncryptedPDFError,
  PDFArray,
  PDFCatalog,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObject,
  PDFPageLeaf,
  PDFPageTree,
  PDFRawStream,
  PDFStream,
  type PDFRef,
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
  const copy = copyContext(base);
  origins.set(copy, base);
  return new Doc(copy, false, false);
}

/** The parsed blank each fill's copy was made from (saveFill compares against it). */
const origins = new WeakMap<PDFContext, PDFContext>();

/** Each parsed blank's objects as bytes, made on first use and kept with the parsed blank. */
const serializedOf = new WeakMap<PDFContext, Map<PDFRef, Uint8Array>>();

/**
 * Saves a filled copy. Writing every object out is a third of an I-589 fill,
 * yet a fill changes only the fields it writes and adds their appearances:
 * every indirect object still equal to the blank's is written from the
 * blank's own serialization, made once per blank. Equality is structural
 * (copyObject shares the immutable leaves), so a changed object is never
 * taken for an unchanged one; the originals are put back after the write.
 */
export async function saveFill(doc: PDFDocument): Promise<Uint8Array> {
  await doc.flush();
  // save() counts pages first: counted now, while the page tree is still made of objects rather than bytes.
  doc.getPageCount();
  const ctx = doc.context;
  const base = origins.get(ctx);
  const swapped: Array<[PDFRef, PDFObject]> = [];
  if (base) {
    for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
      const was = base.lookup(ref);
      if (was && sameObject(obj, was)) {
        swapped.push([ref, obj]);
        ctx.assign(ref, new Serialized(serializedBytes(base, ref, was)));
      }
    }
  }
  try {
    // No object streams: pdf-lib compresses them with pako, the costliest step of a save; the output is a few hundred KB larger.
    return await doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity, useObjectStreams: false });
  } finally {
    for (const [ref, obj] of swapped) ctx.assign(ref, obj);
  }
}

function serializedBytes(base: PDFContext, ref: PDFRef, obj: PDFObject): Uint8Array {
  let cache = serializedOf.get(base);
  if (!cache) serializedOf.set(base, (cache = new Map()));
  let bytes = cache.get(ref);
  if (!bytes) {
    bytes = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(bytes, 0);
    cache.set(ref, bytes);
  }
  return bytes;
}

/** An object already written out: pdf-lib's writer asks only for its size and its bytes. */
class Serialized extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
  override clone(): PDFObject {
    return this;
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
}

/**
 * A dictionary's own map. PDFDict.entries() copies it into a new array on
 * every call, which made comparing a fill's 2 800 objects cost as much as
 * writing them; pdf-lib is pinned, and the fill tests compare the output with
 * and without reuse byte for byte, so a change of pdf-lib's internals is caught.
 */
const entriesOf = (d: PDFDict) => (d as unknown as { dict: ReadonlyMap<PDFName, PDFObject> }).dict;

/** Whether a copy still equals its original: same classes and keys, the same shared leaves, nested values alike. */
function sameObject(a: PDFObject, b: PDFObject): boolean {
  if (a === b) return true;
  if (a.constructor !== b.constructor) return false;
  if (a instanceof PDFRawStream) return a.contents === (b as PDFRawStream).contents && sameObject(a.dict, (b as PDFRawStream).dict);
  if (a instanceof PDFDict) {
    const x = entriesOf(a);
    const y = entriesOf(b as PDFDict);
    if (x.size !== y.size) return false;
    for (const [key, value] of x) {
      const other = y.get(key);
      if (other === undefined || !sameObject(value, other)) return false;
    }
    return true;
  }
  if (a instanceof PDFArray) {
    const y = b as PDFArray;
    if (a.size() !== y.size()) return false;
    for (let i = 0; i < a.size(); i++) if (!sameObject(a.get(i), y.get(i))) return false;
    return true;
  }
  return false;
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
  (ctx as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = new CopiedOnRead(src, ctx);
  ctx.largestObjectNumber = src.largestObjectNumber;
  return ctx;
}

/**
 * A fill's indirect objects: the parsed blank's own, each copied the first
 * time anything reads it. Every read in pdf-lib (lookup, lookupMaybe, and so
 * every dictionary's lookup) goes through this map's get, so nothing can
 * change a blank's object, and the objects no one reads (old appearance
 * streams, fonts, page contents: a third of the I-589) are never copied.
 * Only the writer walks entries(): it sees the blank's objects, and saveFill
 * writes those from the blank's bytes.
 */
class CopiedOnRead extends Map<PDFRef, PDFObject> {
  constructor(
    private readonly blank: PDFContext,
    private readonly ctx: PDFContext,
  ) {
    super(blank.enumerateIndirectObjects());
  }
  override get(ref: PDFRef): PDFObject | undefined {
    const obj = super.get(ref);
    if (obj === undefined || obj !== this.blank.lookup(ref)) return obj;
    const copy = copyObject(obj, this.ctx);
    super.set(ref, copy);
    return copy;
  }
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
