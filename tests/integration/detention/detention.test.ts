import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { addEvent, allRows, failure } from '../deadlines/helpers';
import { en } from '../../../shared/i18n/en';
import { es } from '../../../shared/i18n/es';

let core: Core;
let cleanup: () => void;
const TODAY = '2026-03-02';

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

async function client(given: string, aNumber: string | undefined, cases: Array<Record<string, unknown>> = [{ type: 'asylum-defensive' }]) {
  const p = await core.call('intake.createFull', {
    decisions: [],
    intake: {
      person: { givenName: given, familyName: 'Quispe', dob: '1990-04-04', ...(aNumber ? { aNumber } : {}) },
      detention: { detained: false },
      history: {},
      cases,
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  return p;
}

const ADELANTO = { facility: 'Adelanto ICE Processing Center', facilityId: 'adelanto-ice-processing-center' };

describe('facility list', () => {
  it('the shipped list is partial, dated and sourced; search folds accents and finds former names', async () => {
    const st = await core.call('facilities.status', {});
    expect(st.partial).toBe(true);
    expect(st.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(st.sourceNote.en).toContain('ice.gov/detention-facilities');
    expect(st.sourceNote.en).toContain('ice.gov/detain/detention-management');
    expect(st.count).toBeGreaterThanOrEqual(202);
    expect(st.fieldOffices).toContain('Los Angeles');
    const hits = await core.call('facilities.search', { query: 'lasalle' });
    expect(hits.map((f) => f.id)).toEqual(['central-louisiana-ice-processing-center']);
    expect(hits[0]!.court).toEqual({ name: 'Oakdale Immigration Court', role: 'administrative-control' });
    expect((await core.call('facilities.search', { query: 'ADELANTO ice' }))[0]!.address.zip).toBe('92301');
  });

  it('imports a newer list (preview then apply); refuses an older one and a bad one, naming the entry', async () => {
    const st = await core.call('facilities.status', {});
    const next = {
      format: 'amparo-facilities',
      version: 1,
      asOf: '2027-01-15',
      partial: false,
      source: { en: 'ICE list', es: 'Lista de ICE' },
      facilities: [
        {
          id: 'adelanto-ice-processing-center',
          name: 'Adelanto ICE Processing Center',
          aliases: [],
          address: { street: '10250 Rancho Road', city: 'Adelanto', state: 'CA', zip: '92301' },
          fieldOffice: 'Los Angeles',
          type: 'CDF',
          court: { name: 'Adelanto Immigration Court', role: 'hearing' },
          source: 'test',
          verify: false,
        },
      ],
    };
    const preview = await core.call('facilities.previewImport', { json: JSON.stringify(next) });
    expect(preview).toMatchObject({
      asOf: '2027-01-15',
      currentAsOf: st.asOf,
      count: 1,
      added: [],
      changed: ['adelanto-ice-processing-center'],
    });
    expect(preview.removed).toHaveLength(st.count - 1);
    await core.call('facilities.applyImport', { json: JSON.stringify(next) });
    expect(await core.call('facilities.status', {})).toMatchObject({ asOf: '2027-01-15', source: 'imported', count: 1, partial: false });
    const older = await failure(core.call('facilities.applyImport', { json: JSON.stringify({ ...next, asOf: '2027-01-01' }) }));
    expect(older.message).toContain('older than the one in use');
    const bad = {
      ...next,
      asOf: '2027-02-01',
      facilities: [{ ...next.facilities[0], address: { ...next.facilities[0]!.address, state: 'California' } }],
    };
    const e = await failure(core.call('facilities.applyImport', { json: JSON.stringify(bad) }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('facilities[0] (Adelanto ICE Processing Center).address.state');
    expect((await core.call('facilities.status', {})).asOf).toBe('2027-01-15');
  });
});

describe('detention history', () => {
  it('decides detained, facility, booking number and field office; a search by facility finds the person', async () => {
    const p = await client('Rosa', 'A012345678');
    const r = await core.call('detention.save', {
      personId: p.id,
      version: p.version,
      history: {
        arrestDate: '2026-01-10',
        stays: [
          {
            facility: 'Otero County Processing Center',
            facilityId: 'otero-county-processing-center',
            from: '2026-01-10',
            to: '2026-01-20',
            bookingId: 'OT-1',
          },
          { ...ADELANTO, from: '2026-01-20', bookingId: 'AD-77' },
        ],
        bond: { amount: 5000, setBy: 'ij', date: '2026-02-01', posted: false },
        ankleMonitor: false,
      },
    });
    expect(r.person.detention).toMatchObject({
      detained: true,
      facility: 'Adelanto ICE Processing Center',
      bookingNumber: 'AD-77',
      dateDetained: '2026-01-10',
      iceFieldOffice: 'Los Angeles',
    });
    expect(r.person.detention.history?.bond).toEqual({ amount: 5000, setBy: 'ij', date: '2026-02-01', posted: false });
    const found = await core.call('people.search', { query: 'adelanto' });
    expect(found.map((x) => x.id)).toContain(p.id);
    // A full-record save keeps the history deciding: a stale "not detained" is corrected from it.
    const again = await core.call('people.get', { id: p.id });
    const saved = await core.call('people.update', {
      id: p.id,
      version: again.version,
      data: {
        person: again.person,
        detention: { ...again.detention, detained: false },
        history: again.history,
        family: again.family,
        notes: again.notes,
        urgentNeeds: again.urgentNeeds,
      },
    });
    expect(saved.detention.detained).toBe(true);
  });

  it('a typed facility not on the list is kept as typed', async () => {
    const p = await client('Ana', 'A099999999');
    const r = await core.call('detention.save', {
      personId: p.id,
      version: p.version,
      history: { stays: [{ facility: 'Cárcel del Condado de Yuba', from: '2026-02-01' }], ankleMonitor: false },
    });
    expect(r.person.detention.facility).toBe('Cárcel del Condado de Yuba');
    expect(r.person.detention.iceFieldOffice).toBeUndefined();
  });

  it('refuses overlapping stays and a release before the last stay, writing nothing', async () => {
    const p = await client('Luz', undefined);
    const overlap = await failure(
      core.call('detention.save', {
        personId: p.id,
        version: p.version,
        history: {
          stays: [
            { facility: 'A', from: '2026-01-01', to: '2026-01-20' },
            { facility: 'B', from: '2026-01-10' },
          ],
          ankleMonitor: false,
        },
      }),
    );
    expect(overlap.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(overlap.details)).toContain('detention.staysOverlap');
    const early = await failure(
      core.call('detention.save', {
        personId: p.id,
        version: p.version,
        history: { stays: [{ facility: 'A', from: '2026-01-01' }], releasedOn: '2025-12-01', ankleMonitor: false },
      }),
    );
    expect(JSON.stringify(early.details)).toContain('detention.releaseBeforeStay');
    expect((await core.call('people.get', { id: p.id })).version).toBe(p.version);
  });

  it('a release moves a later hearing to the non-detained docket, recomputing exactly its deadlines', async () => {
    const p = await client('Eva', 'A011111111');
    const other = await client('Noe', 'A022222222');
    await addEvent(core, other.id, { kind: 'hearing-scheduled', date: '2026-07-06', details: { hearingKind: 'master' } });
    let v = (
      await core.call('detention.save', {
        personId: p.id,
        version: p.version,
        history: { stays: [{ ...ADELANTO, from: '2026-01-20' }], ankleMonitor: false },
      })
    ).person.version;
    // Detained individual hearing with the judge's 10 days: due 2026-06-26 (Friday).
    const h = await addEvent(core, p.id, {
      kind: 'hearing-scheduled',
      date: '2026-07-06',
      details: { hearingKind: 'individual', days: 10 },
    });
    expect(h.event.details.detained).toBe(true);
    expect(h.deadlines.map((d) => [d.ruleId, d.due])).toEqual([['prehearing-filing-individual-detained', '2026-06-26']]);
    const before = allRows(core);
    const r = await core.call('detention.save', {
      personId: p.id,
      version: v,
      history: {
        stays: [{ ...ADELANTO, from: '2026-01-20' }],
        bond: { amount: 3000, setBy: 'ij', date: '2026-02-20', posted: true, postedDate: '2026-02-25' },
        ankleMonitor: true,
        releasedOn: '2026-02-25',
        releaseKind: 'bond',
      },
    });
    v = r.person.version;
    expect(r.person.detention.detained).toBe(false);
    expect(r.person.detention.facility).toBeUndefined();
    expect(r.hearings).toEqual([h.event.id]);
    // Non-detained individual: 30 days before 2026-07-06 is Saturday 2026-06-06; filed by Friday 2026-06-05.
    const now = await core.call('deadlines.list', { personId: p.id, status: 'all' });
    expect(now.map((d) => [d.ruleId, d.due, d.detained])).toEqual([['prehearing-filing-individual-nondetained', '2026-06-05', false]]);
    const after = allRows(core);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id));
    expect(changed.sort()).toEqual([...r.created, ...r.removed].sort());
    // Saving the same history again changes nothing.
    const same = await core.call('detention.save', { personId: p.id, version: v, history: r.person.detention.history! });
    expect(same.hearings).toEqual([]);
    expect(allRows(core)).toEqual(after);
  });

  it('the docket filters by facility and by field office', async () => {
    const a = await client('Ada', 'A033333333');
    const b = await client('Bea', 'A044444444');
    const c = await client('Cai', 'A055555555');
    await core.call('detention.save', {
      personId: a.id,
      version: a.version,
      history: { stays: [{ ...ADELANTO, from: '2026-01-20' }], ankleMonitor: false },
    });
    await core.call('detention.save', {
      personId: b.id,
      version: b.version,
      history: { stays: [{ facility: 'Central Louisiana ICE Processing Center', from: '2026-01-20' }], ankleMonitor: false },
    });
    for (const p of [a, b, c]) await addEvent(core, p.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
    const who = async (q: Record<string, unknown>) => {
      const d = await core.call('docket.list', { days: 60, ...q });
      return [...new Set(d.groups.flatMap((g) => g.rows.map((r) => r.personName)))].sort();
    };
    expect(await who({})).toEqual(['Ada Quispe', 'Bea Quispe', 'Cai Quispe']);
    expect(await who({ facility: 'adelanto ice processing center' })).toEqual(['Ada Quispe']);
    expect(await who({ facility: 'LaSalle Detention Facility' })).toEqual(['Bea Quispe']);
    expect(await who({ fieldOffice: 'New Orleans' })).toEqual(['Bea Quispe']);
    expect(await who({ fieldOffice: 'Los Angeles' })).toEqual(['Ada Quispe']);
    // The facility filter offers where people are held now, whatever the filters, not the whole list of hundreds.
    const held = ['Adelanto ICE Processing Center', 'Central Louisiana ICE Processing Center'];
    expect((await core.call('docket.list', { days: 60 })).facilities).toEqual(held);
    expect((await core.call('docket.list', { days: 60, facility: 'Adelanto ICE Processing Center' })).facilities).toEqual(held);
  });
});

describe('EOIR status log', () => {
  it('records a check, shows what differs from the docket, and applies it to the case and its hearing event in one step', async () => {
    const p = await client('Rosa', 'A012345678', [
      { type: 'removal-nondetained', judge: 'Smith', court: 'Adelanto', nextHearing: { date: '2026-05-04', kind: 'master' } },
    ]);
    const caseId = p.cases[0]!.id;
    const before = await core.call('deadlines.list', { personId: p.id, status: 'open' });
    // 15 days before Monday 2026-05-04 is Sunday 2026-04-19: filed by Friday 2026-04-17.
    expect(before.map((d) => [d.ruleId, d.due])).toEqual([['prehearing-filing-master-nondetained', '2026-04-17']]);
    const r = await core.call('eoir.record', {
      personId: p.id,
      channel: 'hotline',
      hearing: { date: '2026-06-15', time: '09:00', kind: 'master' },
      judge: 'Smith',
      court: 'Adelanto',
    });
    expect(r.caseId).toBe(caseId);
    expect(r.check).toMatchObject({ aNumber: '012345678', checkedBy: expect.any(String), applied: null });
    expect(r.differences).toEqual([
      { field: 'hearingDate', docket: '2026-05-04', eoir: '2026-06-15' },
      { field: 'hearingTime', docket: null, eoir: '09:00' },
    ]);
    const c = (await core.call('people.get', { id: p.id })).cases[0]!;
    const rows = allRows(core);
    const applied = await core.call('eoir.apply', { checkId: r.check.id, caseId, caseVersion: c.version });
    expect(applied.case.nextHearing).toEqual({ date: '2026-06-15', time: '09:00', kind: 'master' });
    // The same deadline row moved: 15 days before 2026-06-15 is Sunday 2026-05-31, filed by Friday 2026-05-29.
    const after = await core.call('deadlines.list', { personId: p.id, status: 'open' });
    expect(after.map((d) => [d.id, d.due])).toEqual([[before[0]!.id, '2026-05-29']]);
    const now = allRows(core);
    expect([...now.keys()].filter((id) => now.get(id) !== rows.get(id))).toEqual([before[0]!.id]);
    const events = await core.call('events.list', { personId: p.id });
    expect(events.filter((e) => e.kind === 'hearing-scheduled').map((e) => e.date)).toEqual(['2026-06-15']);
    const log = await core.call('eoir.list', { personId: p.id });
    expect(log[0]!.applied).toMatchObject({ caseId });
    const again = await failure(core.call('eoir.apply', { checkId: r.check.id, caseId, caseVersion: applied.case.version }));
    expect(again.message).toContain('nothing to update');
  });

  it('a stale case version is refused and nothing changes', async () => {
    const p = await client('Rosa', 'A012345678', [{ type: 'removal-nondetained', nextHearing: { date: '2026-05-04', kind: 'master' } }]);
    const r = await core.call('eoir.record', { personId: p.id, hearing: { date: '2026-06-15' } });
    const rows = allRows(core);
    const e = await failure(core.call('eoir.apply', { checkId: r.check.id, caseId: p.cases[0]!.id, caseVersion: p.cases[0]!.version + 5 }));
    expect(e.code).toBe('STALE_WRITE');
    expect(allRows(core)).toEqual(rows);
    expect((await core.call('eoir.list', { personId: p.id }))[0]!.applied).toBeNull();
  });

  it('refuses a person without an A-number', async () => {
    const p = await client('Sin', undefined);
    const e = await failure(core.call('eoir.record', { personId: p.id, hearing: { date: '2026-06-15' } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('no A-number');
  });

  it('the "to check" list: detained after 7 days, others after 30, settable; never checked first', async () => {
    const d = await client('Dora', 'A066666666');
    await core.call('detention.save', {
      personId: d.id,
      version: d.version,
      history: { stays: [{ ...ADELANTO, from: '2026-01-20' }], ankleMonitor: false },
    });
    const f = await client('Fede', 'A077777777');
    await client('Gil', undefined);
    const closedOnly = await client('Hugo', 'A088888888', [{ type: 'asylum-defensive', status: 'closed' }]);
    const ids = async (q: Record<string, unknown>) => (await core.call('eoir.due', q)).rows.map((r) => r.personId);
    expect(await ids({})).toEqual([d.id, f.id]);
    expect(await ids({})).not.toContain(closedOnly.id);
    await core.call('eoir.record', { personId: d.id, checkedAt: '2026-03-01T15:00:00Z' });
    await core.call('eoir.record', { personId: f.id, checkedAt: '2026-02-20T15:00:00Z' });
    expect(await ids({ today: '2026-03-07' })).toEqual([]);
    expect(await ids({ today: '2026-03-08' })).toEqual([d.id]);
    expect(await ids({ today: '2026-03-22' })).toEqual([d.id, f.id]);
    await core.call('eoir.setIntervals', { detainedDays: 3, otherDays: 10 });
    const due = await core.call('eoir.due', { today: '2026-03-04' });
    expect(due.intervals).toEqual({ detainedDays: 3, otherDays: 10 });
    expect(due.rows.map((r) => [r.personId, r.daysSince])).toEqual([
      [d.id, 3],
      [f.id, 12],
    ]);
  });

  it('refuses absurd "to check" intervals with one clear message and keeps the saved ones', async () => {
    await core.call('eoir.setIntervals', { detainedDays: 5, otherDays: 20 });
    const before = allRows(core);
    for (const bad of [
      { detainedDays: 0, otherDays: 30 },
      { detainedDays: 7, otherDays: 366 },
      { detainedDays: 7.5, otherDays: 30 },
      { detainedDays: -7, otherDays: 30 },
      { detainedDays: 7, otherDays: null },
    ]) {
      const e = await failure(core.call('eoir.setIntervals', bad));
      expect(e.code).toBe('INVALID_INPUT');
      const issues = (e.details as { issues: Array<{ path: string[]; message: string }> }).issues;
      expect(issues).toEqual([{ path: [bad.detainedDays === 7 ? 'otherDays' : 'detainedDays'], message: 'eoir.intervals.range' }]);
    }
    expect(en['eoir.intervals.range']).toBe('Enter a whole number of days from 1 to 365.');
    expect(es['eoir.intervals.range']).toContain('entre 1 y 365');
    expect(allRows(core)).toEqual(before);
    expect((await core.call('eoir.due', {})).intervals).toEqual({ detainedDays: 5, otherDays: 20 });
  });
});
