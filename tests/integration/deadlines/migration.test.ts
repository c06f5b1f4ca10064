import { describe, it, expect } from 'vitest';
import type { DB } from '../../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const insertPerson = (d: DB, id: string, data: object) =>
  d
    .prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES (?, 'A', 'B', ?, 'now', 't', 'now', 't')`,
    )
    .run(id, JSON.stringify(data));

describe('migration 0003-deadlines', () => {
  it('upgrades a version-2 vault with people in it', () => {
    const d = at(2);
    insertPerson(d, 'p1', { history: { tpsCountry: 'SV' } });
    migrate(d);
    expect(schemaVersion(d)).toBeGreaterThanOrEqual(3);
    const names = (
      d.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'events',
        'deadlines',
        'tps_datasets',
        'tps_dirty',
        'people_tps_insert',
        'people_merge_deadlines',
        'cases_copy',
      ]),
    );
    // People inserted before the upgrade are picked up by the first full TPS sync (tps.applied is unset), not the queue.
    insertPerson(d, 'p2', { history: { tpsCountry: 'HT' } });
    insertPerson(d, 'p3', { history: {} });
    expect(d.prepare('SELECT person_id FROM tps_dirty').all()).toEqual([{ person_id: 'p2' }]);
  });

  it('enforces the deadline invariants', () => {
    const d = at(3);
    insertPerson(d, 'p1', { history: {} });
    const ins = d.prepare(
      `INSERT INTO deadlines(id, person_id, source, label, due, computed_due, override_due, override_reason, trail, citation, status, done_at, created_at, created_by, updated_at, updated_by)
       VALUES (@id, 'p1', @source, '{}', @due, @computed, @od, @or, '{}', '', @status, @doneAt, 'n', 't', 'n', 't')`,
    );
    const ok = { id: 'd1', source: 'manual', due: '2026-01-02', computed: '2026-01-02', od: null, or: null, status: 'open', doneAt: null };
    ins.run(ok);
    expect(() => ins.run({ ...ok, id: 'd2', due: '2026-01-03' })).toThrow(/CHECK/);
    expect(() => ins.run({ ...ok, id: 'd3', od: '2026-01-01', due: '2026-01-01' })).toThrow(/CHECK/);
    expect(() => ins.run({ ...ok, id: 'd4', status: 'done' })).toThrow(/CHECK/);
    expect(() => ins.run({ ...ok, id: 'd5', source: 'rule' })).toThrow(/CHECK/);
    ins.run({ ...ok, id: 'd6', od: '2026-01-01', or: 'judge', due: '2026-01-01' });
  });

  it('the docket query is answered from the covering partial index', () => {
    const d = at(3);
    const sql = `SELECT id, person_id, person_name, detained, assignee, case_type, case_id, rule_id, source, label,
        due, computed_due, rule_due, override_due, citation, verify, flags
      FROM deadlines WHERE status = 'open' AND due <= ? AND assignee = ? ORDER BY due, id`;
    const plan = d.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-01-01', 'x') as { detail: string }[];
    // Answered from the index alone, already in order: no table rows, no sort.
    expect(plan.map((r) => r.detail)).toEqual([
      expect.stringMatching(/^SEARCH deadlines USING COVERING INDEX deadlines_docket \(due<\?\)$/),
    ]);
  });
});
