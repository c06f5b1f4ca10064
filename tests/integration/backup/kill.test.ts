/**
 * Kill torture: 100 backups SIGKILLed at random amounts of work done (after a
 * random number of progress reports: snapshot, check, each 64 KiB hashed).
 * After every kill: the previous backups are intact, no new file has a final
 * name unless it is a complete backup, and at the end every final-named
 * backup verifies and the live vault opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_EXTERNALS } from '../../../scripts/bundles.mjs';
import { createCore } from '../../../electron/core/app';
import { verifyBackup } from '../../../electron/core/backup/verify';
import { readLayout } from '../../../electron/core/backup/format';
import { writeBackup } from '../../../electron/core/backup/write';
import { freshCore, PASS, REPO_ROOT, TEST_KDF } from '../../helpers/env';
import { createHash } from 'node:crypto';

const KILLS = 100;
const CHILD = join(REPO_ROOT, 'dist', 'test', 'kill-backup-child.cjs');
const sha = (b: Buffer) => createHash('sha256').update(b).digest();

let env: Awaited<ReturnType<typeof freshCore>>;
let folder: string;
let childTmp: string;

beforeAll(async () => {
  // A bundle starts in a fraction of the time tsx needs: 100 children stay cheap on 2 cores.
  await build({
    entryPoints: [join(import.meta.dirname, 'kill-backup-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: CHILD,
    external: NODE_EXTERNALS,
    logLevel: 'error',
  });
  env = await freshCore();
  // A few hundred people: a vault of a few MiB, so a backup has dozens of kill points.
  const db = env.core.vault.db;
  const ins = db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 0, ?, 1, 'now', 't', 'now', 't')`,
  );
  db.transaction(() => {
    for (let i = 0; i < 400; i++) ins.run(`p-${i}`, `Given${i}`, `Family${i}`, JSON.stringify({ notes: 'x'.repeat(4000) }));
  })();
  folder = join(env.dir, 'stick');
  mkdirSync(folder);
  childTmp = join(env.dir, 'tmp');
  mkdirSync(childTmp);
  await writeBackup({ db, keyslotsPath: env.core.vault.keyslotsPath, dir: folder });
  env.core.close();
});
afterAll(() => env?.cleanup());

/** Runs the child and kills it after `after` progress reports; resolves with whether it said 'done' first. */
function backupKilledAfter(after: number): Promise<{ done: boolean; steps: number }> {
  return new Promise((resolve, reject) => {
    // The child's temp folder is the test's: a kill during verification leaves its (encrypted) copy there, removed with the test.
    const child = spawn(process.execPath, [CHILD, env.dbPath, folder, PASS], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: childTmp },
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const steps = (out.match(/^step /gm) ?? []).length;
      if (!killed && (steps >= after || out.includes('done'))) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      const steps = (out.match(/^step /gm) ?? []).length;
      if (signal === 'SIGKILL' || code === 0) resolve({ done: out.includes('done'), steps });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

const finalNames = () => readdirSync(folder).filter((f) => f.endsWith('.amparo-backup'));

describe('a backup killed at random points', () => {
  it(`leaves earlier backups intact and no partial file under a final name (${KILLS} kills)`, async () => {
    const first = finalNames();
    expect(first).toHaveLength(1);
    const firstBytes = sha(readFileSync(join(folder, first[0]!)));
    // A full run's number of reports bounds the random kill points.
    const full = await backupKilledAfter(Number.MAX_SAFE_INTEGER);
    expect(full.done).toBe(true);
    expect(full.steps).toBeGreaterThan(20);
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let completed = 0;
    for (let i = 0; i < KILLS; i++) {
      const before = new Set(finalNames());
      const { done } = await backupKilledAfter(Math.floor(rand() * full.steps));
      if (done) completed++;
      for (const f of finalNames()) {
        if (before.has(f)) continue;
        // A new final name appears only for a complete backup (killed after its rename).
        expect(() => readLayout(join(folder, f), sha), f).not.toThrow();
      }
      expect(sha(readFileSync(join(folder, first[0]!))).equals(firstBytes)).toBe(true);
    }
    // A kill leaves nothing in the temp folder but verification copies (encrypted, cleaned by a later verify).
    expect(readdirSync(childTmp).filter((f) => !f.startsWith('amparo-verify-'))).toEqual([]);
    // Most kills land mid-backup, not after it.
    expect(completed).toBeLessThan(KILLS / 2);
    for (const f of finalNames()) expect((await verifyBackup(join(folder, f), { passphrase: PASS })).report.ok, f).toBe(true);
    const core = createCore({ dbPath: env.dbPath, kdfCost: TEST_KDF, autoBackup: false });
    await core.call('vault.unlock', { passphrase: PASS });
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await core.call('people.list', {})).total).toBe(400);
    core.close();
  }, 600_000);
});
