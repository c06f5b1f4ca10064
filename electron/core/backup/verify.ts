/**
 * Verifying a backup: structure and header, the key file inside it, the
 * passphrase (or recovery code, or the open vault's own key), the payload's
 * SHA-256, then the decrypted database itself (PRAGMA integrity_check, its
 * vault id, schema version and row counts against the header).
 *
 * The database is checked in a temp copy with its salt put back, encrypted
 * exactly as in the backup: no page is ever written decrypted. Restore uses
 * the same verified copy (see restore.ts).
 */
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BackupCheck, BackupVerifyReport } from '../../../shared/views';
import { openEncrypted, storageError, type DB } from '../db/connection';
import { canonicalRecoveryCode, secretBytes } from '../vault/crypto';
import { openSlot, parseKeyslots, type KeyslotsFile } from '../vault/keyslots';
import type { Job } from '../jobs/job';
import { BackupDamaged, DAMAGE_MESSAGES, readLayout, type BackupHeader, type Layout } from './format';
import { eachChunk, writeAll } from './io';
import { readFacts, sameCounts } from './facts';
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';

/** How the backup's database key is reached. */
export type BackupAccess =
  | { passphrase: string }
  | { recoveryCode: string }
  /** The open vault the backup was made from: its connection holds the same key (backups of other vaults are refused). */
  | { vault: { db: DB; vaultId: string } };

export const VERIFY_PHASES = ['copy', 'check'] as const;

export interface Staged {
  /** Folder holding the verified encrypted copy (`amparo.db`); the caller removes it. */
  dir: string;
  dbPath: string;
  header: BackupHeader;
  keyslotsBytes: Buffer;
  /** The master key, when a secret was given; the caller zeroes it. */
  key: Buffer | null;
}

export interface VerifyOutcome {
  report: BackupVerifyReport;
  /** Only with `keep`, and only when every check passed. */
  staged?: Staged;
}

/** A restore's staging folder inside its target folder: `.amparo-restore-<hex>.tmp`, holding the owner's pid in STAGING_OWNER. */
export const STAGING_PREFIX = '.amparo-restore-';
export const STAGING_OWNER = 'owner.pid';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const ATTACHED = 'amparo_backup_verify';

function readRange(path: string, at: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(length);
    const n = readSync(fd, b, 0, length, at);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

async function unlockKeyslots(file: KeyslotsFile, access: { passphrase: string } | { recoveryCode: string }): Promise<Buffer> {
  const isCode = 'recoveryCode' in access;
  const secret = secretBytes(isCode ? canonicalRecoveryCode(access.recoveryCode) : access.passphrase);
  try {
    return await openSlot(file, isCode ? 'recovery' : 'passphrase', secret);
  } catch (e) {
    // A slot that opens but whose MAC fails: the key file inside the backup was altered.
    if (e instanceof AppError && e.code === 'KEYSLOTS_CORRUPT') throw new BackupDamaged('keyslots', DAMAGE_MESSAGES.keyslots);
    throw e;
  } finally {
    secret.fill(0);
  }
}

/** Copies the payload with its salt restored into `dbPath`, returning its SHA-256. */
async function copyPayload(file: string, layout: Layout, dbPath: string, job: Job | undefined): Promise<Buffer> {
  const src = openSync(file, 'r');
  const dst = openSync(dbPath, 'wx', 0o600);
  try {
    let at = 0;
    return await eachChunk(
      src,
      0,
      layout.header.payload.length,
      (chunk) => {
        writeAll(dst, chunk, at);
        at += chunk.length;
      },
      { job, phase: 'copy', first16: Buffer.from(layout.header.salt, 'hex') },
    );
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

/**
 * Decrypted page cache for the check, enough for the whole copy (capped):
 * integrity_check visits every index once per row, and with SQLCipher each
 * cache miss is a page decrypted again (32 MiB made verify 1.7x slower at
 * 100 000 people). The pages stay in this process's memory, never on disk.
 */
const MAX_CACHE_KIB = 256 * 1024;
const cacheKiB = (bytes: number) => Math.min(Math.ceil(bytes / 1024) + 1024, MAX_CACHE_KIB);

/** integrity_check and contents of the staged copy, through its own connection or the vault's. */
function checkDatabase(dbPath: string, access: BackupAccess, key: Buffer | null, header: BackupHeader): 'integrity' | 'contents' | null {
  let db: DB;
  let schema = 'main';
  if ('vault' in access) {
    db = access.vault.db;
    db.prepare(`ATTACH DATABASE ? AS ${ATTACHED}`).run(dbPath);
    schema = ATTACHED;
  } else {
    try {
      db = openEncrypted(dbPath, Buffer.from(key!));
    } catch (e) {
      if (e instanceof AppError && e.code === 'DB_CORRUPT') return 'integrity';
      throw e;
    }
  }
  try {
    let ok: boolean;
    try {
      db.pragma(`${schema}.cache_size = -${cacheKiB(header.payload.length)}`);
      ok = db.pragma(`${schema}.integrity_check`, { simple: true }) === 'ok';
    } catch (e) {
      if (storageError(e)) throw storageError(e)!;
      ok = false;
    }
    if (!ok) return 'integrity';
    const seen = readFacts(db, schema);
    if (seen.vaultId !== header.vaultId || seen.schemaVersion !== header.schemaVersion || !sameCounts(seen.tables, header.tables))
      return 'contents';
    return null;
  } finally {
    if (schema === ATTACHED) db.exec(`DETACH DATABASE ${ATTACHED}`);
    else db.close();
  }
}

const VERIFY_PREFIX = 'amparo-verify-';
/** A verify killed half-way leaves its temp folder (an encrypted copy, never plaintext); the next verify removes it. */
const STALE_VERIFY_MS = 60 * 60_000;

function removeStaleVerifyDirs(now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(VERIFY_PREFIX)) continue;
    try {
      const st = lstatSync(join(tmpdir(), n));
      if (st.isDirectory() && now - st.mtimeMs > STALE_VERIFY_MS) rmSync(join(tmpdir(), n), { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or another user's.
    }
  }
}

export interface VerifyOptions {
  job?: Job;
  /** Keep the verified copy for a restore, in a new folder under this one (same file system as the target). */
  keepIn?: string;
}

export async function verifyBackup(file: string, access: BackupAccess, opts: VerifyOptions = {}): Promise<VerifyOutcome> {
  const checks: BackupCheck[] = [];
  const report: BackupVerifyReport = { ok: false, vaultId: null, createdAt: null, schemaVersion: null, checks };
  const fail = (e: BackupDamaged): VerifyOutcome => {
    report.failed = { part: e.part, message: e.message };
    return { report };
  };
  let layout: Layout;
  try {
    layout = readLayout(file, sha256);
    checks.push({ check: 'structure', ok: true }, { check: 'header', ok: true });
  } catch (e) {
    if (!(e instanceof BackupDamaged)) throw e;
    if (e.part === 'header') checks.push({ check: 'structure', ok: true }, { check: 'header', ok: false });
    else checks.push({ check: 'structure', ok: false });
    return fail(e);
  }
  const { header } = layout;
  Object.assign(report, { vaultId: header.vaultId, createdAt: header.createdAt, schemaVersion: header.schemaVersion });

  const keyslotsBytes = readRange(file, layout.keyslotsAt, header.keyslots.length);
  let keyslots: KeyslotsFile | null = null;
  if (sha256(keyslotsBytes).toString('hex') === header.keyslots.sha256) {
    try {
      keyslots = parseKeyslots(keyslotsBytes.toString('utf8'));
    } catch {
      keyslots = null;
    }
  }
  if (!keyslots || keyslots.vaultId !== header.vaultId) {
    checks.push({ check: 'keyslots', ok: false });
    return fail(new BackupDamaged('keyslots', DAMAGE_MESSAGES.keyslots));
  }
  checks.push({ check: 'keyslots', ok: true });

  let key: Buffer | null = null;
  if ('vault' in access) {
    if (access.vault.vaultId !== header.vaultId) {
      throw new AppError('BACKUP_OTHER_VAULT', 'This backup is of another vault. Restore it into a new, empty folder instead.');
    }
  } else {
    try {
      key = await unlockKeyslots(keyslots, access);
    } catch (e) {
      if (!(e instanceof BackupDamaged)) throw e;
      checks.push({ check: 'key', ok: false });
      return fail(e);
    }
  }
  checks.push({ check: 'key', ok: true });

  const dir = opts.keepIn
    ? join(opts.keepIn, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}.tmp`)
    : (removeStaleVerifyDirs(), mkdtempSync(join(tmpdir(), VERIFY_PREFIX)));
  let kept = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Whose staging this is: a later open or restore settles it only once this process is gone (restore.ts settleRestores).
    if (opts.keepIn) writeFileSync(join(dir, STAGING_OWNER), String(process.pid), { mode: 0o600 });
    const dbPath = join(dir, 'amparo.db');
    const sha = await copyPayload(file, layout, dbPath, opts.job);
    if (sha.toString('hex') !== header.payload.sha256) {
      checks.push({ check: 'payload', ok: false });
      return fail(new BackupDamaged('payload', DAMAGE_MESSAGES.payload));
    }
    checks.push({ check: 'payload', ok: true });
    if (opts.job) opts.job.progress('check', 0, 1);
    const bad = checkDatabase(dbPath, access, key, header);
    if (bad) {
      if (bad === 'integrity') checks.push({ check: 'integrity', ok: false });
      else checks.push({ check: 'integrity', ok: true }, { check: 'contents', ok: false });
      return fail(new BackupDamaged(bad, DAMAGE_MESSAGES[bad]));
    }
    checks.push({ check: 'integrity', ok: true }, { check: 'contents', ok: true });
    report.ok = true;
    if (!opts.keepIn) return { report };
    kept = true;
    return { report, staged: { dir, dbPath, header, keyslotsBytes, key } };
  } catch (e) {
    throw storageError(e, dir) ?? e;
  } finally {
    if (!kept) {
      rmSync(dir, { recursive: true, force: true });
      key?.fill(0);
    }
  }
}
