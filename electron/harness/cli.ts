/**
 * `npm run start:browser`: the same UI and core without Electron, on loopback.
 * Options: --data-dir PATH (or AMPARO_DATA_DIR), --port N (default: random).
 */
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../core/paths';
import { startHarness } from './server';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true });
const dbPath = values['data-dir'] ? join(resolve(values['data-dir']), 'amparo.db') : defaultDbPath();
const staticDir = resolve(import.meta.dirname, '../../dist/renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('The user interface is not built yet. Run `npm run build:renderer` (npm run start:browser does it for you).');
  process.exit(4);
}

const harness = await startHarness({ dbPath, staticDir, port: values.port ? Number(values.port) : 0 });
console.log('Amparo is running on this computer only (loopback). Open this address in your browser:');
console.log('');
console.log(`  ${harness.launchUrl}`);
console.log('');
console.log(`Vault: ${dbPath}`);
console.log('Press Ctrl+C to lock the vault and stop.');

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void harness.close().then(() => process.exit(0));
  });
}
