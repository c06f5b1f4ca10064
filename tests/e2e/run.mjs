#!/usr/bin/env node
/**
 * `npm run test:e2e` (after `vite build`): runs the browser specs in
 * tests/e2e/*.e2e.ts with vitest. Each spec starts the loopback harness on a
 * fresh temp vault and drives Debian's Chromium through playwright-core.
 * Extra arguments go to vitest (e.g. a file filter or `-t "Spanish"`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

if (!existsSync(join(root, 'dist/renderer/index.html'))) {
  console.error('dist/renderer is missing: run `npx vite build` first (`npm run test:e2e` does it for you).');
  process.exit(2);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is expected at /usr/bin/chromium (Debian package `chromium`).');
  process.exit(2);
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '-c', 'tests/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
