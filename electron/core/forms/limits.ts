/**
 * Bounds on a PDF before qpdf or pdf-lib parse it. Both inflate object
 * streams whole in memory and keep every object: a 1 MB file whose streams
 * inflate to gigabytes, or that declares half a million tiny objects, took
 * the process past 1 GB before anything refused it. Here the streams are
 * inflated only to count their bytes (chunks are dropped as they come), and
 * objects are counted from the file's own keywords, so the check itself stays
 * small. Official USCIS blanks are far below both limits: at most 1.4 MB
 * inflated and 2 600 objects (G-28, I-589, I-765, AR-11, measured 2026-12).
 */
import { createInflate, inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

/** Every FlateDecode stream of the file together, inflated. */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
/** Indirect objects, in the file and inside object streams. */
export const MAX_OBJECTS = 100_000;

export const tooComplex = () =>
  new AppError(
    'PDF_TOO_COMPLEX',
    'This PDF is too complex to open safely: it expands to too much data or has too many parts. Download the blank form again from uscis.gov and import that file.',
  );

interface StreamRef {
  dict: string;
  start: number;
  end: number;
}

/** Throws PDF_TOO_COMPLEX when the file has too many objects or its streams inflate past the limit. */
export async function assertPdfWithinLimits(
  bytes: Uint8Array,
  limits = { objects: MAX_OBJECTS, inflated: MAX_INFLATED_BYTES },
): Promise<void> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const streams = findStreams(text);
  let objects = 0;
  for (const _ of text.matchAll(/\d+\s+\d+\s+obj\b/g)) if (++objects > limits.objects) throw tooComplex();
  for (const s of streams) {
    const n = /\/Type\s*\/ObjStm\b/.test(s.dict) ? /\/N\s+(\d+)/.exec(s.dict) : null;
    if (n) objects += Number(n[1]);
    if (objects > limits.objects) throw tooComplex();
  }
  let budget = limits.inflated;
  for (const s of streams) {
    if (!/\/FlateDecode\b/.test(s.dict)) continue;
    budget -= await inflatedSize(bytes.subarray(s.start, s.end), budget);
    if (budget < 0) throw tooComplex();
  }
}

/** Each `<<…>> stream … endstream`: the dictionary text and where its data lies. */
function findStreams(text: string): StreamRef[] {
  const out: StreamRef[] = [];
  const keyword = /stream(\r\n|\n|\r)/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text))) {
    const before = text.lastIndexOf('obj', m.index);
    if (before < 0 || text.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    out.push({ dict: text.slice(before, m.index), start, end });
    keyword.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/**
 * How many bytes `data` inflates to, stopping once past `budget`. Data that
 * is not deflate (encrypted before qpdf, or damaged) counts as far as it
 * inflated: the check after decryption sees it in the clear.
 */
function inflatedSize(data: Uint8Array, budget: number): Promise<number> | number {
  // Sound deflate (every stream of a decrypted blank) inflates in one synchronous call, capped at the budget:
  // a stream event loop per stream cost a quarter second on a 600-stream blank.
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
  }
  return inflatedSizeStreaming(data, budget);
}

/** Damaged or encrypted data: count what inflates before the error. */
function inflatedSizeStreaming(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const z = createInflate();
    let n = 0;
    const done = () => {
      z.removeAllListeners('data');
      resolve(n);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > budget) {
        z.destroy();
        done();
      }
    });
    z.on('end', done);
    z.on('error', done);
    z.end(data);
  });
}
