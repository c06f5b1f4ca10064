import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { addEvent, person } from './helpers';

let core: Core;
let cleanup: () => void;
const TODAY = '2026-03-02';

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

async function manual(personId: string, label: string, due: string) {
  return core.call('deadlines.addManual', { personId, label, due });
}

async function scene() {
  const det = await person(core, {
    given: 'Dora',
    family: 'Detenida',
    detained: true,
    cases: [{ type: 'removal-detained', assignedTo: 'Rosa' }],
  });
  const free = await person(core, { given: 'Félix', family: 'Libre', cases: [{ type: 'asylum-affirmative', assignedTo: 'Marco' }] });
  await manual(free.id, 'F overdue 02-10', '2026-02-10');
  await manual(free.id, 'F overdue 02-20', '2026-02-20');
  await manual(det.id, 'D overdue 02-25', '2026-02-25');
  await manual(free.id, 'F today', '2026-03-02');
  await manual(det.id, 'D today', '2026-03-02');
  await manual(free.id, 'F 03-04', '2026-03-04');
  const cfi = await addEvent(core, det.id, { kind: 'cfi-negative', date: '2026-03-02' }); // due 03-09, day 7
  const ij = await addEvent(core, free.id, { kind: 'ij-decision-oral', date: '2026-03-02' }); // bia-appeal + reconsider 04-01, reopen 06-01
  await manual(det.id, 'D 03-20', '2026-03-20');
  await manual(free.id, 'F 04-02 beyond', '2026-04-02');
  const done = await manual(det.id, 'D done overdue', '2026-02-01');
  await core.call('deadlines.markDone', { id: done.id, version: done.version });
  return { det, free, cfi, ij };
}

const labels = (g: { rows: Array<{ label: { en: string } }> }) => g.rows.map((r) => r.label.en);

describe('docket', () => {
  it('groups open deadlines overdue / today / 7 / 30 days, detained first, then by date', async () => {
    await scene();
    const d = await core.call('docket.list', {});
    expect(d.today).toBe(TODAY);
    expect(d.groups.map((g) => [g.key, g.from, g.to])).toEqual([
      ['overdue', null, '2026-03-01'],
      ['today', '2026-03-02', '2026-03-02'],
      ['next7', '2026-03-03', '2026-03-09'],
      ['next30', '2026-03-10', '2026-04-01'],
    ]);
    const [overdue, today, next7, next30] = d.groups;
    expect(labels(overdue!)).toEqual(['D overdue 02-25', 'F overdue 02-10', 'F overdue 02-20']);
    expect(labels(today!)).toEqual(['D today', 'F today']);
    expect(labels(next7!)).toEqual(['Immigration judge review of a negative credible fear finding: completed by', 'F 03-04']);
    expect(labels(next30!)).toEqual(['D 03-20', 'Appeal to the BIA (Form EOIR-26)', 'Motion to reconsider']);
    expect(d.groups.map((g) => g.total)).toEqual([3, 2, 2, 3]);
  });

  it('rows carry what the docket shows; deadlines.get opens the trail', async () => {
    const { cfi } = await scene();
    const d = await core.call('docket.list', {});
    const row = d.groups[2]!.rows[0]!;
    expect(row).toMatchObject({
      id: cfi.deadlines[0]!.id,
      personName: 'Dora Detenida',
      detained: true,
      caseType: 'removal-detained',
      assignee: 'Rosa',
      source: 'rule',
      ruleId: 'credible-fear-review',
      due: '2026-03-09',
      computedDue: '2026-03-09',
      ruleDue: null,
      overridden: false,
      verify: true,
      citation: '8 U.S.C. 1225(b)(1)(B)(iii)(III); 8 CFR 1003.42(e)',
      flags: [],
    });
    const appeal = d.groups[3]!.rows.find((r) => r.ruleId === 'bia-appeal')!;
    expect(appeal).toMatchObject({ personName: 'Félix Libre', detained: false, verify: false });
    const full = await core.call('deadlines.get', { id: row.id });
    expect(full.trail.en[0]).toMatch(/^Start: Mon, Mar 2, 2026/);
  });

  it('lists every assignee with open work in the range, whatever the filters, so the filter offers them all', async () => {
    await scene();
    const far = await person(core, { given: 'Zoila', family: 'Lejos', cases: [{ type: 'tps', assignedTo: 'Zoe' }] });
    await manual(far.id, 'Z in September', '2026-09-01');
    const finished = await person(core, { given: 'Inés', family: 'Hecha', cases: [{ type: 'tps', assignedTo: 'Ines' }] });
    const done = await manual(finished.id, 'I done', '2026-03-05');
    await core.call('deadlines.markDone', { id: done.id, version: done.version });

    expect((await core.call('docket.list', {})).assignees).toEqual(['Marco', 'Rosa']);
    expect((await core.call('docket.list', { assignee: 'Rosa' })).assignees).toEqual(['Marco', 'Rosa']);
    expect((await core.call('docket.list', { caseType: 'tps' })).assignees).toEqual(['Marco', 'Rosa']);
    expect((await core.call('docket.list', { days: 365 })).assignees).toEqual(['Marco', 'Rosa', 'Zoe']);
    expect((await core.call('docket.list', { days: null })).assignees).toEqual(['Marco', 'Rosa', 'Zoe']);
  });

  it('filters by assignee and case type; an override moves a deadline between groups', async () => {
    const { ij } = await scene();
    const rosa = await core.call('docket.list', { assignee: 'Rosa' });
    expect(rosa.groups.flatMap((g) => g.rows).every((r) => r.assignee === 'Rosa')).toBe(true);
    expect(rosa.groups.flatMap((g) => g.rows)).toHaveLength(4);
    const asylum = await core.call('docket.list', { caseType: 'asylum-affirmative' });
    expect(asylum.groups.map((g) => g.total)).toEqual([2, 1, 1, 2]);

    const appeal = ij.deadlines.find((x) => x.ruleId === 'bia-appeal')!;
    await core.call('deadlines.override', {
      id: appeal.id,
      version: appeal.version,
      due: '2026-03-02',
      reason: 'File today: client traveling',
    });
    const d = await core.call('docket.list', {});
    expect(d.groups[1]!.rows.find((r) => r.id === appeal.id)).toMatchObject({
      overridden: true,
      due: '2026-03-02',
      computedDue: '2026-04-01',
    });
  });

  it('a person becoming detained moves their deadlines up in every group', async () => {
    const { free } = await scene();
    const view = await core.call('people.get', { id: free.id });
    const {
      id: _i,
      version,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      cases: _cs,
      urgency: _ur,
      familyLinks: _fl,
      ...data
    } = view;
    await core.call('people.update', { id: free.id, version, data: { ...data, detention: { detained: true, facility: 'Adelanto' } } });
    const d = await core.call('docket.list', {});
    expect(labels(d.groups[0]!)).toEqual(['F overdue 02-10', 'F overdue 02-20', 'D overdue 02-25']);
  });

  it('limit caps the rows of each group but not its total; `today` can be given', async () => {
    await scene();
    const d = await core.call('docket.list', { limit: 1 });
    expect(d.groups.map((g) => g.rows.length)).toEqual([1, 1, 1, 1]);
    expect(d.groups[0]!.total).toBe(3);
    const later = await core.call('docket.list', { today: '2026-03-31' });
    expect(labels(later.groups[1]!)).toEqual([]);
    expect(later.groups[0]!.total).toBe(8);
  });

  it('refuses bad input', async () => {
    expect(await core.dispatch('docket.list', { today: '2026-02-29' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('docket.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('reminders.due', { withinDays: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('reminders', () => {
  it('answer counts without client names by default', async () => {
    await scene();
    const r = await core.call('reminders.due', { withinDays: 3 });
    expect(r).toMatchObject({ withinDays: 3, count: 6, overdue: 3, detained: 2 });
    expect(r.items[0]).toMatchObject({ detained: true });
    const text = JSON.stringify(r);
    for (const n of ['Dora', 'Detenida', 'Félix', 'Libre']) expect(text).not.toContain(n);
    const named = await core.call('reminders.due', { withinDays: 3, includeNames: true });
    expect(named.items.map((i) => i.personName)).toContain('Dora Detenida');
  });

  it('default window is 3 days', async () => {
    await scene();
    const r = await core.call('reminders.due', {});
    expect(r.withinDays).toBe(3);
    expect(r.items.map((i) => i.due).every((d) => d <= '2026-03-05')).toBe(true);
  });
});
