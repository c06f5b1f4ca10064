/**
 * Migration tests start from a vault as an older build left it: a real
 * encrypted file with only migrations 1..N applied, then migrate it on.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeDb, openEncrypted, type DB } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { tempDir } from './env';

/** The migrations an older build shipped: 1..version. */
export const migrationsUpTo = (version: number) => migrations.filter((m) => m.version <= version);

/** The names of a table's indexes, sorted (what a migration added or dropped). */
export const indexesOf = (db: DB, table: string): string[] =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name`).pluck().all(table) as string[];

/** Returns `at(version)`, a fresh vault at that schema version; each is closed and deleted after its test. */
export function useVaultAt(): (version: number) => DB {
  const open: { db: DB; cleanup: () => void }[] = [];
  afterEach(() => {
    for (const o of open.splice(0)) {
      closeDb(o.db);
      o.cleanup();
    }
  });
  return (version) => {
    const t = tempDir();
    const db = openEncrypted(join(t.dir, 'm.db'), randomBytes(32));
    open.push({ db, cleanup: t.cleanup });
    migrate(db, migrationsUpTo(version));
    return db;
  };
}
