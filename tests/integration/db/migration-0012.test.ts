import { describe, it, expect } from 'vitest';
import type { DB } from '../../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrationsUpTo, useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const stamp = `'2026-01-01T00:00:00Z', 't', '2026-01-01T00:00:00Z', 't'`;

function seed(d: DB): void {
  d.prepare(
    `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES ('p1', 'Ana', 'Paz', '{}', ${stamp})`,
  ).run();
  d.prepare(
    `INSERT INTO events(id, person_id, case_id, kind, date, details, version, created_at, created_by, updated_at, updated_by)
     VALUES ('e1', 'p1', NULL, 'hearing-scheduled', '2026-07-06', '{"hearingKind":"master","detained":false}', 3, ${stamp})`,
  ).run();
  d.prepare(
    `INSERT INTO deadlines(id, person_id, event_id, rule_id, source, label, due, computed_due, trail, citation, created_at, created_by, updated_at, updated_by)
     VALUES ('d1', 'p1', 'e1', 'prehearing-filing-master-nondetained', 'rule', '{}', '2026-06-19', '2026-06-19', '{}', 'c', ${stamp})`,
  ).run();
}

const rows = (d: DB, table: string) => d.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
const names = (d: DB, type: string, table: string) =>
  (d.prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND tbl_name = ? ORDER BY name`).all(type, table) as { name: string }[]).map(
    (r) => r.name,
  );

describe('migration 0012-detention-eoir', () => {
  it('rebuilds events for the two new kinds keeping every row, index, trigger and reference', () => {
    const d = at(11);
    seed(d);
    const events = rows(d, 'events');
    const deadlines = rows(d, 'deadlines');
    const indexes = names(d, 'index', 'events');
    const triggers = names(d, 'trigger', 'events');
    expect(triggers.length).toBeGreaterThan(0);
    migrate(d, migrationsUpTo(12));
    expect(schemaVersion(d)).toBe(12);
    expect(rows(d, 'events')).toEqual(events);
    expect(rows(d, 'deadlines')).toEqual(deadlines);
    expect(names(d, 'index', 'events')).toEqual(indexes);
    expect(names(d, 'trigger', 'events')).toEqual(triggers);
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(d.pragma('foreign_key_check')).toEqual([]);

    const ins = (id: string, kind: string) =>
      d
        .prepare(
          `INSERT INTO events(id, person_id, kind, date, details, created_at, created_by, updated_at, updated_by) VALUES (?, 'p1', ?, '2026-03-02', '{}', ${stamp})`,
        )
        .run(id, kind);
    ins('e2', 'asylum-filed');
    ins('e3', 'asylum-clock-stop');
    expect(() => ins('e4', 'no-such-kind')).toThrow(/CHECK/);
    // The change log still records writes to events.
    const logged = d.prepare(`SELECT count(*) AS n FROM changes WHERE entity = 'events' AND row_id IN ('e2', 'e3')`).get() as { n: number };
    expect(logged.n).toBe(2);
    // Deadlines still reference the rebuilt table: an unknown event is refused, a deleted one takes its deadlines.
    expect(() =>
      d
        .prepare(
          `INSERT INTO deadlines(id, person_id, event_id, rule_id, source, label, due, computed_due, trail, citation, created_at, created_by, updated_at, updated_by)
           VALUES ('d2', 'p1', 'nope', 'x', 'rule', '{}', '2026-06-19', '2026-06-19', '{}', 'c', ${stamp})`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    d.prepare(`DELETE FROM events WHERE id = 'e1'`).run();
    expect(rows(d, 'deadlines')).toEqual([]);
    // A merge moves EOIR checks to the kept record.
    d.prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES ('p2', 'Ana', 'Paz', '{}', ${stamp})`,
    ).run();
    d.prepare(
      `INSERT INTO eoir_checks(id, person_id, a_number, checked_at, checked_by, channel) VALUES ('k1', 'p1', '012345678', 'now', 't', 'hotline')`,
    ).run();
    d.prepare(`UPDATE people SET merged_into = 'p2' WHERE id = 'p1'`).run();
    expect(d.prepare(`SELECT person_id FROM eoir_checks`).all()).toEqual([{ person_id: 'p2' }]);
  });

  it('a failure inside leaves version 11 and foreign keys on', () => {
    const d = at(11);
    seed(d);
    d.exec('CREATE TABLE events_new(x)');
    expect(() => migrate(d, migrationsUpTo(12))).toThrow();
    expect(schemaVersion(d)).toBe(11);
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(rows(d, 'deadlines')).toHaveLength(1);
  });
});
