import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';

export type DB = Database.Database;

export const CIPHER_PAGE_SIZE = 16384;

function nativeBindingOption(): { nativeBinding?: string } {
  // The Electron shell builds its own copy of the native module for Electron's ABI
  // (scripts/start.mjs); plain Node (tests, CLI, harness) uses the one npm built.
  const binding = process.env.AMPARO_NATIVE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

/**
 * Opens a SQLCipher 4 database with a raw 256-bit key and checks the key at
 * once: SQLCipher only notices a wrong key on the first read.
 */
export function openEncrypted(path: string, key: Buffer): DB {
  if (key.length !== 32) throw new AppError('INTERNAL', 'Database key has the wrong length.');
  const db = new Database(path, nativeBindingOption());
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // 16 KiB cipher pages instead of SQLCipher's 4 KiB default: a quarter of the
    // per-page IV/HMAC work, which brought bulk writes from ~1.55x to ~1.2x the
    // cost of plain SQLite in `npm run bench`. Must be the same on every open.
    db.pragma(`legacy_page_size=${CIPHER_PAGE_SIZE}`);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new AppError('DB_CORRUPT', 'The database cannot be opened with this vault key: it is damaged or belongs to another key file.');
  }
  configure(db);
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
  db.pragma('busy_timeout = 5000');
  // 32 MiB of decrypted page cache instead of SQLite's 2 MiB default: with
  // SQLCipher every cache miss is a page decryption, and the docket and search
  // indexes of a large clinic do not fit in 2 MiB.
  db.pragma('cache_size = -32768');
}

export function closeDb(db: DB): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
