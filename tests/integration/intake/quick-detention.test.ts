/**
 * Issue 8 §2 in the core: a quick intake fits a detention visit (A-number in
 * any format, normalized and decisive in the duplicate gate; no phone), its
 * urgency flags read what volunteers type, and a full intake asks consent
 * details only when consent was given.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
});
afterEach(() => cleanup());

const detained = (given: string, family: string, extra: Record<string, unknown> = {}) => ({
  givenName: given,
  familyName: family,
  approxAge: 30,
  detained: true,
  facility: 'Otay Mesa Detention Center',
  ...extra,
});

const full = (consent: Record<string, unknown>) => ({
  person: { givenName: 'Rosa', familyName: 'Mejía', dob: '1985-01-01' },
  detention: { detained: false },
  history: {},
  cases: [],
  family: [],
  notes: '',
  consent,
});

describe('quick intake at a detention visit', () => {
  it('saves without a phone and stores the A-number typed in any format as nine digits', async () => {
    const p = await core.call('intake.createQuick', { intake: detained('Luis', 'Ramos', { aNumber: 'A# 12-345-678' }) });
    expect(p.person.aNumber).toBe('012345678');
    expect(p.person.phone).toBeUndefined();
    expect((await core.call('people.search', { query: 'A012345678' })).map((r) => r.id)).toEqual([p.id]);
  });

  it('an equal A-number is decisive: a quick intake under another name is refused until decided', async () => {
    const first = await core.call('intake.createQuick', { intake: detained('Luis', 'Ramos', { aNumber: '012345678' }) });
    const candidates = await core.call('people.checkDuplicates', { given: 'Jorge', family: 'Pineda', aNumber: '12345678' });
    expect(candidates).toEqual([
      expect.objectContaining({ id: first.id, strength: 'likely', reasons: expect.arrayContaining(['a-number-equal']) }),
    ]);
    const refused = await core.dispatch('intake.createQuick', { intake: detained('Jorge', 'Pineda', { aNumber: 'a 12 345 678' }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [first.id] } } });
  });

  it('refuses a malformed A-number with its own code', async () => {
    const bad = await core.dispatch('intake.createQuick', { intake: detained('Luis', 'Ramos', { aNumber: 'A12' }) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(bad)).toContain('aNumber.invalid');
  });

  it('flags medical needs typed in Spanish or English, and shows them on the record', async () => {
    const p = await core.call('intake.createQuick', {
      intake: detained('Ana', 'Cruz', { urgentNeeds: 'Está embarazada y necesita su medicina para la diabetes' }),
    });
    expect(p.urgency.find((f) => f.code === 'medical')?.terms).toEqual(['embarazada', 'medicina', 'diabetes']);
    expect((await core.call('people.get', { id: p.id })).urgency.map((f) => f.code)).toEqual(['detained', 'medical']);
  });

  it('flags a hearing within 21 days and an expired work permit on the record', async () => {
    const p = await core.call('intake.createQuick', { intake: detained('Ana', 'Cruz', { nextHearingDate: '2026-12-17' }) });
    expect(p.urgency.find((f) => f.code === 'hearing-soon')).toEqual({ code: 'hearing-soon', daysLeft: 21, date: '2026-12-17' });
    const { id, version, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, cases: _e, urgency: _f, familyLinks: _g, ...data } = p;
    const updated = await core.call('people.update', {
      id,
      version,
      data: { ...data, history: { ...data.history, eadExpiry: '2026-11-01' } },
    });
    expect(updated.urgency.find((f) => f.code === 'work-permit-expired')).toEqual({
      code: 'work-permit-expired',
      daysLeft: -25,
      date: '2026-11-01',
    });
  });
});

describe('full intake consent', () => {
  it('asks method and language only when consent was given', async () => {
    const none = await core.call('intake.createFull', { intake: full({ given: false }) });
    expect(none.consent).toBeUndefined();
    const missing = await core.dispatch('intake.createFull', { intake: full({ given: true, date: '2026-11-20' }), decisions: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(missing)).toMatch(/consent.*how|how.*consent/);
    // Older callers send no `given`: their consent is given and its details stay required.
    const old = await core.dispatch('intake.createFull', { intake: full({ date: '2026-11-20', how: 'verbal' }) });
    expect(old).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const decisions = [{ otherId: none.id, decision: 'new-person' as const }];
    const given = await core.call('intake.createFull', {
      intake: full({ given: true, date: '2026-11-20', how: 'written', language: 'es' }),
      decisions,
    });
    expect(given.consent).toEqual({ date: '2026-11-20', how: 'written', language: 'es' });
  });
});
