/**
 * The core runs in its own host process behind the harness (as behind
 * Electron). Lock ends that process: the next one starts clean.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { deriveKey, type KdfParams } from '../../../electron/core/vault/crypto';
import { TEST_KDF, tempDir, PASS } from '../../helpers/env';
import { findInProcessMemory, processAlive, stringNeedles } from '../../helpers/memory';

let h: Harness;
let cleanup: () => void;
let dbPath: string;

beforeAll(async () => {
  const t = tempDir('amparo-host-');
  cleanup = t.cleanup;
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Amparo</title>');
  dbPath = join(t.dir, 'vault', 'amparo.db');
  h = await startHarness({ dbPath, staticDir, kdfCost: TEST_KDF });
});
afterAll(async () => {
  await h.close();
  cleanup();
});

/** The vault files a process has open, from /proc/PID/fd. */
function openVaultFiles(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`)
    .map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dbPath));
}

// Unusual enough that no library string contains it by chance.
const NAME = 'Qwzxerthyl Vondrabeskaya';

describe('core host process', () => {
  it('runs the core outside the harness process', async () => {
    await h.core.call('vault.status', {});
    const pid = h.core.pid();
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(processAlive(pid!)).toBe(true);
  });

  it('lock ends the host; the new host holds no client string, passphrase or key-encryption key', async () => {
    await h.core.call('vault.create', { passphrase: PASS });
    await h.core.call('intake.createQuick', {
      intake: { givenName: NAME.split(' ')[0], familyName: NAME.split(' ')[1], dob: '1991-02-03', phone: '555-010-2020', detained: false },
    });
    expect((await h.core.call('people.search', { query: 'vondrabeskaya', limit: 5 })).length).toBe(1);

    const slots = JSON.parse(readFileSync(`${dbPath}.keyslots`, 'utf8')) as { slots: { kind: string; kdf: KdfParams }[] };
    const kek = await deriveKey(PASS, slots.slots.find((s) => s.kind === 'user')!.kdf);
    const needles = { ...stringNeedles('client name', NAME.split(' ')[1]!), ...stringNeedles('passphrase', PASS), kek };

    const before = h.core.pid()!;
    // The scan can find things: the unlocked host has the person in its page cache.
    expect(findInProcessMemory(before, needles)).toContain('client name (utf8)');
    expect(openVaultFiles(before)).toContain(dbPath);

    const status = await h.core.call('vault.lock', {});
    expect(status.unlocked).toBe(false);
    expect(processAlive(before)).toBe(false);
    const after = h.core.pid();
    expect(after).toBeGreaterThan(0);
    expect(after).not.toBe(before);
    expect(findInProcessMemory(after!, needles)).toEqual([]);
    expect(openVaultFiles(after!)).toEqual([]);
    expect(openVaultFiles(process.pid)).toEqual([]);

    // And the vault opens again in the new host, with the data.
    await h.core.call('vault.unlock', { passphrase: PASS });
    expect((await h.core.call('people.search', { query: 'vondrabeskaya', limit: 5 })).length).toBe(1);
  });

  it('a host that dies mid-session reports a locked vault, and the next call starts a fresh one', async () => {
    expect(await h.core.call('vault.status', {})).toMatchObject({ unlocked: true });
    const pid = h.core.pid()!;
    process.kill(pid, 'SIGKILL');
    // Wait for the state, not for time: once the exit is noticed, calls go to a fresh host.
    while (h.core.pid() === pid) await h.core.dispatch('vault.status', {});
    expect(await h.core.call('vault.status', {})).toMatchObject({ exists: true, unlocked: false });
    expect(processAlive(pid)).toBe(false);
  });
});
