/**
 * Another process (a CLI import, a second window's core) may hold the vault's
 * write lock for a while. SQLite waits only BUSY_TIMEOUT_MS per statement,
 * synchronously; here the operation is tried again after a pause on a timer,
 * so the event loop (harness, IPC, progress reports) keeps running, until a
 * bounded total. Then the caller gets VAULT_BUSY, a plain "try again".
 */
import { AppError } from '../../shared/errors';
import { storageError } from './db/connection';

export interface BusyRetry {
  /** Stop retrying once this much time has gone by since the first try. */
  totalMs: number;
  /** Pause between tries, on a timer. */
  pauseMs: number;
  /** Called before each pause (tests use it to act while an operation waits). */
  onRetry?: (attempt: number) => void;
}

export const DEFAULT_BUSY_RETRY: BusyRetry = { totalMs: 3000, pauseMs: 100 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` and tries it again while it fails with the lock held
 * elsewhere. A busy failure comes at a transaction's first write, which
 * better-sqlite3 rolls back, so trying again repeats nothing. The one
 * exception is an operation that had already committed something on this
 * connection before it met the lock (`changes` moved): that one is never
 * repeated, and its VAULT_BUSY says so (details.retryable false).
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, changes: () => number | null, opts: BusyRetry): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    const before = changes();
    try {
      return await attempt();
    } catch (e) {
      const known = storageError(e);
      if (known?.code !== 'VAULT_BUSY') throw e;
      if (changes() !== before) throw new AppError('VAULT_BUSY', known.message, { retryable: false });
      if (Date.now() - started + opts.pauseMs > opts.totalMs) throw known;
      opts.onRetry?.(n);
      await pause(opts.pauseMs);
    }
  }
}

/** Rows changed on the vault's connection so far (a read leaves it as it was), or null while locked. */
export function changesOf(vault: { unlocked: boolean; db: { prepare(sql: string): { get(): unknown } } }): () => number | null {
  return () => (vault.unlocked ? (vault.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n : null);
}
