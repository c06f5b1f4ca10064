import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbPath, defaultUserDataDir } from '../../../electron/core/paths';
import { appLayout, crashDumpsDir, dataDirFromArgv, resolveVaultPath } from '../../../electron/main/paths';

const userDataDir = resolve('/home/ana/.config/Amparo');

describe('resolveVaultPath', () => {
  it('defaults to <userData>/vault/amparo.db', () => {
    expect(resolveVaultPath({ userDataDir })).toBe(join(userDataDir, 'vault', 'amparo.db'));
    expect(resolveVaultPath({ userDataDir, env: {}, argv: ['/usr/bin/amparo'] })).toBe(join(userDataDir, 'vault', 'amparo.db'));
  });

  it('takes a data folder from AMPARO_DATA_DIR', () => {
    expect(resolveVaultPath({ userDataDir, env: { AMPARO_DATA_DIR: '/mnt/usb/clinic' } })).toBe(
      join(resolve('/mnt/usb/clinic'), 'amparo.db'),
    );
  });

  it('takes a data folder from --data-dir=PATH or --data-dir PATH, over the env', () => {
    const env = { AMPARO_DATA_DIR: '/from/env' };
    expect(resolveVaultPath({ userDataDir, env, argv: ['electron', '.', '--data-dir=/from/flag'] })).toBe(
      join(resolve('/from/flag'), 'amparo.db'),
    );
    expect(resolveVaultPath({ userDataDir, env, argv: ['amparo', '--data-dir', '/from/flag2'] })).toBe(
      join(resolve('/from/flag2'), 'amparo.db'),
    );
  });

  it('resolves relative folders against cwd', () => {
    expect(resolveVaultPath({ userDataDir, argv: ['--data-dir=demo'], cwd: resolve('/work') })).toBe(
      join(resolve('/work/demo'), 'amparo.db'),
    );
  });

  it('ignores empty overrides and flags after --', () => {
    expect(resolveVaultPath({ userDataDir, env: { AMPARO_DATA_DIR: '' }, argv: ['--data-dir='] })).toBe(
      join(userDataDir, 'vault', 'amparo.db'),
    );
    expect(resolveVaultPath({ userDataDir, env: { AMPARO_DATA_DIR: '   ' } })).toBe(join(userDataDir, 'vault', 'amparo.db'));
    expect(dataDirFromArgv(['--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir', '--other'])).toBeUndefined();
    expect(dataDirFromArgv(['--', '--data-dir=/x'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir=/a', '--data-dir=/b'])).toBe('/b');
  });

  it('finds the same vault as the CLI and the browser harness', () => {
    // Electron's userData is <appData>/Amparo once main.ts has set the name; the core computes the same folder.
    const plain = { XDG_CONFIG_HOME: resolve('/home/ana/.config'), APPDATA: resolve('/users/ana/AppData/Roaming') };
    expect(resolveVaultPath({ userDataDir: defaultUserDataDir(process.platform, plain), env: plain })).toBe(defaultDbPath(plain));
    const env = { AMPARO_DATA_DIR: resolve('/data/amparo') };
    expect(resolveVaultPath({ userDataDir, env })).toBe(defaultDbPath(env));
  });
});

describe('other shell paths', () => {
  it('keeps crash dumps inside userData', () => {
    expect(crashDumpsDir(userDataDir)).toBe(join(userDataDir, 'crash-dumps'));
  });

  it('lays out the build inside the app folder', () => {
    const l = appLayout('/opt/Amparo/resources/app.asar');
    expect(l.rendererDir).toBe(join('/opt/Amparo/resources/app.asar', 'dist', 'renderer'));
    expect(l.preload).toBe(join('/opt/Amparo/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
    expect(l.resourcesDir).toBe(join('/opt/Amparo/resources/app.asar', 'resources'));
    expect(l.host).toBe(join('/opt/Amparo/resources/app.asar', 'dist', 'electron', 'host.cjs'));
  });
});
