/**
 * Writing a backup of the open vault: a consistent encrypted snapshot
 * (VACUUM INTO on the encrypted connection: the copy is encrypted under the
 * same key, page by page), checked before it gets a name (integrity_check and
 * row counts through the same connection, so no key is needed and no page is
 * ever written decrypted), then sealed into the backup format (format.ts),
 * fsynced and moved to its final name. A kill or a full disk leaves a hidden
 * temp file at most, never a file under a final name.
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
import { eachChunk, moveNoClobber, removeQuietly, step, tempBeside, writeAll } from './io';

export const WRITE_PHASES = ['snapshot', 'check', 'seal'] as const;

export interface WriteOptions {
  /** The open, encrypted connection of the vault. */
  db: DB;
  keyslotsPath: string;
  /** The folder to write into; must exist. */
  dir: string;
  now?: Date;
  job?: Job;
  /** Bytes hashed between progress reports (tests make it small to get many kill points). */
  chunk?: number;
}

export interface Written {
  file: string;
  header: BackupHeader;
  size: number;
}

const SNAPSHOT = 'amparo_backup_snapshot';
/** Temp files of a backup killed half-way older than this are removed by the next backup into the folder. */
const STALE_TEMP_MS = 15 * 60_000;

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

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row counts of every table of an attached (or main) schema, by name. */
export function countRows(db: DB, schema: string): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM ${quoteId(schema)}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const n of names) {
    counts[n] = db
      .prepare(`SELECT count(*) FROM ${quoteId(schema)}.${quoteId(n)}`)
      .pluck()
      .get() as number;
  }
  return counts;
}

/** What a checked snapshot holds, read through the vault's own connection (the snapshot shares its key). */
function inspectSnapshot(
  db: DB,
  path: string,
): { ok: boolean; vaultId: string | null; schemaVersion: number; tables: Record<string, number> } {
  db.prepare(`ATTACH DATABASE ? AS ${SNAPSHOT}`).run(path);
  try {
    const integrity = db.pragma(`${SNAPSHOT}.integrity_check`, { simple: true });
    const vaultId = db.prepare(`SELECT value FROM ${SNAPSHOT}.meta WHERE key = 'vault_id'`).pluck().get() as string | undefined;
    const schemaVersion = db.pragma(`${SNAPSHOT}.user_version`, { simple: true }) as number;
    return { ok: integrity === 'ok', vaultId: vaultId ?? null, schemaVersion, tables: countRows(db, SNAPSHOT) };
  } finally {
    db.exec(`DETACH DATABASE ${SNAPSHOT}`);
  }
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

export async function writeBackup(opts: WriteOptions): Promise<Written> {
  const { db, dir, job } = opts;
  assertFolder(dir);
  if (db.inTransaction) throw new AppError('VAULT_BUSY', 'Amparo is busy with another task on this vault; try again in a moment.');
  removeStaleTemps(dir);
  const keyslotsBytes = readFileSync(opts.keyslotsPath);
  const keyslots = parseKeyslots(keyslotsBytes.toString('utf8'));
  const now = opts.now ?? new Date();
  const final = join(dir, backupFileName(keyslots.vaultId, now));
  const tmp = tempBeside(final);
  try {
    await step(job, 'snapshot', 0, 1);
    try {
      closeSync(openSync(tmp, 'wx', 0o600));
      // One statement, one read transaction: a consistent snapshot while other processes keep writing.
      db.prepare('VACUUM INTO ?').run(tmp);
    } catch (e) {
      throw storageError(e, tmp) ?? e;
    }
    await step(job, 'check', 0, 1);
    const seen = inspectSnapshot(db, tmp);
    const header = await seal(tmp, keyslotsBytes, {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      vaultId: keyslots.vaultId,
      createdAt: now.toISOString(),
      schemaVersion: seen.schemaVersion,
      tables: seen.tables,
      keyslots: { length: keyslotsBytes.length, sha256: createHash('sha256').update(keyslotsBytes).digest('hex') },
      job,
      chunk: opts.chunk,
    });
    if (!seen.ok || seen.vaultId !== keyslots.vaultId) {
      // Kept for whoever wants to look at it, under a name no restore or rotation takes for a good one.
      moveNoClobber(tmp, final + FAILED_SUFFIX);
      throw damaged(seen.ok ? 'contents' : 'integrity');
    }
    moveNoClobber(tmp, final);
    return { file: final, header, size: statSync(final).size };
  } catch (e) {
    throw storageError(e, tmp) ?? e;
  } finally {
    removeQuietly(tmp);
  }
}

/** Hashes the snapshot, moves its salt into the header, appends keyslots, header and trailer, fsyncs. */
async function seal(
  tmp: string,
  keyslotsBytes: Buffer,
  h: Omit<BackupHeader, 'salt' | 'payload'> & { job: Job | undefined; chunk: number | undefined },
): Promise<BackupHeader> {
  const { job, chunk, ...rest } = h;
  const fd = openSync(tmp, 'r+');
  try {
    const length = fstatSync(fd).size;
    const salt = Buffer.alloc(SALT_BYTES);
    if (readSync(fd, salt, 0, SALT_BYTES, 0) !== SALT_BYTES) throw damaged('integrity');
    const sha = await eachChunk(fd, 0, length, () => {}, { job, phase: 'seal', ...(chunk ? { chunk } : {}) });
    const header: BackupHeader = { ...rest, salt: salt.toString('hex'), payload: { length, sha256: sha.toString('hex') } };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    writeAll(fd, MAGIC, 0);
    writeAll(fd, Buffer.concat([keyslotsBytes, json, encodeTrailer(json, createHash('sha256').update(json).digest())]), length);
    fsyncSync(fd);
    return header;
  } finally {
    closeSync(fd);
  }
}
