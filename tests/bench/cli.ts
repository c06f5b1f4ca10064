/**
 * `npm run bench -- cli` (issue 9 §3): wall time of one CLI call,
 * `deadline --rule bia-appeal --trigger 2026-12-18 --json`, beside a bare
 * `node -e 0`. Variants run round-robin (one of each per round) so a load
 * spike from another process hits them all alike; medians over the rounds.
 *   bundle     node dist/cli/amparo.mjs …     what the CLI costs itself
 *   launcher   node scripts/amparo.mjs …      + the freshness check (stat calls)
 *   npm run    npm run -s amparo -- …         + npm's own start (its overhead, not ours)
 *   tsx        node --import tsx, every command module loaded: the old path, fewer rounds (seconds each),
 *              with tsx's cache warm and empty (a clean clone, or any changed file)
 * AMPARO_BENCH_RUNS sets the rounds (default 15).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundlePath, ensureBundles, ROOT } from '../../scripts/bundles.mjs';
import { median, type BenchRow } from './util';

const ARGS = ['deadline', '--rule', 'bia-appeal', '--trigger', '2026-12-18', '--json'];
const GOAL = 2;

interface Variant {
  name: string;
  cmd: string;
  args: string[];
  /** Run in one round of this many (the tsx path costs seconds). */
  every: number;
  /** A fresh environment per run (e.g. an empty TMPDIR, so tsx finds no cache). */
  env?: () => NodeJS.ProcessEnv;
}

/**
 * CPU time of this process's waited-for children (Linux: cutime + cstime in
 * /proc/self/stat, 10 ms ticks), or null elsewhere. CPU time hardly moves
 * with the machine's load, so it is the steadier figure on a busy machine.
 */
function childCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After the command name the state is field 3, so cutime (16) and cstime (17) sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

function wall(v: Variant): { ms: number; cpu: number | null } {
  const cpu0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(v.cmd, v.args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: v.env?.() ?? process.env });
  const ms = performance.now() - t0;
  const cpu1 = childCpuMs();
  if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}: ${r.stderr}`);
  if (v.name !== 'bare node' && !r.stdout.includes('"bia-appeal"'))
    throw new Error(`${v.name} printed no deadline: ${r.stdout.slice(0, 200)}`);
  return { ms, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

export async function benchCli(): Promise<BenchRow[]> {
  await ensureBundles(['cli']);
  const scratch = mkdtempSync(join(tmpdir(), 'amparo-bench-cli-'));
  // The CLI before issue 9: tsx, and every command module loaded up front (cli.ts loads them lazily now,
  // which alone makes tsx faster). Inside the checkout so its imports resolve.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const eagerDir = mkdtempSync(join(ROOT, '.tmp', 'bench-cli-'));
  const eager = join(eagerDir, 'eager-cli.ts');
  writeFileSync(
    eager,
    `import { loadCommands, runCli } from '../../electron/core/cli';\nawait loadCommands();\nprocess.exit(await runCli(process.argv.slice(2)));\n`,
  );
  const rounds = Number(process.env.AMPARO_BENCH_RUNS ?? 15);
  const node = process.execPath;
  const variants: Variant[] = [
    { name: 'bare node', cmd: node, args: ['-e', '0'], every: 1 },
    { name: 'bundle', cmd: node, args: [bundlePath('cli'), ...ARGS], every: 1 },
    { name: 'launcher', cmd: node, args: [join(ROOT, 'scripts/amparo.mjs'), ...ARGS], every: 1 },
    { name: 'npm run amparo', cmd: 'npm', args: ['run', '-s', 'amparo', '--', ...ARGS], every: 1 },
    { name: 'tsx (before)', cmd: node, args: ['--import', 'tsx', eager, ...ARGS], every: 5 },
    // tsx caches its transpiled files under TMPDIR: a first call (a clean clone, a changed file) pays for all of them.
    {
      name: 'tsx cold',
      cmd: node,
      args: ['--import', 'tsx', eager, ...ARGS],
      every: 5,
      env: () => ({ ...process.env, TMPDIR: mkdtempSync(join(scratch, 'run-')) }),
    },
  ];
  process.on('exit', () => {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(eagerDir, { recursive: true, force: true });
  });
  // One untimed run each: file cache, not startup, is what the first call measures.
  for (const v of variants) wall(v);
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const cpus = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const v of variants) {
      if (i % v.every !== 0) continue;
      const { ms, cpu } = wall(v);
      times.get(v.name)!.push(ms);
      if (cpu !== null) cpus.get(v.name)!.push(cpu);
    }
  }
  // Mean, not median: 10 ms ticks are too coarse for a median of ~50 ms runs.
  const cpuOf = (name: string) => {
    const xs = cpus.get(name)!;
    return xs.length ? `, CPU ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0)} ms` : '';
  };

  const med = (name: string) => median(times.get(name)!);
  const bare = med('bare node');
  const row = (name: string, label: string, goal = false): BenchRow => {
    const ratio = med(name) / bare;
    const n = times.get(name)!.length;
    return {
      name: label,
      median_ms: med(name),
      note: `${ratio.toFixed(2)}x bare node, ${n} runs${cpuOf(name)}${goal ? (ratio <= GOAL ? `  (goal <= ${GOAL}x: met)` : `  (goal <= ${GOAL}x: NOT met)`) : ''}`,
    };
  };
  return [
    { name: 'node -e 0', median_ms: bare, note: `${times.get('bare node')!.length} runs${cpuOf('bare node')}` },
    row('bundle', 'node dist/cli/amparo.mjs deadline … --json', true),
    row('launcher', 'node scripts/amparo.mjs deadline … (freshness check + bundle)'),
    row('npm run amparo', 'npm run amparo -- deadline … (npm adds its own start)'),
    row('tsx (before)', 'tsx, all commands loaded (before; tsx cache warm)'),
    row('tsx cold', 'tsx, all commands loaded (before; tsx cache empty)'),
  ];
}
