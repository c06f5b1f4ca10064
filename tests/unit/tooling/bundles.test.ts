/**
 * scripts/bundles.mjs: the CLI and host bundles, built for real into a temp
 * folder inside the checkout (so externals resolve from node_modules), and
 * the freshness check that lets `npm run amparo` rebuild only when a source
 * changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, ensureBundles, NODE_EXTERNALS, staleReason } from '../../../scripts/bundles.mjs';
import { COMMAND_GROUP, COMMAND_GROUPS } from '../../../electron/core/cli';
import { REPO_ROOT } from '../../helpers/env';

const work = join(REPO_ROOT, '.tmp', `bundles-${process.pid}`);
const cliDir = join(work, 'cli');
beforeAll(() => mkdirSync(work, { recursive: true }));
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

  // The freshness tests point the stamp at a file of their own: other people
  // editing this checkout must not make them pass or fail.
  const input = join(work, 'input.ts');
  const pinStampTo = (file: string) => {
    const stamp = stampOf(entry);
    const st = statSync(file);
    writeFileSync(`${entry}.inputs.json`, JSON.stringify({ ...stamp, files: { [file]: [st.mtimeMs, st.size] } }));
  };

  it('builds once, then is fresh until an input changes, and then rebuilds in the same call', async () => {
    expect(await ensureBundles(['cli'], { outDir: cliDir })).toEqual({ built: ['cli'], fresh: [] });
    writeFileSync(input, 'export {};\n');
    pinStampTo(input);
    expect(staleReason('cli', { outDir: cliDir })).toBeNull();
    expect(await ensureBundles(['cli'], { outDir: cliDir })).toEqual({ built: [], fresh: ['cli'] });

    utimesSync(input, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(staleReason('cli', { outDir: cliDir })).toBe(`${relative(REPO_ROOT, input)} changed`);
    const before = readFileSync(`${entry}.inputs.json`, 'utf8');
    expect(await ensureBundles(['cli'], { outDir: cliDir })).toEqual({ built: ['cli'], fresh: [] });
    // The new stamp records the real inputs again, not the pinned file.
    expect(readFileSync(`${entry}.inputs.json`, 'utf8')).not.toBe(before);
    expect(Object.keys(stampOf(entry).files)).not.toContain(input);
  });

  it('records every source it read, and the files that change a build without being read', () => {
    const files = Object.keys(stampOf(entry).files);
    for (const f of ['electron/core/cli.ts', 'shared/deadlines/index.ts', 'scripts/bundles.mjs', 'tsconfig.json']) {
      expect(files).toContain(join(REPO_ROOT, f));
    }
  });

  it('is stale when an input is gone', () => {
    const gone = join(work, 'gone.ts');
    writeFileSync(gone, 'export {};\n');
    pinStampTo(gone);
    rmSync(gone);
    expect(staleReason('cli', { outDir: cliDir })).toBe(`${relative(REPO_ROOT, gone)} is gone`);
  });

  it('is stale when one of its chunks is gone, and the rebuild brings it back', async () => {
    writeFileSync(input, 'export {};\n');
    pinStampTo(input);
    const chunk = stampOf(entry).outputs.find((p) => p.endsWith('.mjs') && p !== entry)!;
    rmSync(chunk);
    expect(staleReason('cli', { outDir: cliDir })).toBe(`${relative(REPO_ROOT, chunk)} is missing`);
    expect((await ensureBundles(['cli'], { outDir: cliDir })).built).toEqual(['cli']);
    for (const out of stampOf(entry).outputs) expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('runs `deadline` and prints the computed date', () => {
    const r = run(entry, DEADLINE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rule: 'bia-appeal', trigger: '2026-12-18' });
  });

  it('`deadline` never loads the heavy chunks (SQLite glue, pdf-lib, fontkit, exceljs, most of the core): it runs with them deleted', () => {
    // fontkit and exceljs are loaded on first use, so they are chunks of their own: delete every chunk over 1 MB.
    const heavy = stampOf(entry).outputs.filter((p) => p.endsWith('.mjs') && p !== entry && statSync(p).size > 1_000_000);
    expect(heavy.length).toBeGreaterThanOrEqual(2);
    const saved = heavy.map((p) => [p, readFileSync(p)] as const);
    for (const p of heavy) rmSync(p);
    try {
      expect(run(entry, DEADLINE).status).toBe(0);
      // `help` loads every group: without those chunks it cannot start, which proves they are the heavy part.
      expect(run(entry, ['help']).status).not.toBe(0);
    } finally {
      for (const [p, code] of saved) writeFileSync(p, code);
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
