import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { addEvent, allRows, byRule, failure, person } from './helpers';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-03-02' }));
});
afterEach(() => cleanup());

const dueOf = async (personId: string) =>
  Object.fromEntries(
    (await core.call('deadlines.list', { personId, status: 'all' }))
      .filter((d) => d.ruleId?.startsWith('asylum-ead'))
      .map((d) => [d.ruleId, d]),
  );

// Filed Monday 2026-03-02. 150 days: Thursday 2026-07-30. 180 days: Saturday 2026-08-29, next business day Monday 2026-08-31.
describe('asylum EAD clock stops entered as events (8 CFR 208.7(a)(2))', () => {
  it('an asylum filing creates both EAD dates; a stop extends both; editing it recomputes exactly those two rows', async () => {
    const p = await person(core, { cases: [{ type: 'asylum-affirmative', status: 'open' }] });
    const other = await person(core, { given: 'Luis' });
    await addEvent(core, other.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const filed = await addEvent(core, p.id, { kind: 'asylum-filed', date: '2026-03-02' });
    const r = byRule(filed);
    expect(r['asylum-ead-file']!.due).toBe('2026-07-30');
    expect(r['asylum-ead-eligible']!.due).toBe('2026-08-31');
    expect(r['asylum-ead-file']!.trail.en.join(' ')).toContain('No clock stops entered.');
    expect(r['asylum-ead-file']!.trail.es.join(' ')).toContain('No se indicaron detenciones del reloj.');

    // Stopped 2026-04-10 to 2026-04-24 (14 days): 164 days -> Thu 2026-08-13; 194 -> Sat 2026-09-12 -> Mon 2026-09-14.
    const before = allRows(core);
    const stop = await addEvent(core, p.id, {
      kind: 'asylum-clock-stop',
      date: '2026-04-10',
      details: { to: '2026-04-24', reason: 'applicant asked to reschedule' },
    });
    expect(stop.updated.sort()).toEqual([r['asylum-ead-file']!.id, r['asylum-ead-eligible']!.id].sort());
    expect(stop.created).toEqual([]);
    let now = await dueOf(p.id);
    expect(now['asylum-ead-file']!.due).toBe('2026-08-13');
    expect(now['asylum-ead-eligible']!.due).toBe('2026-09-14');
    expect(now['asylum-ead-file']!.id).toBe(r['asylum-ead-file']!.id);
    const trailEn = now['asylum-ead-eligible']!.trail.en.join(' ');
    expect(trailEn).toContain('Clock stopped by the applicant from');
    expect(trailEn).toContain('(applicant asked to reschedule): 14 days not counted');
    expect(now['asylum-ead-eligible']!.trail.es.join(' ')).toContain('Reloj detenido por el solicitante del');
    const after = allRows(core);
    for (const [id, row] of before)
      if (id !== r['asylum-ead-file']!.id && id !== r['asylum-ead-eligible']!.id) expect(after.get(id)).toBe(row);

    // The stop now ends 2026-05-01 (21 days): 171 -> Thu 2026-08-20; 201 -> Sat 2026-09-19 -> Mon 2026-09-21.
    const mid = allRows(core);
    const edited = await core.call('events.update', {
      id: stop.event.id,
      version: stop.event.version,
      event: { kind: 'asylum-clock-stop', date: '2026-04-10', details: { to: '2026-05-01' } },
    });
    expect(edited.updated).toHaveLength(2);
    now = await dueOf(p.id);
    expect(now['asylum-ead-file']!.due).toBe('2026-08-20');
    expect(now['asylum-ead-eligible']!.due).toBe('2026-09-21');
    const end = allRows(core);
    expect([...end.keys()].filter((id) => end.get(id) !== mid.get(id)).sort()).toEqual(
      [r['asylum-ead-file']!.id, r['asylum-ead-eligible']!.id].sort(),
    );

    // A second stop adds to the first and shows in the trail on its own line.
    await addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-06-01', details: { to: '2026-06-08' } });
    now = await dueOf(p.id);
    expect(now['asylum-ead-file']!.due).toBe('2026-08-27'); // 178 days after 2026-03-02, a Thursday
    expect(now['asylum-ead-file']!.trail.en.filter((l: string) => l.startsWith('Clock stopped by the applicant'))).toHaveLength(2);

    // Deleting the stops puts the dates back.
    for (const ev of (await core.call('events.list', { personId: p.id })).filter((e) => e.kind === 'asylum-clock-stop')) {
      await core.call('events.delete', { id: ev.id, version: ev.version });
    }
    now = await dueOf(p.id);
    expect(now['asylum-ead-file']!.due).toBe('2026-07-30');
    expect(now['asylum-ead-eligible']!.due).toBe('2026-08-31');
  });

  it('a stop entered before the filing extends it once the filing is entered', async () => {
    const p = await person(core);
    await addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-04-10', details: { to: '2026-04-24' } });
    const filed = byRule(await addEvent(core, p.id, { kind: 'asylum-filed', date: '2026-03-02' }));
    expect(filed['asylum-ead-file']!.due).toBe('2026-08-13');
  });

  it('a stop that began before the filing is reported and not counted', async () => {
    const p = await person(core);
    await addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-02-01', details: { to: '2026-02-10' } });
    const res = await addEvent(core, p.id, { kind: 'asylum-filed', date: '2026-03-02' });
    expect(byRule(res)['asylum-ead-file']!.due).toBe('2026-07-30');
    expect(res.skipped.map((s) => s.reason.en).join(' ')).toContain('begins before the asylum application was filed');
  });

  it('refuses a stop that ends before it starts, and overlapping stops, writing nothing', async () => {
    const p = await person(core);
    await addEvent(core, p.id, { kind: 'asylum-filed', date: '2026-03-02' });
    const backwards = await failure(addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-04-10', details: { to: '2026-04-01' } }));
    expect(backwards.code).toBe('INVALID_INPUT');
    await addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-04-10', details: { to: '2026-04-24' } });
    const rows = allRows(core);
    const overlap = await failure(addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-04-20', details: { to: '2026-05-01' } }));
    expect(overlap.code).toBe('INVALID_INPUT');
    expect(overlap.message).toMatch(/overlap/);
    expect(allRows(core)).toEqual(rows);
    expect((await core.call('events.list', { personId: p.id })).filter((e) => e.kind === 'asylum-clock-stop')).toHaveLength(1);
  });

  it("stops of another case do not extend this case's clock", async () => {
    const p = await person(core, {
      cases: [
        { type: 'asylum-affirmative', status: 'open' },
        { type: 'removal-nondetained', status: 'open' },
      ],
    });
    await addEvent(core, p.id, { kind: 'asylum-filed', date: '2026-03-02', caseId: p.caseIds[0] });
    await addEvent(core, p.id, { kind: 'asylum-clock-stop', date: '2026-04-10', caseId: p.caseIds[1], details: { to: '2026-04-24' } });
    expect((await dueOf(p.id))['asylum-ead-file']!.due).toBe('2026-07-30');
  });
});
