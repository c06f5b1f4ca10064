/**
 * Child process for the rekey kill torture: unlocks, then rekeys, reporting
 * each step on stdout synchronously so the parent can kill it at a chosen
 * point, then 'done'. A small page cache makes SQLite spill rekeyed pages to
 * the database file mid-transaction, so a kill there leaves a half-rekeyed
 * file and a hot journal: the case the design must survive.
 */
import { writeSync } from 'node:fs';
import { Vault } from '../../../electron/core/vault/vault';

async function main() {
  const [dbPath, pass] = process.argv.slice(2) as [string, string];
  const vault = new Vault({
    dbPath,
    kdfCost: { m: 8192, t: 1, p: 1 },
    onRekeyStep: (step) => writeSync(1, `step ${step}\n`),
  });
  await vault.unlock(pass);
  vault.db.pragma('cache_size = 20');
  writeSync(1, 'step unlocked\n');
  await vault.rekey();
  writeSync(1, 'done\n');
  vault.lock();
}
void main();
