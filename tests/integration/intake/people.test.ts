import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { createCore } from '../../../electron/core/app';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { namesFixture } from '../../helpers/fixtures';

let core: Core;
let dir: string;
let dbPath: string;
let cleanup: () => void;
const TODAY = '2026-11-26';

beforeEach(async () => {
  ({ core, dir, dbPath, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

const quick = (given: string, family: string, extra: Record<string, unknown> = {}) =>
  core.call('intake.createQuick', {
    intake: { givenName: given, familyName: family, dob: '1990-03-07', phone: '555-123-4567', detained: false, ...extra },
  });

const full = (
  person: Record<string, unknown>,
  detention: Record<string, unknown> = { detained: false },
  cases: unknown[] = [],
  // A likely duplicate made on purpose needs its decision, as in the window.
  decisions: Array<{ otherId: string; decision: 'new-person' | 'same-person' | 'needs-review' }> = [],
) =>
  core.call('intake.createFull', {
    decisions,
    intake: {
      person: { dob: '1985-01-01', ...person },
      detention,
      history: {},
      cases,
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  });

describe('people: storage', () => {
  it('stores every fixture name exactly (NFC) and reads it back', async () => {
    const ids: Array<[string, string, string]> = [];
    for (const p of namesFixture().people) {
      const given = p.given || 'Unknown';
      const saved = await quick(given, p.family);
      ids.push([saved.id, given.normalize('NFC'), p.family.normalize('NFC')]);
    }
    core.vault.lock();
    await core.call('vault.unlock', { passphrase: PASS });
    for (const [id, given, family] of ids) {
      const back = await core.call('people.get', { id });
      expect(back.person.givenName).toBe(given);
      expect(back.person.familyName).toBe(family);
    }
  });

  it('normalises decomposed input to NFC', async () => {
    const decomposed = 'Jose\u0301 Mari\u0301a';
    const p = await quick(decomposed, 'Garci\u0301a');
    expect(p.person.givenName).toBe('José María');
    expect(p.person.givenName).toBe(decomposed.normalize('NFC'));
  });

  it('keeps none of the stored names in the raw database or WAL bytes', async () => {
    const names = namesFixture().people.filter((p) => p.given.length >= 4);
    core.vault.db.pragma('wal_autocheckpoint = 0');
    for (const p of names) await quick(p.given, p.family);
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    expect(readdirSync(dir)).toContain('amparo.db-wal');
    for (const p of names) {
      for (const bytes of files) {
        expect(bytes.includes(Buffer.from(p.given, 'utf8')), p.given).toBe(false);
        expect(bytes.includes(Buffer.from(p.given, 'utf16le')), p.given).toBe(false);
      }
    }
  });

  it('stores hostile strings as inert text', async () => {
    const p = await quick("Robert'); DROP TABLE people;--", '=HYPERLINK("http://x")');
    const back = await core.call('people.get', { id: p.id });
    expect(back.person.givenName).toBe("Robert'); DROP TABLE people;--");
    expect((await core.call('people.list', {})).total).toBe(1);
  });

  it('refuses oversize values at the boundary with a clear error', async () => {
    const r = await core.dispatch('intake.createQuick', {
      intake: { givenName: 'x'.repeat(10_000_000), familyName: 'y', dob: '1990-01-01', phone: '5551234567', detained: false },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await core.call('people.list', {})).total).toBe(0);
  });

  it('refuses a date of birth in the future and impossible dates', async () => {
    for (const dob of ['2030-01-01', '1990-02-30', 'yesterday']) {
      const r = await core.dispatch('intake.createQuick', {
        intake: { givenName: 'A', familyName: 'B', dob, phone: '5551234567', detained: false },
      });
      expect(r, dob).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('computes urgency flags from detention and the next hearing', async () => {
    const p = await quick('Ana', 'Pérez', { detained: true, facility: 'Adelanto', nextHearingDate: '2026-12-03' });
    expect(p.urgency.map((u) => u.code)).toEqual(expect.arrayContaining(['detained', 'hearing-soon']));
    expect(p.cases).toHaveLength(1);
    expect(p.cases[0]).toMatchObject({ type: 'removal-detained', nextHearing: { date: '2026-12-03', kind: 'master' } });
  });
});

describe('people: editing', () => {
  it('refuses a stale save from a second window and keeps the first', async () => {
    const p = await quick('Iñaki', 'Muñoz');
    const {
      id,
      version,
      cases: _c,
      urgency: _u,
      createdAt: _ca,
      createdBy: _cb,
      updatedAt: _ua,
      updatedBy: _ub,
      mergedInto: _m,
      familyLinks: _fl,
      ...data
    } = p;
    const a = await core.call('people.update', { id, version, data: { ...data, notes: 'window A' } });
    expect(a.version).toBe(version + 1);
    const b = await core.dispatch('people.update', { id, version, data: { ...data, notes: 'window B' } });
    expect(b).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
    expect((await core.call('people.get', { id })).notes).toBe('window A');
  });

  it('adds and updates cases with versions, refreshing the next hearing', async () => {
    const p = await quick('Wideline', 'Pierre-Louis');
    const c = await core.call('cases.add', {
      personId: p.id,
      case: { type: 'tps', nextHearing: { date: '2027-01-15', kind: 'individual' } },
    });
    expect((await core.call('people.list', {})).rows[0]!.nextHearing).toBe('2027-01-15');
    await core.call('cases.update', {
      id: c.id,
      version: c.version,
      case: { type: 'tps', nextHearing: { date: '2026-12-01', kind: 'master' } },
    });
    expect((await core.call('people.list', {})).rows[0]!.nextHearing).toBe('2026-12-01');
    const stale = await core.dispatch('cases.update', { id: c.id, version: c.version, case: { type: 'tps' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
  });
});

describe('people: lists and search', () => {
  beforeEach(async () => {
    await full(
      { givenName: 'José María', familyName: 'García López', aliases: ['Chema'], aNumber: 'A012-345-678' },
      { detained: true, facility: 'Otay Mesa', bookingNumber: 'BK-99812' },
      [{ type: 'removal-detained', nextHearing: { date: '2026-12-01', kind: 'master' }, assignedTo: 'maria' }],
    );
    await full({ givenName: 'Nguyễn Thị', familyName: 'Minh Khai', aNumber: '212345678' });
    await full({ givenName: 'Søren', familyName: 'Ødegård' }, { detained: false }, [
      { type: 'asylum-affirmative', nextHearing: { date: '2027-06-01', kind: 'individual' } },
    ]);
  });

  it('finds people by name parts typed without accents, as prefixes', async () => {
    const names = async (q: string) => (await core.call('people.search', { query: q })).map((r) => r.givenName);
    expect(await names('garcia')).toEqual(['José María']);
    expect(await names('jose gar')).toEqual(['José María']);
    expect(await names('nguyen')).toEqual(['Nguyễn Thị']);
    expect(await names('soren odeg')).toEqual(['Søren']);
    expect(await names('chema')).toEqual(['José María']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('"; DROP TABLE people; --')).toEqual([]);
  });

  it('finds people by A-number in any format and by detention number', async () => {
    for (const q of ['A012345678', 'A-012-345-678', '12345678', 'a 12345678']) {
      expect(
        (await core.call('people.search', { query: q })).map((r) => r.givenName),
        q,
      ).toEqual(['José María']);
    }
    expect((await core.call('people.search', { query: 'BK99812' })).map((r) => r.givenName)).toEqual(['José María']);
  });

  it('lists cases with their people, filtered and sorted', async () => {
    const all = await core.call('cases.list', {});
    // By next hearing, soonest first.
    expect(all.rows.map((r) => [r.givenName, r.type, r.hearingDate])).toEqual([
      ['José María', 'removal-detained', '2026-12-01'],
      ['Søren', 'asylum-affirmative', '2027-06-01'],
    ]);
    expect((await core.call('cases.list', { detained: true })).rows.map((r) => r.givenName)).toEqual(['José María']);
    expect((await core.call('cases.list', { hearingWithinDays: 14 })).total).toBe(1);
    expect((await core.call('cases.list', { assignedTo: 'maria' })).rows[0]).toMatchObject({
      givenName: 'José María',
      detained: true,
      assignedTo: 'maria',
    });
    expect((await core.call('cases.list', { sort: 'type', dir: 'asc' })).rows.map((r) => r.type)).toEqual([
      'asylum-affirmative',
      'removal-detained',
    ]);
    expect((await core.call('cases.list', { status: 'closed' })).total).toBe(0);
  });

  it('filters and sorts the list', async () => {
    const detained = await core.call('people.list', { detained: true });
    expect(detained.rows.map((r) => r.givenName)).toEqual(['José María']);
    const soon = await core.call('people.list', { hearingWithinDays: 14 });
    expect(soon.rows.map((r) => r.givenName)).toEqual(['José María']);
    expect((await core.call('people.list', { assignedTo: 'maria' })).total).toBe(1);
    const byName = await core.call('people.list', { sort: 'name' });
    expect(byName.rows.map((r) => r.familyName)).toEqual(['García López', 'Minh Khai', 'Ødegård']);
    const byHearing = await core.call('people.list', { sort: 'hearing' });
    expect(byHearing.rows.map((r) => r.givenName)).toEqual(['José María', 'Søren', 'Nguyễn Thị']);
  });
});

describe('people: duplicates and merge', () => {
  it('surfaces each fixture pair from the vault as listed', async () => {
    for (const pair of namesFixture().sameness.pairs) {
      const env = await freshCore({ today: TODAY });
      try {
        const a = pair.a;
        await env.core.call('intake.createFull', {
          intake: {
            person: {
              givenName: a.given,
              familyName: a.family,
              dob: a.dob ?? undefined,
              approxAge: a.dob ? undefined : 30,
              aNumber: a.aNumber,
            },
            detention: { detained: false },
            history: {},
            consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
          },
        });
        const found = await env.core.call('people.checkDuplicates', {
          given: pair.b.given!,
          family: pair.b.family!,
          dob: pair.b.dob,
          aNumber: pair.b.aNumber,
        });
        if (pair.expect === 'distinct')
          expect(
            found.filter((c) => c.strength === 'likely'),
            pair.why,
          ).toEqual([]);
        else expect(found[0]?.strength, pair.why).toBe(pair.expect);
      } finally {
        env.cleanup();
      }
    }
  });

  it('records the decision and merges two records keeping everything from both', async () => {
    const a = await full(
      { givenName: 'Jean-Baptiste', familyName: 'Désir', phone: '555-000-1111', languages: ['ht'] },
      { detained: false },
      [{ type: 'tps' }],
    );
    const b = await full(
      { givenName: 'Jean Baptiste', familyName: 'Desir', aNumber: '087654321', languages: ['fr'] },
      { detained: true, facility: 'Krome' },
      [{ type: 'bond' }],
      [{ otherId: a.id, decision: 'needs-review' }],
    );
    const cands = await core.call('people.checkDuplicates', {
      given: 'Jean Baptiste',
      family: 'Desir',
      dob: '1985-01-01',
      excludeId: b.id,
    });
    expect(cands.map((c) => c.id)).toEqual([a.id]);
    expect(cands[0]!.reasons.length).toBeGreaterThan(0);
    await core.call('people.decide', { personId: b.id, otherId: a.id, decision: 'same-person' });
    const ghost = '01890000-0000-7000-8000-000000000000';
    expect(await core.dispatch('people.decide', { personId: b.id, otherId: ghost, decision: 'new-person' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const merged = await core.call('people.merge', { keepId: a.id, mergeId: b.id });
    expect(merged.person.aNumber).toBe('087654321');
    expect(merged.person.phone).toBe('555-000-1111');
    expect(merged.person.aliases).toContain('Jean Baptiste Desir');
    expect(merged.person.languages).toEqual(['ht', 'fr']);
    expect(merged.cases.map((c) => c.type).sort()).toEqual(['bond', 'tps']);
    expect((await core.call('people.get', { id: b.id })).mergedInto).toBe(a.id);
    expect((await core.call('people.list', {})).total).toBe(1);
    expect((await core.call('people.search', { query: '087654321' })).map((r) => r.id)).toEqual([a.id]);
  });
});

describe('merge refusals', () => {
  it('refuses two records with different A-numbers, and one that would not fit a record', async () => {
    const a = await full({ givenName: 'Ana', familyName: 'Pérez', aNumber: '012345678' });
    const b = await full(
      { givenName: 'Ana', familyName: 'Peres', aNumber: '087654321' },
      undefined,
      [],
      [{ otherId: a.id, decision: 'needs-review' }],
    );
    expect(await core.dispatch('people.merge', { keepId: a.id, mergeId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'MERGE_CONFLICT' },
    });
    const c = await full({ givenName: 'Luis', familyName: 'Ortiz', aliases: Array.from({ length: 15 }, (_, i) => `Alias ${i}`) });
    const d = await full(
      { givenName: 'Luis', familyName: 'Ortis', aliases: Array.from({ length: 15 }, (_, i) => `Otro ${i}`) },
      undefined,
      [],
      [{ otherId: c.id, decision: 'needs-review' }],
    );
    expect(await core.dispatch('people.merge', { keepId: c.id, mergeId: d.id })).toMatchObject({
      ok: false,
      error: { code: 'MERGE_CONFLICT' },
    });
    // Nothing changed on either side.
    expect((await core.call('people.get', { id: b.id })).mergedInto).toBeUndefined();
    expect((await core.call('people.get', { id: c.id })).person.aliases).toHaveLength(15);
  });
});

describe('drafts', () => {
  it('survive a lock and a new process, and go away when the intake is saved', async () => {
    const d = await core.call('drafts.save', { kind: 'quick', data: { givenName: 'Ixchel', familyName: 'Pérez Cux' } });
    core.close();
    const again = createCore({ dbPath, kdfCost: TEST_KDF });
    await again.call('vault.unlock', { passphrase: PASS });
    expect((await again.call('drafts.list', {})).map((x) => x.id)).toEqual([d.id]);
    expect((await again.call('drafts.get', { id: d.id })).data).toEqual({ givenName: 'Ixchel', familyName: 'Pérez Cux' });
    await again.call('intake.createQuick', {
      intake: { givenName: 'Ixchel', familyName: 'Pérez Cux', approxAge: 30, phone: '5551234567', detained: false },
      draftId: d.id,
    });
    expect(await again.call('drafts.list', {})).toEqual([]);
    again.close();
  });
});
