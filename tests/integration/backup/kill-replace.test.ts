/**
 * A replace killed at every point (each unit of staging work, each rename of
 * the placement): the next open settles what it left. The live vault opens,
 * holding either the old vault (killed before the placement began) or the
 * restored one (killed inside it: the confirmed replace is finished), and
 * then the old vault is whole in its set-aside folder. No staging folder is
 * left, and the backup file is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createCore } from '../../../electron/core/app';
import { writeBackup } from '../../../electron/core/backup/write';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { bundleChild, runKilled, seedPaddedPeople } from '../../helpers/kill';

const BACKED_UP = 120;
const LIVE = BACKED_UP + 1;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let env: Awaited<ReturnType<typeof freshCore>>;
let child: string;
let backup: string;
let backupSha: string;
let pristine: string;
const VAULT_FILES = ['amparo.db', 'amparo.db.keyslots'];

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, 'kill-replace-child.ts'), 'kill-replace-child');
  env = await freshCore();
  const db = env.core.vault.db;
  seedPaddedPeople(db, BACKED_UP);
  const stick = join(env.dir, '..', `${env.dir.split('/').pop()}-stick`);
  mkdirSync(stick);
  ({ file: backup } = await writeBackup({ db, keyslotsPath: env.core.vault.keyslotsPath, dir: stick }));
  backupSha = sha(readFileSync(backup));
  // One more person after the backup: the live vault (121) and the backup (120) can be told apart.
  db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
     VALUES ('after', 'After', 'Backup', 0, '{}', 1, 'now', 't', 'now', 't')`,
  ).run();
  env.core.close();
  pristine = `${env.dir}-pristine`;
  mkdirSync(pristine);
  for (const f of VAULT_FILES) copyFileSync(join(env.dir, f), join(pristine, f));
});
afterAll(() => {
  env?.cleanup();
  rmSync(pristine, { recursive: true, force: true });
  if (backup) rmSync(join(backup, '..'), { recursive: true, force: true });
});

/** The vault folder as it was before any replace. */
function resetVault(): void {
  for (const f of readdirSync(env.dir)) rmSync(join(env.dir, f), { recursive: true, force: true });
  for (const f of VAULT_FILES) copyFileSync(join(pristine, f), join(env.dir, f));
}

/** Opens the vault at `dbPath` as the app's next run does, and counts its people. */
async function peopleIn(dbPath: string): Promise<number> {
  const core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false });
  try {
    await core.call('vault.unlock', { passphrase: PASS });
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (await core.call('people.list', {})).total;
  } finally {
    core.close();
  }
}

const stepsIn = (out: string) => (out.match(/^step /gm) ?? []).length;

async function replaceKilledAfter(after: number) {
  const { out, killed } = await runKilled({
    script: child,
    args: [env.dbPath, backup, PASS],
    killAt: (soFar) => (stepsIn(soFar) >= after || soFar.includes('done') ? 0 : false),
  });
  return { out, killed, done: out.includes('done') };
}

describe('a replace killed at every point', () => {
  it('is settled at the next open: the live vault opens, the old one is kept, no staging is left', async () => {
    resetVault();
    const full = await replaceKilledAfter(Number.MAX_SAFE_INTEGER);
    expect(full.done).toBe(true);
    const steps = stepsIn(full.out);
    // Staging work and every rename of the placement (database, WAL, shm... set aside; key file; database in).
    expect(full.out).toMatch(/^step set-aside amparo\.db$/m);
    expect(full.out).toMatch(/^step keyslots$/m);
    let finishedForward = 0;
    for (let after = 1; after <= steps; after++) {
      resetVault();
      const run = await replaceKilledAfter(after);
      const lastStep = run.out.trim().split('\n').pop();
      const live = await peopleIn(env.dbPath);
      const names = readdirSync(env.dir);
      expect(
        names.filter((n) => n.startsWith('.amparo-restore-')),
        `after ${lastStep}`,
      ).toEqual([]);
      const asides = names.filter((n) => n.startsWith('amparo-set-aside-'));
      if (live === BACKED_UP) {
        // The replace was finished: the old vault is whole in one set-aside folder.
        finishedForward++;
        expect(asides, `after ${lastStep}`).toHaveLength(1);
        expect(readdirSync(join(env.dir, asides[0]!))).toEqual(expect.arrayContaining(VAULT_FILES));
        expect(await peopleIn(join(env.dir, asides[0]!, 'amparo.db')), `after ${lastStep}`).toBe(LIVE);
      } else {
        // Killed before the placement moved anything: the old vault is still live, nothing set aside.
        expect(live, `after ${lastStep}`).toBe(LIVE);
        expect(asides, `after ${lastStep}`).toEqual([]);
      }
      expect(sha(readFileSync(backup))).toBe(backupSha);
    }
    // Kills landed both before the placement and inside it.
    expect(finishedForward).toBeGreaterThan(0);
    expect(finishedForward).toBeLessThan(steps);
    expect(existsSync(env.dbPath)).toBe(true);
  }, 600_000);
});
