import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openEncrypted, closeDb } from '../../../electron/core/db/connection';
import { migrate, schemaVersion, LATEST_VERSION, type Migration } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/env';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function emptyDb() {
  const t = tempDir();
  cleanup = t.cleanup;
  return openEncrypted(join(t.dir, 'm.db'), randomBytes(32));
}

const tables = (db: ReturnType<typeof emptyDb>) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  it('0001-init creates meta and audit_log', () => {
    const db = emptyDb();
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['meta', 'audit_log']));
    closeDb(db);
  });

  it('runs all pending migrations in one transaction: a failure leaves the old version', () => {
    const db = emptyDb();
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done(x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    closeDb(db);
  });

  it('refuses a database from the future', () => {
    const db = emptyDb();
    db.pragma('user_version = 9999');
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DB_FROM_FUTURE' }));
    closeDb(db);
  });

  it('is idempotent', () => {
    const db = emptyDb();
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    closeDb(db);
  });
});

describe('0002-intake', () => {
  it('creates people, cases, keys, drafts, decisions and an accent-free FTS5 index', () => {
    const db = emptyDb();
    migrate(db, migrations.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['people', 'cases', 'person_keys', 'drafts', 'duplicate_decisions', 'people_fts']));
    db.prepare('INSERT INTO people_fts(person_id, names, numbers) VALUES (?, ?, ?)').run('p1', 'Trần Thị Bích Ngọc', '012345678');
    const hit = db.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH ?`).all('"tran" "bich"');
    expect(hit).toEqual([{ person_id: 'p1' }]);
    // A case cannot point at a person who does not exist.
    expect(() =>
      db
        .prepare(
          `INSERT INTO cases(id, person_id, type, status, data, created_at, created_by, updated_at, updated_by) VALUES ('c', 'nobody', 'tps', 'open', '{}', 'x', 'x', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    closeDb(db);
  });
});
