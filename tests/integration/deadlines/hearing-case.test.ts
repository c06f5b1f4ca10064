/**
 * Moving a hearing keeps its case in step inside one core transaction: the
 * event, its deadlines and the case's next hearing change together or not
 * at all, whichever transport asks (issue 9).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { allRows } from './helpers';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
});
afterEach(() => cleanup());

/** A quick intake with a master hearing: one case, one hearing event, its pre-hearing filing deadline. */
async function withHearing(date = '2027-01-15') {
  const p = await core.call('intake.createQuick', {
    intake: { givenName: 'Rosa', familyName: 'Flores', dob: '1980-05-05', phone: '5551234567', detained: false, nextHearingDate: date },
  });
  const [hearing] = await core.call('events.list', { personId: p.id });
  return { personId: p.id, caseId: p.cases[0]!.id, hearing: hearing! };
}

const caseRow = (id: string) =>
  core.ctx().db.prepare('SELECT hearing_date, hearing_kind, data, version FROM cases WHERE id = ?').get(id) as {
    hearing_date: string | null;
    hearing_kind: string | null;
    data: string;
    version: number;
  };
const eventRow = (id: string) => core.ctx().db.prepare('SELECT * FROM events WHERE id = ?').get(id);
const dues = async (personId: string) => (await core.call('deadlines.list', { personId })).map((d) => d.due);
const move = (id: string, version: number, caseId: string, date: string, hearingKind = 'master') =>
  core.dispatch('events.update', { id, version, event: { kind: 'hearing-scheduled', date, caseId, details: { hearingKind } } });

describe('a hearing event and its case', () => {
  it('events.update moves the case, its deadlines and the next hearing together', async () => {
    const { personId, caseId, hearing } = await withHearing();
    expect(await dues(personId)).toEqual(['2026-12-31']);
    const before = caseRow(caseId);

    const res = await move(hearing.id, hearing.version, caseId, '2027-01-08', 'individual');
    expect(res).toMatchObject({ ok: true, value: { caseUpdated: caseId } });
    const after = caseRow(caseId);
    expect(after).toMatchObject({ hearing_date: '2027-01-08', hearing_kind: 'individual', version: before.version + 1 });
    expect(JSON.parse(after.data).nextHearing).toEqual({ date: '2027-01-08', kind: 'individual' });
    // The individual hearing's filing deadline (30 days before) replaced the master one.
    expect(await dues(personId)).toEqual(['2026-12-09']);
    expect((await core.call('people.list', {})).rows[0]!.nextHearing).toBe('2027-01-08');
  });

  it('a linked hearing-moved event moves the case too', async () => {
    const { personId, caseId, hearing } = await withHearing();
    const res = await core.call('events.add', {
      personId,
      event: { kind: 'hearing-moved', date: '2027-02-01', details: { hearingEventId: hearing.id } },
    });
    expect(res.caseUpdated).toBe(caseId);
    expect(caseRow(caseId).hearing_date).toBe('2027-02-01');
    expect(await dues(personId)).toEqual(['2027-01-15']);
  });

  it('a stale event version changes neither the case nor the deadlines', async () => {
    const { personId, caseId, hearing } = await withHearing();
    expect((await move(hearing.id, hearing.version, caseId, '2027-01-08')).ok).toBe(true);
    const caseBefore = caseRow(caseId);
    const deadlinesBefore = allRows(core);
    const res = await move(hearing.id, hearing.version, caseId, '2027-03-01');
    expect(res).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
    expect(caseRow(caseId)).toEqual(caseBefore);
    expect(allRows(core)).toEqual(deadlinesBefore);
    expect(await dues(personId)).toEqual(['2026-12-24']);
  });

  it('a failure in the case step rolls back the event and its deadlines too', async () => {
    const { caseId, hearing } = await withHearing();
    const caseBefore = caseRow(caseId);
    const eventBefore = eventRow(hearing.id);
    const deadlinesBefore = allRows(core);
    // The case write is the last step: make the database refuse it.
    core.ctx().db.exec(`CREATE TEMP TRIGGER refuse_case BEFORE UPDATE ON cases BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const res = await move(hearing.id, hearing.version, caseId, '2027-01-08');
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(caseRow(caseId)).toEqual(caseBefore);
    expect(eventRow(hearing.id)).toEqual(eventBefore);
    expect(allRows(core)).toEqual(deadlinesBefore);
  });

  it('leaves a case alone that shows another date', async () => {
    const { caseId, hearing } = await withHearing();
    const c = (await core.call('cases.list', {})).rows[0]!;
    expect(c.id).toBe(caseId);
    // A second hearing event of the same case, entered later for a date after the case's.
    const later = await core.call('events.add', {
      personId: hearing.personId,
      event: { kind: 'hearing-scheduled', date: '2027-05-03', caseId, details: { hearingKind: 'individual' } },
    });
    expect(later.caseUpdated).toBeNull();
    const versionBefore = caseRow(caseId).version;
    const res = await move(later.event.id, later.event.version, caseId, '2027-05-10', 'individual');
    expect(res).toMatchObject({ ok: true, value: { caseUpdated: null } });
    expect(caseRow(caseId)).toMatchObject({ hearing_date: '2027-01-15', version: versionBefore });
  });

  it('a sooner hearing becomes the case next hearing; deleting it goes back to the one left', async () => {
    const { personId, caseId } = await withHearing('2027-03-01');
    const sooner = await core.call('events.add', {
      personId,
      event: { kind: 'hearing-scheduled', date: '2027-01-10', caseId, details: { hearingKind: 'master' } },
    });
    expect(sooner.caseUpdated).toBe(caseId);
    expect(caseRow(caseId).hearing_date).toBe('2027-01-10');
    // A hearing recorded after the fact never replaces the one to come.
    const past = await core.call('events.add', {
      personId,
      event: { kind: 'hearing-scheduled', date: '2026-10-01', caseId, details: { hearingKind: 'master' } },
    });
    expect(past.caseUpdated).toBeNull();
    const del = await core.call('events.delete', { id: sooner.event.id, version: sooner.event.version });
    expect(del.caseUpdated).toBe(caseId);
    expect(caseRow(caseId)).toMatchObject({ hearing_date: '2027-03-01', hearing_kind: 'master' });
  });
});
