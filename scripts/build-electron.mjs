#!/usr/bin/env node
/**
 * Bundles the Electron side of the app with esbuild (definitions in
 * scripts/bundles.mjs):
 *   electron/main/main.ts        -> dist/electron/main.cjs    (Node, CommonJS)
 *   electron/preload/preload.ts  -> dist/electron/preload.cjs (sandboxed preload: CommonJS, only `electron`)
 *   electron/host/host-entry.ts  -> dist/electron/host.cjs    (the core's process: plain Node, no `electron`)
 *
 * Native and wasm-loading packages stay external (required from node_modules at
 * run time; electron-builder rebuilds and unpacks them). Everything else is bundled.
 *
 * The sources are ESM. `import.meta.url/dirname/filename` are rewritten per file
 * (sourceMetaPlugin) to the ORIGINAL source file's location, computed at run time
 * from the bundle's own folder: code such as
 *   new URL('../../../resources/', import.meta.url)   // electron/core/forms/…
 * keeps pointing at <app>/resources/ both from the checkout and inside app.asar.
 *
 * Always rebuilds; `node scripts/bundles.mjs` rebuilds only stale bundles.
 * Usage: node scripts/build-electron.mjs [--out-dir DIR]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './bundles.mjs';

export { MAIN_EXTERNALS, sourceMetaPlugin } from './bundles.mjs';

export async function buildElectron({ outDir, logLevel = 'warning' } = {}) {
  return buildBundles(['main', 'preload', 'host'], { outDir, logLevel });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out-dir');
  const outDir = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : undefined;
  buildElectron({ outDir })
    .then((out) => console.log(`built ${Object.values(out).join(', ')}`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
