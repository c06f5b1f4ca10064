/**
 * The renderer's door to the core tries a VAULT_BUSY call again for a bounded
 * time. The bridge is the Electron preload's `window.amparo` (the one part
 * mocked); the clock is vitest's fake one, so nothing waits for real time.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { BUSY_RETRY, call, type AmparoBridge } from '../../../renderer/src/api';
import type { Result } from '../../../shared/errors';

const busy = (details?: unknown): Result<unknown> => ({
  ok: false,
  error: {
    code: 'VAULT_BUSY',
    message: 'Amparo is busy with another task on this vault; try again in a moment.',
    ...(details ? { details } : {}),
  },
});
const saved: Result<unknown> = { ok: true, value: { id: 'd1' } };

let answers: Array<Result<unknown>>;
let calls = 0;
beforeEach(() => {
  vi.useFakeTimers();
  calls = 0;
  const bridge: AmparoBridge = { call: async () => (calls++, answers.length > 1 ? answers.shift()! : answers[0]!) };
  vi.stubGlobal('window', { amparo: bridge });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(BUSY_RETRY.pauseMs);
  return p;
}

const draft = { kind: 'quick', data: {} } as const;

describe('a save while the vault is busy', () => {
  it('is tried again until the core lets it through', async () => {
    answers = [busy(), busy(), saved];
    expect(await settle(call('drafts.save', draft))).toEqual(saved);
    expect(calls).toBe(3);
  });

  it('shows VAULT_BUSY once the bounded time is over', async () => {
    answers = [busy()];
    const started = Date.now();
    expect(await settle(call('drafts.save', draft))).toEqual(busy());
    expect(Date.now() - started).toBeLessThanOrEqual(BUSY_RETRY.totalMs);
    // One try at the start, then one after each pause that fits in the bound.
    expect(calls).toBe(Math.floor(BUSY_RETRY.totalMs / BUSY_RETRY.pauseMs) + 1);
  });

  it('is not repeated when the core says something already landed', async () => {
    answers = [busy({ retryable: false }), saved];
    expect(await settle(call('drafts.save', draft))).toEqual(busy({ retryable: false }));
    expect(calls).toBe(1);
  });

  it('is not repeated for any other error', async () => {
    answers = [{ ok: false, error: { code: 'DISK_FULL', message: 'There is no room left on the disk; nothing was changed.' } }, saved];
    expect(await settle(call('drafts.save', draft))).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(calls).toBe(1);
  });
});
