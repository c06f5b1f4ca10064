import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';

export type DB = Database.Database;

export const CIPHER_PAGE_SIZE = 16384;

/**
 * How long one statement waits for another process's write lock. Short on
 * purpose: better-sqlite3 waits synchronously, so a long timeout would freeze
 * the whole core (harness, IPC) while a CLI import runs. The core's dispatch
 * retries busy operations asynchronously instead (see app.ts).
 */
export const BUSY_TIMEOUT_MS = 250;

/** The files SQLite keeps for one database, all of which hold encrypted client data. */
export const sqliteFilesFor = (path: string) => [path, `${path}-wal`, `${path}-shm`];

function nativeBindingOption(): { nativeBinding?: string } {
  // The Electron shell builds its own copy of the native module for Electron's ABI
  // (scripts/start.mjs); plain Node (tests, CLI, harness) uses the one npm built.
  const binding = process.env.AMPARO_NATIVE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

const DB_CORRUPT_MESSAGE = 'The database cannot be opened with this vault key: it is damaged or belongs to another key file.';

/** Less free space than this, where an I/O error happened, means the disk is full. */
const NEARLY_FULL_BYTES = 1 << 20;

function diskNearlyFull(near: string | undefined): boolean {
  if (!near) return false;
  try {
    const fs = statfsSync(dirname(near));
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * A storage failure that is not damage: another process holds the write lock,
 * or the disk is full. Returns null for anything else. SQLite reports a full
 * disk as SQLITE_FULL when writing pages, as SQLITE_IOERR_SHMSIZE when it
 * cannot create the -shm file at open, and as other I/O errors elsewhere
 * (those are checked against the free space beside `near`, a file path);
 * file writes (keyslots, prefs) as ENOSPC or EDQUOT.
 */
export function storageError(e: unknown, near?: string): AppError | null {
  if (e instanceof AppError) return e.code === 'VAULT_BUSY' || e.code === 'DISK_FULL' ? e : null;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY')) {
    return new AppError('VAULT_BUSY', 'Amparo is busy with another task on this vault; try again in a moment.');
  }
  const full =
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR_SHMSIZE' ||
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    (code.startsWith('SQLITE_IOERR') && diskNearlyFull(near));
  return full ? new AppError('DISK_FULL', 'There is no room left on the disk; nothing was changed.') : null;
}

/**
 * Creates the database file owner-only before SQLite sees it. SQLite gives the
 * -wal and -shm files the mode of the database file, so all three are 0600
 * from their first byte, whatever the umask or the folder. An older vault
 * created 0644 is tightened here, before any new data is written; that part
 * is best effort, as FAT sticks and read-only media have no modes to set.
 */
function ensureOwnerOnly(path: string): void {
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    return;
  }
  for (const f of sqliteFilesFor(path)) {
    try {
      chmodSync(f, 0o600);
    } catch {
      // Missing (-wal/-shm of a closed vault) or a file system without modes.
    }
  }
}

/**
 * SQLCipher's raw-key form x'<64 hex>' built byte by byte into a Buffer the
 * caller zeroes, instead of a JS string (strings cannot be wiped and would
 * stay in the heap until the garbage collector happens to reuse the memory).
 */
function rawKeySpec(key: Buffer): Buffer {
  const hex = '0123456789abcdef';
  const spec = Buffer.alloc(3 + key.length * 2);
  spec[0] = 0x78; // x
  spec[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    spec[2 + 2 * i] = hex.charCodeAt(key[i]! >> 4);
    spec[3 + 2 * i] = hex.charCodeAt(key[i]! & 15);
  }
  spec[spec.length - 1] = 0x27;
  return spec;
}

/**
 * Opens a SQLCipher 4 database with a raw 256-bit key and checks the key at
 * once: SQLCipher only notices a wrong key on the first read.
 */
export function openEncrypted(path: string, key: Buffer): DB {
  if (key.length !== 32) throw new AppError('INTERNAL', 'Database key has the wrong length.');
  try {
    ensureOwnerOnly(path);
  } catch (e) {
    // Not damage either (a read-only folder, say): the caller's generic message applies.
    throw storageError(e, path) ?? e;
  }
  const db = new Database(path, nativeBindingOption());
  const spec = rawKeySpec(key);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // 16 KiB cipher pages instead of SQLCipher's 4 KiB default: a quarter of the
    // per-page IV/HMAC work, which brought bulk writes from ~1.55x to ~1.2x the
    // cost of plain SQLite in `npm run bench`. Must be the same on every open.
    db.pragma(`legacy_page_size=${CIPHER_PAGE_SIZE}`);
    db.key(spec);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    configure(db);
  } catch (e) {
    db.close();
    // A busy or full disk is not damage: saying "damaged" there would be false and frightening.
    throw storageError(e, path) ?? new AppError('DB_CORRUPT', DB_CORRUPT_MESSAGE);
  } finally {
    spec.fill(0);
  }
  return db;
}

/** Unencrypted twin, used only by the benchmark's baseline. */
export function openPlain(path: string, pageSize = CIPHER_PAGE_SIZE): DB {
  const db = new Database(path, nativeBindingOption());
  db.pragma(`page_size = ${pageSize}`);
  configure(db);
  return db;
}

function configure(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Keep decrypted temp b-trees (sorts, indexes being built) in memory, never in temp files.
  db.pragma('temp_store = MEMORY');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 32 MiB of decrypted page cache instead of SQLite's 2 MiB default: with
  // SQLCipher every cache miss is a page decryption, and the docket and search
  // indexes of a large clinic do not fit in 2 MiB.
  db.pragma('cache_size = -32768');
}

/** The kind of a failure (an error code such as SQLITE_BUSY), never its message, which may quote data. */
export function errorKind(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'unknown';
}

/**
 * Closes the connection, always. `PRAGMA optimize` is housekeeping that needs
 * the write lock: when another process is writing it fails with SQLITE_BUSY,
 * and that must never turn a finished command into a failure or leave the
 * vault open. It runs without waiting for the lock, and its failure is logged
 * by kind and ignored.
 */
export function closeDb(db: DB): void {
  if (!db.open) return;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('optimize');
  } catch (e) {
    console.warn(`[amparo] optimize skipped at close (${errorKind(e)})`);
  } finally {
    db.close();
  }
}

/**
 * Re-encrypts the whole database under `key` (PRAGMA rekey) in one SQLite
 * transaction. SQLite3 Multiple Ciphers cannot rekey in WAL mode, so the
 * database goes to a rollback journal for the rekey and back to WAL after:
 * a crash mid-rekey leaves a hot journal of old-key pages, rolled back at the
 * next open with the old key (see vault.ts openWithKey).
 */
export function rekeyEncrypted(db: DB, key: Buffer): void {
  if (key.length !== 32) throw new AppError('INTERNAL', 'Database key has the wrong length.');
  const spec = rawKeySpec(key);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() !== 'delete') {
      throw new AppError('VAULT_BUSY', 'Another program has this vault open; close it and try the rekey again.');
    }
    db.rekey(spec);
  } finally {
    spec.fill(0);
    db.pragma('journal_mode = WAL');
  }
}
