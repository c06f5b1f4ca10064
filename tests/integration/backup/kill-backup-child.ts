/**
 * Child process for the kill torture: opens the vault and writes one backup,
 * reporting every unit of work on stdout (synchronously, so the parent can
 * kill it at a chosen amount of work done), then 'done'.
 */
import { writeSync } from 'node:fs';
import { Vault } from '../../../electron/core/vault/vault';
import { writeBackup } from '../../../electron/core/backup/write';
import { Job } from '../../../electron/core/jobs/job';

async function main() {
  const [dbPath, dir, pass] = process.argv.slice(2) as [string, string, string];
  const vault = new Vault({ dbPath });
  await vault.unlock(pass);
  let step = 0;
  const job = new Job({ onProgress: () => writeSync(1, `step ${++step}\n`) });
  writeSync(1, 'start\n');
  await writeBackup({ db: vault.db, keyslotsPath: vault.keyslotsPath, dir, job, chunk: 64 * 1024 });
  writeSync(1, 'done\n');
  vault.lock();
}
void main();
