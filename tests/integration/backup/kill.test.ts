/**
 * Kill torture: 100 backups SIGKILLed at random amounts of work done (after a
 * random number of progress reports: snapshot, check, each 64 KiB hashed).
 * After every kill: the previous backups are intact, no new file has a final
 * name unless it is a complete backup, and at the end every final-named
 * backup verifies and the live vault opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import { verifyBackup } from '../../../electron/core/backup/verify';
import { readLayout } from '../../../electron/core/backup/format';
import { writeBackup } from '../../../electron/core/backup/write';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { bundleChild, runKilled, seededRandom, seedPaddedPeople } from '../../helpers/kill';
import { createHash } from 'node:crypto';

const KILLS = 100;
const sha = (b: Buffer) => createHash('sha256').update(b).digest();

let env: Awaited<ReturnType<typeof freshCore>>;
let folder: string;
let childTmp: string;
let child: string;

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, 'kill-backup-child.ts'), 'kill-backup-child');
  env = await freshCore();
  // A few hundred people: a vault of a few MiB, so a backup has dozens of kill points.
  const db = env.core.vault.db;
  seedPaddedPeople(db, 400);
  folder = join(env.dir, 'stick');
  mkdirSync(folder);
  childTmp = join(env.dir, 'tmp');
  mkdirSync(childTmp);
  await writeBackup({ db, keyslotsPath: env.core.vault.keyslotsPath, dir: folder });
  env.core.close();
});
afterAll(() => env?.cleanup());

const stepsIn = (out: string) => (out.match(/^step /gm) ?? []).length;

/** Runs the child and kills it after `after` progress reports; resolves with whether it said 'done' first. */
async function backupKilledAfter(after: number): Promise<{ done: boolean; steps: number }> {
  // The child's temp folder is the test's: a kill during verification leaves its (encrypted) copy there, removed with the test.
  const { out } = await runKilled({
    script: child,
    args: [env.dbPath, folder, PASS],
    env: { ...process.env, TMPDIR: childTmp },
    killAt: (soFar) => (stepsIn(soFar) >= after || soFar.includes('done') ? 0 : false),
  });
  return { done: out.includes('done'), steps: stepsIn(out) };
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
    const rand = seededRandom(12345);
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
