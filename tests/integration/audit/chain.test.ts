/**
 * The audit trail is hash-chained (issue 10): edits, deletions and
 * reorderings made through a raw SQLCipher connection (as someone with a
 * database tool would) are each detected by audit.verify.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { openEncrypted, type DB } from '../../../electron/core/db/connection';
import { openSlot, readKeyslots } from '../../../electron/core/vault/keyslots';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

let core: Core;
let dbPath: string;
let cleanup: () => void;
const person = (given: string) => ({ intake: { givenName: given, familyName: 'Prueba', dob: '1990-01-01', detained: false } });

beforeEach(async () => {
  const t = tempDir();
  dbPath = join(t.dir, 'amparo.db');
  core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false });
  cleanup = () => {
    core.close();
    t.cleanup();
  };
  await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
  for (const g of ['Ana', 'Berta', 'Carla']) {
    const p = await core.call('intake.createQuick', person(g));
    await core.call('people.get', { id: p.id });
  }
  await core.call('vault.lock', {});
});
afterEach(() => cleanup());

/** A raw connection with the master key, as tests/integration/vault opens it. */
async function raw(): Promise<DB> {
  const key = await openSlot(readKeyslots(`${dbPath}.keyslots`), 'passphrase', Buffer.from(PASS));
  try {
    return openEncrypted(dbPath, key);
  } finally {
    key.fill(0);
  }
}

async function verify() {
  await core.call('vault.unlock', { passphrase: PASS });
  const r = await core.call('audit.verify', {});
  await core.call('vault.lock', {});
  return r;
}

describe('audit chain', () => {
  it('holds for an untouched trail, which records writes and whole-record reads without client text', async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true });
    await core.call('vault.unlock', { passphrase: PASS });
    const page = await core.call('audit.list', {});
    expect(page.rows.map((e) => e.action)).toEqual(expect.arrayContaining(['person.create', 'people.get']));
    expect(JSON.stringify(page.rows)).not.toMatch(/Ana|Berta|Carla|Prueba/);
    expect(page.rows.every((e) => e.actor === 'lead1')).toBe(true);
  });

  it('detects an edited entry', async () => {
    const db = await raw();
    db.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`).run();
    db.close();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'hash' } });
  });

  it('detects a deleted entry in the middle', async () => {
    const db = await raw();
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    db.close();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'missing' } });
  });

  it('detects the newest entries deleted, against the head kept in the key file', async () => {
    const db = await raw();
    const max = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(max - 1);
    db.close();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: max - 1, reason: 'truncated' } });
  });

  it('detects two entries swapped', async () => {
    const db = await raw();
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 2').run();
      db.prepare('UPDATE audit_log SET seq = 2 WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = -1').run();
    })();
    db.close();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'link' } });
  });

  it('detects an entry slipped in outside the chain', async () => {
    const db = await raw();
    const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    // With no seq given, the row takes the next place (seq is the table's key) and has no link to the entry before it.
    db.prepare(`INSERT INTO audit_log(id, at, actor, action) VALUES ('forged', '2020-01-01', 'x', 'person.create')`).run();
    db.close();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: last + 1, id: 'forged', reason: 'link' } });
  });

  it('records the names of the fields a person update changed, never their values', async () => {
    await core.call('vault.unlock', { passphrase: PASS });
    const [p] = (await core.call('people.list', {})).rows;
    const full = await core.call('people.get', { id: p!.id });
    const { person, detention, history: past, family, notes: _n, urgentNeeds, consent } = full;
    const data = {
      person: { ...person, phone: '5559876543' },
      detention,
      history: past,
      family,
      notes: 'Confidential note text',
      urgentNeeds,
      ...(consent ? { consent } : {}),
    };
    await core.call('people.update', { id: full.id, version: full.version, data });
    const history = await core.call('audit.history', { personId: full.id });
    const fields = history.find((e) => e.action === 'person.fields');
    expect(fields?.detail).toEqual({ fields: expect.arrayContaining(['notes', 'person.phone']) });
    expect(JSON.stringify(history)).not.toContain('Confidential');
    expect(JSON.stringify(history)).not.toContain('5559876543');
    expect(await core.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
