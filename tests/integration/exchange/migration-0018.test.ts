import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openEncrypted, closeDb, type DB } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { changesSince, versionVector } from '../../../electron/core/exchange/changes';
import { tempDir } from '../../helpers/env';

let cleanup = () => {};
afterEach(() => cleanup());

const NOW = '2026-03-02T10:00:00.000Z';

function vault(): DB {
  const t = tempDir();
  const db = openEncrypted(join(t.dir, 'm.db'), randomBytes(32));
  cleanup = () => {
    closeDb(db);
    t.cleanup();
  };
  return db;
}

const addPerson = (db: DB, id: string, phone: string) =>
  db
    .prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES (?, 'Rosa', 'Quispe', ?, ?, 'x', ?, 'x')`,
    )
    .run(id, JSON.stringify({ person: { givenName: 'Rosa', familyName: 'Quispe', aliases: [], phone }, notes: '' }), NOW, NOW);

const log = (db: DB) =>
  db.prepare('SELECT device_id, seq, hlc, entity, row_id, op, fields, prev FROM changes ORDER BY device_id, seq').all();

/** The opcodes SQLite runs for one insert into the change log, trigger programs included. */
const opcodesOfInsert = (db: DB) =>
  (
    db
      .prepare(
        `EXPLAIN INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev) VALUES ('d', 1, 1, 'people', 'p', 'insert', '{}', '{}')`,
      )
      .all() as Array<{ opcode: string }>
  ).map((r) => r.opcode);

describe('migration 0018: the change log without a temporary b-tree per change', () => {
  it('keeps every change as it was, keeps recording, and still refuses an unknown op', () => {
    const db = vault();
    const v18 = migrations.findIndex((m) => m.version === 18);
    migrate(db, migrations.slice(0, v18));
    addPerson(db, 'p1', '555-123-4567');
    db.prepare(`UPDATE people SET data = json_set(data, '$.person.phone', '555-987-6543') WHERE id = 'p1'`).run();
    db.prepare(`DELETE FROM people WHERE id = 'p1'`).run();
    const before = log(db);
    expect(before.map((c) => (c as { op: string }).op)).toEqual(['insert', 'update', 'delete']);
    // What 0018 removes: the op rule building its three words into a b-tree for each row written.
    expect(opcodesOfInsert(db)).toContain('OpenEphemeral');

    migrate(db, migrations.slice(0, v18 + 1));
    expect(log(db)).toEqual(before);
    expect(opcodesOfInsert(db)).not.toContain('OpenEphemeral');

    // The triggers write into the rebuilt table, with the sequence going on where it was.
    addPerson(db, 'p2', '555-000-1111');
    db.prepare(`UPDATE people SET data = json_set(data, '$.person.phone', '555-000-2222') WHERE id = 'p2'`).run();
    const after = log(db) as Array<{ device_id: string; seq: number; op: string; row_id: string; fields: string; prev: string }>;
    expect(after.slice(3).map((c) => [c.seq, c.op, c.row_id])).toEqual([
      [4, 'insert', 'p2'],
      [5, 'update', 'p2'],
    ]);
    expect(Object.keys(JSON.parse(after[4]!.fields) as object)).toEqual(['data.person.phone']);
    expect(Object.keys(JSON.parse(after[4]!.prev) as object)).toEqual(['data.person.phone']);
    const device = after[0]!.device_id;
    expect(versionVector(db)).toEqual({ [device]: 5 });
    expect(changesSince(db, { [device]: 3 }).changes.map((c) => c.seq)).toEqual([4, 5]);

    expect(() =>
      db
        .prepare(
          `INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev) VALUES ('d', 1, 1, 'people', 'p', 'upsert', '{}', '{}')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(log(db)).toHaveLength(5);
  });
});
