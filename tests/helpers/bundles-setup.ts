/**
 * vitest globalSetup: rebuilds, once before any test file runs, the bundles
 * tests spawn (the CLI, the core's host process), so they test what
 * `npm run amparo` and the app run, never a stale build.
 *
 * A bundle that fails to build does not stop the run: the error is handed to
 * the tests (requireBundle in tests/helpers/cli.ts), so the tests that spawn
 * that bundle fail with esbuild's message and every other test still runs.
 */
import type { TestProject } from 'vitest/node';
import { ensureBundles, type BundleName } from '../../scripts/bundles.mjs';

export const SPAWNED_BUNDLES: BundleName[] = ['cli', 'host'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** name -> why it could not be built ('' when it was built or fresh). */
    bundleErrors: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const errors: Record<string, string> = {};
  for (const name of SPAWNED_BUNDLES) {
    try {
      await ensureBundles([name]);
      errors[name] = '';
    } catch (e) {
      errors[name] = e instanceof Error ? e.message : String(e);
      console.error(`[bundles] ${name} could not be built: ${errors[name]}`);
    }
  }
  project.provide('bundleErrors', errors);
}
