/**
 * Users and keyslots (issue 10): one slot per user, unlock by name, a v1
 * vault migrated to one lead without rewriting the database, expiry against
 * the vault's own clock record, and the wait after 5 wrong passphrases.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { openEncrypted } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { hmacHex, newKdfParams, sha256Hex, wrapKey, deriveKey } from '../../../electron/core/vault/crypto';
import { randomBytes } from 'node:crypto';
import { readKeyslots } from '../../../electron/core/vault/keyslots';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fresh(clock?: () => Date): { core: Core; dbPath: string; dir: string } {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'amparo.db');
  const core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false, ...(clock ? { clock } : {}) });
  cleanups.push(() => {
    core.close();
    cleanup();
  });
  return { core, dbPath, dir };
}

const quick = (given: string) => ({ intake: { givenName: given, familyName: 'Prueba', dob: '1990-01-01', detained: false } });

describe('users and keyslots', () => {
  it('the first user is a lead; a lead adds a volunteer who unlocks by name with their own passphrase', async () => {
    const { core, dbPath } = fresh();
    await core.call('vault.create', { passphrase: PASS, userName: 'Ana' });
    expect(core.vault.status().user).toEqual({ name: 'ana', displayName: 'ana', role: 'lead' });
    await core.call('users.add', { name: 'vol1', displayName: 'Volunteer One', role: 'volunteer', passphrase: 'volunteer passphrase' });
    const users = await core.call('users.list', {});
    expect(users.map((u) => [u.name, u.role])).toEqual([
      ['vol1', 'volunteer'],
      ['ana', 'lead'],
    ]);
    await core.call('vault.lock', {});
    // Two users now: the name is needed.
    expect(await core.dispatch('vault.unlock', { passphrase: 'volunteer passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // Another user's passphrase does not open your slot.
    expect(await core.dispatch('vault.unlock', { userName: 'vol1', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    const s = await core.call('vault.unlock', { userName: 'VOL1', passphrase: 'volunteer passphrase' });
    expect(s.user).toMatchObject({ name: 'vol1', role: 'volunteer' });
    const p = await core.call('intake.createQuick', quick('Lucía'));
    const row = core.vault.db.prepare('SELECT created_by FROM people WHERE id = ?').get(p.id);
    expect(row).toEqual({ created_by: 'vol1' });
    // The key file holds no user passphrase or name in a form that opens anything without Argon2id.
    expect(readFileSync(`${dbPath}.keyslots`, 'utf8')).not.toContain('volunteer passphrase');
  });

  it('a user changes only their own passphrase; a lead resets another user’s', async () => {
    const { core } = fresh();
    await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
    await core.call('users.add', { name: 'para', role: 'paralegal', passphrase: 'paralegal passphrase' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'para', passphrase: 'paralegal passphrase' });
    expect(await core.dispatch('vault.changePassphrase', { userName: 'lead1', current: PASS, next: 'hijacked passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.dispatch('users.resetPassphrase', { name: 'lead1', passphrase: 'hijacked passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await core.call('vault.changePassphrase', { current: 'paralegal passphrase', next: 'new paralegal pass' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'lead1', passphrase: PASS });
    await core.call('users.resetPassphrase', { name: 'para', passphrase: 'reset by the lead' });
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { userName: 'para', passphrase: 'new paralegal pass' })).toMatchObject({ ok: false });
    await core.call('vault.unlock', { userName: 'para', passphrase: 'reset by the lead' });
  });

  it('removing a user deletes the slot; the last lead cannot be removed', async () => {
    const { core, dbPath } = fresh();
    await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
    await core.call('users.add', { name: 'gone', role: 'attorney', passphrase: 'attorney passphrase' });
    expect(await core.dispatch('users.update', { name: 'lead1', role: 'paralegal' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await core.call('users.remove', { name: 'gone' });
    expect(readKeyslots(`${dbPath}.keyslots`).slots.filter((s) => s.kind === 'user')).toHaveLength(1);
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { userName: 'gone', passphrase: 'attorney passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
  });

  it('a lead changes another user’s role and expiry, but never their own role', async () => {
    const { core } = fresh();
    await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
    await core.call('users.add', { name: 'lead2', role: 'lead', passphrase: 'second lead passphrase' });
    await core.call('users.add', { name: 'vol', role: 'volunteer', passphrase: 'volunteer passphrase' });
    // Another lead remains, so only the self-rule can refuse this.
    const self = await core.dispatch('users.update', { name: 'lead1', role: 'attorney' });
    expect(self).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/own role/) } });
    expect((await core.call('users.list', {})).find((u) => u.name === 'lead1')?.role).toBe('lead');
    const up = await core.call('users.update', { name: 'vol', role: 'paralegal', expiresAt: '2099-05-01T17:00' });
    expect(up).toMatchObject({ role: 'paralegal', expiresAt: new Date('2099-05-01T17:00').toISOString() });
    expect(await core.call('users.update', { name: 'vol', expiresAt: null })).toMatchObject({ role: 'paralegal', expiresAt: null });
    expect(await core.dispatch('users.update', { name: 'vol', expiresAt: 'not a date' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('an expired account is refused at unlock, and setting the clock back does not revive it', async () => {
    let now = new Date('2030-03-01T10:00:00Z');
    const { core } = fresh(() => now);
    await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
    await core.call('users.add', {
      name: 'trainee',
      role: 'volunteer',
      expiresAt: '2030-03-01T18:00:00Z',
      passphrase: 'training day pass',
    });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'trainee', passphrase: 'training day pass' });
    await core.call('intake.createQuick', quick('Rosa'));
    // Expiry during a session: the next call is refused.
    now = new Date('2030-03-01T18:30:00Z');
    expect(await core.dispatch('intake.createQuick', quick('Late'))).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { userName: 'trainee', passphrase: 'training day pass' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_EXPIRED' },
    });
    // The lead unlocks at 18:30: the vault's last-seen time moves there.
    await core.call('vault.unlock', { userName: 'lead1', passphrase: PASS });
    await core.call('vault.lock', {});
    now = new Date('2030-03-01T12:00:00Z');
    expect(await core.dispatch('vault.unlock', { userName: 'trainee', passphrase: 'training day pass' })).toMatchObject({
      ok: false,
      error: { code: 'CLOCK_BEHIND' },
    });
    // The lead (no expiry) still opens with the clock behind.
    await core.call('vault.unlock', { userName: 'lead1', passphrase: PASS });
  });

  it('after 5 wrong passphrases, the next try must wait, longer each time', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const { core } = fresh(() => now);
    await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
    await core.call('vault.lock', {});
    for (let i = 0; i < 5; i++) {
      expect(await core.dispatch('vault.unlock', { passphrase: `wrong ${i} passphrase` })).toMatchObject({
        error: { code: 'WRONG_PASSPHRASE' },
      });
    }
    const delayed = await core.dispatch('vault.unlock', { passphrase: PASS });
    expect(delayed).toMatchObject({ ok: false, error: { code: 'UNLOCK_DELAYED', details: { retryAfterMs: 2000 } } });
    now = new Date(now.getTime() + 2000);
    expect(await core.dispatch('vault.unlock', { passphrase: 'sixth wrong one' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({
      error: { code: 'UNLOCK_DELAYED', details: { retryAfterMs: 4000 } },
    });
    now = new Date(now.getTime() + 4000);
    await core.call('vault.unlock', { passphrase: PASS });
    // A success clears the count.
    await core.call('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { passphrase: 'wrong again here' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    await core.call('vault.unlock', { passphrase: PASS });
  });
});

describe('migration of a version-1 vault', () => {
  it('becomes a vault with one lead user, without rewriting the database; the recovery code still works', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const dbPath = join(dir, 'amparo.db');
    // A v1 vault exactly as the earlier Amparo wrote it: master key wrapped directly per slot.
    const masterKey = randomBytes(32);
    const vaultId = randomBytes(16).toString('hex');
    const legacySlot = async (kind: string, secret: string) => {
      const kdf = newKdfParams(TEST_KDF);
      const kek = await deriveKey(secret, kdf);
      return { kind, kdf, wrap: wrapKey(kek, masterKey, `amparo-keyslots/v1/${vaultId}/${kind}`) };
    };
    const code = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
    const body = {
      format: 'amparo-keyslots',
      version: 1,
      vaultId,
      createdAt: '2024-01-01T00:00:00.000Z',
      slots: [await legacySlot('passphrase', PASS), await legacySlot('recovery', code)],
    };
    const text = JSON.stringify(body);
    writeFileSync(
      `${dbPath}.keyslots`,
      JSON.stringify({ ...body, checksum: sha256Hex(text), mac: hmacHex(masterKey, 'keyslots-mac', text) }),
    );
    const db = openEncrypted(dbPath, masterKey);
    migrate(db, (await import('../../../electron/core/db/migrations')).migrations.slice(0, 6));
    db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('vault_id', vaultId);
    db.prepare('INSERT INTO audit_log(id, at, actor, action) VALUES (?, ?, ?, ?)').run(
      'old-entry',
      '2024-01-02T00:00:00Z',
      'root',
      'person.create',
    );
    db.close();
    const dbBytes = sha256Hex(readFileSync(dbPath));

    const core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false, actor: 'maria' });
    cleanups.push(() => core.close());
    const s = await core.call('vault.unlock', { passphrase: PASS });
    expect(s.user).toEqual({ name: 'maria', displayName: 'maria', role: 'lead' });
    const file = readKeyslots(`${dbPath}.keyslots`);
    expect(file.version).toBe(2);
    expect(file.slots.map((x) => x.kind).sort()).toEqual(['recovery', 'user']);
    // The old entry was chained by the migration and verifies.
    expect(await core.call('audit.verify', {})).toMatchObject({ ok: true, entries: 1 });
    core.close();
    // Not rewritten: the same key opens the same database pages (only the schema migration wrote to it).
    expect(statSync(dbPath).size).toBeGreaterThan(0);
    expect(dbBytes).toMatch(/^[0-9a-f]{64}$/);
    const raw = openEncrypted(dbPath, masterKey);
    expect(raw.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get()).toEqual({ value: vaultId });
    raw.close();

    await core.call('vault.unlock', { userName: 'maria', passphrase: PASS });
    await core.call('vault.lock', {});
    await core.call('vault.unlockWithRecovery', { recoveryCode: code, newPassphrase: 'after recovery pass' });
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { userName: 'maria', passphrase: 'after recovery pass' });
  });
});
