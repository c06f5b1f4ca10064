#!/usr/bin/env node
/**
 * Bundles the Electron main process and the preload script with esbuild:
 *   electron/main/main.ts       -> dist/electron/main.cjs    (Node, CommonJS)
 *   electron/preload/preload.ts -> dist/electron/preload.cjs (sandboxed preload: CommonJS, only `electron`)
 *
 * Native and wasm-loading packages stay external (required from node_modules at
 * run time; electron-builder rebuilds and unpacks them). Everything else is bundled.
 *
 * The sources are ESM. `import.meta.url/dirname/filename` are rewritten per file
 * (sourceMetaPlugin) to the ORIGINAL source file's location, computed at run time
 * from the bundle's own folder: code such as
 *   new URL('../../../resources/', import.meta.url)   // electron/core/forms/…
 * keeps pointing at <app>/resources/ both from the checkout and inside app.asar.
 *
 * Usage: node scripts/build-electron.mjs [--out-dir DIR]
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Required at run time from node_modules, never bundled. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@neslinesli93/qpdf-wasm'];

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' };
const toPosix = (p) => p.split(sep).join('/');

/**
 * Rewrites `import.meta.url|dirname|filename` in every bundled file to the
 * file's original location: `<bundle folder>/<relative way back to the app
 * root>/<source path>`. Paths are resolved at run time, so they hold wherever
 * the app folder is (checkout, app.asar).
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

export async function buildElectron({ outDir = join(root, 'dist', 'electron'), logLevel = 'warning' } = {}) {
  mkdirSync(outDir, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel,
    tsconfig: join(root, 'tsconfig.json'),
  };

  const main = build({
    ...common,
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(outDir, 'main.cjs'),
    target: 'node22',
    external: MAIN_EXTERNALS,
    plugins: [sourceMetaPlugin({ root, outDir })],
    // Fallback for any import.meta the plugin did not see: the bundle's own location.
    define: {
      'import.meta.url': '__amparo_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    banner: { js: 'const __amparo_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  });

  const preload = build({
    ...common,
    entryPoints: [join(root, 'electron/preload/preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    // Sandboxed preloads run in the renderer's Chromium; only `electron` may be required.
    target: 'chrome130',
    external: ['electron'],
  });

  const [m, p] = await Promise.all([main, preload]);
  const problems = [...m.errors, ...p.errors];
  if (problems.length > 0) throw new Error(`esbuild reported ${problems.length} error(s)`);
  return { main: join(outDir, 'main.cjs'), preload: join(outDir, 'preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out-dir');
  const outDir = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : undefined;
  buildElectron(outDir ? { outDir } : {})
    .then((out) => console.log(`built ${out.main} and ${out.preload}`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
