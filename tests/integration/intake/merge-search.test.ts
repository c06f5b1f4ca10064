/**
 * Issue 8 §3 in the core: duplicates end in one record. "Same person" in
 * intake merges at once (the survivor chosen explicitly) or is refused; a
 * merge drops no phone, email, address or differing fact; search finds
 * aliases, nicknames and detention facilities (migration 0009 indexes the
 * facility of records saved before it).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { m0009 } from '../../../electron/core/db/migrations/0009-search-places';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
});
afterEach(() => cleanup());

const count = (sql: string) => (core.ctx().db.prepare(sql).get() as { n: number }).n;

const full = (
  given: string,
  family: string,
  person: Record<string, unknown> = {},
  detention: Record<string, unknown> = { detained: false },
) => ({
  person: { givenName: given, familyName: family, dob: '1985-01-01', ...person },
  detention,
  history: {},
  cases: [],
  family: [],
  notes: '',
  consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
});

describe('"Same person" in intake ends in one record', () => {
  it('refuses "same person" without a merge, writing nothing', async () => {
    const first = await core.call('intake.createFull', { intake: full('José', 'García') });
    const refused = await core.dispatch('intake.createFull', {
      intake: full('Jose', 'Garcia'),
      decisions: [{ otherId: first.id, decision: 'same-person' }],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [first.id], mergeRequired: true } },
    });
    expect(count('SELECT count(*) AS n FROM people')).toBe(1);
    expect(count('SELECT count(*) AS n FROM duplicate_decisions')).toBe(0);
  });

  it('merges into the existing record at once, keeping what was typed', async () => {
    const first = await core.call('intake.createFull', { intake: full('José', 'García', { phone: '555-111-2222' }) });
    const draft = await core.call('drafts.save', { kind: 'full', data: { typed: true } });
    const kept = await core.call('intake.createFull', {
      intake: full('Jose', 'Garcia', { phone: '555-999-8888', email: 'jose@example.org' }),
      draftId: draft.id,
      decisions: [{ otherId: first.id, decision: 'same-person' }],
      merge: { otherId: first.id, keep: 'existing' },
    });
    expect(kept.id).toBe(first.id);
    expect(kept.person.phone).toBe('555-111-2222');
    expect(kept.person.email).toBe('jose@example.org');
    expect(kept.person.additionalContacts).toEqual([{ kind: 'phone', phone: '555-999-8888' }]);
    expect(count('SELECT count(*) AS n FROM people WHERE merged_into IS NULL')).toBe(1);
    expect(count(`SELECT count(*) AS n FROM people WHERE merged_into = '${first.id}'`)).toBe(1);
    expect(await core.call('drafts.list', {})).toEqual([]);
  });

  it('or keeps the new record, when that is the choice', async () => {
    const first = await core.call('intake.createFull', { intake: full('José', 'García') });
    const kept = await core.call('intake.createFull', {
      intake: full('Jose', 'Garcia'),
      decisions: [{ otherId: first.id, decision: 'same-person' }],
      merge: { otherId: first.id, keep: 'new' },
    });
    expect(kept.id).not.toBe(first.id);
    expect((await core.call('people.get', { id: first.id })).mergedInto).toBe(kept.id);
    expect(count('SELECT count(*) AS n FROM people WHERE merged_into IS NULL')).toBe(1);
  });
});

describe('a merge drops nothing', () => {
  it('a second phone, email and address become additional values; differing facts go to the notes', async () => {
    const a = await core.call('intake.createFull', {
      intake: full(
        'Ana',
        'Pérez',
        { phone: '555-111-2222', email: 'ana@example.org', address: { street: '1 Main St', city: 'San Diego', state: 'CA', zip: '92101' } },
        { detained: true, facility: 'Otay Mesa' },
      ),
    });
    const b = await core.call('intake.createFull', {
      intake: full(
        'Ana María',
        'Pérez',
        {
          phone: '555-333-4444',
          email: 'anamaria@example.org',
          address: { street: '9 Elm St', city: 'Chula Vista', state: 'CA', zip: '91910' },
        },
        { detained: true, facility: 'Adelanto' },
      ),
      decisions: [{ otherId: a.id, decision: 'needs-review' }],
    });
    // The survivor is chosen explicitly: here the second record, merged from the first one's side.
    const merged = await core.call('people.merge', { keepId: b.id, mergeId: a.id });
    expect(merged.id).toBe(b.id);
    expect(merged.person.phone).toBe('555-333-4444');
    expect(merged.person.additionalContacts).toEqual([
      { kind: 'phone', phone: '555-111-2222' },
      { kind: 'email', email: 'ana@example.org' },
      { kind: 'address', address: { street: '1 Main St', city: 'San Diego', state: 'CA', zip: '92101' } },
    ]);
    expect(merged.detention.facility).toBe('Adelanto');
    expect(merged.notes).toContain('detention.facility: Otay Mesa');
    expect(merged.person.aliases).toContain('Ana Pérez');
  });
});

describe('search', () => {
  it('finds people by an alias or nickname and by detention facility', async () => {
    const p = await core.call('intake.createFull', {
      intake: full(
        'Francisco',
        'Hernández',
        { aliases: ['Pancho', 'El Güero'] },
        { detained: true, facility: 'Otay Mesa Detention Center' },
      ),
    });
    await core.call('intake.createFull', {
      intake: full('Rosa', 'Díaz', {}, { detained: true, facility: 'Adelanto ICE Processing Center' }),
    });
    const ids = async (query: string) => (await core.call('people.search', { query })).map((r) => r.id);
    expect(await ids('Pancho')).toEqual([p.id]);
    expect(await ids('guero')).toEqual([p.id]);
    expect(await ids('otay')).toEqual([p.id]);
    expect(await ids('Otay Mesa')).toEqual([p.id]);
    expect(await ids('adelanto')).toHaveLength(1);
  });

  it('migration 0009 indexes the facility of records saved before it', async () => {
    const p = await core.call('intake.createFull', { intake: full('Rosa', 'Díaz', {}, { detained: true, facility: 'Krome' }) });
    const db = core.ctx().db;
    db.exec('DELETE FROM people_fts');
    expect(await core.call('people.search', { query: 'krome' })).toEqual([]);
    db.transaction(() => m0009.up(db))();
    expect((await core.call('people.search', { query: 'krome' })).map((r) => r.id)).toEqual([p.id]);
    expect((await core.call('people.search', { query: 'rosa' })).map((r) => r.id)).toEqual([p.id]);
  });
});
