/**
 * The process boundaries hold in the tools, not only in review: a renderer
 * file that uses Node's globals fails `npm run typecheck`, and a core file
 * that imports or re-exports the Electron shell fails `npm run lint`. Both
 * run the real tools on small probe files against the repository's own
 * configuration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/env';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// Inside the checkout: `types: ["node"]` resolves @types/node from node_modules beside the config.
const work = join(REPO_ROOT, '.tmp', `boundaries-${process.pid}`);

beforeAll(() => mkdirSync(work, { recursive: true }));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Type-checks one probe file under a process's tsconfig (its lib and types), and returns tsc's error codes. */
function typecheckAs(project: 'renderer' | 'shared' | 'electron', name: string, code: string): string[] {
  const dir = join(work, `${project}-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.ts'), code);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(REPO_ROOT, project, 'tsconfig.json'), include: ['probe.ts'] }));
  const r = spawnSync(process.execPath, [tsc, '-p', dir, '--noEmit', '--pretty', 'false'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 2) throw new Error(`tsc failed to run (${r.status}): ${r.stderr}`);
  return [...r.stdout.matchAll(/probe\.ts\(\d+,\d+\): error (TS\d+): Cannot find name '(\w+)'/g)].map((m) => `${m[2]} ${m[1]}`);
}

const NODE_GLOBALS = `export const env = process.env.HOME;\nexport const bytes = Buffer.from('x');\n`;

describe('one tsconfig per process', () => {
  it('a renderer file using process or Buffer fails the type check', () => {
    const errors = typecheckAs('renderer', 'node', NODE_GLOBALS);
    expect(errors.map((e) => e.split(' ')[0])).toEqual(['process', 'Buffer']);
  });

  it('the renderer still has the DOM', () => {
    expect(typecheckAs('renderer', 'dom', `export const title = document.title + window.location.href;\n`)).toEqual([]);
  });

  it('a shared file using Node or DOM globals fails the type check', () => {
    const errors = typecheckAs('shared', 'both', `${NODE_GLOBALS}export const title = document.title;\n`);
    expect(errors.map((e) => e.split(' ')[0])).toEqual(['process', 'Buffer', 'document']);
  });

  it('the same Node code passes under electron/ (so the failures above come from the globals, not the probe)', () => {
    expect(typecheckAs('electron', 'node', NODE_GLOBALS)).toEqual([]);
    expect(typecheckAs('electron', 'dom', `export const title = document.title;\n`)).toEqual(['document TS2584']);
  });

  it("no file of the renderer's real program brings Node's types in through an import", () => {
    const r = spawnSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'renderer'), '--listFilesOnly'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const files = r.stdout.split('\n').filter(Boolean);
    expect(files.some((f) => f.includes('/renderer/src/'))).toBe(true);
    expect(files.filter((f) => f.includes('@types/node'))).toEqual([]);
  });
});

describe('lint: the core never reaches into the Electron shell', () => {
  // The repository's eslint.config.js as is, minus type information: a probe
  // text is in no tsconfig, and the boundary rules need none.
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
  const lintCore = async (code: string, file = 'electron/core/deadlines/probe.ts'): Promise<string[]> => {
    const [r] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
    return r!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };

  it.each([
    ["import { registerIpc } from '../main/ipc';\nexport const r = registerIpc;\n", 'electron/core/probe.ts'],
    ["import type { Layout } from '../../main/paths';\nexport type L = Layout;\n", 'electron/core/deadlines/probe.ts'],
    ["export * from '../../main/menu';\n", 'electron/core/deadlines/probe.ts'],
    ["export { appLayout } from '../../../electron/main/paths';\n", 'electron/core/forms/service/probe.ts'],
  ])('refuses %j', async (code, file) => {
    const messages = await lintCore(code, file);
    expect(messages.some((m) => m.startsWith('no-restricted-imports:') && m.includes('electron/main'))).toBe(true);
  });

  it('refuses a dynamic import of the shell', async () => {
    expect(await lintCore("export const load = () => import('../main/ipc');\n", 'electron/core/probe.ts')).toEqual([
      'no-restricted-syntax: The core never imports the Electron shell (electron/main).',
    ]);
  });

  it('refuses the electron package itself', async () => {
    const messages = await lintCore("import { app } from 'electron';\nexport const a = app;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: .*never imports Electron/);
  });

  it('allows the core its own modules, even ones whose names start with "main"', async () => {
    expect(
      await lintCore("import { x } from './mainline';\nimport { y } from '../domain/main-rules';\nexport const z = [x, y];\n"),
    ).toEqual([]);
  });

  it('the shell itself may import electron/main', async () => {
    expect(await lintCore("import { appLayout } from './paths';\nexport const l = appLayout;\n", 'electron/main/probe.ts')).toEqual([]);
  });
});
