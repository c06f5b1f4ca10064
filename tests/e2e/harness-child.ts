/**
 * A loopback harness in its own process, so a test can SIGKILL it mid-intake
 * the way a laptop dies: no close(), no flush, no goodbye.
 *
 *   node --import tsx tests/e2e/harness-child.ts <dataDir> <staticDir> [--create <passphrase>]
 *
 * Prints one JSON line, {"launchUrl": "..."}, once it is listening.
 */
import { join } from 'node:path';
import { startHarness } from '../../electron/harness/server';
import { harnessCall } from './browser';

const [dataDir, staticDir, flag, passphrase] = process.argv.slice(2);
if (!dataDir || !staticDir) {
  console.error('usage: harness-child.ts <dataDir> <staticDir> [--create <passphrase>]');
  process.exit(2);
}

// Cheap Argon2id for tests, as everywhere in the test suite (tests/helpers/env.ts).
const harness = await startHarness({ dbPath: join(dataDir, 'amparo.db'), staticDir, kdfCost: { m: 8192, t: 1, p: 1 } });
if (flag === '--create' && passphrase) {
  await harnessCall(harness, 'vault.create', { passphrase });
}
process.stdout.write(`${JSON.stringify({ launchUrl: harness.launchUrl })}\n`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void harness.close().then(() => process.exit(0));
  });
}
