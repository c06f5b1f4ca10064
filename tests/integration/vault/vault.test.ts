import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync, statSync, unlinkSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../../../electron/core/app';
import { readKeyslots, sealKeyslots } from '../../../electron/core/vault/keyslots';
import { sha256Hex } from '../../../electron/core/vault/crypto';
import { LATEST_VERSION } from '../../../electron/core/db/migrate';
import { freshCore, PASS, TEST_KDF, tempDir } from '../../helpers/env';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function setup() {
  const env = await freshCore();
  cleanups.push(env.cleanup);
  return env;
}

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) out[f] = sha256Hex(readFileSync(join(dir, f))) + ':' + statSync(join(dir, f)).mtimeMs;
  return out;
}

const SECRET = 'Nguyễn Thị Minh Khai A-012-345-678 plaintext-canary';

describe('vault at rest', () => {
  it('keeps no plaintext in the database, WAL or keyslots files', async () => {
    const { core, dir, dbPath } = await setup();
    const db = core.vault.db;
    db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('canary', SECRET);
    // Force plenty of WAL traffic without a checkpoint, so the WAL holds the row.
    db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 50; i++)
      db.prepare('INSERT INTO audit_log(id, at, actor, action, detail) VALUES (?,?,?,?,?)').run(`id${i}`, 'now', 'tester', 'test', SECRET);
    expect(existsSync(dbPath + '-wal')).toBe(true);
    const needles = [SECRET, 'plaintext-canary', 'Minh Khai', 'CREATE TABLE', PASS].map((s) => Buffer.from(s, 'utf8'));
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      for (const n of needles) expect(bytes.includes(n), `${f} contains ${n.toString()}`).toBe(false);
    }
    // The test can fail: the same search does find the canary in an unencrypted file.
    const plain = new Database(join(dir, 'plain.db'));
    plain.exec('CREATE TABLE t(x)');
    plain.prepare('INSERT INTO t VALUES (?)').run(SECRET);
    plain.close();
    expect(readFileSync(join(dir, 'plain.db')).includes(Buffer.from(SECRET))).toBe(true);
  });

  it('cannot be opened without the key', async () => {
    const { core, dbPath } = await setup();
    core.close();
    const raw = new Database(dbPath);
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    raw.close();
    const wrong = new Database(dbPath);
    wrong.pragma(`cipher='sqlcipher'`);
    wrong.pragma('legacy=4');
    wrong.pragma(`key="x'${'00'.repeat(32)}'"`);
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    wrong.close();
  });
});

describe('unlocking', () => {
  it('refuses a wrong passphrase with WRONG_PASSPHRASE and leaves the files untouched', async () => {
    const { core, dir } = await setup();
    await core.call('vault.lock', {});
    const before = fileHashes(dir);
    const r = await core.dispatch('vault.unlock', { passphrase: 'not the passphrase' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(core.vault.unlocked).toBe(false);
    // Only the failed-unlock count beside the key file is new (issue 10: the wait after 5 wrong tries).
    const after = fileHashes(dir);
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual(['amparo.db.keyslots.unlock-failures']);
    delete after['amparo.db.keyslots.unlock-failures'];
    expect(after).toEqual(before);
  });

  it('unlocks with the right passphrase and keeps data across lock/unlock', async () => {
    const { core } = await setup();
    core.vault.db.prepare('INSERT INTO meta VALUES (?, ?)').run('k', 'José');
    await core.call('vault.lock', {});
    expect(() => core.vault.db).toThrow(/locked/);
    const status = await core.call('vault.unlock', { passphrase: PASS });
    expect(status).toMatchObject({ exists: true, unlocked: true, schemaVersion: LATEST_VERSION });
    expect(core.vault.db.prepare(`SELECT value FROM meta WHERE key='k'`).get()).toEqual({ value: 'José' });
  });

  it('opens with the recovery code, which also sets a new passphrase', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const core = createCore({ dbPath: join(dir, 'v.db'), kdfCost: TEST_KDF });
    cleanups.push(() => core.close());
    const { recoveryCode } = await core.call('vault.create', { passphrase: PASS });
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    core.vault.db.prepare('INSERT INTO meta VALUES (?, ?)').run('k', 'kept');
    await core.call('vault.lock', {});

    const bad = await core.dispatch('vault.unlockWithRecovery', { recoveryCode: 'A'.repeat(32), newPassphrase: 'a brand new passphrase' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_CODE' } });

    // Typed back by hand: lower case, spaces instead of dashes.
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    await core.call('vault.unlockWithRecovery', { recoveryCode: typed, newPassphrase: 'a brand new passphrase' });
    expect(core.vault.db.prepare(`SELECT value FROM meta WHERE key='k'`).get()).toEqual({ value: 'kept' });
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await core.dispatch('vault.unlock', { passphrase: 'a brand new passphrase' })).toMatchObject({ ok: true });
    // The recovery code keeps working after the reset.
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlockWithRecovery', { recoveryCode, newPassphrase: 'a third passphrase!' })).toMatchObject({
      ok: true,
    });
  });

  it('changes the passphrase without rewriting the database and keeps all data', async () => {
    const { core, dbPath } = await setup();
    const insert = core.vault.db.prepare('INSERT INTO audit_log(id, at, actor, action) VALUES (?,?,?,?)');
    for (let i = 0; i < 100; i++) insert.run(`r${i}`, 'now', 'me', 'x');
    await core.call('vault.lock', {});
    const dbBefore = sha256Hex(readFileSync(dbPath));
    const wrong = await core.dispatch('vault.changePassphrase', { current: 'wrong one!!', next: 'new passphrase 123' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await core.call('vault.changePassphrase', { current: PASS, next: 'new passphrase 123' });
    expect(sha256Hex(readFileSync(dbPath))).toBe(dbBefore);
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await core.call('vault.unlock', { passphrase: 'new passphrase 123' });
    expect(core.vault.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 100 });
  });

  it('rejects a short new passphrase at the boundary', async () => {
    const { core } = await setup();
    const r = await core.dispatch('vault.changePassphrase', { current: PASS, next: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses to create over an existing vault', async () => {
    const { core } = await setup();
    expect(await core.dispatch('vault.create', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
  });
});

describe('damaged or foreign files', () => {
  it('reports a missing keyslots file', async () => {
    const { core, dbPath } = await setup();
    await core.call('vault.lock', {});
    unlinkSync(dbPath + '.keyslots');
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'KEYSLOTS_MISSING' } });
  });

  it('reports a truncated keyslots file', async () => {
    const { core, dbPath } = await setup();
    await core.call('vault.lock', {});
    const ks = readFileSync(dbPath + '.keyslots', 'utf8');
    writeFileSync(dbPath + '.keyslots', ks.slice(0, ks.length / 2));
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'KEYSLOTS_CORRUPT' } });
  });

  it('reports a bit flip through the checksum', async () => {
    const { core, dbPath } = await setup();
    await core.call('vault.lock', {});
    const file = readKeyslots(dbPath + '.keyslots');
    file.createdAt = '1999-01-01T00:00:00.000Z';
    writeFileSync(dbPath + '.keyslots', JSON.stringify(file));
    const r = await core.dispatch('vault.unlock', { passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYSLOTS_CORRUPT', message: expect.stringMatching(/checksum/) } });
  });

  it('detects a deliberate edit with a recomputed checksum through the MAC', async () => {
    const { core, dbPath } = await setup();
    await core.call('vault.lock', {});
    const file = readKeyslots(dbPath + '.keyslots');
    // An attacker without the key drops the recovery slot and fixes the checksum.
    const { checksum: _c, mac, ...body } = file;
    const resealed = { ...sealKeyslots({ ...body, slots: body.slots.filter((s) => s.kind === 'user') }, Buffer.alloc(32)), mac };
    writeFileSync(dbPath + '.keyslots', JSON.stringify(resealed));
    const r = await core.dispatch('vault.unlock', { passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYSLOTS_CORRUPT', message: expect.stringMatching(/altered/) } });
  });

  it('refuses a keyslots file from a newer Amparo', async () => {
    const { core, dbPath } = await setup();
    await core.call('vault.lock', {});
    const file = readKeyslots(dbPath + '.keyslots');
    writeFileSync(dbPath + '.keyslots', JSON.stringify({ ...file, version: 99 }));
    const r = await core.dispatch('vault.unlock', { passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYSLOTS_CORRUPT', message: expect.stringMatching(/newer/) } });
  });

  it('refuses a database from a newer schema with DB_FROM_FUTURE, untouched', async () => {
    const { core, dir } = await setup();
    core.vault.db.pragma('user_version = 999');
    await core.call('vault.lock', {});
    const before = fileHashes(dir);
    const r = await core.dispatch('vault.unlock', { passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_FROM_FUTURE' } });
    expect(core.vault.unlocked).toBe(false);
    expect(fileHashes(dir)).toEqual(before);
  });

  it('refuses a keyslots file that belongs to another vault', async () => {
    const a = await setup();
    const b = await setup();
    await a.core.call('vault.lock', {});
    await b.core.call('vault.lock', {});
    writeFileSync(a.dbPath + '.keyslots', readFileSync(b.dbPath + '.keyslots'));
    const r = await a.core.dispatch('vault.unlock', { passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
  });

  it('says plainly when there is no vault yet', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const core = createCore({ dbPath: join(dir, 'none.db'), kdfCost: TEST_KDF });
    expect(await core.call('vault.status', {})).toMatchObject({ exists: false, unlocked: false, location: dir });
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
  });

  it('stores the Argon2id parameters in each slot and uses the production cost by default', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const core = createCore({ dbPath: join(dir, 'v.db') });
    expect((core.vault as unknown as { kdfCost: unknown }).kdfCost).toEqual({ m: 131072, t: 8, p: 1 });
  });
});

describe('creating over a lone key file', () => {
  it('sets the old key file aside instead of overwriting it', async () => {
    const { core, dbPath, dir } = await setup();
    await core.call('vault.lock', {});
    const oldKeys = readFileSync(dbPath + '.keyslots', 'utf8');
    // The database is lost (to be restored from backup); someone creates a new vault here meanwhile.
    for (const f of readdirSync(dir)) if (f.startsWith('amparo.db') && !f.endsWith('.keyslots')) unlinkSync(join(dir, f));
    await core.call('vault.create', { passphrase: 'a new passphrase here' });
    const aside = readdirSync(dir).filter((f) => f.startsWith('amparo.db.keyslots.replaced-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(oldKeys);
  });
});
