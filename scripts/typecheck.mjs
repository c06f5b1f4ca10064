#!/usr/bin/env node
/**
 * `npm run typecheck`: one `tsc` per process, each with only the globals that
 * process really has, so a renderer file using `process` or `Buffer`, or a
 * shared/ file using either or `window`, fails here instead of at run time:
 *   shared/    neither Node nor DOM          renderer/  DOM, no Node
 *   electron/  Node, no DOM                  tests/     Node and DOM (page.evaluate)
 *   tsconfig.tools.json: vite/vitest configs and the scripts' type declarations
 * Two at a time: the build machines have two cores.
 * Usage: node scripts/typecheck.mjs [project…]   (default: all)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECTS = ['shared', 'renderer', 'electron', 'tests', 'tsconfig.tools.json'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function check(project) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty', 'false'], { cwd: root });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => done({ project, code, out }));
  });
}

async function main(projects) {
  const queue = [...projects];
  const results = [];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const r = await check(p);
      results.push(r);
      process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} tsc -p ${p}\n${r.out}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

const wanted = process.argv.slice(2);
process.exitCode = await main(wanted.length ? wanted : PROJECTS);
