/**
 * A person's next hearing is derived when asked, for the core's "today":
 * a stored copy went stale the day its hearing passed, and the "hearing
 * within N days" filter then dropped a person whose next hearing was close.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

let core: Core;
let cleanup: () => void;
let today = '2026-11-26';

beforeEach(async () => {
  const t = tempDir();
  today = '2026-11-26';
  core = createCore({ dbPath: join(t.dir, 'amparo.db'), kdfCost: TEST_KDF, today: () => today });
  await core.call('vault.create', { passphrase: PASS });
  cleanup = () => {
    core.close();
    t.cleanup();
  };
});
afterEach(() => cleanup());

const D1 = '2026-12-01';
const D2 = '2026-12-20';
const OTHER = '2026-12-10';

async function quick(given: string, family: string, nextHearingDate: string) {
  return core.call('intake.createQuick', {
    intake: { givenName: given, familyName: family, dob: '1990-03-07', phone: '555-123-4567', detained: false, nextHearingDate },
  });
}

const listIds = async (q: Record<string, unknown>) => (await core.call('people.list', q)).rows.map((r) => r.id);
const hearingOf = async (id: string) => (await core.call('people.list', {})).rows.find((r) => r.id === id)?.nextHearing;

describe('next hearing with a moving "today"', () => {
  it('moves on to the next hearing once one has passed, in lists, filters, sorting, search, urgency and export', async () => {
    const p = await quick('Rosa', 'Morales', D1);
    await core.call('cases.add', { personId: p.id, case: { type: 'asylum-defensive', nextHearing: { date: D2, kind: 'individual' } } });
    const other = await quick('Kevin', 'Ortiz', OTHER);

    // Before D1.
    expect(await hearingOf(p.id)).toBe(D1);
    expect(await listIds({ hearingWithinDays: 7 })).toEqual([p.id]);
    expect(await listIds({ sort: 'hearing' })).toEqual([p.id, other.id]);
    expect((await core.call('people.search', { query: 'rosa morales' }))[0]?.nextHearing).toBe(D1);

    // The day after D1: nothing was written in between, only the clock moved.
    today = '2026-12-02';
    expect(await hearingOf(p.id)).toBe(D2);
    expect(await listIds({ hearingWithinDays: 7 })).toEqual([]);
    expect(await listIds({ hearingWithinDays: 8 })).toEqual([other.id]);
    // D2 is 18 days out: the person is within 18 days of it, not within 17.
    expect((await listIds({ hearingWithinDays: 18 })).sort()).toEqual([p.id, other.id].sort());
    expect(await listIds({ hearingWithinDays: 17 })).toEqual([other.id]);
    expect(await listIds({ sort: 'hearing' })).toEqual([other.id, p.id]);
    expect((await core.call('people.list', { hearingWithinDays: 18 })).total).toBe(2);
    expect((await core.call('people.search', { query: 'rosa morales' }))[0]?.nextHearing).toBe(D2);
    const csv = (await core.call('import.exportCsv', { ids: [p.id] })).csv;
    expect(csv).toContain(D2);
    expect(csv).not.toContain(D1);
    today = '2026-12-10';
    expect((await core.call('people.get', { id: p.id })).urgency).toContainEqual(
      expect.objectContaining({ code: 'hearing-soon', date: D2, daysLeft: 10 }),
    );

    // After D2: no hearing ahead; sorting by hearing puts the person last.
    today = '2026-12-21';
    expect(await hearingOf(p.id)).toBeNull();
    expect(await listIds({ hearingWithinDays: 3650 })).toEqual([]);
    expect((await core.call('people.get', { id: p.id })).urgency.some((u) => u.code === 'hearing-soon')).toBe(false);
  });

  it('ignores hearings of closed cases', async () => {
    const p = await quick('Luis', 'Cruz', D1);
    const c = (await core.call('people.get', { id: p.id })).cases[0]!;
    await core.call('cases.update', {
      id: c.id,
      version: c.version,
      case: { type: c.type, status: 'closed', nextHearing: c.nextHearing },
    });
    expect(await hearingOf(p.id)).toBeNull();
    expect(await listIds({ hearingWithinDays: 30 })).toEqual([]);
  });
});
