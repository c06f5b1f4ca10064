/**
 * The real CLI (electron/core/cli.ts, run from source) in a child process
 * that also reports its own peak RSS (getrusage's maxRSS) once the command
 * returns: memory bounds are checked in bytes, never in seconds.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/env';

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
}

export function runCliMeasured(args: string[], env: Record<string, string> = {}): MeasuredRun {
  const script = [
    `const { runCli } = await import(${JSON.stringify(join(REPO_ROOT, 'electron/core/cli.ts'))});`,
    'const code = await runCli(process.argv.slice(1));',
    "process.stderr.write('PEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n');",
    'process.exit(code);',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const m = /PEAK_RSS_KB=(\d+)\n/.exec(r.stderr);
  if (!m) throw new Error(`the CLI reported no peak RSS (exit ${r.status}); stderr: ${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(m[0], ''), peakMb: Number(m[1]) / 1024 };
}
