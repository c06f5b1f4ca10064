import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFName, PDFRawStream, type PDFDocument, type PDFObject, type PDFOperator } from 'pdf-lib';

/**
 * pdf-lib deflates every form XObject with pako when saving; pako allocates
 * fresh buffers per stream, and for a form of ~450 fields that cost about an
 * eighth of the fill's CPU time. Appearance streams are built whole and never appended
 * to, so this document's form XObjects are compressed once, at creation, with
 * Node's native zlib. Page content streams (appended to) are left alone.
 */
const SMALL_STREAM = 1024;

export function useNativeDeflateForXObjects(doc: PDFDocument): void {
  const ctx = doc.context;
  const formXObject = (operators: PDFOperator[] = [], extra: Record<string, unknown> = {}) => {
    const dict = ctx.obj({ BBox: [0, 0, 0, 0], Matrix: [1, 0, 0, 1, 0, 0], Type: 'XObject', Subtype: 'Form' });
    for (const [key, value] of Object.entries(extra)) dict.set(PDFName.of(key), ctx.obj(value as never) as PDFObject);
    const plain = PDFContentStream.of(dict, operators, false).getContents();
    // A field's appearance is a few hundred bytes: deflating it saves little and costs a zlib stream each.
    if (plain.length < SMALL_STREAM) return PDFRawStream.of(dict, plain);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    return PDFRawStream.of(dict, new Uint8Array(deflateSync(plain)));
  };
  ctx.formXObject = formXObject as unknown as typeof ctx.formXObject;
  // Font subsets and their ToUnicode maps go through flateStream: the same pako cost.
  const flateStream = (contents: Uint8Array | string, extra: Record<string, unknown> = {}) =>
    ctx.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...extra,
      Filter: 'FlateDecode',
    } as never);
  ctx.flateStream = flateStream as unknown as typeof ctx.flateStream;
}
