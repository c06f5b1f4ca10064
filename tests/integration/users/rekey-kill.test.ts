/**
 * Rekey is atomic (issue 10): a rekey SIGKILLed at random points, 50 times,
 * always leaves a vault that opens with the passphrase, with all its data,
 * under the old key or the new one, never neither.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_EXTERNALS } from '../../../scripts/bundles.mjs';
import { Vault } from '../../../electron/core/vault/vault';
import { readKeyslots } from '../../../electron/core/vault/keyslots';
import { freshCore, PASS, REPO_ROOT } from '../../helpers/env';

const KILLS = 50;
const PEOPLE = 400;
const CHILD = join(REPO_ROOT, 'dist', 'test', 'kill-rekey-child.cjs');
let env: Awaited<ReturnType<typeof freshCore>>;

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'kill-rekey-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: CHILD,
    external: NODE_EXTERNALS,
    logLevel: 'error',
  });
  env = await freshCore();
  // A few MiB, so the rekey rewrites hundreds of pages and a kill can land inside it.
  const db = env.core.vault.db;
  const ins = db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 0, ?, 1, 'now', 't', 'now', 't')`,
  );
  db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) ins.run(`p-${i}`, `Given${i}`, `Family${i}`, JSON.stringify({ notes: 'x'.repeat(4000) }));
  })();
  env.core.close();
});
afterAll(() => env?.cleanup());

const STEPS = ['unlocked', 'journal-written', 'db-rekeyed'] as const;

/** Kills the child after it reported `afterStep` (and `delayMs` more, to land inside PRAGMA rekey), or lets it finish. */
function rekeyKilled(afterStep: number, delayMs: number): Promise<{ done: boolean; midJournal: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, env.dbPath, PASS], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    let midJournal = false;
    const kill = () => {
      midJournal = existsSync(`${env.dbPath}-journal`);
      child.kill('SIGKILL');
    };
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const reached = STEPS.filter((s) => out.includes(`step ${s}\n`)).length;
      if (!armed && reached > afterStep) {
        armed = true;
        if (delayMs === 0) kill();
        else setTimeout(kill, delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ done: out.includes('done'), midJournal });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

describe('a rekey killed at random points', () => {
  it(`always leaves a vault that opens with the passphrase, data intact (${KILLS} kills)`, async () => {
    let seed = 424242;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const outcomes = { done: 0, killed: 0, midJournal: 0 };
    for (let i = 0; i < KILLS; i++) {
      const step = Math.floor(rand() * STEPS.length);
      // Half the kills land a random few milliseconds after a step, inside the rekey's own work.
      const delay = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 40);
      const r = await rekeyKilled(step, delay);
      if (r.done) outcomes.done++;
      else outcomes.killed++;
      if (r.midJournal) outcomes.midJournal++;

      const vault = new Vault({ dbPath: env.dbPath, kdfCost: { m: 8192, t: 1, p: 1 } });
      await vault.unlock(PASS);
      expect(vault.db.pragma('integrity_check', { simple: true }), `kill ${i}`).toBe('ok');
      expect(vault.db.prepare('SELECT count(*) AS n FROM people').get(), `kill ${i}`).toEqual({ n: PEOPLE });
      vault.lock();
      // The unlock settled any interrupted rekey: one key in the file again.
      const file = readKeyslots(`${env.dbPath}.keyslots`);
      expect(file.macNext, `kill ${i}`).toBeUndefined();
      expect(file.slots.some((s) => 'next' in s && s.next !== undefined)).toBe(false);
    }
    console.log(`rekey kills: ${JSON.stringify(outcomes)}`);
    expect(outcomes.killed).toBeGreaterThan(KILLS / 2);
  });
});
