/**
 * Another process holding the vault's write lock (a CLI import while the app
 * is open): reads and closes still succeed, writes wait a bounded time on a
 * timer and then say VAULT_BUSY, and nothing is half-written or repeated.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { runCli } from '../../helpers/cli';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { holdWriteLock, type LockHolder } from '../../helpers/lock-holder';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

async function vaultHeldByAnotherProcess(): Promise<{ dbPath: string; holder: LockHolder }> {
  const env = await freshCore();
  cleanups.push(env.cleanup);
  env.core.close();
  const holder = await holdWriteLock(env.dbPath);
  cleanups.push(() => holder.stop());
  return { dbPath: env.dbPath, holder };
}

const draft = { kind: 'quick', data: { note: 'draft typed while an import runs' } } as const;

describe('closing while another process writes', () => {
  it('closes the vault and logs the skipped optimize by kind only', async () => {
    const { dbPath } = await vaultHeldByAnotherProcess();
    const core = createCore({ dbPath, kdfCost: TEST_KDF });
    await core.call('vault.unlock', { passphrase: PASS });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => core.close()).not.toThrow();
    expect(core.vault.unlocked).toBe(false);
    // The fault really happened (optimize met the other process's lock), and the log names only its kind.
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(['[amparo] optimize skipped at close (SQLITE_BUSY)']);
  });

  it('unlock-check and search exit 0 from the CLI', async () => {
    const { dbPath } = await vaultHeldByAnotherProcess();
    const check = runCli(['unlock-check', '--db', dbPath], { AMPARO_PASSPHRASE: PASS });
    expect(check.stdout).toMatch(/^ok: the vault opens/);
    expect(check.code).toBe(0);
    const search = runCli(['search', 'Nadie', '--db', dbPath], { AMPARO_PASSPHRASE: PASS });
    expect(search.code).toBe(0);
    expect(search.stderr).not.toMatch(/Error/);
  });
});

describe('writing while another process writes', () => {
  it('answers VAULT_BUSY after a bounded wait, keeping the event loop free, and writes nothing', async () => {
    const { dbPath } = await vaultHeldByAnotherProcess();
    const retries: number[] = [];
    const core = createCore({ dbPath, kdfCost: TEST_KDF, busyRetry: { totalMs: 1200, pauseMs: 50, onRetry: (n) => retries.push(n) } });
    cleanups.push(() => core.close());
    await core.call('vault.unlock', { passphrase: PASS });

    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const r = await core.dispatch('drafts.save', draft).finally(() => clearInterval(timer));

    expect(r).toEqual({
      ok: false,
      error: { code: 'VAULT_BUSY', message: 'Amparo is busy with another task on this vault; try again in a moment.' },
    });
    expect(retries.length).toBeGreaterThan(0);
    // Other work ran between the tries: the wait was on a timer, not inside SQLite.
    expect(ticks).toBeGreaterThan(0);
    expect(await core.call('drafts.list', {})).toEqual([]);
    // Direct callers (the CLI) get the same bounded wait and the same coded error.
    const before = retries.length;
    await expect(core.call('drafts.save', draft)).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    expect(retries.length).toBeGreaterThan(before);
  });

  it('succeeds once the other process lets go, exactly once', async () => {
    const { dbPath, holder } = await vaultHeldByAnotherProcess();
    let released: Promise<void> | undefined;
    const core = createCore({
      dbPath,
      kdfCost: TEST_KDF,
      // A long bound: the test waits for the release, never for a clock.
      busyRetry: { totalMs: 120_000, pauseMs: 20, onRetry: () => void (released ??= holder.release()) },
    });
    cleanups.push(() => core.close());
    await core.call('vault.unlock', { passphrase: PASS });

    const r = await core.dispatch('drafts.save', draft);
    expect(released).toBeDefined();
    await released;
    expect(r).toMatchObject({ ok: true, value: { kind: 'quick' } });
    expect(await core.call('drafts.list', {})).toHaveLength(1);
    expect(core.vault.db.prepare(`SELECT value FROM meta WHERE key = 'held-by-other-process'`).get()).toEqual({ value: 'yes' });
  });
});
