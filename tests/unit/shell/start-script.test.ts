/**
 * scripts/start.mjs. The Electron runtime is not installed on the build
 * machines, so the real launch cannot run here; the decisions around it can.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const scriptPath = join(root, 'scripts', 'start.mjs');

interface StartModule {
  MISSING_ELECTRON_MESSAGE: string;
  findElectronBinary(root: string, env?: Record<string, string | undefined>): string | null;
  nativeBuildPaths(root: string, version: string): { dir: string; binding: string; stamp: string };
  ensureElectronNative(root: string, version: string, opts?: { force?: boolean; log?: (s: string) => void }): string;
}
const load = async () => (await import(scriptPath)) as StartModule;

const temps: string[] = [];
function fakeRoot(): string {
  const d = mkdtempSync(join(tmpdir(), 'amparo-start-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('is null when path.txt is missing, empty, or names a missing file', async () => {
    const { findElectronBinary } = await load();
    const r = fakeRoot();
    const pkg = join(r, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    expect(findElectronBinary(r, {})).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), '');
    expect(findElectronBinary(r, {})).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(r, {})).toBeNull();
  });

  it('finds the binary in dist/, or under ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const { findElectronBinary } = await load();
    const r = fakeRoot();
    const pkg = join(r, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(r, {})).toBe(join(pkg, 'dist', 'electron'));
    const override = join(r, 'custom');
    mkdirSync(override);
    expect(findElectronBinary(r, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(r, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});

describe('npm start without the Electron runtime', () => {
  it('explains what is missing and exits 1 without building anything', async () => {
    const { findElectronBinary, MISSING_ELECTRON_MESSAGE } = await load();
    if (findElectronBinary(root, process.env) !== null) return; // a machine with Electron: nothing to check here
    const r = spawnSync(process.execPath, [scriptPath], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Electron's runtime is not installed");
    expect(r.stderr).toContain('npm run start:browser');
    expect(r.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(r.stdout).toBe('');
  });
});

describe('the advice when Electron is missing', () => {
  it('never suggests running the missing binary, and names an installer script that exists', async () => {
    const { MISSING_ELECTRON_MESSAGE } = await load();
    // `npx electron …` runs the binary that is missing and crashes with a stack trace.
    expect(MISSING_ELECTRON_MESSAGE).not.toMatch(/npx electron/);
    const script = /`node (node_modules\/electron\/[^`]+)`/.exec(MISSING_ELECTRON_MESSAGE)?.[1];
    expect(script).toBe('node_modules/electron/install.js');
    // That is the package's own postinstall step (npm removes the package when it fails, hence `npm install` first).
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }>;
    };
    expect(lock.packages['node_modules/electron']).toMatchObject({ hasInstallScript: true, optional: true });
    if (existsSync(join(root, 'node_modules/electron/package.json'))) {
      const pkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
        scripts: { postinstall: string };
      };
      expect(pkg.scripts.postinstall).toBe('node install.js');
    }
    expect(MISSING_ELECTRON_MESSAGE).toContain('`npm install` again');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run start:browser');
  });
});

describe('the Electron-ABI copy of the native module', () => {
  function withPackage(): string {
    const r = fakeRoot();
    const src = join(r, 'node_modules', 'better-sqlite3-multiple-ciphers');
    mkdirSync(join(src, 'build', 'Release'), { recursive: true });
    writeFileSync(join(src, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.11.1' }));
    writeFileSync(join(src, 'binding.gyp'), '{}');
    writeFileSync(join(src, 'build', 'Release', 'better_sqlite3.node'), 'node-abi build');
    return r;
  }

  it('lives in .electron-native/<electron version>/, away from the Node build in node_modules', async () => {
    const { nativeBuildPaths } = await load();
    const p = nativeBuildPaths('/repo', '41.7.1');
    expect(p.binding).toBe(
      join('/repo', '.electron-native', '41.7.1', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    );
  });

  it('is reused when its stamp matches', async () => {
    const { ensureElectronNative, nativeBuildPaths } = await load();
    const r = withPackage();
    const p = nativeBuildPaths(r, '41.7.1');
    mkdirSync(join(p.dir, 'build', 'Release'), { recursive: true });
    writeFileSync(p.binding, 'electron-abi build');
    writeFileSync(
      p.stamp,
      JSON.stringify({ electron: '41.7.1', 'better-sqlite3-multiple-ciphers': '12.11.1', platform: process.platform, arch: process.arch }),
    );
    const logs: string[] = [];
    expect(ensureElectronNative(r, '41.7.1', { log: (s) => logs.push(s) })).toBe(p.binding);
    expect(logs).toEqual([]);
    expect(readFileSync(p.binding, 'utf8')).toBe('electron-abi build');
  });

  it('is rebuilt from a clean copy (without the Node build) when the stamp is stale, and fails clearly without node-gyp', async () => {
    const { ensureElectronNative, nativeBuildPaths } = await load();
    const r = withPackage();
    const p = nativeBuildPaths(r, '41.7.1');
    mkdirSync(join(p.dir, 'build', 'Release'), { recursive: true });
    writeFileSync(p.binding, 'old');
    writeFileSync(p.stamp, JSON.stringify({ electron: '40.0.0' }));
    const logs: string[] = [];
    expect(() => ensureElectronNative(r, '41.7.1', { log: (s) => logs.push(s) })).toThrow(/node-gyp is not installed/);
    expect(logs.join('\n')).toMatch(/Building better-sqlite3-multiple-ciphers 12.11.1 for Electron 41.7.1/);
    expect(existsSync(join(p.dir, 'binding.gyp'))).toBe(true);
    expect(existsSync(join(p.dir, 'build'))).toBe(false);
  });

  it('runs node-gyp against Electron headers for the right version', async () => {
    const { ensureElectronNative, nativeBuildPaths } = await load();
    const r = withPackage();
    // A stand-in node-gyp that records its arguments and "builds" the binding.
    const gyp = join(r, 'node_modules', 'node-gyp', 'bin');
    mkdirSync(gyp, { recursive: true });
    writeFileSync(
      join(gyp, 'node-gyp.js'),
      `const fs=require('fs');fs.mkdirSync('build/Release',{recursive:true});fs.writeFileSync('build/Release/better_sqlite3.node','built');fs.writeFileSync('args.json',JSON.stringify(process.argv.slice(2)));`,
    );
    chmodSync(join(gyp, 'node-gyp.js'), 0o755);
    const binding = ensureElectronNative(r, '41.7.1', { log: () => {} });
    const p = nativeBuildPaths(r, '41.7.1');
    expect(binding).toBe(p.binding);
    const args = JSON.parse(readFileSync(join(p.dir, 'args.json'), 'utf8')) as string[];
    expect(args).toEqual(
      expect.arrayContaining(['rebuild', '--target=41.7.1', '--runtime=electron', '--dist-url=https://electronjs.org/headers']),
    );
    expect(JSON.parse(readFileSync(p.stamp, 'utf8'))).toMatchObject({ electron: '41.7.1', 'better-sqlite3-multiple-ciphers': '12.11.1' });
  });
});
