/**
 * retryWhileBusy over a real SQLite file with two connections: one holds the
 * write lock as another process would. Only an attempt that changed nothing
 * is tried again.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { retryWhileBusy } from '../../../electron/core/busy';
import { tempDir } from '../../helpers/env';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function twoConnections() {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'busy.db');
  const mine = new Database(path);
  mine.pragma('journal_mode = WAL');
  mine.pragma('busy_timeout = 0');
  mine.exec('CREATE TABLE t(x)');
  const other = new Database(path);
  other.pragma('busy_timeout = 0');
  cleanups.push(() => {
    mine.close();
    other.close();
    cleanup();
  });
  const changes = () => (mine.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const count = () => (mine.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  return { mine, other, changes, count };
}

describe('retryWhileBusy', () => {
  it('tries again an attempt that met the lock before changing anything', async () => {
    const { mine, other, changes, count } = twoConnections();
    other.exec('BEGIN IMMEDIATE');
    let attempts = 0;
    await retryWhileBusy(
      async () => {
        attempts++;
        mine.prepare('INSERT INTO t VALUES (1)').run();
      },
      changes,
      { totalMs: 120_000, pauseMs: 1, onRetry: () => other.inTransaction && other.exec('COMMIT') },
    );
    expect(attempts).toBe(2);
    expect(count()).toBe(1);
  });

  it('never repeats an attempt that had already committed something, and says so', async () => {
    const { mine, other, changes, count } = twoConnections();
    let attempts = 0;
    const run = retryWhileBusy(
      async () => {
        attempts++;
        mine.prepare('INSERT INTO t VALUES (1)').run();
        other.exec('BEGIN IMMEDIATE'); // another process takes the lock between two writes
        mine.prepare('INSERT INTO t VALUES (2)').run();
      },
      changes,
      { totalMs: 120_000, pauseMs: 1 },
    );
    await expect(run).rejects.toMatchObject({ code: 'VAULT_BUSY', details: { retryable: false } });
    other.exec('ROLLBACK');
    expect(attempts).toBe(1);
    expect(count()).toBe(1);
  });

  it('passes any other failure through at once', async () => {
    const { changes } = twoConnections();
    let attempts = 0;
    const run = retryWhileBusy(
      async () => {
        attempts++;
        throw new Error('not a lock');
      },
      changes,
      { totalMs: 120_000, pauseMs: 1 },
    );
    await expect(run).rejects.toThrow('not a lock');
    expect(attempts).toBe(1);
  });
});
