/**
 * Child process for the crash test: commits a batch, reports it, then sits in
 * the middle of an uncommitted write transaction until the parent kills it.
 */
import { createCore } from '../../../electron/core/app';
import { TEST_KDF, PASS } from '../../helpers/env';

const dbPath = process.argv[2]!;
const core = createCore({ dbPath, kdfCost: TEST_KDF });
await core.call('vault.unlock', { passphrase: PASS });
const db = core.vault.db;
const insert = db.prepare('INSERT INTO audit_log(id, at, actor, action, detail) VALUES (?,?,?,?,?)');
db.transaction(() => {
  for (let i = 0; i < 1000; i++) insert.run(`committed-${i}`, 'now', 'child', 'write', 'x'.repeat(200));
})();
process.stdout.write('committed\n');
db.exec('BEGIN IMMEDIATE');
let i = 0;
// Keep writing inside the open transaction until SIGKILL arrives.
for (;;) {
  insert.run(`uncommitted-${i++}`, 'now', 'child', 'write', 'y'.repeat(500));
  if (i === 2000) process.stdout.write('in-transaction\n');
}
