/**
 * What the vault leaves on disk: every file owner-only from its first byte
 * (0600; folders Amparo creates 0700), and no stray copy of the key file from
 * a passphrase change that was killed half-way.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import { openSlot, readKeyslots } from '../../../electron/core/vault/keyslots';
import { PASS, TEST_KDF, freshCore, tempDir } from '../../helpers/env';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const modes = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, mode(join(dir, f))]));

/** A umask of 0 shows anything not explicitly made owner-only as world-readable. */
function withUmask<T>(mask: number, fn: () => Promise<T>): Promise<T> {
  const old = process.umask(mask);
  return fn().finally(() => process.umask(old));
}

describe('file permissions', () => {
  it('creates the database, WAL, shared-memory, key and preference files 0600 in a folder that already exists', async () => {
    await withUmask(0, async () => {
      const { core, dir, cleanup } = await freshCore();
      cleanups.push(cleanup);
      await core.call('drafts.save', { kind: 'quick', data: { note: 'written while open' } });
      await core.call('prefs.set', { lang: 'es' });
      const files = modes(dir);
      expect(Object.keys(files).sort()).toEqual(['amparo.db', 'amparo.db-shm', 'amparo.db-wal', 'amparo.db.keyslots', 'preferences.json']);
      for (const [f, m] of Object.entries(files)) expect(m, f).toBe('600');
    });
  });

  it('creates the folders it makes 0700', async () => {
    await withUmask(0, async () => {
      const { dir, cleanup } = tempDir();
      cleanups.push(cleanup);
      const core = createCore({ dbPath: join(dir, 'clinic', 'vault', 'amparo.db'), kdfCost: TEST_KDF });
      cleanups.push(() => core.close());
      await core.call('vault.create', { passphrase: PASS });
      expect(mode(join(dir, 'clinic'))).toBe('700');
      expect(mode(join(dir, 'clinic', 'vault'))).toBe('700');
      for (const [f, m] of Object.entries(modes(join(dir, 'clinic', 'vault')))) expect(m, f).toBe('600');
    });
  });

  it('tightens a vault an older Amparo left world-readable, at the next unlock', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    await core.call('drafts.save', { kind: 'quick', data: { note: 'x' } });
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { passphrase: PASS });
    for (const f of ['amparo.db', 'amparo.db-wal', 'amparo.db-shm']) expect(mode(join(dir, f)), f).toBe('600');
  });
});

describe('stray key file copies', () => {
  it('removes a temp key file a killed passwd left, so the old passphrase opens nothing', async () => {
    const { core, dir, dbPath, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const keyslots = `${dbPath}.keyslots`;
    await core.call('vault.lock', {});
    // The copy a killed `passwd` leaves behind: a complete key file, here under the old passphrase.
    const stray = join(dir, '.amparo.db.keyslots.0123456789ab.tmp');
    const oldKeyFile = readFileSync(keyslots);
    await core.call('vault.changePassphrase', { current: PASS, next: 'the new passphrase' });
    writeFileSync(stray, oldKeyFile, { mode: 0o600 });
    // Files that only look alike are not Amparo's temps and stay.
    const lookalikes = ['.amparo.db.keyslots.backup.tmp', 'amparo.db.keyslots.0123456789ab.tmp', '.amparo.db.keyslots.0123456789AB.tmp'];
    for (const f of lookalikes) writeFileSync(join(dir, f), 'not a temp');
    // The danger is real: before the fix-up, the stray copy opens the master key with the old passphrase.
    const key = await openSlot(readKeyslots(stray), 'passphrase', Buffer.from(PASS));
    expect(key).toHaveLength(32);

    await core.call('vault.unlock', { passphrase: 'the new passphrase' });
    expect(existsSync(stray)).toBe(false);
    for (const f of lookalikes) expect(existsSync(join(dir, f)), f).toBe(true);
    // Nothing left in the folder opens with the old passphrase.
    for (const f of readdirSync(dir)) {
      await expect((async () => openSlot(readKeyslots(join(dir, f)), 'passphrase', Buffer.from(PASS)))(), f).rejects.toMatchObject({
        code: expect.stringMatching(/WRONG_PASSPHRASE|KEYSLOTS_CORRUPT/),
      });
    }
    expect(await core.dispatch('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });

  it('writes the key file owner-only through its temp file, even with a permissive umask', async () => {
    await withUmask(0, async () => {
      const { core, dbPath, cleanup } = await freshCore();
      cleanups.push(cleanup);
      await core.call('vault.changePassphrase', { current: PASS, next: 'the new passphrase' });
      // The rename keeps the temp file's own inode and mode: 0600 here means it was created 0600.
      expect(mode(`${dbPath}.keyslots`)).toBe('600');
    });
  });
});
