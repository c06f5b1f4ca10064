/**
 * Rekey is atomic (issue 10): a rekey SIGKILLed at random points, 50 times,
 * always leaves a vault that opens with the passphrase, with all its data,
 * under the old key or the new one, never neither.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../electron/core/vault/vault';
import { readKeyslots } from '../../../electron/core/vault/keyslots';
import { freshCore, PASS } from '../../helpers/env';
import { bundleChild, runKilled, seededRandom, seedPaddedPeople } from '../../helpers/kill';

const KILLS = 50;
const PEOPLE = 400;
let child: string;
let env: Awaited<ReturnType<typeof freshCore>>;

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, 'kill-rekey-child.ts'), 'kill-rekey-child');
  env = await freshCore();
  // A few MiB, so the rekey rewrites hundreds of pages and a kill can land inside it.
  seedPaddedPeople(env.core.vault.db, PEOPLE);
  env.core.close();
});
afterAll(() => env?.cleanup());

const STEPS = ['unlocked', 'journal-written', 'db-rekeyed'] as const;

/** Kills the child after it reported `afterStep` (and `delayMs` more, to land inside PRAGMA rekey), or lets it finish. */
async function rekeyKilled(afterStep: number, delayMs: number): Promise<{ done: boolean; midJournal: boolean }> {
  let midJournal = false;
  const { out } = await runKilled({
    script: child,
    args: [env.dbPath, PASS],
    killAt: (soFar) => (STEPS.filter((s) => soFar.includes(`step ${s}\n`)).length > afterStep ? delayMs : false),
    beforeKill: () => (midJournal = existsSync(`${env.dbPath}-journal`)),
  });
  return { done: out.includes('done'), midJournal };
}

describe('a rekey killed at random points', () => {
  it(`always leaves a vault that opens with the passphrase, data intact (${KILLS} kills)`, async () => {
    const rand = seededRandom(424242);
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
