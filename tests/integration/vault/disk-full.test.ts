/**
 * A full disk on a real, small file system (an 8 MiB tmpfs, mounted by the
 * test, which needs root): every refusal says DISK_FULL, never "damaged",
 * nothing half-written is left, and once space is freed the vault opens with
 * everything that was committed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import { PASS, TEST_KDF } from '../../helpers/env';

const DISK_FULL = { code: 'DISK_FULL', message: 'There is no room left on the disk; nothing was changed.' };

const mountPoint = mkdtempSync(join(tmpdir(), 'amparo-full-'));
/** Mounting needs root (or CAP_SYS_ADMIN); the reason is shown in the test name when it is missing. */
const mounted = (() => {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (r.status === 0) return { ok: true, why: '' };
  const detail = (r.error?.message ?? r.stderr ?? '').trim().split('\n')[0];
  return { ok: false, why: `cannot mount an 8 MiB tmpfs here (needs root or CAP_SYS_ADMIN): ${detail}` };
})();

afterAll(() => {
  if (mounted.ok) spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes filler until the file system refuses even 512 bytes. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [65536, 4096, 512]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const note = (i: number, size: number) => ({ kind: 'quick', data: { note: `draft ${i} `.padEnd(size, 'x') } }) as const;

async function savedNotes(core: Core): Promise<string[]> {
  const drafts = await core.call('drafts.list', {});
  const notes = await Promise.all(drafts.map(async (d) => ((await core.call('drafts.get', { id: d.id })).data as { note: string }).note));
  return notes.sort();
}

describe(`a full disk${mounted.ok ? '' : ` (not run: ${mounted.why})`}`, () => {
  const dbPath = join(mountPoint, 'vault', 'amparo.db');
  const filler = join(mountPoint, 'filler');
  let core: Core;
  const committed: string[] = [];

  beforeAll(async () => {
    if (!mounted.ok) return;
    core = createCore({ dbPath, kdfCost: TEST_KDF });
    await core.call('vault.create', { passphrase: PASS });
    for (let i = 0; i < 5; i++) {
      const d = note(i, 50_000);
      await core.call('drafts.save', d);
      committed.push(d.data.note);
    }
  });
  afterAll(() => core?.close());

  it.skipIf(!mounted.ok)(
    'refuses writes, a passphrase change and a new vault with DISK_FULL, and then opens with everything committed',
    async () => {
      fillDisk(filler);

      // Write until the disk refuses (SQLite may still have room in its WAL for a while).
      let refused: unknown;
      for (let i = 0; i < 30 && !refused; i++) {
        const d = note(100 + i, 200_000);
        const r = await core.dispatch('drafts.save', d);
        if (r.ok) committed.push(d.data.note);
        else refused = r.error;
      }
      expect(refused).toEqual(DISK_FULL);

      // The keyslots write: refused, the old file kept, no temp copy left.
      expect(await core.dispatch('vault.changePassphrase', { current: PASS, next: 'a passphrase that never lands' })).toEqual({
        ok: false,
        error: DISK_FULL,
      });
      expect(readdirSync(join(mountPoint, 'vault')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      // A new vault: refused, and nothing of it is left behind.
      const other = createCore({ dbPath: join(mountPoint, 'other', 'amparo.db'), kdfCost: TEST_KDF });
      expect(await other.dispatch('vault.create', { passphrase: PASS })).toEqual({ ok: false, error: DISK_FULL });
      expect(readdirSync(join(mountPoint, 'other'))).toEqual([]);

      // Lock closes whatever the disk says; opening on a full disk is not "damaged".
      expect(await core.dispatch('vault.lock', {})).toMatchObject({ ok: true, value: { unlocked: false } });
      const full = await core.dispatch('vault.unlock', { passphrase: PASS });
      if (!full.ok) expect(full.error).toEqual(DISK_FULL);
      core.close();

      rmSync(filler);
      await core.call('vault.unlock', { passphrase: PASS });
      expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await savedNotes(core)).toEqual([...committed].sort());
      expect(await core.dispatch('vault.unlock', { passphrase: 'a passphrase that never lands' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE' },
      });
    },
  );

  it.skipIf(!mounted.ok)('says DISK_FULL, not "damaged", when a closed vault cannot even be opened', async () => {
    // A small vault of its own: the first test's WAL of large drafts may not
    // fit a checkpoint on a small disk, and then close keeps the WAL.
    core.close();
    rmSync(join(mountPoint, 'vault'), { recursive: true, force: true });
    const small = createCore({ dbPath, kdfCost: TEST_KDF });
    await small.call('vault.create', { passphrase: PASS });
    const kept = note(1, 2_000);
    await small.call('drafts.save', kept);
    small.close();
    // A clean close removed the -wal and -shm files; opening must create the -shm file again.
    expect(readdirSync(join(mountPoint, 'vault')).sort()).toEqual(['amparo.db', 'amparo.db.keyslots']);
    fillDisk(filler);
    expect(await small.dispatch('vault.unlock', { passphrase: PASS })).toEqual({ ok: false, error: DISK_FULL });
    rmSync(filler);
    await small.call('vault.unlock', { passphrase: PASS });
    expect(await savedNotes(small)).toEqual([kept.data.note]);
    small.close();
  });
});
