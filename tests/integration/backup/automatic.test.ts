/**
 * Automatic backups: at lock (and so at quit, which locks), at unlock when the
 * interval has passed, never failing the lock when the folder is missing (it
 * is said at the next unlock instead), and rotation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freshCore, PASS } from '../../helpers/env';
import { toRemove } from '../../../electron/core/backup/rotation';
import { backupFolder } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const KEEP = { daily: 7, weekly: 4, monthly: 12 };
const backupsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.amparo-backup'));

describe('automatic backups', () => {
  it('writes a verified backup at lock, and reports it after unlock', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    const folder = backupFolder(env.dir);
    await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
    expect((await env.core.call('backup.status', {})).stale).toBe(true);
    const status = await env.core.dispatch('vault.lock', {});
    expect(status.ok).toBe(true);
    expect(backupsIn(folder).length).toBeGreaterThanOrEqual(1);
    await env.core.call('vault.unlock', { passphrase: PASS });
    const s = await env.core.call('backup.status', {});
    expect(s.last?.file).toBe(join(folder, backupsIn(folder).sort().at(-1)!));
    expect(s.stale).toBe(false);
    expect(s.problem).toBeNull();
    expect((await env.core.call('backup.list', {})).every((b) => b.status === 'verified')).toBe(true);
  });

  it('a missing folder never fails the lock, and is said at the next unlock', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    const folder = backupFolder(env.dir);
    await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
    rmSync(folder, { recursive: true });
    const locked = await env.core.dispatch('vault.lock', {});
    expect(locked).toEqual({ ok: true, value: expect.objectContaining({ unlocked: false }) });
    await env.core.call('vault.unlock', { passphrase: PASS });
    const s = await env.core.call('backup.status', {});
    expect(s.problem).toEqual(expect.objectContaining({ code: 'BACKUP_FOLDER_UNAVAILABLE', when: 'lock' }));
    expect(s.stale).toBe(true);
  });

  it('starts an interval backup at unlock when one is due, and not again within the interval', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    const folder = backupFolder(env.dir);
    await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
    env.core.vault.lock();
    await env.core.call('vault.unlock', { passphrase: PASS });
    await expect.poll(async () => (await env.core.call('jobs.list', { kind: 'backup.create' })).map((j) => j.state)).toEqual(['done']);
    expect(backupsIn(folder)).toHaveLength(1);
    env.core.vault.lock();
    await env.core.call('vault.unlock', { passphrase: PASS });
    expect(await env.core.call('jobs.list', { kind: 'backup.create' })).toEqual([]);
  });

  it('refuses the vault folder itself and a relative path', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    for (const folder of [env.dir, 'relative/stick']) {
      const r = await env.core.dispatch('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
    }
  });

  it('a cancelled backup leaves no file under a final name', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    const folder = backupFolder(env.dir);
    await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
    const { jobId } = await env.core.call('backup.start', {});
    const s = await env.core.call('jobs.cancel', { jobId });
    expect(s.state).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('rotation', () => {
  const at = (d: string) => ({ file: d, at: `${d}T12:00:00.000Z` });
  it('keeps the newest of the last 7 days, 4 weeks and 12 months', () => {
    const all = [];
    for (let day = 0; day < 400; day++) all.push(at(new Date(Date.UTC(2026, 10, 26) - day * 86_400_000).toISOString().slice(0, 10)));
    const removed = new Set(toRemove(all, KEEP));
    const kept = all.filter((b) => !removed.has(b.file)).map((b) => b.file);
    expect(kept.slice(0, 7)).toEqual(['2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20']);
    // Weekly: newest of each ISO week (Sundays here, the newest day of a week); monthly: the last day of each month.
    expect(kept).toContain('2026-11-15');
    expect(kept).toContain('2026-10-31');
    expect(kept).toContain('2025-12-31');
    expect(kept).not.toContain('2025-11-30');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
  });
});
