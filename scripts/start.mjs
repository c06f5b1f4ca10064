#!/usr/bin/env node
/**
 * `npm start`: build, then run the desktop app from this checkout.
 *
 * 1. Refuses early, with a plain explanation, when Electron's runtime binary is
 *    not installed (this happens on machines where it cannot be downloaded).
 * 2. `npm run build` (renderer with Vite, main + preload with esbuild).
 * 3. better-sqlite3-multiple-ciphers is a native module. node_modules holds the
 *    build for Node's ABI, which tests, the CLI and the harness use. Electron
 *    needs its own: a copy is compiled once per Electron version into
 *    .electron-native/<electron version>/ and handed to the app through
 *    AMPARO_NATIVE_BINDING (read by electron/core/db/connection.ts).
 *    Packaged builds do not need this: electron-builder rebuilds native deps.
 *    @node-rs/argon2 is N-API (ABI-stable) and needs nothing.
 * 4. Starts Electron; extra arguments are passed through:
 *      npm start -- --data-dir=/tmp/amparo-demo
 *
 * Flags of this script: --skip-build (reuse dist/), --rebuild-native.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_PKG = 'better-sqlite3-multiple-ciphers';
const OWN_FLAGS = new Set(['--skip-build', '--rebuild-native']);

// `npx electron --version` would crash here (the binary is what is missing).
// Electron is an optional dependency: when its download fails, npm removes the
// package and a later `npm install` tries again; when the download was skipped
// on purpose, the package is there and its own installer fetches the binary.
export const MISSING_ELECTRON_MESSAGE = [
  "Electron's runtime is not installed (it is an optional dependency: its download failed, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).",
  'With network access, run `npm install` again (it retries the download), or `node node_modules/electron/install.js`',
  'if you installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; then `npm start`.',
  'Or use `npm run start:browser` to run the same app in a browser on this machine.',
].join('\n');

/** The Electron executable the `electron` package points at, or null when it is not installed. */
export function findElectronBinary(root = ROOT, env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  if (rel === '') return null;
  const bin = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(pkgDir, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

export function electronVersion(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Where the Electron-ABI copy of the native module lives, and its .node file. */
export function nativeBuildPaths(root, version) {
  const dir = join(root, '.electron-native', version, NATIVE_PKG);
  return { dir, binding: join(dir, 'build', 'Release', 'better_sqlite3.node'), stamp: join(dir, '.amparo-build.json') };
}

/** Copies the package (sources, no build output) and compiles it against Electron's headers. */
export function ensureElectronNative(root, version, { force = false, log = console.log } = {}) {
  const source = join(root, 'node_modules', NATIVE_PKG);
  const pkgVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const paths = nativeBuildPaths(root, version);
  const wanted = { electron: version, [NATIVE_PKG]: pkgVersion, platform: process.platform, arch: process.arch };
  if (!force && existsSync(paths.binding) && existsSync(paths.stamp)) {
    try {
      const have = JSON.parse(readFileSync(paths.stamp, 'utf8'));
      if (Object.entries(wanted).every(([k, v]) => have[k] === v)) return paths.binding;
    } catch {
      // unreadable stamp: rebuild
    }
  }
  log(`Building ${NATIVE_PKG} ${pkgVersion} for Electron ${version} (once per version; about a minute)…`);
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.dir, { recursive: true });
  cpSync(source, paths.dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(source, src);
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
    },
  });
  const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!existsSync(nodeGyp)) throw new Error('node-gyp is not installed in node_modules; cannot build the native module for Electron.');
  const r = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: paths.dir, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version } },
  );
  if (r.status !== 0 || !existsSync(paths.binding)) {
    throw new Error(
      `Building ${NATIVE_PKG} for Electron ${version} failed (node-gyp exit ${r.status ?? r.signal}). It needs a C++ toolchain, Python, and network access to electronjs.org/headers once.`,
    );
  }
  writeFileSync(paths.stamp, JSON.stringify(wanted, null, 2));
  return paths.binding;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export async function main(argv = process.argv.slice(2)) {
  const electron = findElectronBinary();
  if (!electron) {
    console.error(MISSING_ELECTRON_MESSAGE);
    return 1;
  }
  if (!argv.includes('--skip-build')) run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);

  let binding;
  try {
    binding = ensureElectronNative(ROOT, electronVersion(), { force: argv.includes('--rebuild-native') });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }

  const env = { ...process.env, AMPARO_NATIVE_BINDING: binding };
  // Never let a stray variable turn the app into a plain Node process.
  delete env.ELECTRON_RUN_AS_NODE;
  const passThrough = argv.filter((a) => !OWN_FLAGS.has(a));
  const child = spawn(electron, [ROOT, ...passThrough], { cwd: ROOT, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return await new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(`Could not start Electron: ${e.message}`);
      resolveExit(1);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code));
}
