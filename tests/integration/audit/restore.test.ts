/**
 * Field undo (issue 10): the old value of a changed person field comes back
 * through audit.restoreField, as a new version of the record and an entry of
 * its own; a stale version is refused; the history says what can be undone.
 * Also the trail's CSV (formula-safe, like every export) and "Assigned to"'s
 * list of users (names only, for paralegals).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import type { PersonView } from '../../../shared/views';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  core = createCore({ dbPath: join(t.dir, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
  cleanup = () => {
    core.close();
    t.cleanup();
  };
  await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
});
afterEach(() => cleanup());

const dataOf = (v: PersonView, person: Partial<PersonView['person']>, notes = v.notes) => ({
  person: { ...v.person, ...person },
  detention: v.detention,
  history: v.history,
  family: v.family,
  notes,
  urgentNeeds: v.urgentNeeds,
  ...(v.consent ? { consent: v.consent } : {}),
});

async function changedPerson() {
  const created = await core.call('intake.createQuick', {
    intake: { givenName: 'Rosa', familyName: 'Prueba', dob: '1990-01-01', detained: false },
  });
  const v1 = await core.call('people.get', { id: created.id });
  const v2 = await core.call('people.update', {
    id: v1.id,
    version: v1.version,
    data: dataOf(v1, { givenName: 'Rosalba' }, 'Second note'),
  });
  return { v1, v2 };
}

describe('field undo', () => {
  it('puts back one field’s earlier value and records the restore', async () => {
    const { v2 } = await changedPerson();
    const history = await core.call('audit.history', { personId: v2.id });
    const change = history.find((e) => e.action === 'person.fields');
    expect(change?.restorable?.map((r) => r.field).sort()).toEqual(['notes', 'person.givenName']);
    const given = change!.restorable!.find((r) => r.field === 'person.givenName')!;

    const v3 = await core.call('audit.restoreField', { personId: v2.id, version: v2.version, historyId: given.historyId });
    expect(v3.person.givenName).toBe('Rosa');
    // Only that field: the note keeps its later value.
    expect(v3.notes).toBe('Second note');
    expect(v3.version).toBe(v2.version + 1);

    const after = await core.call('audit.history', { personId: v2.id });
    const restore = after.find((e) => e.action === 'person.restore');
    expect(restore).toMatchObject({ actor: 'lead1', detail: { fields: ['person.givenName'] } });
    expect(JSON.stringify(after)).not.toMatch(/Rosa|Second note/);
    expect(await core.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a stale version (STALE_WRITE) and changes nothing', async () => {
    const { v1, v2 } = await changedPerson();
    const history = await core.call('audit.history', { personId: v2.id });
    const id = history.find((e) => e.action === 'person.fields')!.restorable![0]!.historyId;
    const r = await core.dispatch('audit.restoreField', { personId: v2.id, version: v1.version, historyId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
    expect((await core.call('people.get', { id: v2.id })).version).toBe(v2.version);
    const wrong = await core.dispatch('audit.restoreField', { personId: v2.id, version: v2.version, historyId: id + 1000 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is refused to a volunteer (FORBIDDEN)', async () => {
    const { v2 } = await changedPerson();
    const id = (await core.call('audit.history', { personId: v2.id })).find((e) => e.action === 'person.fields')!.restorable![0]!.historyId;
    await core.call('users.add', { name: 'vol', role: 'volunteer', passphrase: 'volunteer passphrase' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'vol', passphrase: 'volunteer passphrase' });
    const r = await core.dispatch('audit.restoreField', { personId: v2.id, version: v2.version, historyId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('users for "Assigned to" and the trail as CSV', () => {
  it('lists names only, to a paralegal', async () => {
    await core.call('users.add', { name: 'pat', displayName: 'Pat Ruiz', role: 'paralegal', passphrase: 'paralegal passphrase' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'pat', passphrase: 'paralegal passphrase' });
    const list = await core.call('users.assignable', {});
    expect(list).toEqual(
      expect.arrayContaining([
        { name: 'lead1', displayName: 'lead1' },
        { name: 'pat', displayName: 'Pat Ruiz' },
      ]),
    );
    expect(await core.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports with a BOM, and a cell a spreadsheet would run as a formula made inert', async () => {
    await core.call('users.add', { name: '@sum', role: 'volunteer', passphrase: 'volunteer passphrase' });
    const { csv, count } = await core.call('audit.exportCsv', {});
    expect(csv.startsWith('\uFEFFseq,at,user,operation')).toBe(true);
    expect(count).toBeGreaterThan(0);
    expect(csv).toContain(",'@sum,");
    expect(csv).not.toMatch(/,@sum,/);
    const mine = await core.call('audit.exportCsv', { actor: 'lead1' });
    // The first export is itself an entry (an audited read), by lead1.
    expect(mine.count).toBe(count + 1);
  });
});
