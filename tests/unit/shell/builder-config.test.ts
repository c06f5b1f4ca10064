/**
 * electron-builder.yml: parsed, validated against electron-builder's own JSON
 * schema (the validator it runs before packaging), and its security settings
 * asserted one by one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateSchema } = require(join(root, 'node_modules/app-builder-lib/out/util/config/schemaValidator.js')) as {
  validateSchema(schema: unknown, data: unknown): void;
};
const scheme = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as unknown;

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  nsis: Record<string, unknown>;
};
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", () => {
    expect(() => validateSchema(scheme, structuredClone(config))).not.toThrow();
  });

  it('(the validator does catch misspelt keys)', () => {
    expect(() => validateSchema(scheme, { ...structuredClone(config), electronFusez: {} })).toThrow();
    expect(() =>
      validateSchema(scheme, { ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsNodeX: false } }),
    ).toThrow();
  });

  it('names the Electron version itself, within the range package.json installs (electron is optional there)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      optionalDependencies: Record<string, string>;
    };
    // A failed download of an optional dependency does not abort `npm install`; a dev one does.
    expect(pkg.devDependencies).not.toHaveProperty('electron');
    const range = pkg.optionalDependencies.electron;
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(String(config.electronVersion)).toMatch(/^\d+\.\d+\.\d+$/);
    const [major] = range!.slice(1).split('.');
    expect(String(config.electronVersion).split('.')[0]).toBe(major);
    expect(config.files).toContain('!node_modules/electron/**');
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.amparo.app');
    expect(config.productName).toBe('Amparo');
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into an asar and unpacks the native modules and the wasm', () => {
    expect(config.asar).toBe(true);
    for (const p of [
      '**/*.node',
      'node_modules/better-sqlite3-multiple-ciphers/**',
      'node_modules/@node-rs/**',
      'node_modules/@neslinesli93/qpdf-wasm/**',
    ]) {
      expect(config.asarUnpack).toContain(p);
    }
  });

  it('never publishes or calls home', () => {
    expect(config).toHaveProperty('publish', null);
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it('ships the built app, its resources and package.json', () => {
    for (const p of ['dist/renderer/**/*', 'dist/electron/*.cjs', 'resources/**/*', 'package.json']) expect(config.files).toContain(p);
  });

  it('targets NSIS, DMG, AppImage and deb, and never deletes app data on uninstall', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('points at an icon that exists and is large enough for every platform', () => {
    const png = readFileSync(join(root, 'resources/icons/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
