import { describe, it, expect, afterEach } from 'vitest';
import { freshCore } from '../../helpers/env';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("a case's next hearing drives the docket", () => {
  it('quick intake with a hearing date creates the pre-hearing filing deadline; moving the hearing moves it', async () => {
    const env = await freshCore({ today: '2026-11-26' });
    cleanup = env.cleanup;
    const { core } = env;
    const p = await core.call('intake.createQuick', {
      intake: {
        givenName: 'Ana',
        familyName: 'Pérez',
        dob: '1990-01-01',
        phone: '5551234567',
        detained: false,
        nextHearingDate: '2027-01-15',
      },
    });
    const [first] = await core.call('deadlines.list', { personId: p.id });
    expect(first).toMatchObject({ ruleId: 'prehearing-filing-master-nondetained', source: 'rule' });
    // 15 days before Fri 2027-01-15 is Thu 2026-12-31, a business day.
    expect(first!.due).toBe('2026-12-31');
    expect(first!.citation).toMatch(/Practice Manual|ICPM/);

    const c = p.cases[0]!;
    await core.call('cases.update', {
      id: c.id,
      version: c.version,
      case: { type: c.type, nextHearing: { date: '2027-01-08', kind: 'master' } },
    });
    const after = await core.call('deadlines.list', { personId: p.id });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(first!.id);
    // 15 days before Fri 2027-01-08 is Thu 2026-12-24 (the day before Christmas), within the docket's 30 days.
    expect(after[0]!.due).toBe('2026-12-24');
    expect(JSON.stringify(await core.call('docket.list', {}))).toContain(first!.id);
  });

  it('a case saved without a hearing creates no hearing deadline', async () => {
    const env = await freshCore({ today: '2026-11-26' });
    cleanup = env.cleanup;
    const p = await env.core.call('intake.createQuick', {
      intake: { givenName: 'Luis', familyName: 'Cruz', approxAge: 40, phone: '5551234567', detained: false },
    });
    await env.core.call('cases.add', { personId: p.id, case: { type: 'tps' } });
    expect(await env.core.call('deadlines.list', { personId: p.id })).toEqual([]);
  });
});

describe('a hearing moved from the deadlines panel', () => {
  it('is not moved back when an unrelated field of the case is saved', async () => {
    const env = await freshCore({ today: '2026-11-26' });
    cleanup = env.cleanup;
    const { core } = env;
    const p = await core.call('intake.createQuick', {
      intake: {
        givenName: 'Rosa',
        familyName: 'Flores',
        dob: '1980-05-05',
        phone: '5551234567',
        detained: false,
        nextHearingDate: '2027-01-15',
      },
    });
    const [hearing] = await core.call('events.list', { personId: p.id });
    await core.call('events.update', {
      id: hearing!.id,
      version: hearing!.version,
      event: { kind: 'hearing-scheduled', date: '2027-01-08', caseId: p.cases[0]!.id, details: { hearingKind: 'master' } },
    });
    // The case followed the hearing in the same transaction (issue 9): no second call from the window.
    const stale = p.cases[0]!;
    const c = (await core.call('people.get', { id: p.id })).cases[0]!;
    expect(c.nextHearing).toEqual({ date: '2027-01-08', kind: 'master' });
    expect(c.version).toBe(stale.version + 1);
    // A window still holding the case as it was cannot put the old date back.
    expect(
      await core.dispatch('cases.update', {
        id: stale.id,
        version: stale.version,
        case: { type: stale.type, judge: 'Judge Example', nextHearing: stale.nextHearing },
      }),
    ).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
    await core.call('cases.update', {
      id: c.id,
      version: c.version,
      case: { type: c.type, judge: 'Judge Example', nextHearing: c.nextHearing },
    });
    const [deadline] = await core.call('deadlines.list', { personId: p.id });
    expect(deadline!.due).toBe('2026-12-24');
  });
});

describe('moving a hearing on the case', () => {
  it("keeps the judge's filing days and the detained fact, so the deadline moves instead of vanishing", async () => {
    const env = await freshCore({ today: '2026-11-26' });
    cleanup = env.cleanup;
    const { core } = env;
    const p = await core.call('intake.createQuick', {
      intake: { givenName: 'Yusuf', familyName: 'Çelik', dob: '1980-05-05', phone: '5551234567', detained: true, facility: 'Krome' },
    });
    const c = await core.call('cases.add', { personId: p.id, case: { type: 'removal-detained' } });
    const added = await core.call('events.add', {
      personId: p.id,
      event: {
        kind: 'hearing-scheduled',
        date: '2027-01-20',
        caseId: c.id,
        details: { hearingKind: 'individual', detained: true, days: 10 },
      },
    });
    expect(added.deadlines.map((d) => d.ruleId)).toEqual(['prehearing-filing-individual-detained']);
    // The case had no hearing: the new hearing became its next one.
    expect(added.caseUpdated).toBe(c.id);
    const shown = (await core.call('people.get', { id: p.id })).cases.find((x) => x.id === c.id)!;
    expect(shown.nextHearing).toEqual({ date: '2027-01-20', kind: 'individual' });
    const [d] = await core.call('deadlines.list', { personId: p.id });
    await core.call('deadlines.override', { id: d!.id, version: d!.version, due: '2027-01-05', reason: 'File early: interpreter needed' });
    await core.call('cases.update', {
      id: c.id,
      version: shown.version,
      case: { type: 'removal-detained', nextHearing: { date: '2027-02-03', kind: 'individual' } },
    });
    const after = await core.call('deadlines.list', { personId: p.id });
    expect(after.map((x) => x.id)).toEqual([d!.id]);
    expect(after[0]!.override?.reason).toBe('File early: interpreter needed');
    expect(after[0]!.computedDue).not.toBe(d!.computedDue);
  });
});
