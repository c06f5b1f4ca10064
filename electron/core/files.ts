/**
 * Every file Amparo writes (key file, preferences, a filled PDF, an export)
 * goes through here: written beside its target, flushed, then moved into
 * place, so a crash or a full disk leaves the old file or the new one, never
 * half of one. Created readable by the owner only: exports hold client data.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class FileExistsError extends Error {
  readonly code = 'EEXIST';
}

/** The temp name beside `path`: hidden, random, and recognisable by atomicTempsOf. */
const tempNameFor = (path: string) => `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The temp files writeFileAtomic may have left beside `path` when a process was killed mid-write. */
export function atomicTempsOf(path: string): string[] {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.[0-9a-f]{12}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).map((n) => join(dirname(path), n));
}

export function writeFileAtomic(path: string, data: string | Uint8Array, { overwrite = true }: { overwrite?: boolean } = {}): void {
  const tmp = join(dirname(path), tempNameFor(path));
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      // On a descriptor, writeFileSync loops until every byte is written (writeSync may write fewer).
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(tmp, path);
    else moveNoClobber(tmp, path);
    fsyncDir(dirname(path));
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A hard link fails if the target appeared meanwhile; file systems without links (FAT sticks) fall back to check-then-rename. */
function moveNoClobber(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(path)) throw new FileExistsError(`${path} exists`);
    renameSync(tmp, path);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  }
}
