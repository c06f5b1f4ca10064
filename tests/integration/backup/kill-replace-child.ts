/**
 * Child process for the replace kill test: opens the vault, stages a restore
 * of the backup over it (verify, copy, migrate), closes the vault as the app
 * does before replacing, and places the restore, reporting every unit of work
 * and every rename on stdout (synchronously, so the parent can kill it at a
 * chosen point), then 'done'.
 */
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Vault } from '../../../electron/core/vault/vault';
import { placeRestore, stageRestore } from '../../../electron/core/backup/restore';
import { Job } from '../../../electron/core/jobs/job';

async function main() {
  const [dbPath, file, pass] = process.argv.slice(2) as [string, string, string];
  const vault = new Vault({ dbPath });
  await vault.unlock(pass);
  const job = new Job({ onProgress: (p) => writeSync(1, `step ${p.phase}\n`) });
  writeSync(1, 'start\n');
  const s = await stageRestore(file, { passphrase: pass }, dirname(dbPath), { replace: true, job });
  vault.lock();
  placeRestore(s, { replace: true, onStep: (step) => writeSync(1, `step ${step}\n`) });
  writeSync(1, 'done\n');
}
void main();
