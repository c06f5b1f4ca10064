/**
 * Restoring a backup: the only way to reach its data. The backup is fully
 * verified into a staging folder inside the target folder (an encrypted
 * copy), migrated there if its schema is older, and only then moved into
 * place: key file first, database last, as the database's presence is what
 * makes a folder hold a vault. A vault already in the target is set aside
 * into `amparo-set-aside-<UTC timestamp>/` (never deleted), only with
 * `replace`, only when it is the same vault, and only when nothing has it open.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { closeDb, openEncrypted, sqliteFilesFor, storageError } from '../db/connection';
import { LATEST_VERSION, migrate } from '../db/migrate';
import { parseKeyslots } from '../vault/keyslots';
import { keyslotsPathFor } from '../vault/vault';
import type { Job } from '../jobs/job';
import { readLayout } from './format';
import { writeAll, fsyncDir, fsyncFile } from './io';
import { STAGING_OWNER, STAGING_PREFIX, verifyBackup, type BackupAccess, type Staged } from './verify';
import { createHash } from 'node:crypto';
import { closeSync, openSync, fsyncSync } from 'node:fs';
import type { BackupVerifyReport } from '../../../shared/views';
import { BackupDamaged } from './format';

export const DB_FILE = 'amparo.db';
/** Written last into a staging folder: its database is verified, migrated and synced, and its key file is beside it. */
const READY = 'ready';
const ASIDE_PREFIX = 'amparo-set-aside-';

export interface RestoreOptions {
  replace?: boolean;
  now?: Date;
  job?: Job;
}

export interface Restored {
  dbPath: string;
  /** Where the vault that was there went (with `replace`). */
  setAside: string | null;
  /** The backup's schema version, and the one it was migrated to. */
  from: number;
  to: number;
  report: BackupVerifyReport;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const hasDb = (dbPath: string) => existsSync(dbPath) && statSync(dbPath).size > 0;
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');

function writeSynced(path: string, data: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The vault in the target may be replaced only if it is the same vault (the
 * backup's key opens it) and no other process has it open: leaving WAL mode
 * needs every other connection closed, so it doubles as the "in use" test,
 * and it folds the WAL into the database file that is set aside.
 */
function assertReplaceable(dbPath: string, staged: Staged): void {
  const keyslotsPath = keyslotsPathFor(dbPath);
  if (existsSync(keyslotsPath)) {
    let vaultId: string | null;
    try {
      vaultId = parseKeyslots(readFileSync(keyslotsPath, 'utf8')).vaultId;
    } catch {
      vaultId = null; // A damaged key file: the vault cannot be opened anyway, so it may be set aside.
    }
    if (vaultId !== null && vaultId !== staged.header.vaultId) {
      throw new AppError(
        'BACKUP_OTHER_VAULT',
        'This backup is of another vault than the one in that folder. Restore it into a new, empty folder instead.',
      );
    }
  }
  if (!staged.key) return;
  let db;
  try {
    db = openEncrypted(dbPath, Buffer.from(staged.key));
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_CORRUPT') return; // Damaged: exactly what a restore replaces.
    throw e;
  }
  try {
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const mode = db.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new Error('busy');
    } catch {
      throw new AppError('VAULT_BUSY', 'The vault in that folder is open in Amparo. Quit Amparo (or lock it) and try again.');
    }
  } finally {
    db.close();
  }
}

/** The files of a vault in `targetDir` that a set-aside moves: the database, its WAL and shm, then the key file. */
const vaultFiles = (dbPath: string) => [...sqliteFilesFor(dbPath), keyslotsPathFor(dbPath)];

function setAside(targetDir: string, dbPath: string, now: Date, onStep?: (step: string) => void): string {
  const aside = join(targetDir, `${ASIDE_PREFIX}${stamp(now)}`);
  mkdirSync(aside, { mode: 0o700 });
  for (const f of vaultFiles(dbPath)) {
    if (!existsSync(f)) continue;
    renameSync(f, join(aside, f.slice(targetDir.length + 1)));
    onStep?.(`set-aside ${f.slice(targetDir.length + 1)}`);
  }
  fsyncDir(aside);
  return aside;
}

/** A backup verified, copied and migrated into a staging folder inside its target folder, not yet in place. */
export interface StagedRestore {
  staged: Staged;
  targetDir: string;
  from: number;
  to: number;
  report: BackupVerifyReport;
}

export const RESTORE_PHASES = ['copy', 'check', 'migrate'] as const;

/** Verifies the backup into a staging copy inside `targetDir` and migrates that copy; nothing in the target changes yet. */
export async function stageRestore(
  file: string,
  access: BackupAccess,
  targetDir: string,
  opts: { replace?: boolean; job?: Job } = {},
): Promise<StagedRestore> {
  const dbPath = join(targetDir, DB_FILE);
  // Cheap refusals first, before any passphrase work or copying.
  const layout = readLayout(file, sha256);
  if (layout.header.schemaVersion > LATEST_VERSION) {
    throw new AppError('DB_FROM_FUTURE', 'This backup was made by a newer version of Amparo. Update Amparo to restore it.', {
      dbVersion: layout.header.schemaVersion,
      appVersion: LATEST_VERSION,
    });
  }
  if (hasDb(dbPath) && !opts.replace) {
    throw new AppError('VAULT_EXISTS', 'That folder already holds a vault. Choose an empty folder, or confirm replacing it.');
  }
  try {
    mkdirSync(targetDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw storageError(e) ?? new AppError('INVALID_INPUT', 'The folder to restore into cannot be created.');
  }
  settleRestores(targetDir);
  const { report, staged } = await verifyBackup(file, access, { ...(opts.job ? { job: opts.job } : {}), keepIn: targetDir });
  if (!staged) throw new BackupDamaged(report.failed!.part, report.failed!.message);
  try {
    opts.job?.progress('migrate', 0, 1);
    // Bring an older schema up to date in the staging copy; the backup itself is never touched.
    const db = openEncrypted(staged.dbPath, Buffer.from(staged.key!));
    let migrated: { from: number; to: number };
    try {
      migrated = migrate(db);
    } finally {
      closeDb(db);
    }
    fsyncFile(staged.dbPath);
    writeSynced(join(staged.dir, `${DB_FILE}.keyslots`), staged.keyslotsBytes);
    writeSynced(join(staged.dir, READY), Buffer.from('ready\n'));
    fsyncDir(staged.dir);
    return { staged, targetDir, from: migrated.from, to: migrated.to, report };
  } catch (e) {
    discardRestore({ staged });
    throw storageError(e, dbPath) ?? e;
  }
}

/** Forgets a staged restore: its key zeroed, its staging folder removed. */
export function discardRestore(s: Pick<StagedRestore, 'staged'>): void {
  s.staged.key?.fill(0);
  rmSync(s.staged.dir, { recursive: true, force: true });
}

/**
 * Moves a staged restore into place: key file first, database last. A vault
 * there is set aside (never deleted) only with `replace`, only when it is the
 * same vault, and only when nothing has it open.
 */
export function placeRestore(
  s: StagedRestore,
  opts: { replace?: boolean; now?: Date; /** For the kill test: called after each rename. */ onStep?: (step: string) => void } = {},
): { dbPath: string; setAside: string | null } {
  const { staged, targetDir } = s;
  const dbPath = join(targetDir, DB_FILE);
  try {
    let aside: string | null = null;
    if (hasDb(dbPath)) {
      if (!opts.replace)
        throw new AppError('VAULT_EXISTS', 'That folder already holds a vault. Choose an empty folder, or confirm replacing it.');
      assertReplaceable(dbPath, staged);
      aside = setAside(targetDir, dbPath, opts.now ?? new Date(), opts.onStep);
    } else if (existsSync(keyslotsPathFor(dbPath))) {
      // A lone key file (a restore killed half-way, or a vault whose database was lost): set aside, never overwritten.
      aside = setAside(targetDir, dbPath, opts.now ?? new Date(), opts.onStep);
    }
    moveIntoPlace(staged.dir, targetDir, opts.onStep);
    return { dbPath, setAside: aside };
  } catch (e) {
    throw storageError(e, dbPath) ?? e;
  } finally {
    discardRestore(s);
  }
}

export async function restoreBackup(file: string, access: BackupAccess, targetDir: string, opts: RestoreOptions = {}): Promise<Restored> {
  const s = await stageRestore(file, access, targetDir, {
    ...(opts.replace ? { replace: true } : {}),
    ...(opts.job ? { job: opts.job } : {}),
  });
  const placed = placeRestore(s, { ...(opts.replace ? { replace: true } : {}), ...(opts.now ? { now: opts.now } : {}) });
  return { ...placed, from: s.from, to: s.to, report: s.report };
}

/** The last two renames of a placement (key file, then database), shared by placeRestore and settleRestores. */
function moveIntoPlace(stagingDir: string, targetDir: string, onStep?: (step: string) => void): void {
  const dbPath = join(targetDir, DB_FILE);
  // A WAL or shm left here belongs to no database once the vault is set aside; the restored one must not read it.
  for (const f of sqliteFilesFor(dbPath).slice(1)) rmSync(f, { force: true });
  const stagedKeys = join(stagingDir, `${DB_FILE}.keyslots`);
  if (existsSync(stagedKeys)) {
    renameSync(stagedKeys, keyslotsPathFor(dbPath));
    onStep?.('keyslots');
  }
  renameSync(join(stagingDir, DB_FILE), dbPath);
  onStep?.('database');
  fsyncDir(targetDir);
}

function ownerAlive(stagingDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(stagingDir, STAGING_OWNER), 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The newest set-aside folder of `targetDir`, where an interrupted placement had begun moving the old vault. */
function newestAside(targetDir: string): string | null {
  const names = readdirSync(targetDir)
    .filter((n) => n.startsWith(ASIDE_PREFIX))
    .sort();
  return names.length ? join(targetDir, names[names.length - 1]!) : null;
}

export type Settled = { dir: string; outcome: 'removed' | 'completed' };

/**
 * Settles the staging folders that a killed restore left in `targetDir`
 * (at the next open of that vault, and before the next restore into it).
 * Their owner must be gone: a staging folder whose process still runs (a
 * replace waiting for its confirmation) is left alone.
 *
 * - The folder holds a vault (its database is in place): the restore either
 *   never started placing or had finished; the staging copy is only a copy of
 *   the backup, and is removed.
 * - It holds no database, and the staging copy is ready: the kill fell inside
 *   a confirmed placement. It is finished forward: what is left of the old
 *   vault (WAL, shm, key file) joins the set-aside folder it had begun moving
 *   into (a new one if a name is taken), then the key file and database move in.
 * - Otherwise (a copy killed before it was ready) the staging folder is removed.
 *
 * Nothing of a vault is ever deleted: old files are only moved aside.
 */
export function settleRestores(targetDir: string, now: Date = new Date()): Settled[] {
  let names: string[];
  try {
    names = readdirSync(targetDir).filter((n) => n.startsWith(STAGING_PREFIX));
  } catch {
    return [];
  }
  const dbPath = join(targetDir, DB_FILE);
  const settled: Settled[] = [];
  for (const n of names) {
    const dir = join(targetDir, n);
    if (ownerAlive(dir)) continue;
    const ready = existsSync(join(dir, READY)) && existsSync(join(dir, DB_FILE));
    if (!hasDb(dbPath) && ready) {
      if (existsSync(join(dir, `${DB_FILE}.keyslots`))) {
        // The key file here (if any) is the old vault's: the staged one had not moved yet.
        const leftovers = vaultFiles(dbPath).filter((f) => existsSync(f));
        if (leftovers.length) {
          let aside = newestAside(targetDir);
          if (!aside || leftovers.some((f) => existsSync(join(aside!, f.slice(targetDir.length + 1))))) {
            aside = join(targetDir, `${ASIDE_PREFIX}${stamp(now)}`);
            mkdirSync(aside, { mode: 0o700 });
          }
          for (const f of leftovers) renameSync(f, join(aside, f.slice(targetDir.length + 1)));
          fsyncDir(aside);
        }
      }
      moveIntoPlace(dir, targetDir);
      settled.push({ dir, outcome: 'completed' });
    } else {
      settled.push({ dir, outcome: 'removed' });
      // A set-aside folder made just before the kill, still empty: nothing was moved into it.
      const aside = hasDb(dbPath) ? newestAside(targetDir) : null;
      if (aside && readdirSync(aside).length === 0) rmdirSync(aside);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return settled;
}
