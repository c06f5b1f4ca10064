/**
 * Removes owner-password encryption with qpdf compiled to WebAssembly.
 *
 * USCIS blanks are AES-encrypted with an owner password only; pdf-lib cannot
 * read their encrypted field dictionaries, so every blank passes through here
 * once, when it is imported. qpdf runs in-process (no child process, nothing
 * on disk): input and output live in the module's in-memory file system.
 */
import createQpdf, { type QpdfInstance } from '@neslinesli93/qpdf-wasm';
import { AppError } from '../../../shared/errors';

const IN = '/amparo-in.pdf';
const OUT = '/amparo-out.pdf';

/** qpdf exit codes: 0 success, 3 success with warnings (recovered damage). */
const OK_CODES = new Set([0, 3]);

let instance: Promise<QpdfInstance> | undefined;

/** One module per process: start-up compiles 1.3 MB of wasm, so it is shared. */
function qpdf(): Promise<QpdfInstance> {
  instance ??= (createQpdf as unknown as (opts: object) => Promise<QpdfInstance>)({}).catch((err: unknown) => {
    instance = undefined;
    throw err;
  });
  return instance;
}

/**
 * Returns an unencrypted copy of `bytes`. Unencrypted input comes back
 * rewritten by qpdf, which also repairs recoverable damage.
 */
export async function decryptPdf(bytes: Uint8Array): Promise<Uint8Array> {
  if (!looksLikePdf(bytes)) throw new AppError('PDF_INVALID', 'File is not a PDF');
  const q = await qpdf();
  const fs = q.FS as unknown as EmFs;
  fs.writeFile(IN, bytes);
  try {
    // Streams are passed through as they are (not recompressed: half of qpdf's time) and objects written
    // one by one, not in object streams, which pdf-lib would otherwise inflate in JavaScript on every load.
    const { code, stderr } = runQuietly(q, [IN, '--decrypt', '--stream-data=preserve', '--object-streams=disable', OUT]);
    if (!OK_CODES.has(code)) {
      if (/invalid password/i.test(stderr)) {
        throw new AppError('PDF_NEEDS_PASSWORD', 'PDF is protected by a password needed to open it');
      }
      throw new AppError('PDF_INVALID', 'PDF is damaged or not a PDF');
    }
    return fs.readFile(OUT);
  } finally {
    for (const p of [IN, OUT]) {
      try {
        fs.unlink(p);
      } catch {
        // qpdf wrote no output on failure: nothing to remove.
      }
    }
  }
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may follow up to 1 KB of junk (spec tolerance, and qpdf's).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

interface EmFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  streams: Array<Record<string, unknown> | null | undefined>;
}

type WriteOp = (stream: unknown, buf: Uint8Array, offset: number, length: number, pos?: number) => number;

/**
 * Runs qpdf's main with its stdout/stderr captured. The Emscripten build
 * prints straight to the console and sets process.exitCode on exit; neither
 * should leak into the host process. The stream-ops object is located by
 * shape because the build is minified; if it is not found, output simply
 * goes to the console.
 */
function runQuietly(q: QpdfInstance, args: string[]): { code: number; stderr: string } {
  const fs = q.FS as unknown as EmFs;
  const ops = findStreamOps(fs.streams[2]);
  const original = ops?.write;
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  if (ops && original) {
    ops.write = (_stream, buf, offset, length) => {
      chunks.push(decoder.decode(buf.subarray(offset, offset + length)));
      return length;
    };
  }
  const savedExitCode = process.exitCode;
  try {
    const code = q.callMain(args);
    return { code, stderr: chunks.join('') };
  } finally {
    process.exitCode = savedExitCode;
    if (ops && original) ops.write = original;
  }
}

function findStreamOps(stream: Record<string, unknown> | null | undefined): { write?: WriteOp } | undefined {
  if (!stream) return undefined;
  for (const value of Object.values(stream)) {
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.write === 'function' && typeof v.read === 'function' && typeof v.close === 'function') {
        return v as { write?: WriteOp };
      }
    }
  }
  return undefined;
}
