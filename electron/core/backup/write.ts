/**
 * Writing a backup of the open vault: a consistent encrypted snapshot, sealed
 * into the backup format (format.ts), verified (verify.ts, through the vault's
 * own key), fsynced and moved to its final name. A kill or a full disk leaves
 * a hidden temp file at most, never a file under a final name, and a file
 * under a final name has passed verification.
 *
 * The snapshot is a raw copy of the database file's bytes: its pages are
 * already encrypted under the master key, so nothing is decrypted or
 * re-encrypted (VACUUM INTO did both, page by page: 20x slower than cp).
 * Why the raw copy is consistent (https://sqlite.org/wal.html, "Checkpointing"
 * and "Concurrency"): the WAL is checkpointed and truncated, then a read
 * transaction begins while the WAL is empty. Such a reader reads the
 * database file alone (WAL read-lock 0), and a checkpoint must hold that lock
 * exclusively to copy any page back into the file; so until the read
 * transaction ends, nothing writes the database file. Writers (another
 * process) append to the WAL meanwhile. The row counts of the header are read
 * in the same transaction. When the WAL cannot be emptied (another process
 * holds an old read transaction), the snapshot falls back to VACUUM INTO.
 */
import { closeSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, readSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/connection';
import { storageError } from '../db/connection';
import { parseKeyslots } from '../vault/keyslots';
import type { Job } from '../jobs/job';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  FAILED_SUFFIX,
  MAGIC,
  SALT_BYTES,
  backupFileName,
  damaged,
  encodeTrailer,
  type BackupHeader,
} from './format';
import { CHUNK, moveNoClobber, removeQuietly, step, tempBeside, writeAll } from './io';
import { readFacts, type Facts } from './facts';
import { verifyBackup } from './verify';

/** The backup job's phases; the last two are verify.ts's, run on the sealed file before it gets its name. */
export const WRITE_PHASES = ['snapshot', 'seal', 'copy', 'check'] as const;

export interface WriteOptions {
  /** The open, encrypted connection of the vault. */
  db: DB;
  keyslotsPath: string;
  /** The folder to write into; must exist. */
  dir: string;
  now?: Date;
  job?: Job;
  /** Bytes copied between progress reports (tests make it small to get many kill points). */
  chunk?: number;
  /** Verify the sealed file before it gets its final name (the default). Only the benchmark times the two apart. */
  verify?: boolean;
}

export interface Written {
  file: string;
  header: BackupHeader;
  size: number;
  /** How the snapshot was taken: a raw copy of the file, or VACUUM INTO when the WAL could not be emptied. */
  method: 'copy' | 'vacuum';
}

const SNAPSHOT = 'amparo_backup_snapshot';
/** Temp files of a backup killed half-way older than this are removed by the next backup into the folder. */
const STALE_TEMP_MS = 15 * 60_000;
/** Tries at emptying the WAL before falling back to VACUUM INTO (another process committing in between). */
const COPY_ATTEMPTS = 3;

export function folderUnavailable(): AppError {
  return new AppError(
    'BACKUP_FOLDER_UNAVAILABLE',
    'The backup folder is not available (a USB stick unplugged, a share offline). Nothing was backed up.',
  );
}

export function assertFolder(dir: string): void {
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw folderUnavailable();
}

/** Removes hidden temp files a killed backup left in the folder (they hold encrypted pages, never plaintext). */
export function removeStaleTemps(dir: string, now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!/^\.amparo-[0-9a-f]{8}-.*\.amparo-backup\.[0-9a-f]{12}\.tmp$/.test(n)) continue;
    try {
      const st = lstatSync(join(dir, n));
      if (st.isFile() && now - st.mtimeMs > STALE_TEMP_MS) unlinkSync(join(dir, n));
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

/**
 * Read-only descriptors of database files, kept open for the life of the
 * process. On POSIX systems closing any descriptor of a file drops every
 * fcntl lock the process holds on it, SQLite's own included
 * (https://sqlite.org/howtocorrupt.html, section 2.2); another process could
 * then take the vault for unused and delete its WAL. One descriptor per file
 * (device and inode) is all a process ever needs. Windows locks belong to a
 * handle, so there the descriptor is closed at once.
 */
const keptOpen = new Map<string, number>();
const KEEP_DESCRIPTORS = process.platform !== 'win32';

function withDbFile<T>(path: string, fn: (fd: number) => T): T {
  const st = statSync(path);
  const id = `${st.dev}:${st.ino}`;
  let fd = KEEP_DESCRIPTORS ? keptOpen.get(id) : undefined;
  if (fd === undefined) {
    fd = openSync(path, 'r');
    const opened = fstatSync(fd);
    // Keyed by what was opened: a file replaced between stat and open gets its own entry, never a close.
    if (KEEP_DESCRIPTORS) keptOpen.set(`${opened.dev}:${opened.ino}`, fd);
    if (`${opened.dev}:${opened.ino}` !== id) throw new AppError('VAULT_BUSY', 'The vault file changed during the backup; try again.');
  }
  try {
    return fn(fd);
  } finally {
    if (!KEEP_DESCRIPTORS) closeSync(fd);
  }
}

interface Snapshot extends Facts {
  /** Length and SHA-256 of the snapshot as SQLCipher wrote it, salt included. */
  length: number;
  sha256: Buffer;
  salt: Buffer;
  method: Written['method'];
}

const walBytes = (dbPath: string) => {
  try {
    return statSync(`${dbPath}-wal`).size;
  } catch {
    return 0; // No WAL file: nothing to fold in.
  }
};

/**
 * Copies [0, length) of `src` into the new file `tmp`, hashing as it goes and
 * writing MAGIC where the salt was (so not even a killed backup's temp file
 * opens in place). Synchronous on purpose: it runs inside the snapshot's read
 * transaction on the vault's connection, and yielding there would let other
 * operations' writes land inside that transaction.
 */
function copyMasked(src: number, length: number, tmp: string, job: Job | undefined, chunk: number): { sha256: Buffer; salt: Buffer } {
  const dst = openSync(tmp, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(chunk);
    const salt = Buffer.alloc(SALT_BYTES);
    let at = 0;
    while (at < length) {
      const n = readSync(src, buf, 0, Math.min(buf.length, length - at), at);
      if (n === 0) break;
      const part = buf.subarray(0, n);
      hash.update(part);
      if (at === 0) {
        part.copy(salt, 0, 0, SALT_BYTES);
        MAGIC.copy(part, 0);
      }
      writeAll(dst, part, at);
      at += n;
      job?.progress('snapshot', at, length);
    }
    if (at !== length || length < SALT_BYTES) throw damaged('integrity');
    return { sha256: hash.digest(), salt };
  } finally {
    closeSync(dst);
  }
}

/** The raw-copy snapshot (see the top of this file), or null when the WAL would not stay empty. */
function copySnapshot(db: DB, tmp: string, job: Job | undefined, chunk: number): Snapshot | null {
  for (let attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
    const [cp] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (cp?.busy) continue;
    db.exec('BEGIN');
    try {
      // The first read starts the snapshot: the header's facts come from exactly the copied state.
      const facts = readFacts(db, 'main');
      if (walBytes(db.name) !== 0) continue; // Another process committed between the checkpoint and this read.
      return withDbFile(db.name, (fd) => {
        const length = fstatSync(fd).size;
        return { ...facts, length, ...copyMasked(fd, length, tmp, job, chunk), method: 'copy' as const };
      });
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }
  return null;
}

/** The fallback: VACUUM INTO `raw` (one statement, one read transaction), its facts read back, then copied masked into `tmp`. */
function vacuumSnapshot(db: DB, raw: string, tmp: string, job: Job | undefined, chunk: number): Snapshot {
  closeSync(openSync(raw, 'wx', 0o600));
  db.prepare('VACUUM INTO ?').run(raw);
  db.prepare(`ATTACH DATABASE ? AS ${SNAPSHOT}`).run(raw);
  let facts: Facts;
  try {
    facts = readFacts(db, SNAPSHOT);
  } finally {
    db.exec(`DETACH DATABASE ${SNAPSHOT}`);
  }
  const fd = openSync(raw, 'r');
  try {
    const length = fstatSync(fd).size;
    return { ...facts, length, ...copyMasked(fd, length, tmp, job, chunk), method: 'vacuum' };
  } finally {
    closeSync(fd);
  }
}

export async function writeBackup(opts: WriteOptions): Promise<Written> {
  const { db, dir, job } = opts;
  const chunk = opts.chunk ?? CHUNK;
  assertFolder(dir);
  if (db.inTransaction) throw new AppError('VAULT_BUSY', 'Amparo is busy with another task on this vault; try again in a moment.');
  removeStaleTemps(dir);
  const keyslotsBytes = readFileSync(opts.keyslotsPath);
  const keyslots = parseKeyslots(keyslotsBytes.toString('utf8'));
  const now = opts.now ?? new Date();
  const final = join(dir, backupFileName(keyslots.vaultId, now));
  const tmp = tempBeside(final);
  const raw = tempBeside(final);
  try {
    await step(job, 'snapshot', 0, 1);
    let snap: Snapshot;
    try {
      snap = copySnapshot(db, tmp, job, chunk) ?? vacuumSnapshot(db, raw, tmp, job, chunk);
    } catch (e) {
      throw storageError(e, tmp) ?? e;
    } finally {
      removeQuietly(raw);
    }
    if (snap.vaultId !== keyslots.vaultId) throw damaged('contents');
    await step(job, 'seal', 0, 1);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      vaultId: keyslots.vaultId,
      createdAt: now.toISOString(),
      schemaVersion: snap.schemaVersion,
      tables: snap.tables,
      salt: snap.salt.toString('hex'),
      payload: { length: snap.length, sha256: snap.sha256.toString('hex') },
      keyslots: { length: keyslotsBytes.length, sha256: createHash('sha256').update(keyslotsBytes).digest('hex') },
    };
    seal(tmp, snap.length, keyslotsBytes, header);
    if (opts.verify !== false) {
      const { report } = await verifyBackup(tmp, { vault: { db, vaultId: keyslots.vaultId } }, job ? { job } : {});
      if (!report.ok) {
        // Kept for whoever wants to look at it, under a name no restore or rotation takes for a good one.
        moveNoClobber(tmp, final + FAILED_SUFFIX);
        throw damaged(report.failed?.part ?? 'integrity');
      }
    }
    moveNoClobber(tmp, final);
    return { file: final, header, size: statSync(final).size, method: snap.method };
  } catch (e) {
    throw storageError(e, tmp) ?? e;
  } finally {
    removeQuietly(tmp);
  }
}

/** Appends keyslots, header and trailer after the snapshot and fsyncs the file. */
function seal(tmp: string, length: number, keyslotsBytes: Buffer, header: BackupHeader): void {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fd = openSync(tmp, 'r+');
  try {
    writeAll(fd, Buffer.concat([keyslotsBytes, json, encodeTrailer(json, createHash('sha256').update(json).digest())]), length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
