/**
 * The payload's SHA-256, computed on another thread while verify copies the
 * payload and runs PRAGMA integrity_check on this one. integrity_check is one
 * synchronous call that holds this thread for most of a verify; hashing beside
 * it uses the second core instead of adding to the wall time (see
 * npm run bench -- backup). Only encrypted bytes are read, nothing is written.
 *
 * The worker's code is plain JavaScript evaluated in place, so it runs the same
 * from tsx, the CLI and Electron builds without a separate bundled entry.
 */
import { Worker } from 'node:worker_threads';
import { CHUNK } from './io';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { path, length, first16, chunk } = workerData;
const fd = openSync(path, 'r');
try {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(chunk);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buf, 0, Math.min(chunk, length - at), at);
    if (n === 0) break;
    if (at === 0) Buffer.from(first16).copy(buf, 0, 0, Math.min(16, n));
    hash.update(buf.subarray(0, n));
    at += n;
  }
  parentPort.postMessage(hash.digest());
} finally {
  closeSync(fd);
}
`;

export interface Hashing {
  /** The SHA-256 of [0, length) of the file, its first 16 bytes replaced by `first16`. */
  digest: Promise<Buffer>;
  /** Stops the worker (verify failed or was cancelled first); harmless once done. */
  stop(): void;
}

/** Starts hashing [0, length) of `path` with its first 16 bytes replaced, as io.ts eachChunk would. */
export function hashInWorker(path: string, length: number, first16: Buffer): Hashing {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, length, first16, chunk: CHUNK } });
  const digest = new Promise<Buffer>((resolve, reject) => {
    worker.once('message', (d: Uint8Array) => resolve(Buffer.from(d)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing worker stopped (exit ${code})`)));
  });
  // A digest nobody awaits (verify failed before it) must not become an unhandled rejection.
  digest.catch(() => {});
  return { digest, stop: () => void worker.terminate() };
}
