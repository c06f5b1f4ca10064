#!/usr/bin/env node
/**
 * `npm run amparo -- <command>`: rebuilds dist/cli/ if any file the CLI bundle
 * was built from changed (usually just stat calls), then runs the bundle in
 * this same process, so a CLI call costs one Node start, not a transpile of
 * the core (tsx did that on every call, about 7 s here).
 */
import { pathToFileURL } from 'node:url';
import { bundlePath, ensureBundles } from './bundles.mjs';

try {
  await ensureBundles(['cli']);
} catch (e) {
  console.error(`Could not build the command line bundle: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(4);
}
// The bundle reads process.argv.slice(2): the same arguments this script got.
await import(pathToFileURL(bundlePath('cli')).href);
