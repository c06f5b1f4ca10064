import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bundlePath } from '../../scripts/bundles.mjs';
import { REPO_ROOT } from './env';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI bundle `npm run amparo` runs; tests/helpers/bundles-setup.ts rebuilds it before the suite. */
export const CLI_BUNDLE = bundlePath('cli');

/** Runs the real CLI bundle in its own process, as `npm run amparo --` would. */
export function runCli(args: string[], env: Record<string, string> = {}, input = ''): CliRun {
  if (!existsSync(CLI_BUNDLE))
    throw new Error(
      `${CLI_BUNDLE} is missing: run the suite through vitest (its globalSetup builds it) or \`node scripts/bundles.mjs cli\`.`,
    );
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
