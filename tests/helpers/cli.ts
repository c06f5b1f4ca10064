import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { bundlePath, type BundleName } from '../../scripts/bundles.mjs';
import { REPO_ROOT } from './env';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The path of a bundle that vitest's globalSetup (tests/helpers/bundles-setup.ts)
 * built before the run; throws esbuild's reason when it could not build it.
 */
export function requireBundle(name: BundleName): string {
  const why = inject('bundleErrors')?.[name];
  if (why === undefined) throw new Error(`bundle '${name}' was not built: run tests through vitest (its globalSetup builds it).`);
  if (why) throw new Error(`bundle '${name}' could not be built: ${why}`);
  return bundlePath(name);
}

/** Runs the real CLI bundle in its own process, as `npm run amparo --` would. */
export function runCli(args: string[], env: Record<string, string> = {}, input = ''): CliRun {
  const r = spawnSync(process.execPath, [requireBundle('cli'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
