#!/usr/bin/env node
/**
 * Every esbuild bundle of the app, and a cheap "is it fresh?" check so callers
 * rebuild only what changed:
 *   main    electron/main/main.ts        -> dist/electron/main.cjs    (Electron main process)
 *   preload electron/preload/preload.ts  -> dist/electron/preload.cjs (sandboxed preload: only `electron`)
 *   host    electron/host/host-entry.ts  -> dist/electron/host.cjs    (the core's own process, plain Node)
 *   cli     electron/core/cli.ts         -> dist/cli/amparo.mjs       (`npm run amparo`; ESM + chunks beside it)
 *
 * Why bundle the CLI and the host: tsx transpiles the whole core on every
 * start (seconds of CPU per CLI call); a bundle starts like any Node script.
 *
 * Freshness: each build keeps, beside its output, `<out>.inputs.json`: every
 * file esbuild read (from its metafile) with its mtime and size, plus the files
 * that change a build without being read by it (this script, tsconfig.json,
 * node_modules/.package-lock.json, which npm rewrites on every install: npm
 * gives package files a fixed mtime, so their own mtimes prove nothing). A
 * bundle is stale when its output or stamp is missing, or any recorded file is
 * missing or differs. The check only stats files and never loads esbuild, so
 * a fresh CLI starts in milliseconds.
 *
 * Outputs are written to a temp name and renamed, so a process starting the
 * bundle while another rebuilds it never reads half a file.
 *
 * Usage: node scripts/bundles.mjs [--force] [name…]   (default: every bundle)
 * From Node: `await ensureBundles(['host'])`.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Native and wasm-loading packages: required from node_modules at run time, never bundled. */
export const NODE_EXTERNALS = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@neslinesli93/qpdf-wasm'];
/** The main process also requires `electron`, which only the Electron runtime provides. */
export const MAIN_EXTERNALS = ['electron', ...NODE_EXTERNALS];

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' };
const toPosix = (p) => p.split(sep).join('/');

/**
 * Rewrites `import.meta.url|dirname|filename` in every bundled file to the
 * file's original location: `<bundle folder>/<relative way back to the app
 * root>/<source path>`. Paths are resolved at run time, so they hold wherever
 * the app folder is (checkout, app.asar), e.g.
 *   new URL('../../../resources/', import.meta.url)   // electron/core/forms/…
 * keeps pointing at <app>/resources/.
 */
export function sourceMetaPlugin({ root: appRoot, outDir }) {
  const back = toPosix(relative(outDir, appRoot)) || '.';
  return {
    name: 'amparo-source-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const src = toPosix(relative(appRoot, args.path));
        if (src.startsWith('..')) return undefined;
        const file = `require("node:path").join(__dirname, ${JSON.stringify(back)}, ${JSON.stringify(src)})`;
        const contents = text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_m, prop) => {
          if (prop === 'filename') return `(${file})`;
          if (prop === 'dirname') return `require("node:path").dirname(${file})`;
          return `require("node:url").pathToFileURL(${file}).href`;
        });
        return { contents, loader: LOADERS[extname(args.path)] ?? 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * The CLI's entry: cli.ts runs itself only when it is process.argv[1], which a
 * bundle never is, so the bundle starts it here. A rejection (a bug: commands
 * report their own errors) still ends the process with the CLI's error code.
 */
const CLI_ENTRY = `import { runCli } from './electron/core/cli';
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(4); },
);`;

/**
 * ESM output gets CommonJS's free names back: bundled CommonJS packages call
 * `require` for Node built-ins, and sourceMetaPlugin's rewrites use
 * `require` and `__dirname` (the output file's folder, as in a .cjs bundle).
 */
const ESM_BANNER = [
  'import { createRequire as __amparoCreateRequire } from "node:module";',
  'import { fileURLToPath as __amparoFileURLToPath } from "node:url";',
  'import { dirname as __amparoDirname } from "node:path";',
  'const require = __amparoCreateRequire(import.meta.url);',
  'const __filename = __amparoFileURLToPath(import.meta.url);',
  'const __dirname = __amparoDirname(__filename);',
].join(' ');

/** name -> where it comes from, where it goes, and how it runs. Paths relative to the app root. */
export const BUNDLES = {
  main: {
    entry: 'electron/main/main.ts',
    dir: 'dist/electron',
    file: 'main.cjs',
    runtime: 'node',
    target: 'node22',
    external: MAIN_EXTERNALS,
  },
  preload: { entry: 'electron/preload/preload.ts', dir: 'dist/electron', file: 'preload.cjs', runtime: 'preload', external: ['electron'] },
  host: { entry: 'electron/host/host-entry.ts', dir: 'dist/electron', file: 'host.cjs', runtime: 'node', external: NODE_EXTERNALS },
  // ESM, split per command group (chunks beside it): `deadline` loads a few
  // kilobytes, not the 5 MB of SQLite glue, pdf-lib and fontkit the vault and
  // form commands need. esbuild splits only ESM output.
  cli: { virtualEntry: CLI_ENTRY, dir: 'dist/cli', file: 'amparo.mjs', runtime: 'node-esm-split', external: NODE_EXTERNALS },
};
export const BUNDLE_NAMES = Object.keys(BUNDLES);

/** Read by esbuild or changing what it writes, but absent from its metafile. */
const CONFIG_FILES = [fileURLToPath(import.meta.url), join(ROOT, 'tsconfig.json'), join(ROOT, 'node_modules/.package-lock.json')];

function spec(name) {
  const s = BUNDLES[name];
  if (!s) throw new Error(`unknown bundle '${name}' (known: ${BUNDLE_NAMES.join(', ')})`);
  return s;
}

/** Absolute output path of a bundle; `outDir` replaces its default folder (tests build elsewhere). */
export function bundlePath(name, { outDir } = {}) {
  const s = spec(name);
  return join(outDir ?? join(ROOT, s.dir), s.file);
}

const stampPath = (out) => `${out}.inputs.json`;

function fileState(path) {
  try {
    const st = statSync(path);
    return [st.mtimeMs, st.size];
  } catch {
    return null;
  }
}

/** Why a bundle must be rebuilt, or null when its output matches every input it was built from. */
export function staleReason(name, opts = {}) {
  const out = bundlePath(name, opts);
  if (!fileState(out)) return `${relative(ROOT, out)} is missing`;
  const stamp = readStamp(out);
  if (!stamp?.files) return 'no record of its inputs';
  for (const path of stamp.outputs ?? []) if (!fileState(path)) return `${relative(ROOT, path)} is missing`;
  for (const [path, recorded] of Object.entries(stamp.files ?? {})) {
    const now = fileState(path);
    if (!now) return `${relative(ROOT, path)} is gone`;
    if (now[0] !== recorded[0] || now[1] !== recorded[1]) return `${relative(ROOT, path)} changed`;
  }
  return null;
}

const VIRTUAL_NS = 'amparo-virtual-entry';

/** Serves a bundle's generated entry (`virtualEntry`) as if it were a file at the app root. */
function virtualEntryPlugin(contents) {
  return {
    name: VIRTUAL_NS,
    setup(b) {
      b.onResolve({ filter: /^amparo-virtual-entry$/ }, () => ({ path: 'entry.ts', namespace: VIRTUAL_NS }));
      b.onLoad({ filter: /.*/, namespace: VIRTUAL_NS }, () => ({ contents, loader: 'ts', resolveDir: ROOT }));
    },
  };
}

function esbuildOptions(name, outDir, logLevel) {
  const s = spec(name);
  const out = bundlePath(name, { outDir });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    entryPoints: [join(ROOT, s.entry ?? '')],
    external: s.external,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel,
    metafile: true,
    write: false,
    tsconfig: join(ROOT, 'tsconfig.json'),
  };
  // Sandboxed preloads run in the renderer's Chromium; nothing there has import.meta or Node.
  if (s.runtime === 'preload') return { ...common, target: 'chrome130' };
  // The host and the CLI also run on plain Node 20 (package.json engines); main only in Electron.
  const node = { ...common, target: s.target ?? 'node20', plugins: [sourceMetaPlugin({ root: ROOT, outDir: dirname(out) })] };
  if (s.runtime === 'node-esm-split') {
    const { outfile: _single, ...rest } = node;
    return {
      ...rest,
      format: 'esm',
      splitting: true,
      outdir: dirname(out),
      entryPoints: { [basename(out, '.mjs')]: 'amparo-virtual-entry' },
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      plugins: [virtualEntryPlugin(s.virtualEntry), ...node.plugins],
      banner: { js: ESM_BANNER },
    };
  }
  return {
    ...node,
    // Fallback for any import.meta the plugin did not see: the bundle's own location.
    define: {
      'import.meta.url': '__amparo_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    banner: { js: 'const __amparo_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  };
}

function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

function readStamp(out) {
  try {
    return JSON.parse(readFileSync(stampPath(out), 'utf8'));
  } catch {
    return null;
  }
}

async function buildOne(build, name, outDir, logLevel) {
  const started = Date.now();
  const result = await build(esbuildOptions(name, outDir, logLevel));
  if (result.errors.length > 0) throw new Error(`esbuild reported ${result.errors.length} error(s) for ${name}`);
  const out = bundlePath(name, { outDir });
  // A file edited while esbuild ran may or may not be in the output: record
  // an impossible state for it, so the next check rebuilds.
  // (A file dated in the future, clock skew, is recorded as is: never an endless rebuild.)
  const finished = Date.now();
  const files = {};
  for (const input of [...Object.keys(result.metafile.inputs).map((p) => resolve(ROOT, p)), ...CONFIG_FILES]) {
    const state = input.includes(VIRTUAL_NS) ? null : fileState(input);
    if (state) files[input] = state[0] >= started - 1000 && state[0] <= finished ? [0, -1] : state;
  }
  // Chunks and maps first, the entry second, the stamp last: nothing points at a file not yet written.
  const ordered = [...result.outputFiles].sort((a, b) => Number(a.path === out) - Number(b.path === out));
  for (const f of ordered) writeAtomic(f.path, f.contents);
  const outputs = ordered.map((f) => f.path);
  const previous = readStamp(out);
  // Chunk names carry a content hash, so old chunks pile up. Those of the
  // previous build stay one more generation (a CLI started just before this
  // build may still import them); older ones go. Only files a build of ours wrote.
  const retired = (previous?.outputs ?? []).filter((p) => !outputs.includes(p));
  writeAtomic(stampPath(out), JSON.stringify({ bundle: name, outputs, retired, files }));
  for (const old of previous?.retired ?? []) if (!outputs.includes(old) && !retired.includes(old)) rmSync(old, { force: true });
  return out;
}

/** Builds the named bundles (in parallel) and records their inputs. Returns name -> entry output path. */
export async function buildBundles(names = BUNDLE_NAMES, { outDir, logLevel = 'warning' } = {}) {
  // Loaded only when something must be built: a fresh `npm run amparo` never pays for esbuild.
  const { build } = await import('esbuild');
  const built = await Promise.all(names.map(async (name) => [name, await buildOne(build, name, outDir, logLevel)]));
  return Object.fromEntries(built);
}

/**
 * Rebuilds the named bundles that are stale (default: all), in this process,
 * before returning. Resolves to { built, fresh } name lists.
 */
export async function ensureBundles(names = BUNDLE_NAMES, { outDir, logLevel = 'warning', force = false } = {}) {
  const stale = names.filter((n) => force || staleReason(n, { outDir }) !== null);
  if (stale.length > 0) await buildBundles(stale, { outDir, logLevel });
  return { built: stale, fresh: names.filter((n) => !stale.includes(n)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('-'));
  ensureBundles(names.length ? names : BUNDLE_NAMES, { force: args.includes('--force') })
    .then(({ built, fresh }) => {
      for (const n of built) console.log(`built ${relative(ROOT, bundlePath(n))}`);
      for (const n of fresh) console.log(`fresh ${relative(ROOT, bundlePath(n))}`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
