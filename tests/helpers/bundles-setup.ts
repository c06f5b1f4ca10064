/**
 * vitest globalSetup: rebuilds, once before any test file runs, the bundles
 * tests spawn (the CLI, the core's host process), so they test what
 * `npm run amparo` and the app run, never a stale build.
 */
import { ensureBundles } from '../../scripts/bundles.mjs';

export default async function setup(): Promise<void> {
  await ensureBundles(['cli', 'host']);
}
