import { AppError } from '../../../shared/errors';
import type { DB } from './connection';
import { migrations } from './migrations';

export interface Migration {
  version: number;
  name: string;
  /**
   * The migration rebuilds a table other tables reference (SQLite's
   * create-copy-drop-rename): foreign keys are turned off around the
   * transaction (they cannot change inside one) and checked before it commits.
   */
  foreignKeysOff?: boolean;
  up(db: DB): void;
}

export const LATEST_VERSION = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date. All pending migrations run in one
 * transaction: a failure or a killed process leaves the previous version intact.
 */
export function migrate(db: DB, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = list.length === 0 ? 0 : list[list.length - 1]!.version;
  if (from > latest) {
    throw new AppError('DB_FROM_FUTURE', 'This vault was written by a newer version of Amparo. Update Amparo to open it.', {
      dbVersion: from,
      appVersion: latest,
    });
  }
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  const fkOff = pending.some((m) => m.foreignKeysOff) && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
  if (fkOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (fkOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('a migration left a broken reference');
    })();
  } finally {
    if (fkOff) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
