/**
 * The dashboard counts that migration 0010 rewrote, with known answers on a
 * real vault (done late, hearings of detained people, intakes per week, days
 * in detention), and the query plans behind every count: each one searches
 * an index, none reads a whole table, and "done late" reads only the late
 * entries of deadlines_report_late. The plans are what keeps the page at
 * 500 ms with 1 000 000 deadlines (npm run bench -- reports); a plan that
 * regresses fails here, whatever the machine's speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { caseload } from '../../../electron/core/reports/caseload';
import type { Ctx } from '../../../electron/core/context';
import type { ChartTable } from '../../../shared/views';
import { freshCore } from '../../helpers/env';
import { person } from '../deadlines/helpers';

const TODAY = '2026-03-04'; // a Wednesday: its week starts Monday 2026-03-02
let core: Core;
let cleanup: () => void;
let baseOverdue = 0;

const rowsOf = (t: ChartTable | undefined) => Object.fromEntries((t?.rows ?? []).map((r) => [r.key, r.values]));

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  const db = core.ctx().db;
  const a = await person(core, {
    given: 'Ana',
    family: 'Ruiz',
    detained: true,
    cases: [{ type: 'bond', nextHearing: { date: '2026-03-06', kind: 'individual' } }],
  });
  const b = await person(core, {
    given: 'Beto',
    family: 'Lara',
    cases: [{ type: 'tps', nextHearing: { date: '2026-03-06', kind: 'master' } }],
  });
  const c = await person(core, { given: 'Carla', family: 'Soto', detained: true });
  // Detention dates: Ana 10 days, Carla 200 days.
  const setDetained = db.prepare(`UPDATE people SET data = json_set(data, '$.detention.dateDetained', ?) WHERE id = ?`);
  setDetained.run('2026-02-22', a.id);
  setDetained.run('2025-08-16', c.id);
  // Intakes: Ana this week, Beto last week, Carla 13 weeks ago (outside the 12 shown); a merged record is never counted.
  const created = db.prepare('UPDATE people SET created_at = ? WHERE id = ?');
  created.run('2026-03-02T00:00:00.000Z', a.id);
  created.run('2026-03-01T23:59:59.999Z', b.id);
  created.run('2025-12-01T10:00:00.000Z', c.id);
  const d = await person(core, { given: 'Dora', family: 'Vega' });
  created.run('2026-03-03T09:00:00.000Z', d.id);
  db.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(a.id, d.id);
  // The hearings above imply rule deadlines of their own: count them before adding ours.
  const before = (await core.call('reports.caseload', {})).tables.find((x) => x.id === 'deadlines')!;
  baseOverdue = before.rows.find((r) => r.key === 'overdue')!.values[0]!;
  // Deadlines: done the day after (late), on the day late in the evening UTC (not late), before (not late), open overdue.
  const add = (label: string, due: string) => core.call('deadlines.addManual', { personId: b.id, label, due });
  const done = db.prepare(`UPDATE deadlines SET status = 'done', done_at = ? WHERE id = ?`);
  done.run('2026-02-11T09:00:00.000Z', (await add('Late', '2026-02-10')).id);
  done.run('2026-02-10T23:30:00.000Z', (await add('On the day', '2026-02-10')).id);
  done.run('2026-02-01T09:00:00.000Z', (await add('Early', '2026-02-10')).id);
  await add('Overdue', '2026-03-01');
});
afterAll(() => cleanup());

describe('caseload counts behind the indexes of migration 0010', () => {
  it('gives the known answers', async () => {
    const v = await core.call('reports.caseload', {});
    const t = (id: string) => v.tables.find((x) => x.id === id);
    expect(rowsOf(t('deadlines'))).toEqual({ overdue: [baseOverdue + 1], dueThisWeek: [0], doneLate: [1] });
    const hearings = t('hearings')!;
    const next7 = rowsOf(hearings).next7!;
    expect(next7[hearings.series.indexOf('individual-detained')]).toBe(1);
    expect(next7[hearings.series.indexOf('master')]).toBe(1);
    expect(next7.reduce((s, n) => s + n, 0)).toBe(2);
    const weeks = rowsOf(t('intakesPerWeek'));
    expect(weeks['2026-03-02']).toEqual([1]);
    expect(weeks['2026-02-23']).toEqual([1]);
    expect(Object.values(weeks).reduce((s, [n]) => s + n!, 0)).toBe(2);
    expect(rowsOf(t('daysInDetention'))).toMatchObject({ '0-30': [1], '181-365': [1], unknown: [0] });
  });

  it('answers every count from an index: no table is read whole, and done late reads only the late entries', () => {
    const real = core.ctx();
    const sql: string[] = [];
    const spy = { ...real, db: { prepare: (q: string) => (sql.push(q), real.db.prepare(q)) } } as unknown as Ctx;
    caseload(spy, TODAY);
    expect(sql.length).toBeGreaterThan(8);
    const params = { today: TODAY, last: TODAY, first: TODAY, from: TODAY, to: TODAY };
    const plans = sql.map((q) => ({
      q,
      plan: (real.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(q.includes('@') ? params : {}) as Array<{ detail: string }>).map(
        (r) => r.detail,
      ),
    }));
    const fullScans = plans.filter((p) => p.plan.some((d) => /^SCAN (?!.* USING (COVERING )?INDEX )\S+$/.test(d)));
    expect(fullScans).toEqual([]);
    const late = plans.find((p) => p.q.includes("status = 'done'"))!;
    expect(late.plan).toEqual(['SEARCH deadlines USING INDEX deadlines_report_late (<expr>=?)']);
    const hearings = plans.find((p) => p.q.includes('hearing_date'))!;
    expect(hearings.plan.join('\n')).toContain('people_report_detained_ids');
  });
});
