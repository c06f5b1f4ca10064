/**
 * Issue 8 §1: hearings on the docket, any range with paging, reminders that
 * count overdue apart, and an ended TPS designation as a notice. Real
 * encrypted vaults in temp folders, through core.call like the UI.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import ICAL from 'ical.js';
import type { Core } from '../../../electron/core/app';
import type { DocketView } from '../../../shared/views';
import { docket } from '../../../electron/core/deadlines/docket';
import { freshCore } from '../../helpers/env';
import { addEvent, person } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function vault(today: string): Promise<Core> {
  const f = await freshCore({ today });
  cleanup = f.cleanup;
  return f.core;
}

const rows = (d: DocketView) => d.groups.flatMap((g) => g.rows);
const group = (d: DocketView, key: string) => d.groups.find((g) => g.key === key)!;

describe('hearings on the docket', () => {
  const TODAY = '2026-03-02';

  it('a case hearing is a row of its own kind, with time, court and judge, ordered with the deadlines, detained first', async () => {
    const core = await vault(TODAY);
    const det = await person(core, {
      given: 'Dora',
      family: 'Detenida',
      detained: true,
      cases: [
        {
          type: 'removal-detained',
          court: 'Otay Mesa Immigration Court',
          judge: 'Judge Ruiz',
          assignedTo: 'Rosa',
          nextHearing: { date: '2026-03-20', time: '08:30', kind: 'master' },
        },
      ],
    });
    const free = await person(core, { given: 'Félix', family: 'Libre', cases: [{ type: 'asylum-defensive' }] });
    // A hearing entered on the deadlines panel: no case details, so no time, court or judge.
    await addEvent(core, free.id, { kind: 'hearing-scheduled', date: '2026-03-05', details: { hearingKind: 'individual' } });
    await core.call('deadlines.addManual', { personId: free.id, label: 'F 03-20', due: '2026-03-20' });

    const d = await core.call('docket.list', {});
    const next30 = group(d, 'next30');
    expect(next30.rows.map((r) => [r.kind, r.label.en, r.personName])).toEqual([
      ['hearing', 'Master calendar hearing', 'Dora Detenida'],
      ['deadline', 'F 03-20', 'Félix Libre'],
    ]);
    expect(next30.rows[0]).toMatchObject({
      kind: 'hearing',
      source: 'hearing',
      personId: det.id,
      detained: true,
      caseId: det.caseIds[0],
      caseType: 'removal-detained',
      assignee: 'Rosa',
      due: '2026-03-20',
      hearing: { hearingKind: 'master', time: '08:30', court: 'Otay Mesa Immigration Court', judge: 'Judge Ruiz' },
    });
    expect(next30.total).toBe(2);
    // The pre-hearing filing deadline the hearing implies is there too, as a deadline.
    const next7 = group(d, 'next7');
    expect(next7.rows.map((r) => [r.kind, r.label.en])).toContainEqual(['hearing', 'Individual (merits) hearing']);
    expect(next7.rows.find((r) => r.kind === 'hearing')!.hearing).toEqual({
      hearingKind: 'individual',
      time: null,
      court: null,
      judge: null,
    });
    // Filters apply to hearings as to deadlines.
    const rosa = await core.call('docket.list', { assignee: 'Rosa' });
    expect(
      rows(rosa)
        .filter((r) => r.kind === 'hearing')
        .map((r) => r.personName),
    ).toEqual(['Dora Detenida']);
  });

  it('a moved hearing shows once, at its new date; past hearings and closed cases are not on the docket', async () => {
    const core = await vault(TODAY);
    const p = await person(core, { cases: [{ type: 'removal-nondetained' }] });
    const h = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-03-10', details: { hearingKind: 'master' } });
    await addEvent(core, p.id, {
      kind: 'hearing-moved',
      date: '2026-03-25',
      details: { hearingEventId: h.event.id },
    });
    // An unlinked move from a date that was entered as its own hearing replaces it.
    await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-03-12', details: { hearingKind: 'individual' } });
    await addEvent(core, p.id, {
      kind: 'hearing-moved',
      date: '2026-03-28',
      details: { hearingKind: 'individual', previousDate: '2026-03-12' },
    });
    await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-02-20', details: { hearingKind: 'master' } });
    const hearings = rows(await core.call('docket.list', {})).filter((r) => r.kind === 'hearing');
    expect(hearings.map((r) => [r.due, r.label.en])).toEqual([
      ['2026-03-25', 'Master calendar hearing'],
      ['2026-03-28', 'Individual (merits) hearing'],
    ]);

    const closed = await person(core, {
      given: 'Cerrado',
      cases: [{ type: 'asylum-affirmative', status: 'closed', nextHearing: { date: '2026-03-15', kind: 'master' } }],
    });
    expect(rows(await core.call('docket.list', {})).some((r) => r.personId === closed.id)).toBe(false);
  });
});

describe('any range, paged', () => {
  const TODAY = '2026-03-02';

  async function spread(core: Core) {
    const p = await person(core, { given: 'Ana' });
    const d = await person(core, { given: 'Dora', detained: true });
    for (const [who, due] of [
      [p, '2026-02-01'],
      [p, '2026-03-02'],
      [p, '2026-03-20'],
      [p, '2026-05-01'], // 60 days out: only from the 90-day range on
      [d, '2026-05-15'],
      [p, '2026-12-01'], // 274 days
      [p, '2028-01-01'], // beyond a year
    ] as const) {
      await core.call('deadlines.addManual', { personId: who.id, label: `due ${due}`, due });
    }
    await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-06-10', details: { hearingKind: 'master' } });
  }

  it('30 (default), 90, 365 days and all open show what falls in them; a 60-day appeal is visible from 90 on', async () => {
    const core = await vault(TODAY);
    await spread(core);
    const d30 = await core.call('docket.list', {});
    expect(d30.days).toBe(30);
    expect(d30.groups.map((g) => g.key)).toEqual(['overdue', 'today', 'next7', 'next30']);
    expect(rows(d30).some((r) => r.due === '2026-05-01')).toBe(false);

    const d90 = await core.call('docket.list', { days: 90 });
    expect(d90.groups.map((g) => [g.key, g.from, g.to])).toEqual([
      ['overdue', null, '2026-03-01'],
      ['today', '2026-03-02', '2026-03-02'],
      ['next7', '2026-03-03', '2026-03-09'],
      ['next30', '2026-03-10', '2026-04-01'],
      ['later', '2026-04-02', '2026-05-31'],
    ]);
    // Detained first, then by date.
    const filing = 'Filings before a master calendar hearing (not detained)'; // the 06-10 hearing's, due 05-26
    expect(group(d90, 'later').rows.map((r) => r.label.en)).toEqual(['due 2026-05-15', 'due 2026-05-01', filing]);

    const d365 = await core.call('docket.list', { days: 365 });
    expect(group(d365, 'later').rows.map((r) => r.label.en)).toEqual([
      'due 2026-05-15',
      'due 2026-05-01',
      filing,
      'Master calendar hearing',
      'due 2026-12-01',
    ]);
    const all = await core.call('docket.list', { days: null });
    expect(all.days).toBeNull();
    expect(group(all, 'later')).toMatchObject({ from: '2026-04-02', to: null, total: 6 });
    expect(group(all, 'later').rows.at(-1)!.label.en).toBe('due 2028-01-01');
  });

  it('pages one group with offset and limit, keeping the order and the total', async () => {
    const core = await vault(TODAY);
    await spread(core);
    const full = group(await core.call('docket.list', { days: null }), 'later').rows.map((r) => r.id);
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 2) {
      const page = await core.call('docket.list', { days: null, group: 'later', offset, limit: 2 });
      expect(page.groups.map((g) => g.key)).toEqual(['later']);
      expect(page.groups[0]).toMatchObject({ total: 6, offset });
      seen.push(...page.groups[0]!.rows.map((r) => r.id));
    }
    expect(seen).toEqual(full);
    expect(new Set(seen).size).toBe(6);

    // A group too big for one scan is counted, then read detained and not apart: the same rows, the same order.
    for (const [offset, limit] of [
      [0, 10],
      [0, 2],
      [2, 3],
      [5, 2],
    ] as const) {
      const big = docket(core.ctx(), { days: null, group: 'later', offset, limit, oneScan: 1 }).groups[0]!;
      expect(big.total).toBe(6);
      expect(big.rows.map((r) => r.id)).toEqual(full.slice(offset, offset + limit));
    }
  });

  it('a group read in two scans shows every page as the one scan does, detained deadlines and hearings first', async () => {
    const core = await vault(TODAY);
    const free = await person(core, { given: 'Ana' });
    const held = await person(core, { given: 'Dora', detained: true });
    for (const [who, due] of [
      [free, '2026-04-05'],
      [held, '2026-04-07'],
      [free, '2026-04-08'],
      [held, '2026-04-20'],
      [free, '2026-04-21'],
      [free, '2026-05-02'],
    ] as const) {
      await core.call('deadlines.addManual', { personId: who.id, label: `due ${due}`, due });
    }
    // A detained person's hearing takes a place among the detained rows: the others' scan must leave it room.
    await addEvent(core, held.id, { kind: 'hearing-scheduled', date: '2026-12-10', details: { hearingKind: 'master' } });
    const full = group(await core.call('docket.list', { days: null }), 'later');
    const ids = full.rows.map((r) => r.id);
    expect(full.rows.slice(0, 3).map((r) => [r.kind, r.detained])).toEqual([
      ['deadline', true],
      ['deadline', true],
      ['hearing', true],
    ]);
    expect(full.rows.some((r) => r.kind === 'hearing' && r.detained)).toBe(true);
    for (let offset = 0; offset <= ids.length; offset++) {
      for (let limit = 1; limit <= ids.length + 1; limit++) {
        const two = docket(core.ctx(), { days: null, group: 'later', offset, limit, oneScan: 1 }).groups[0]!;
        expect(two.total, `offset ${offset} limit ${limit}`).toBe(full.total);
        expect(
          two.rows.map((r) => r.id),
          `offset ${offset} limit ${limit}`,
        ).toEqual(ids.slice(offset, offset + limit));
      }
    }
  });

  it('a page of one group offers the same assignee choices as the whole range, hearings included', async () => {
    const core = await vault(TODAY);
    const hearing = (date: string) => ({ date, time: '09:00', kind: 'master' as const });
    await person(core, { given: 'Ana', cases: [{ type: 'removal-nondetained', assignedTo: 'Rosa', nextHearing: hearing('2026-03-20') }] });
    const beto = await person(core, {
      given: 'Beto',
      cases: [{ type: 'removal-nondetained', assignedTo: 'Hana', nextHearing: hearing('2026-09-01') }],
    });
    // Hana's filings are done: only her hearing puts her on the docket.
    for (const d of await core.call('deadlines.list', { personId: beto.id, status: 'open' })) {
      await core.call('deadlines.markDone', { id: d.id, version: d.version });
    }
    const choices = async (q: object) => (await core.call('docket.list', q)).assignees;
    expect(await choices({})).toEqual(['Rosa']);
    expect(await choices({ group: 'today' })).toEqual(['Rosa']);
    expect(await choices({ days: null })).toEqual(['Hana', 'Rosa']);
    // The last group's hearings are the range's: reused. Another group's are not: read again for the choices.
    expect(await choices({ days: null, group: 'later' })).toEqual(['Hana', 'Rosa']);
    expect(await choices({ days: null, group: 'next30' })).toEqual(['Hana', 'Rosa']);
    expect(await choices({ days: null, group: 'overdue' })).toEqual(['Hana', 'Rosa']);
  });

  it('a short range clips the groups (the CLI --days 3)', async () => {
    const core = await vault(TODAY);
    await spread(core);
    const d = await core.call('docket.list', { days: 3 });
    expect(d.groups.map((g) => [g.key, g.to])).toEqual([
      ['overdue', '2026-03-01'],
      ['today', '2026-03-02'],
      ['next7', '2026-03-05'],
    ]);
  });

  it('refuses a range or page outside the limits', async () => {
    const core = await vault(TODAY);
    for (const bad of [{ days: -1 }, { days: 1.5 }, { offset: -1 }, { group: 'someday' }, { days: '30' }]) {
      expect(await core.dispatch('docket.list', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('reminders and notices say what is true', () => {
  it('an overdue deadline is not "due within 3 days"', async () => {
    const core = await vault('2026-03-02');
    const p = await person(core);
    await core.call('deadlines.addManual', { personId: p.id, label: 'late', due: '2026-02-20' });
    await core.call('deadlines.addManual', { personId: p.id, label: 'in ten days', due: '2026-03-12' });
    const r = await core.call('reminders.due', { withinDays: 3 });
    expect(r).toMatchObject({ count: 1, dueSoon: 0, overdue: 1 });
    await core.call('deadlines.addManual', { personId: p.id, label: 'tomorrow', due: '2026-03-03' });
    expect(await core.call('reminders.due', { withinDays: 3 })).toMatchObject({ count: 2, dueSoon: 1, overdue: 1 });
  });

  it('an ended TPS designation is a notice on the docket, never overdue, and not in the reminders', async () => {
    // The shipped dataset (as of 2026-05-01) ends El Salvador's designation on 2026-09-09.
    const core = await vault('2026-10-01');
    const p = await person(core, { given: 'Beto', history: { tpsCountry: 'SV', tpsStatus: 'granted' } });
    // TPS deadlines follow the record in the core's own time (a job): wait for the row, never for a while.
    await vi.waitFor(
      async () => expect((await core.call('deadlines.list', { personId: p.id })).some((x) => x.source === 'tps')).toBe(true),
      { timeout: 20_000, interval: 50 },
    );
    const d = await core.call('docket.list', { days: null });
    expect(d.notices.map((n) => [n.personId, n.due, n.source])).toEqual([[p.id, '2026-09-09', 'tps']]);
    expect(d.notices[0]!.label.en).toMatch(/designation/i);
    const overdue = group(d, 'overdue');
    expect(overdue.rows.some((r) => r.id === d.notices[0]!.id)).toBe(false);
    expect(overdue.total).toBe(overdue.rows.length);
    const r = await core.call('reminders.due', { withinDays: 3 });
    expect(r.items.some((i) => i.id === d.notices[0]!.id)).toBe(false);
    expect(r.overdue).toBe(r.items.filter((i) => i.overdue).length);
  });
});

describe('hearings in the .ics export', () => {
  function parse(ics: string) {
    const comp = new ICAL.Component(ICAL.parse(ics));
    return comp.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        start: e.startDate.toString(),
        allDay: e.startDate.isDate,
        floating: e.startDate.zone?.tzid === 'floating',
        transp: v.getFirstPropertyValue('transp'),
      };
    });
  }

  it('every hearing still to come is an event: timed when the case gives a time, without the client name unless asked', async () => {
    const core = await vault('2026-03-02');
    const p = await person(core, {
      given: 'José María',
      family: 'García',
      cases: [
        {
          type: 'removal-nondetained',
          court: 'San Diego Immigration Court',
          judge: 'Judge Ruiz',
          nextHearing: { date: '2026-03-20', time: '13:00', kind: 'individual' },
        },
      ],
    });
    await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-04-02', details: { hearingKind: 'master' } });
    await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-02-02', details: { hearingKind: 'master' } });
    const out = await core.call('deadlines.exportIcs', {});
    expect(out.hearings).toBe(2);
    const events = parse(out.ics);
    expect(events).toHaveLength(out.count);
    const hearings = events.filter((e) => e.uid.startsWith('hearing-'));
    expect(hearings.map((e) => [e.start, e.allDay])).toEqual([
      ['2026-03-20T13:00:00', false],
      ['2026-04-02', true],
    ]);
    expect(hearings[0]).toMatchObject({ floating: true, transp: 'OPAQUE' });
    expect(hearings[0]!.summary).toMatch(/^Individual \(merits\) hearing \(case [0-9A-F]{4}\)$/);
    expect(hearings[0]!.description).toBe('Date: 2026-03-20\nTime: 13:00\nCourt: San Diego Immigration Court\nJudge: Judge Ruiz');
    expect(out.ics).not.toMatch(/García|José/);
    // Events come in date order, deadlines and hearings together.
    const starts = events.map((e) => e.start.slice(0, 10));
    expect(starts).toEqual([...starts].sort());

    const named = await core.call('deadlines.exportIcs', { includeNames: true, lang: 'es' });
    const h = parse(named.ics).find((e) => e.start.startsWith('2026-03-20T'))!;
    expect(h.summary).toMatch(/^Audiencia individual \(de fondo\) - José María García \(caso [0-9A-F]{4}\)$/);
    expect(h.description).toContain('Cliente: José María García');
    expect(h.description).toContain('Tribunal: San Diego Immigration Court');
    // Past hearings come along with done deadlines.
    expect((await core.call('deadlines.exportIcs', { includeDone: true })).hearings).toBe(3);
  });
});
