import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { createCore } from '../../../electron/core/app';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { addEvent, allRows, byRule, failure, person } from './helpers';

let core: Core;
let dbPath: string;
let cleanup: () => void;
const TODAY = '2026-03-02';

beforeEach(async () => {
  ({ core, dbPath, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

describe('overrides', () => {
  it('need a non-empty reason, keep the computed date visible and can be cleared', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const d = byRule(r)['bia-appeal']!;
    for (const reason of ['', '   ', undefined, 'x'.repeat(1001)]) {
      const res = await core.dispatch('deadlines.override', { id: d.id, version: d.version, due: '2026-03-25', reason });
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await core.dispatch('deadlines.override', { id: d.id, version: d.version, due: '2026-02-30', reason: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const o = await core.call('deadlines.override', {
      id: d.id,
      version: d.version,
      due: '2026-03-25',
      reason: 'File early: BIA mail delays',
    });
    expect(o).toMatchObject({ due: '2026-03-25', computedDue: '2026-04-01', version: 2 });
    expect(o.override).toMatchObject({
      due: '2026-03-25',
      reason: 'File early: BIA mail delays',
      by: o.updatedBy,
      computedDueWhenSet: '2026-04-01',
      stale: false,
    });
    expect(o.trail.en.at(-1)).toMatch(/Overridden by .* due 2026-03-25 instead of the computed 2026-04-01\. Reason: File early/);
    expect(o.trail.es.at(-1)).toMatch(/Motivo: File early/);
    // The computation's own trail is untouched.
    expect(o.trail.en.slice(0, d.trail.en.length)).toEqual(d.trail.en);

    expect((await failure(core.call('deadlines.override', { id: d.id, version: 1, due: '2026-03-20', reason: 'again' }))).code).toBe(
      'STALE_WRITE',
    );
    const cleared = await core.call('deadlines.clearOverride', { id: d.id, version: o.version });
    expect(cleared).toMatchObject({ due: '2026-04-01', override: null });
  });

  it('are refused on manual deadlines (edit those instead)', async () => {
    const p = await person(core);
    const m = await core.call('deadlines.addManual', { personId: p.id, label: 'Judge order: brief', due: '2026-04-10' });
    expect((await failure(core.call('deadlines.override', { id: m.id, version: m.version, due: '2026-04-09', reason: 'x' }))).code).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('done', () => {
  it('records who and when, and can be reopened', async () => {
    const p = await person(core);
    const r = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    const d = r.deadlines[0]!;
    const before = Date.now();
    const done = await core.call('deadlines.markDone', { id: d.id, version: d.version });
    expect(done.status).toBe('done');
    expect(done.doneBy).toBe(done.updatedBy);
    expect(done.doneBy).toBeTruthy();
    expect(Date.parse(done.doneAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect((await failure(core.call('deadlines.markDone', { id: d.id, version: done.version }))).code).toBe('INVALID_INPUT');
    const audit = core.ctx().db.prepare(`SELECT actor, action FROM audit_log WHERE entity_id = ? ORDER BY at`).all(d.id);
    expect(audit).toEqual([{ actor: done.doneBy, action: 'deadline.done' }]);
    const open = await core.call('deadlines.reopen', { id: d.id, version: done.version });
    expect(open).toMatchObject({ status: 'open', doneAt: null, doneBy: null });
    expect((await core.call('deadlines.list', { personId: p.id, status: 'done' })).length).toBe(0);
  });
});

describe('manual deadlines', () => {
  it('carry label, date, note; say in the trail they were entered by hand; verify without a citation', async () => {
    const p = await person(core);
    const m = await core.call('deadlines.addManual', {
      personId: p.id,
      label: 'Brief due per IJ order',
      due: '2026-04-10',
      note: 'Order of 2026-02-27',
    });
    expect(m).toMatchObject({
      source: 'manual',
      due: '2026-04-10',
      computedDue: '2026-04-10',
      verify: true,
      citation: '',
      eventId: null,
      ruleId: null,
    });
    expect(m.label).toEqual({ en: 'Brief due per IJ order', es: 'Brief due per IJ order' });
    expect(m.note?.en).toBe('Order of 2026-02-27');
    expect(m.trail.en[0]).toMatch(/^Entered by hand by .* on 2026-03-02\.$/);
    const upd = await core.call('deadlines.updateManual', {
      id: m.id,
      version: m.version,
      label: 'Brief due',
      due: '2026-04-17',
      citation: 'IJ scheduling order',
    });
    expect(upd).toMatchObject({ due: '2026-04-17', verify: false, citation: 'IJ scheduling order', version: 2 });
    expect(await core.call('deadlines.delete', { id: m.id, version: upd.version })).toEqual({ deleted: true });
    expect(await core.call('deadlines.list', { personId: p.id })).toEqual([]);
  });

  it('refuses blank labels, impossible dates and deleting computed deadlines', async () => {
    const p = await person(core);
    expect(await core.dispatch('deadlines.addManual', { personId: p.id, label: '  ', due: '2026-04-10' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.dispatch('deadlines.addManual', { personId: p.id, label: 'x', due: '2026-13-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const r = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    expect((await failure(core.call('deadlines.delete', { id: r.deadlines[0]!.id, version: 1 }))).code).toBe('INVALID_INPUT');
  });
});

describe('clinic closure days', () => {
  it('are stored in the vault and recompute open deadlines; unaffected rows are not rewritten', async () => {
    const p = await person(core);
    const a = await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const b = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    const before = allRows(core);
    const res = await core.call('deadlines.setClosures', { dates: ['2026-04-01', '2026-04-01', '2026-01-02'] });
    expect(res.dates).toEqual(['2026-01-02', '2026-04-01']);
    expect(res.recomputed).toBe(2); // bia-appeal and motion-to-reconsider fall on 2026-04-01
    const appeal = await core.call('deadlines.get', { id: byRule(a)['bia-appeal']!.id });
    expect(appeal.flags).toEqual(['closure']);
    expect(appeal.closureDue).toBe('2026-04-02');
    expect(allRows(core).get(b.deadlines[0]!.id)).toBe(before.get(b.deadlines[0]!.id));
    expect(allRows(core).get(byRule(a)['motion-to-reopen']!.id)).toBe(before.get(byRule(a)['motion-to-reopen']!.id));

    core.vault.lock();
    const again = createCore({ dbPath, kdfCost: TEST_KDF, today: () => TODAY });
    await again.call('vault.unlock', { passphrase: PASS });
    expect((await again.call('deadlines.closures', {})).dates).toEqual(['2026-01-02', '2026-04-01']);
    again.close();
  });
});

describe('people changes reach the docket copies', () => {
  it('detention and assignee copies follow the person and the case; merges move deadlines', async () => {
    const p = await person(core, { cases: [{ type: 'removal-nondetained', assignedTo: 'Rosa' }] });
    const r = await addEvent(core, p.id, { kind: 'filing-served', date: '2026-03-02' });
    expect(r.deadlines[0]).toMatchObject({ detained: false, assignee: 'Rosa', caseType: 'removal-nondetained', caseId: p.caseIds[0] });
    const view = await core.call('people.get', { id: p.id });
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
    await core.call('people.update', {
      id: p.id,
      version,
      data: { ...data, person: { ...data.person, givenName: 'Ana Lucía' }, detention: { detained: true, facility: 'Adelanto' } },
    });
    const c = view.cases[0]!;
    await core.call('cases.update', { id: c.id, version: c.version, case: { type: 'removal-detained', assignedTo: 'Marco' } });
    const d = await core.call('deadlines.get', { id: r.deadlines[0]!.id });
    expect(d).toMatchObject({ detained: true, assignee: 'Marco', caseType: 'removal-detained' });
    const row = (await core.call('docket.list', {})).groups.flatMap((g) => g.rows).find((x) => x.id === d.id);
    expect(row).toMatchObject({ personName: 'Ana Lucía Pérez', detained: true, assignee: 'Marco' });

    const other = await person(core, { given: 'Ana María' });
    const o = await addEvent(core, other.id, { kind: 'cfi-negative', date: '2026-03-02' });
    await core.call('people.merge', { keepId: p.id, mergeId: other.id });
    const moved = await core.call('deadlines.get', { id: o.deadlines[0]!.id });
    expect(moved).toMatchObject({ personId: p.id, detained: true });
    expect((await core.call('events.list', { personId: p.id })).length).toBe(2);
  });
});
