/**
 * Issue 8 §2: a family member can be linked to an existing person in the
 * vault. Through the core on a real encrypted vault: the link is stored beside
 * the typed name, shown on both records, checked on every write (a missing
 * record or the person themself is refused and nothing is written), followed
 * through merges, kept out of a volunteer's sight when the linked record is
 * not theirs, and the family_links table survives a reopen (migration 0011).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';
import type { PersonView } from '../../../shared/views';

let core: Core;
let dbPath: string;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  dbPath = join(t.dir, 'amparo.db');
  core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false, today: () => '2026-11-26' });
  cleanup = () => {
    core.close();
    t.cleanup();
  };
  await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
});
afterEach(() => cleanup());

/** What people.update takes: the stored record, without the view's extras. */
const dataOf = ({ person, detention, history, family, notes, urgentNeeds, consent }: PersonView) => ({
  person,
  detention,
  history,
  family,
  notes,
  urgentNeeds,
  ...(consent ? { consent } : {}),
});

const count = (sql: string) => (core.ctx().db.prepare(sql).get() as { n: number }).n;

type Member = { name: string; relationship: string; personId?: string };
const full = (given: string, family: string, members: Member[] = [], dob = '1985-01-01') => ({
  person: { givenName: given, familyName: family, dob },
  detention: { detained: false },
  history: {},
  cases: [],
  family: members,
  notes: '',
  consent: { given: false },
});

describe('family members linked to their own records', () => {
  it('stores the link beside the typed name and shows it on both records', async () => {
    const rosa = await core.call('intake.createFull', { intake: full('Rosa', 'Caal', [], '1960-04-02') });
    const ixchel = await core.call('intake.createFull', {
      intake: full('Ixchel', 'Pop Caal', [
        { name: 'Rosa Caal', relationship: 'Mother', personId: rosa.id },
        { name: 'Tomás Pop', relationship: 'Father' },
      ]),
    });
    expect(ixchel.family).toEqual([
      expect.objectContaining({ name: 'Rosa Caal', relationship: 'Mother', personId: rosa.id }),
      expect.objectContaining({ name: 'Tomás Pop', relationship: 'Father' }),
    ]);
    expect(ixchel.family[1]!.personId).toBeUndefined();
    expect(ixchel.familyLinks).toEqual({ to: { [rosa.id]: { personId: rosa.id, givenName: 'Rosa', familyName: 'Caal' } }, from: [] });

    const rosaNow = await core.call('people.get', { id: rosa.id });
    expect(rosaNow.familyLinks).toEqual({
      to: {},
      from: [{ personId: ixchel.id, givenName: 'Ixchel', familyName: 'Pop Caal', relationship: 'Mother' }],
    });

    // Removing the link on an edit removes it from the other record too.
    const edited = await core.call('people.update', {
      id: ixchel.id,
      version: ixchel.version,
      data: { ...dataOf(ixchel), family: [{ name: 'Rosa Caal', relationship: 'Mother' }] },
    });
    expect(edited.familyLinks).toEqual({ to: {}, from: [] });
    expect((await core.call('people.get', { id: rosa.id })).familyLinks?.from).toEqual([]);
  });

  it('refuses a link to a record that is not in the vault, writing nothing', async () => {
    const before = count('SELECT count(*) AS n FROM people');
    const r = await core.dispatch('intake.createFull', {
      intake: full('Ixchel', 'Pop Caal', [{ name: 'Rosa Caal', relationship: 'Mother', personId: '0190f5a0-0000-7000-8000-000000000000' }]),
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'LINK_NOT_FOUND',
        details: { issues: [{ path: ['intake', 'family', '0', 'personId'], message: 'family.linkMissing' }] },
      },
    });
    expect(count('SELECT count(*) AS n FROM people')).toBe(before);
    expect(count('SELECT count(*) AS n FROM family_links')).toBe(0);
    expect(count('SELECT count(*) AS n FROM drafts')).toBe(0);

    // And on an edit: the record keeps its earlier version.
    const p = await core.call('intake.createFull', { intake: full('Ixchel', 'Pop Caal') });
    const edit = await core.dispatch('people.update', {
      id: p.id,
      version: p.version,
      data: { ...dataOf(p), family: [{ name: 'Rosa Caal', relationship: 'Mother', personId: 'not-a-record' }] },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'LINK_NOT_FOUND' } });
    const still = await core.call('people.get', { id: p.id });
    expect(still.version).toBe(p.version);
    expect(still.family).toEqual([]);
  });

  it('refuses a person linked as their own family member, and an id that is not shaped like one', async () => {
    const p = await core.call('intake.createFull', { intake: full('Ixchel', 'Pop Caal') });
    const self = await core.dispatch('people.update', {
      id: p.id,
      version: p.version,
      data: { ...dataOf(p), family: [{ name: 'Ixchel', relationship: 'Self', personId: p.id }] },
    });
    expect(self).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['data', 'family', '0', 'personId'], message: 'family.linkSelf' }] } },
    });
    const odd = await core.dispatch('intake.createFull', {
      intake: full('Ana', 'Caal', [{ name: 'Rosa', relationship: 'Mother', personId: "x' OR 1=1 --" }]),
    });
    expect(odd).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await core.call('people.get', { id: p.id })).version).toBe(p.version);
  });

  it('follows merges: a link to a merged record leads to its survivor, and a link between the two merged records goes', async () => {
    const rosa = await core.call('intake.createFull', { intake: full('Rosa', 'Caal', [], '1960-04-02') });
    const rosa2 = await core.call('intake.createFull', {
      intake: full('Rosa', 'Caal Xol', [], '1960-04-03'),
      decisions: [{ otherId: rosa.id, decision: 'new-person' }],
    });
    const ixchel = await core.call('intake.createFull', {
      intake: full('Ixchel', 'Pop Caal', [{ name: 'Rosa Caal Xol', relationship: 'Mother', personId: rosa2.id }]),
    });
    // rosa2 turns out to be rosa: merged, rosa stays.
    await core.call('people.merge', { keepId: rosa.id, mergeId: rosa2.id });
    const ix = await core.call('people.get', { id: ixchel.id });
    expect(ix.family[0]!.personId).toBe(rosa2.id); // as stored: nobody edited Ixchel's record
    expect(ix.familyLinks?.to[rosa2.id]).toEqual({ personId: rosa.id, givenName: 'Rosa', familyName: 'Caal' });
    expect((await core.call('people.get', { id: rosa.id })).familyLinks?.from).toEqual([
      expect.objectContaining({ personId: ixchel.id, relationship: 'Mother' }),
    ]);
    // The next save of Ixchel's record points the link at the survivor.
    const saved = await core.call('people.update', { id: ix.id, version: ix.version, data: dataOf(ix) });
    expect(saved.family[0]!.personId).toBe(rosa.id);

    // Ixchel and Rosa merged into one record (a mistake, but possible): the link between them goes, the typed name stays.
    const merged = await core.call('people.merge', { keepId: ixchel.id, mergeId: rosa.id });
    expect(merged.family).toEqual([expect.objectContaining({ name: 'Rosa Caal Xol', relationship: 'Mother' })]);
    expect(merged.family[0]!.personId).toBeUndefined();
    expect(merged.familyLinks).toEqual({ to: {}, from: [] });
  });

  it('a volunteer sees a linked record named only when it is one of their own intakes', async () => {
    const staffRecord = await core.call('intake.createFull', { intake: full('Rosa', 'Caal', [], '1960-04-02') });
    await core.call('users.add', { name: 'vol', role: 'volunteer', passphrase: 'volunteer passphrase' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'vol', passphrase: 'volunteer passphrase' });
    const mine = await core.call('intake.createFull', { intake: full('Tomás', 'Pop', [], '1958-01-01') });
    const linked = await core.call('intake.createFull', {
      intake: full('Ixchel', 'Pop Caal', [
        { name: 'Rosa Caal', relationship: 'Mother', personId: staffRecord.id },
        { name: 'Tomás Pop', relationship: 'Father', personId: mine.id },
      ]),
    });
    expect(Object.keys(linked.familyLinks?.to ?? {})).toEqual([mine.id]);
    expect((await core.call('people.get', { id: linked.id })).familyLinks?.to[staffRecord.id]).toBeUndefined();
    // The link itself is stored: staff see it.
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'lead1', passphrase: PASS });
    expect((await core.call('people.get', { id: staffRecord.id })).familyLinks?.from.map((r) => r.personId)).toEqual([linked.id]);
  });

  it('keeps the links table after closing and reopening the vault', async () => {
    const rosa = await core.call('intake.createFull', { intake: full('Rosa', 'Caal', [], '1960-04-02') });
    const ixchel = await core.call('intake.createFull', {
      intake: full('Ixchel', 'Pop Caal', [{ name: 'Rosa Caal', relationship: 'Mother', personId: rosa.id }]),
    });
    core.close();
    core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false, today: () => '2026-11-26' });
    await core.call('vault.unlock', { userName: 'lead1', passphrase: PASS });
    expect((await core.call('people.get', { id: rosa.id })).familyLinks?.from.map((r) => r.personId)).toEqual([ixchel.id]);
  });
});
