/**
 * File plumbing shared by writing, verifying and restoring backups: chunked
 * copies and hashes that yield to the event loop (so a job's progress and
 * cancel get through), temp names, no-clobber moves.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Job } from '../jobs/job';
import { FileExistsError } from '../files';

/** 1 MiB: a chunk hashed and written while still in the CPU cache (4 MiB was a fifth slower in npm run bench -- backup). */
export const CHUNK = 1 << 20;

/** A hidden temp name beside `final`, recognisable as Amparo's (cleaned by removeStaleTemps). */
export const tempBeside = (final: string) => join(dirname(final), `.${basename(final)}.${randomBytes(6).toString('hex')}.tmp`);

export async function step(job: Job | undefined, phase: string, done: number, total: number): Promise<void> {
  if (!job) return;
  job.progress(phase, done, total);
  await job.yield();
}

/**
 * Reads [from, to) of `fd` in chunks, handing each to `each`; `first16`
 * replaces the first 16 bytes of the range (the salt the backup moved into
 * its header). Returns the SHA-256 of the bytes as handed out.
 */
export async function eachChunk(
  fd: number,
  from: number,
  to: number,
  each: (chunk: Buffer) => void,
  opts: { job?: Job; phase?: string; first16?: Buffer; chunk?: number } = {},
): Promise<Buffer> {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(opts.chunk ?? CHUNK);
  let at = from;
  while (at < to) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) break;
    const chunk = buf.subarray(0, n);
    if (at === from && opts.first16) opts.first16.copy(chunk, 0, 0, Math.min(16, n));
    hash.update(chunk);
    each(chunk);
    at += n;
    await step(opts.job, opts.phase ?? 'read', at - from, to - from);
  }
  return hash.digest();
}

export function writeAll(fd: number, data: Buffer, position?: number): void {
  let off = 0;
  while (off < data.length) {
    off += writeSync(fd, data, off, data.length - off, position === undefined ? null : position + off);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic there.
  }
}

/** Moves `from` to `to` unless `to` exists (a hard link refuses to clobber; FAT sticks fall back to check-then-rename). */
export function moveNoClobber(from: string, to: string): void {
  try {
    linkSync(from, to);
    unlinkSync(from);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(to)) throw new FileExistsError(`${to} exists`);
    renameSync(from, to);
  }
  fsyncDir(dirname(to));
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
