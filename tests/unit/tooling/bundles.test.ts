/**
 * scripts/bundles.mjs: the CLI and host bundles, built for real into a temp
 * folder inside the checkout (so externals resolve from node_modules), and
 * the freshness check that lets `npm run amparo` rebuild only when a source
 * changed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePath, ensureBundles, NODE_EXTERNALS, staleReason } from '../../../scripts/bundles.mjs';
import { COMMAND_GROUP, COMMAND_GROUPS } from '../../../electron/core/cli';
import { REPO_ROOT } from '../../helpers/env';

const work = join(REPO_ROOT, '.tmp', `bundles-${process.pid}`);
const cliDir = join(work, 'cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEADLINE = ['deadline', '--rule', 'bia-appeal', '--trigger', '2026-12-18', '--json'];
const run = (entry: string, args: string[]) =>
  spawnSync(process.execPath, [entry, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

interface Stamp {
  outputs: string[];
  files: Record<string, [number, number]>;
}
const stampOf = (out: string): Stamp => JSON.parse(readFileSync(`${out}.inputs.json`, 'utf8')) as Stamp;

describe('the command table', () => {
  it('names every command of every group, in the group that has it', async () => {
    const seen: Record<string, string> = {};
    for (const [group, load] of Object.entries(COMMAND_GROUPS)) for (const name of Object.keys(await load())) seen[name] = group;
    expect(seen).toEqual(COMMAND_GROUP);
  });
});

describe('CLI bundle', () => {
  const entry = bundlePath('cli', { outDir: cliDir });

  it('builds once, then is fresh until an input changes', async () => {
    expect(await ensureBundles(['cli'], { outDir: cliDir })).toEqual({ built: ['cli'], fresh: [] });
    expect(staleReason('cli', { outDir: cliDir })).toBeNull();
    expect(await ensureBundles(['cli'], { outDir: cliDir })).toEqual({ built: [], fresh: ['cli'] });
  });

  it('records every source it read, and the files that change a build without being read', () => {
    const files = Object.keys(stampOf(entry).files);
    for (const f of ['electron/core/cli.ts', 'shared/deadlines/index.ts', 'scripts/bundles.mjs', 'tsconfig.json']) {
      expect(files).toContain(join(REPO_ROOT, f));
    }
  });

  it('is stale when a recorded input differs, and ensureBundles rebuilds it in the same call', async () => {
    // Pretend cli.ts was edited after the build (the real file is left alone: others work in this checkout).
    const stamp = stampOf(entry);
    const cli = join(REPO_ROOT, 'electron/core/cli.ts');
    stamp.files[cli] = [stamp.files[cli]![0] - 1000, stamp.files[cli]![1]];
    writeFileSync(`${entry}.inputs.json`, JSON.stringify(stamp));
    expect(staleReason('cli', { outDir: cliDir })).toBe('electron/core/cli.ts changed');
    const before = statSync(entry).mtimeMs;
    expect((await ensureBundles(['cli'], { outDir: cliDir })).built).toEqual(['cli']);
    expect(statSync(entry).mtimeMs).toBeGreaterThanOrEqual(before);
    expect(staleReason('cli', { outDir: cliDir })).toBeNull();
  });

  it('is stale when one of its chunks is gone', async () => {
    const chunk = stampOf(entry).outputs.find((p) => p.endsWith('.mjs') && p !== entry)!;
    rmSync(chunk);
    expect(staleReason('cli', { outDir: cliDir })).toMatch(/\.mjs is missing$/);
    await ensureBundles(['cli'], { outDir: cliDir });
    expect(staleReason('cli', { outDir: cliDir })).toBeNull();
  });

  it('runs `deadline` and prints the computed date', () => {
    const r = run(entry, DEADLINE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rule: 'bia-appeal', trigger: '2026-12-18' });
  });

  it('`deadline` loads none of the vault and PDF code: it still runs with the big shared chunk deleted', () => {
    const chunks = stampOf(entry).outputs.filter((p) => p.endsWith('.mjs'));
    const biggest = chunks.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    expect(statSync(biggest).size).toBeGreaterThan(1_000_000); // SQLite glue, pdf-lib, fontkit
    const code = readFileSync(biggest);
    rmSync(biggest);
    try {
      expect(run(entry, DEADLINE).status).toBe(0);
      // `help` loads every group: without the chunk it cannot start, which proves the chunk is the heavy part.
      expect(run(entry, ['help']).status).not.toBe(0);
    } finally {
      writeFileSync(biggest, code);
    }
    expect(run(entry, ['help']).stdout).toMatch(/^Usage: npm run amparo/);
  });

  it('npm run amparo (scripts/amparo.mjs) prints exactly what the bundle prints, with its exit codes', () => {
    const viaLauncher = run(join(REPO_ROOT, 'scripts/amparo.mjs'), DEADLINE);
    const direct = run(bundlePath('cli'), DEADLINE);
    expect(viaLauncher.status).toBe(0);
    expect(viaLauncher.stdout).toBe(direct.stdout);
    const bad = run(join(REPO_ROOT, 'scripts/amparo.mjs'), ['nonsense']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'nonsense'/);
  });
});

describe('host bundle', () => {
  it('is plain Node CommonJS: only the native externals and built-ins are required, never electron', async () => {
    const outDir = join(work, 'electron');
    await ensureBundles(['host'], { outDir });
    const code = readFileSync(bundlePath('host', { outDir }), 'utf8');
    const requires = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))];
    const external = requires.filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    for (const m of external) expect(NODE_EXTERNALS, m).toContain(m);
    expect(requires).not.toContain('electron');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
