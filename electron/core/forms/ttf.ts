/**
 * Works around a subsetting bug for fonts with odd-length glyphs.
 *
 * @pdf-lib/fontkit writes a subset's `loca` in the short format (offsets / 2)
 * whenever the subset's glyph data is under 64 KB, without padding glyphs to
 * an even length. With odd-length glyphs (11 679 of them in Droid Sans
 * Fallback) every later offset then points one byte off and the embedded
 * glyphs come out blank. Padding each glyph to an even length in the source
 * font, once, makes every subset sound. Fonts that need no padding are
 * returned as they are.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

export function padOddGlyphs(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readDirectory(view);
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font;

  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const offsets = Array.from({ length: numGlyphs + 1 }, (_, i) =>
    longLoca ? view.getUint32(loca.offset + 4 * i) : view.getUint16(loca.offset + 2 * i) * 2,
  );
  const hasOdd = offsets.some((o, i) => i > 0 && (o - (offsets[i - 1] ?? 0)) % 2 === 1);
  if (!hasOdd) return font;

  const glyphs: Uint8Array[] = [];
  const newOffsets = [0];
  let size = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? start;
    const padded = new Uint8Array(end - start + ((end - start) % 2));
    padded.set(font.subarray(glyf.offset + start, glyf.offset + end));
    glyphs.push(padded);
    size += padded.length;
    newOffsets.push(size);
  }
  const newGlyf = new Uint8Array(size);
  let at = 0;
  for (const g of glyphs) {
    newGlyf.set(g, at);
    at += g.length;
  }
  const newLoca = new Uint8Array(4 * newOffsets.length);
  const locaView = new DataView(newLoca.buffer);
  newOffsets.forEach((o, i) => locaView.setUint32(4 * i, o));

  const newHead = font.slice(head.offset, head.offset + head.length);
  new DataView(newHead.buffer).setInt16(50, 1);
  new DataView(newHead.buffer).setUint32(8, 0); // checkSumAdjustment, recomputed below

  const replaced = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['loca', newLoca],
    ['head', newHead],
  ]);
  return writeFont(view.getUint32(0), tables, (t) => replaced.get(t.tag) ?? font.subarray(t.offset, t.offset + t.length));
}

function readDirectory(view: DataView): Map<string, TableRecord> {
  const count = view.getUint16(4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(rec + k)));
    out.set(tag, { tag, offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

function writeFont(sfntVersion: number, tables: Map<string, TableRecord>, dataOf: (t: TableRecord) => Uint8Array): Uint8Array {
  const records = [...tables.values()].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const datas = records.map(dataOf);
  const headerSize = 12 + 16 * records.length;
  const total = datas.reduce((n, d) => n + align4(d.length), headerSize);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const n = records.length;
  const entrySelector = Math.floor(Math.log2(n));
  view.setUint32(0, sfntVersion);
  view.setUint16(4, n);
  view.setUint16(6, 2 ** entrySelector * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - 2 ** entrySelector * 16);
  let offset = headerSize;
  let headOffset = -1;
  records.forEach((rec, i) => {
    const data = datas[i] ?? new Uint8Array();
    out.set(data, offset);
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) view.setUint8(entry + k, rec.tag.charCodeAt(k));
    view.setUint32(entry + 4, checksum(out, offset, data.length));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, data.length);
    if (rec.tag === 'head') headOffset = offset;
    offset += align4(data.length);
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** OpenType table checksum: sum of big-endian uint32 words, zero-padded. */
function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    const word =
      ((bytes[offset + i] ?? 0) << 24) |
      ((i + 1 < length ? (bytes[offset + i + 1] ?? 0) : 0) << 16) |
      ((i + 2 < length ? (bytes[offset + i + 2] ?? 0) : 0) << 8) |
      (i + 3 < length ? (bytes[offset + i + 3] ?? 0) : 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
