import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import { freshCore, PASS, REPO_ROOT, TEST_KDF } from '../../helpers/env';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function runUntil(dbPath: string, marker: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-writer.ts'), dbPath], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(marker)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(code) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('a process killed mid-write', () => {
  it('loses no committed row and leaves a database that opens', async () => {
    const env = await freshCore();
    cleanup = env.cleanup;
    env.core.close();
    await runUntil(env.dbPath, 'in-transaction');

    const core = createCore({ dbPath: env.dbPath, kdfCost: TEST_KDF });
    await core.call('vault.unlock', { passphrase: PASS });
    const db = core.vault.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE id LIKE 'committed-%'`).get()).toEqual({ n: 1000 });
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE id LIKE 'uncommitted-%'`).get()).toEqual({ n: 0 });
    core.close();
  }, 60_000);
});
