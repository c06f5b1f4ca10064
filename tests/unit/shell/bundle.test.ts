/**
 * The real bundles, built here with scripts/build-electron.mjs. The preload is
 * run in a bare VM context whose `require` knows only `electron`; the main
 * bundle is run against a recording stand-in for `electron`
 * (fixtures/fake-electron.cjs), since the Electron runtime cannot be installed
 * on the build machines. Opening a real window is the one thing left untested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
// Inside the checkout so the bundle's externals resolve from node_modules.
const work = join(root, '.tmp', `shell-bundle-${process.pid}`);
const outDir = join(work, 'electron');
const fakeElectron = join(import.meta.dirname, 'fixtures', 'fake-electron.cjs');

// esbuild emits every real require with double quotes; single-quoted ones are
// text inside bundled error messages (iconv-lite quotes `require('iconv-lite')`).
function requiresOf(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--out-dir', outDir], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-electron failed:\n${r.stdout}\n${r.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/build-electron.mjs', () => {
  it('produces both CommonJS bundles', () => {
    for (const f of ['main.cjs', 'preload.cjs']) {
      const code = readFileSync(join(outDir, f), 'utf8');
      expect(code.length).toBeGreaterThan(100);
      expect(code).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('the preload requires nothing but electron', () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    expect(requiresOf(code)).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\(/);
    // No core, no zod, no contract in the renderer's process.
    expect(code).not.toMatch(/better-sqlite3|zod|createCore/);
  });

  it('the main bundle keeps native/wasm packages external and bundles the rest', () => {
    const code = readFileSync(join(outDir, 'main.cjs'), 'utf8');
    const external = requiresOf(code).filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    // The main process never opens the database: the core runs in the host bundle.
    expect(external).toContain('electron');
    expect(external).not.toContain('better-sqlite3-multiple-ciphers');
    const host = readFileSync(join(outDir, 'host.cjs'), 'utf8');
    expect(requiresOf(host)).toContain('better-sqlite3-multiple-ciphers');
    expect(requiresOf(host)).not.toContain('electron');
    // Anything else required at run time would be missing from the asar's node_modules or bypass the bundle.
    const allowed = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@neslinesli93/qpdf-wasm'];
    for (const m of external) expect(allowed, m).toContain(m);
    // import.meta is mapped to CommonJS equivalents; none is left to be `undefined` at run time.
    expect(code).not.toMatch(/import\.meta/);
  });
});

describe('import.meta in the CommonJS bundle', () => {
  it('still names the original source file, so paths relative to it (resources/) hold', async () => {
    const { sourceMetaPlugin } = (await import(join(root, 'scripts/build-electron.mjs'))) as {
      sourceMetaPlugin(o: { root: string; outDir: string }): Plugin;
    };
    const probeOut = join(work, 'probe', 'dist', 'electron');
    await build({
      entryPoints: [join(import.meta.dirname, 'fixtures', 'meta-probe.ts')],
      outfile: join(probeOut, 'probe.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
      plugins: [sourceMetaPlugin({ root, outDir: probeOut })],
    });
    const r = spawnSync(process.execPath, [join(probeOut, 'probe.cjs')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as Record<string, string>;
    const src = join(import.meta.dirname, 'fixtures', 'meta-probe.ts');
    expect(got.filename).toBe(src);
    expect(got.dirname).toBe(join(import.meta.dirname, 'fixtures'));
    expect(got.url).toBe(pathToFileURL(src).href);
    expect(got.resources).toBe(join(root, 'resources') + sep);
  });
});

describe('preload bundle, run sandbox-style', () => {
  it('exposes exactly window.amparo.call + saveFile + platform, forwarding a fixed number of arguments to one channel each', async () => {
    const exposed: Record<string, unknown> = {};
    const invocations: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invocations.push(args);
          return Promise.resolve({ ok: true, value: 'pong' });
        },
      },
    };
    const module = { exports: {} };
    const required: string[] = [];
    const sandbox = {
      module,
      exports: module.exports,
      process: { platform: 'linux' },
      require: (id: string) => {
        required.push(id);
        if (id === 'electron') return electron;
        throw new Error(`sandboxed preload may not require ${id}`);
      },
    };
    vm.runInNewContext(readFileSync(join(outDir, 'preload.cjs'), 'utf8'), sandbox);

    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['amparo']);
    const api = exposed.amparo as { call: (...a: unknown[]) => Promise<unknown>; platform: string };
    expect(Object.keys(api).sort()).toEqual(['call', 'platform', 'saveFile']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.platform).toBe('linux');
    await expect(api.call('vault.status', { a: 1 }, 'extra', 'args')).resolves.toEqual({ ok: true, value: 'pong' });
    expect(invocations).toEqual([['amparo:call', 'vault.status', { a: 1 }]]);
    const save = (exposed.amparo as { saveFile: (...a: unknown[]) => Promise<unknown> }).saveFile;
    await save('a.pdf', 'JVBERg==', 'application/pdf', 'extra');
    expect(invocations[1]).toEqual(['amparo:save-file', 'a.pdf', 'JVBERg==', 'application/pdf']);
  });
});

interface HarnessOut {
  calls: unknown[][];
  [k: string]: unknown;
}

function runMain(env: Record<string, string> = {}): HarnessOut {
  const app = join(work, 'app');
  const appData = join(work, 'appdata');
  const data = join(work, 'data');
  mkdirSync(join(app, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Amparo</title>');
  writeFileSync(join(app, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(app, 'dist', 'secret.txt'), 'outside the renderer folder');
  mkdirSync(join(appData, 'Amparo', 'crash-dumps'), { recursive: true });
  writeFileSync(join(appData, 'Amparo', 'crash-dumps', 'old.dmp'), 'memory');
  const r = spawnSync(process.execPath, [fakeElectron, join(outDir, 'main.cjs'), app, appData, `--data-dir=${data}`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`fake electron run failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as HarnessOut;
}

describe('main bundle wired into a stand-in electron', () => {
  let dev: HarnessOut;
  let packaged: HarnessOut;
  beforeAll(() => {
    dev = runMain();
    packaged = runMain({ FAKE_PACKAGED: '1' });
  });

  it('sets names and paths, empties the crash-dump folder, and never starts a crash reporter', () => {
    const appData = join(work, 'appdata');
    expect(packaged.calls).toContainEqual(['setName', 'Amparo']);
    expect(packaged.calls).toContainEqual(['setPath', 'userData', join(appData, 'Amparo')]);
    expect(packaged.calls).toContainEqual(['setPath', 'crashDumps', join(appData, 'Amparo', 'crash-dumps')]);
    expect(readdirSync(join(appData, 'Amparo', 'crash-dumps'))).toEqual([]);
    expect(readFileSync(join(outDir, 'main.cjs'), 'utf8')).not.toMatch(/crashReporter\.start|autoUpdater|setFeedURL/);
  });

  it('registers the privileged scheme and enables the sandbox for all renderers', () => {
    expect(packaged.calls).toContainEqual(['enableSandbox']);
    const reg = packaged.calls.find((c) => c[0] === 'registerSchemesAsPrivileged');
    expect(reg?.[1]).toEqual([
      expect.objectContaining({
        scheme: 'amparo',
        privileges: expect.objectContaining({ standard: true, secure: true, corsEnabled: false }),
      }),
    ]);
  });

  it('serves dist/renderer through amparo://app with the CSP, and nothing outside it', () => {
    const p = packaged.protocol as Record<string, { status: number; type: string | null; csp: string | null; body: string | null }>;
    expect(p['amparo://app/index.html']).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Amparo</title>',
    });
    expect(p['amparo://app/index.html']!.csp).toContain("default-src 'none'");
    expect(p['amparo://app/cases/42']).toMatchObject({ status: 200, body: '<!doctype html><title>Amparo</title>' });
    expect(p['amparo://app/assets/app.js']).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(p['amparo://app/assets/missing.js']!.status).toBe(404);
    expect(p['amparo://app/%2e%2e/secret.txt']!.status).toBe(404);
    expect(p['amparo://app/assets/..%2f..%2fsecret.txt']!.status).toBe(404);
    expect(p['amparo://evil/index.html']!.status).toBe(404);
    expect(p.POST!.status).toBe(405);
    for (const r of Object.values(p)) expect(r.body ?? '').not.toContain('outside the renderer folder');
  });

  it('cancels every network request on every session; DevTools only in developer runs', () => {
    expect(packaged.requests).toEqual({
      'amparo://app/index.html': false,
      'https://example.com/': true,
      'http://127.0.0.1:8080/': true,
      'file:///etc/passwd': true,
      'devtools://devtools/bundled/inspector.html': true,
    });
    expect((dev.requests as Record<string, boolean>)['devtools://devtools/bundled/inspector.html']).toBe(false);
    expect(packaged.defaultSessionFiltersRequests).toBe(true);
  });

  it('denies every permission, downloads, spellcheck', () => {
    expect(packaged.permissions).toEqual({ request: false, check: false, device: false });
    expect(packaged.downloadPrevented).toBe(true);
    expect(packaged.spellcheck).toEqual({ default: false, ui: false });
  });

  it('blocks navigation away from the app, webviews and new windows', () => {
    expect(packaged.navigation).toEqual({
      external: true,
      file: true,
      inApp: false,
      frame: true,
      redirect: true,
      webview: true,
      windowOpen: { action: 'deny' },
    });
  });

  it('opens one hidden window with hardened preferences and shows it when ready', () => {
    const w = packaged.window as {
      count: number;
      loaded: string;
      webPreferences: Record<string, unknown>;
      show: boolean;
      shownAfterReady: boolean;
    };
    expect(w.count).toBe(1);
    expect(w.loaded).toBe('amparo://app/index.html');
    expect(w.show).toBe(false);
    expect(w.shownAfterReady).toBe(true);
    expect(w.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      partition: 'amparo-ui',
    });
    expect(String(w.webPreferences.preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect((dev.window as { webPreferences: { devTools: boolean } }).webPreferences.devTools).toBe(true);
  });

  it('answers IPC through the core for the app frame only', () => {
    const ipc = packaged.ipc as Record<string, { ok: boolean; value?: { location?: string }; error?: { code: string } }>;
    expect(packaged.ipcChannels).toEqual(['amparo:call', 'amparo:save-file']);
    expect(ipc.status).toMatchObject({ ok: true, value: { exists: false, unlocked: false, location: join(work, 'data') } });
    expect(ipc.statusNoInput!.ok).toBe(true);
    expect(ipc.foreign!.error!.code).toBe('FORBIDDEN');
    expect(ipc.subframe!.error!.code).toBe('FORBIDDEN');
    expect(ipc.noFrame!.error!.code).toBe('FORBIDDEN');
    expect(ipc.unknown!.error!.code).toBe('INVALID_INPUT');
    expect(ipc.arrayInput!.error!.code).toBe('INVALID_INPUT');
    expect(ipc.coreRejects!.error!.code).toBe('INVALID_INPUT');
    expect(ipc.notFound!.error!.code).toBe('VAULT_NOT_FOUND');
  });

  it('runs the core in a utilityProcess; each lock (menu, sleep) replaces it; quit waits for it to end', () => {
    expect(packaged.calls).toContainEqual(['utilityProcess.fork', join('dist', 'electron', 'host.cjs'), 'Amparo core']);
    expect(packaged.hostForks).toBe(3);
    expect(packaged.hostsAlive).toBe(0);
    expect(packaged.quitPrevented).toBe(true);
    expect(packaged.secondQuitPrevented).toBeUndefined();
  });

  it('Lock (menu or sleep) reloads the window; a second launch focuses it; closing quits', () => {
    expect(packaged.reloadsAfterLock).toBe(2);
    expect(packaged.urlAfterLock).toBe('amparo://app/index.html');
    expect(packaged.focusedOnSecondInstance).toBe(true);
    // Once when the last window closes, once more when the host has closed the vault.
    expect(packaged.calls.filter((c) => c[0] === 'quit')).toHaveLength(2);
    const menu = JSON.stringify(packaged.menu);
    expect(menu).not.toMatch(/toggleDevTools|"reload"/);
    expect(JSON.stringify(dev.menu)).toMatch(/toggleDevTools/);
  });

  it('a second instance quits at once, before registering anything', () => {
    const second = runMain({ FAKE_LOCK: '0' });
    expect(second.calls.map((c) => c[0])).toEqual(['setName', 'setPath', 'quit']);
    expect(second.ipcChannels).toEqual([]);
    expect(existsSync(join(outDir, 'main.cjs'))).toBe(true);
  });
});
