import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './env';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in its own process, as `npm run amparo --` would. */
export function runCli(args: string[], env: Record<string, string> = {}, input = ''): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'electron/core/cli.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
