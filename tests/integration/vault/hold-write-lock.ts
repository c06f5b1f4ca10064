/**
 * Child process for the busy tests: another Amparo process in the middle of a
 * write transaction (as a CLI import would be). It prints "holding" once it
 * has the write lock, commits and prints "released" on a "release" line, and
 * exits when its stdin closes.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../../electron/core/app';
import { TEST_KDF, PASS } from '../../helpers/env';

const dbPath = process.argv[2]!;
const core = createCore({ dbPath, kdfCost: TEST_KDF });
await core.call('vault.unlock', { passphrase: PASS });
const db = core.vault.db;
db.exec('BEGIN IMMEDIATE');
db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('held-by-other-process', 'yes');
process.stdout.write('holding\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'release' && db.inTransaction) {
    db.exec('COMMIT');
    process.stdout.write('released\n');
  }
}
core.close();
