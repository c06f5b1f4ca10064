import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { findRule } from '../../../shared/deadlines';
import { showEn } from '../../../shared/deadlines/trail';
import { freshCore } from '../../helpers/env';
import { addEvent, allRows, byRule, failure, person } from './helpers';

let core: Core;
let cleanup: () => void;
const TODAY = '2026-03-02';

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

/** [event, { rule: [due, ruleDue?] }] — dates worked out by hand against the calendar. */
const CASES: Array<[string, Record<string, unknown>, Record<string, [string, string?]>]> = [
  [
    'hearing master',
    { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } },
    { 'prehearing-filing-master-nondetained': ['2026-06-18', '2026-06-22'] },
  ],
  [
    'hearing individual',
    { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } },
    { 'prehearing-filing-individual-nondetained': ['2026-06-05', '2026-06-08'] },
  ],
  [
    'hearing individual detained',
    { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual', detained: true, days: 10 } },
    { 'prehearing-filing-individual-detained': ['2026-06-26'] },
  ],
  [
    'oral IJ decision',
    { kind: 'ij-decision-oral', date: '2026-03-02' },
    { 'bia-appeal': ['2026-04-01'], 'motion-to-reopen': ['2026-06-01'], 'motion-to-reconsider': ['2026-04-01'] },
  ],
  [
    'written IJ decision in absentia',
    { kind: 'ij-decision-written', date: '2026-03-02', details: { inAbsentia: true } },
    {
      'bia-appeal': ['2026-04-01'],
      'motion-to-reopen': ['2026-06-01'],
      'motion-to-reconsider': ['2026-04-01'],
      'motion-to-reopen-in-absentia': ['2026-08-31'],
    },
  ],
  [
    'BIA decision',
    { kind: 'bia-decision', date: '2026-03-02' },
    { 'petition-for-review': ['2026-04-01'], 'motion-to-reopen': ['2026-06-01'], 'motion-to-reconsider': ['2026-04-01'] },
  ],
  [
    'final order',
    { kind: 'final-order', date: '2026-03-02' },
    { 'motion-to-reopen': ['2026-06-01'], 'motion-to-reconsider': ['2026-04-01'] },
  ],
  [
    'USCIS RFE mailed',
    { kind: 'uscis-notice', date: '2026-03-02', details: { subkind: 'rfe', mailed: true, days: 84 } },
    { 'uscis-rfe': ['2026-05-28'] },
  ],
  [
    'USCIS NOID',
    { kind: 'uscis-notice', date: '2026-03-02', details: { subkind: 'noid', mailed: false, days: 30 } },
    { 'uscis-noid': ['2026-04-01'] },
  ],
  [
    'USCIS denial mailed',
    { kind: 'uscis-notice', date: '2026-03-02', details: { subkind: 'denial', mailed: true } },
    { 'i-290b': ['2026-04-06'] },
  ],
  ['last arrival', { kind: 'last-arrival', date: '2025-08-15' }, { 'asylum-one-year': ['2026-08-14', '2026-08-17'] }],
  [
    'VD at conclusion',
    { kind: 'vd-granted', date: '2026-03-02', details: { days: 60 } },
    { 'vd-post-conclusion': ['2026-05-01'], 'vd-bond': ['2026-03-09'] },
  ],
  [
    'VD before conclusion',
    { kind: 'vd-granted', date: '2026-03-02', details: { days: 120, stage: 'pre-conclusion' } },
    { 'vd-pre-conclusion': ['2026-06-30'] },
  ],
  [
    'address change',
    { kind: 'address-changed', date: '2026-03-02' },
    { 'eoir-33-change-of-address': ['2026-03-09'], 'ar-11-change-of-address': ['2026-03-12'] },
  ],
  ['negative CFI', { kind: 'cfi-negative', date: '2026-03-02' }, { 'credible-fear-review': ['2026-03-09'] }],
  ['filing served', { kind: 'filing-served', date: '2026-03-02' }, { 'response-to-filing': ['2026-03-12'] }],
  ['detained', { kind: 'detained', date: '2026-03-02', details: { facility: 'Otay Mesa' } }, {}],
  ['released', { kind: 'released', date: '2026-03-02' }, {}],
];

describe('events create the deadlines their rules imply', () => {
  it.each(CASES)('%s', async (_name, event, expected) => {
    const p = await person(core);
    const r = await addEvent(core, p.id, event);
    expect(Object.keys(byRule(r)).sort()).toEqual(Object.keys(expected).sort());
    for (const [rule, [due, ruleDue]] of Object.entries(expected)) {
      const d = byRule(r)[rule]!;
      expect(d.due, rule).toBe(due);
      expect(d.computedDue).toBe(due);
      if (ruleDue) expect(d.ruleDue).toBe(ruleDue);
      expect(d.source).toBe('rule');
      expect(d.eventId).toBe(r.event.id);
      expect(d.citation).toBe(findRule(rule)!.citation);
      expect(d.citation.length).toBeGreaterThan(4);
      expect(d.trail.en.length).toBeGreaterThanOrEqual(3);
      expect(d.trail.es.length).toBe(d.trail.en.length);
      // The trail writes dates as people read them ("Thu, Jun 18, 2026").
      expect(d.trail.en.at(-1)).toContain(showEn(due));
      expect(d.status).toBe('open');
    }
    // Stored, not just returned.
    const listed = await core.call('deadlines.list', { personId: p.id });
    expect(listed.map((d) => d.id).sort()).toEqual(r.deadlines.map((d) => d.id).sort());
  });

  it('explains in the trail why an IJ decision starts the motion clocks', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    expect(byRule(r)['motion-to-reopen']!.trail.en[0]).toMatch(/counted as the final order/);
    expect(byRule(r)['motion-to-reopen']!.trail.es[0]).toMatch(/orden final/);
  });

  it('detained master hearing and detained individual without days: no guess, a reason instead', async () => {
    const p = await person(core, { detained: true });
    const master = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } });
    expect(master.deadlines).toEqual([]);
    expect(master.skipped[0]!.reason.en).toMatch(/set by the judge/);
    expect(master.event.details.detained).toBe(true);
    const indiv = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } });
    expect(indiv.deadlines).toEqual([]);
    expect(indiv.skipped[0]!.rule).toBe('prehearing-filing-individual-detained');
  });

  it('a removal-detained case makes the hearing detained even if the person record says otherwise', async () => {
    const p = await person(core, { cases: [{ type: 'removal-detained' }] });
    const r = await addEvent(core, p.id, {
      kind: 'hearing-scheduled',
      date: '2026-07-06',
      details: { hearingKind: 'individual', days: 10 },
    });
    expect(Object.keys(byRule(r))).toEqual(['prehearing-filing-individual-detained']);
    expect(r.event.caseId).toBe(p.caseIds[0]);
    expect(r.deadlines[0]!.caseType).toBe('removal-detained');
  });

  it('last arrival: one-year deadline with an asylum or removal case or none; skipped for a TPS-only person unless asked', async () => {
    const none = await person(core);
    expect((await addEvent(core, none.id, { kind: 'last-arrival', date: '2025-08-15' })).deadlines).toHaveLength(1);
    const removal = await person(core, { cases: [{ type: 'removal-nondetained' }] });
    expect((await addEvent(core, removal.id, { kind: 'last-arrival', date: '2025-08-15' })).deadlines).toHaveLength(1);
    const tpsOnly = await person(core, { cases: [{ type: 'tps' }] });
    const skipped = await addEvent(core, tpsOnly.id, { kind: 'last-arrival', date: '2025-08-15' });
    expect(skipped.deadlines).toHaveLength(0);
    expect(skipped.skipped[0]).toMatchObject({ rule: 'asylum-one-year' });
    expect(skipped.event.details.asylum).toBe(false);
    const forced = await addEvent(core, tpsOnly.id, { kind: 'last-arrival', date: '2025-08-15', details: { asylum: true } });
    expect(forced.deadlines.map((d) => d.ruleId)).toEqual(['asylum-one-year']);
  });

  it('address change outside court: AR-11 only', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'address-changed', date: '2026-03-02', details: { inCourt: false } });
    expect(r.deadlines.map((d) => d.ruleId)).toEqual(['ar-11-change-of-address']);
  });

  it('TPS re-registration notice: the stated closing date, flagged to verify without a citation', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'tps-reregistration-opened', date: '2026-03-02', details: { closes: '2026-05-01' } });
    expect(r.deadlines).toHaveLength(1);
    expect(r.deadlines[0]).toMatchObject({ source: 'tps', due: '2026-05-01', verify: true, eventId: r.event.id });
    const cited = await addEvent(core, p.id, {
      kind: 'tps-reregistration-opened',
      date: '2026-03-02',
      details: { closes: '2026-05-01', citation: '91 FR 1234' },
    });
    expect(cited.deadlines[0]).toMatchObject({ verify: false, citation: '91 FR 1234' });
  });

  it('uses clinic closure days: flagged and the next open day offered', async () => {
    await core.call('deadlines.setClosures', { dates: ['2026-04-01'] });
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const appeal = byRule(r)['bia-appeal']!;
    expect(appeal.due).toBe('2026-04-01');
    expect(appeal.flags).toContain('closure');
    expect(appeal.closureDue).toBe('2026-04-02');
  });
});

describe('editing an event', () => {
  it('moving a hearing recomputes exactly its deadlines and nothing else', async () => {
    const a = await person(core);
    const b = await person(core, { given: 'Luis' });
    const hearing = await addEvent(core, a.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } });
    await addEvent(core, a.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } });
    await addEvent(core, a.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    await addEvent(core, b.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } });
    await core.call('deadlines.addManual', { personId: a.id, label: 'Call the client', due: '2026-03-20' });
    const before = allRows(core);
    const dependent = hearing.deadlines.map((d) => d.id);
    expect(dependent).toHaveLength(1);

    const moved = await core.call('events.update', {
      id: hearing.event.id,
      version: hearing.event.version,
      event: { kind: 'hearing-scheduled', date: '2026-09-14', details: { hearingKind: 'individual' } },
    });
    expect(moved.updated).toEqual(dependent);
    expect(moved.created).toEqual([]);
    expect(moved.removed).toEqual([]);
    expect(moved.deadlines[0]).toMatchObject({ id: dependent[0], due: '2026-08-14', ruleDue: '2026-08-17', version: 2 });

    const after = allRows(core);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [id, row] of before) {
      if (dependent.includes(id)) expect(after.get(id)).not.toBe(row);
      else expect(after.get(id), id).toBe(row);
    }
  });

  it('a linked hearing-moved event moves the hearing, keeping deadline ids', async () => {
    const p = await person(core);
    const hearing = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } });
    const other = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    const before = allRows(core);
    const r = await addEvent(core, p.id, { kind: 'hearing-moved', date: '2026-09-14', details: { hearingEventId: hearing.event.id } });
    expect(r.event.details).toMatchObject({ hearingEventId: hearing.event.id, previousDate: '2026-07-06' });
    expect(r.deadlines.map((d) => d.id)).toEqual(hearing.deadlines.map((d) => d.id));
    expect(r.deadlines[0]!.due).toBe('2026-08-28');
    expect(allRows(core).get(other.deadlines[0]!.id)).toBe(before.get(other.deadlines[0]!.id));
    const events = await core.call('events.list', { personId: p.id });
    expect(events.find((e) => e.id === hearing.event.id)!.date).toBe('2026-09-14');
  });

  it('an unlinked hearing-moved notice works like a new hearing', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'hearing-moved', date: '2026-07-06', details: { hearingKind: 'master' } });
    expect(r.deadlines.map((d) => d.ruleId)).toEqual(['prehearing-filing-master-nondetained']);
  });

  it('keeps an override through a recompute and flags it when the computed date moved under it', async () => {
    const p = await person(core);
    const h = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } });
    const d = h.deadlines[0]!;
    await core.call('deadlines.override', {
      id: d.id,
      version: d.version,
      due: '2026-06-01',
      reason: 'Judge ordered filings by June 1 (order of 2026-03-01)',
    });
    const r = await core.call('events.update', {
      id: h.event.id,
      version: h.event.version,
      event: { kind: 'hearing-scheduled', date: '2026-09-14', details: { hearingKind: 'individual' } },
    });
    const after = r.deadlines[0]!;
    expect(after.due).toBe('2026-06-01');
    expect(after.computedDue).toBe('2026-08-14');
    expect(after.override).toMatchObject({ due: '2026-06-01', computedDueWhenSet: '2026-06-05', stale: true });
    expect(after.flags).toContain('override-stale');
    expect(after.trail.en.join(' ')).toMatch(/computed date changed after the override/);
  });

  it('keeps done status through a recompute, flagged when the date moved', async () => {
    const p = await person(core);
    const h = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } });
    const d = h.deadlines[0]!;
    await core.call('deadlines.markDone', { id: d.id, version: d.version });
    const r = await core.call('events.update', {
      id: h.event.id,
      version: h.event.version,
      event: { kind: 'hearing-scheduled', date: '2026-09-14', details: { hearingKind: 'individual' } },
    });
    expect(r.deadlines[0]).toMatchObject({ status: 'done', doneBy: d.createdBy });
    expect(r.deadlines[0]!.flags).toContain('changed-after-done');
  });

  it('changing the hearing kind swaps the rule; an unchanged edit writes nothing', async () => {
    const p = await person(core);
    const h = await addEvent(core, p.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } });
    const same = await core.call('events.update', {
      id: h.event.id,
      version: h.event.version,
      event: { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } },
    });
    expect(same.unchanged).toEqual([h.deadlines[0]!.id]);
    const swapped = await core.call('events.update', {
      id: h.event.id,
      version: same.event.version,
      event: { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'individual' } },
    });
    expect(swapped.removed).toEqual([h.deadlines[0]!.id]);
    expect(swapped.deadlines.map((d) => d.ruleId)).toEqual(['prehearing-filing-individual-nondetained']);
  });

  it('refuses a stale version and a change of kind', async () => {
    const p = await person(core);
    const h = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    await core.call('events.update', { id: h.event.id, version: 1, event: { kind: 'filing-served', date: '2026-03-03', details: {} } });
    expect(
      (
        await failure(
          core.call('events.update', { id: h.event.id, version: 1, event: { kind: 'filing-served', date: '2026-03-04', details: {} } }),
        )
      ).code,
    ).toBe('STALE_WRITE');
    expect(
      (
        await failure(
          core.call('events.update', { id: h.event.id, version: 2, event: { kind: 'cfi-negative', date: '2026-03-04', details: {} } }),
        )
      ).code,
    ).toBe('INVALID_INPUT');
  });

  it('deleting an event removes its deadlines and only those', async () => {
    const p = await person(core);
    const a = await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const b = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    const r = await core.call('events.delete', { id: a.event.id, version: 1 });
    expect(r.removed.sort()).toEqual(a.deadlines.map((d) => d.id).sort());
    const left = await core.call('deadlines.list', { personId: p.id });
    expect(left.map((d) => d.id)).toEqual(b.deadlines.map((d) => d.id));
  });
});

describe('bad input is refused with a coded error', () => {
  it.each([
    ['impossible date', { kind: 'filing-served', date: '2026-02-30', details: {} }],
    ['not a date', { kind: 'filing-served', date: 'next Tuesday', details: {} }],
    ['negative days', { kind: 'vd-granted', date: '2026-03-02', details: { days: -5 } }],
    ['fractional days', { kind: 'vd-granted', date: '2026-03-02', details: { days: 1.5 } }],
    ['RFE without days', { kind: 'uscis-notice', date: '2026-03-02', details: { subkind: 'rfe', mailed: true } }],
    ['denial with days', { kind: 'uscis-notice', date: '2026-03-02', details: { subkind: 'denial', mailed: true, days: 30 } }],
    ['unknown kind', { kind: 'alien-abduction', date: '2026-03-02', details: {} }],
    ['unknown detail', { kind: 'filing-served', date: '2026-03-02', details: { extra: 1 } }],
  ])('%s', async (_n, event) => {
    const p = await person(core);
    const r = await core.dispatch('events.add', { personId: p.id, event });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.call('deadlines.list', { personId: p.id })).toEqual([]);
  });

  it('days on a rule fixed by law is refused by the engine, and nothing is saved', async () => {
    const p = await person(core);
    const r = await core.dispatch('events.add', {
      personId: p.id,
      event: { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master', days: 20 } },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.call('events.list', { personId: p.id })).toEqual([]);
  });

  it('VD over the legal maximum is kept but flagged over-max', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'vd-granted', date: '2026-03-02', details: { days: 90 } });
    expect(byRule(r)['vd-post-conclusion']!.flags).toContain('over-max');
  });

  it('unknown person, case of another person', async () => {
    const p = await person(core, { cases: [{ type: 'tps' }] });
    const q = await person(core);
    expect(
      (await failure(addEvent(core, '00000000-0000-7000-8000-000000000000', { kind: 'filing-served', date: '2026-03-02' }))).code,
    ).toBe('NOT_FOUND');
    expect((await failure(addEvent(core, q.id, { kind: 'filing-served', date: '2026-03-02', caseId: p.caseIds[0] }))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('preview reports UNKNOWN_RULE, BAD_DATE and bad days from the engine', async () => {
    expect(await core.dispatch('deadlines.preview', { rule: 'nope', trigger: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_RULE' },
    });
    expect(await core.dispatch('deadlines.preview', { rule: 'bia-appeal', trigger: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_DATE' },
    });
    expect(await core.dispatch('deadlines.preview', { rule: 'uscis-rfe', trigger: '2026-03-02', days: -3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.dispatch('deadlines.preview', { rule: 'bia-appeal', trigger: '2026-03-02' })).toMatchObject({
      ok: true,
      value: { due: '2026-04-01' },
    });
  });
});
