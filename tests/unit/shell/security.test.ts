import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  SESSION_PARTITION,
  isAllowedNavigation,
  isAppUrl,
  mimeFor,
  resolveAppAsset,
  responseHeadersFor,
  shouldAllowRequest,
  webPreferencesFor,
} from '../../../electron/main/security';

describe('webPreferencesFor', () => {
  it('turns on every isolation switch and off every Node door', () => {
    const p = webPreferencesFor('/app/dist/electron/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      enableWebSQL: false,
      plugins: false,
    });
  });

  it('keeps DevTools off unless asked for (developer runs only)', () => {
    expect(webPreferencesFor('/p').devTools).toBe(false);
    expect(webPreferencesFor('/p', { devTools: false }).devTools).toBe(false);
    expect(webPreferencesFor('/p', { devTools: true }).devTools).toBe(true);
  });

  it('uses an in-memory session partition (no persist: prefix)', () => {
    expect(webPreferencesFor('/p').partition).toBe(SESSION_PARTITION);
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('the amparo scheme', () => {
  it('is standard and secure but neither CORS-open nor CSP-bypassing', () => {
    expect(APP_SCHEME).toBe('amparo');
    expect(APP_ORIGIN).toBe('amparo://app');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });
});

function parseCsp(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(m.has(name), `duplicate directive ${name}`).toBe(false);
    m.set(name, values);
  }
  return m;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('denies by default', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts only from our own origin: no eval, no inline', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-hashes');
    expect(CONTENT_SECURITY_POLICY).not.toContain('strict-dynamic');
  });

  it('limits connections to our own origin and names no host or wildcard', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('locks the rest down', () => {
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) expect(csp.get(d)).toEqual(["'none'"]);
  });

  it('is sent on every response with nosniff and no-store', () => {
    for (const f of ['index.html', 'a.js', 'x.unknown']) {
      const h = responseHeadersFor(f);
      expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['cache-control']).toBe('no-store');
    }
  });
});

describe('isAppUrl / isAllowedNavigation', () => {
  it.each([
    ['amparo://app/index.html', true],
    ['amparo://app/', true],
    ['amparo://app/cases/1?tab=2#x', true],
    ['amparo://evil/index.html', false],
    ['amparo://app.evil.com/index.html', false],
    ['amparo://app:8080/index.html', false],
    ['amparo://user:pw@app/index.html', false],
    ['amparo:app/index.html', false],
    ['https://app/index.html', false],
    ['file:///app/index.html', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, want) => {
    expect(isAppUrl(url)).toBe(want);
    expect(isAllowedNavigation(url)).toBe(want);
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['amparo://app/']]) expect(isAppUrl(v)).toBe(false);
  });
});

describe('shouldAllowRequest', () => {
  it.each([
    'amparo://app/index.html',
    'amparo://app/assets/index-abc123.js',
    'amparo://app/assets/pdf.worker.min.mjs',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:amparo://app/0b7e4a9e-7f27-4d53-b2a8-5d2e0a4a2f11',
  ])('allows %s', (url) => {
    expect(shouldAllowRequest(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://example.com/',
    'http://127.0.0.1:5173/',
    'http://localhost/',
    'http://[::1]/',
    'ws://127.0.0.1:9229/',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'amparo://evil/index.html',
    'amparo://app.example.com/x',
    'amparo://app:1/x',
    'chrome-extension://abcdefghijklmnop/x.js',
    'chrome://settings',
    'blob:https://example.com/0b7e4a9e',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(shouldAllowRequest(url)).toBe(false);
  });

  it('allows devtools:// only when asked (developer runs)', () => {
    expect(shouldAllowRequest('devtools://devtools/bundled/inspector.html', { allowDevtools: true })).toBe(true);
    expect(shouldAllowRequest('https://example.com/', { allowDevtools: true })).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  const dist = resolve('/srv/amparo/dist/renderer');
  const index = join(dist, 'index.html');

  it.each([
    ['/index.html', index],
    ['/assets/index-Bx12_aZ.js', join(dist, 'assets', 'index-Bx12_aZ.js')],
    ['/assets/index-Bx12_aZ.css', join(dist, 'assets', 'index-Bx12_aZ.css')],
    ['/assets/pdf.worker.min.mjs', join(dist, 'assets', 'pdf.worker.min.mjs')],
    ['/fonts/Noto%20Sans.ttf', join(dist, 'fonts', 'Noto Sans.ttf')],
    ['/assets/app.js?v=1', join(dist, 'assets', 'app.js')],
  ])('serves %s', (p, want) => {
    expect(resolveAppAsset(dist, p)).toBe(want);
  });

  it.each(['/', '/cases', '/cases/01JD3XYZ/edit', '/clients/', '/settings#lang'])('falls back to index.html for the route %s', (p) => {
    expect(resolveAppAsset(dist, p)).toBe(index);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..',
    '/../',
    '/./index.html',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%5c%5cserver%5cshare%5cx.js',
    '//etc/passwd',
    '//server/share/x.js',
    '/%2f%2fetc/passwd',
    'etc/passwd',
    '',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.png',
    '/index.html\0.png',
    '/assets/app.js::$DATA',
    '/.env',
    '/.git/config',
    '/assets/.hidden.js',
    '/con.js',
    '/assets/NUL.txt',
    '/assets/trailingdot.',
    '/%',
    '/%zz',
    '/%c0%ae%c0%ae/secret.txt',
    '/assets/<script>.js',
    `/${'a/'.repeat(1100)}x.js`,
  ])('refuses %j', (p) => {
    const got = resolveAppAsset(dist, p);
    expect(got).toBeNull();
  });

  it('never returns a path outside the folder, whatever the input', () => {
    const inputs = ['/a/b/c.js', '/x', '/x.y', '/a%2Fb.js'];
    for (const p of inputs) {
      const got = resolveAppAsset(dist, p);
      if (got !== null) expect(got.startsWith(dist + sep)).toBe(true);
    }
  });

  it('refuses non-string input and an empty folder', () => {
    expect(resolveAppAsset(dist, undefined)).toBeNull();
    expect(resolveAppAsset(dist, 42)).toBeNull();
    expect(resolveAppAsset('', '/index.html')).toBeNull();
  });
});

describe('mimeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.js', 'text/javascript; charset=utf-8'],
    ['pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
    ['x.CSS', 'text/css; charset=utf-8'],
    ['x.svg', 'image/svg+xml'],
    ['x.woff2', 'font/woff2'],
    ['x.ttf', 'font/ttf'],
    ['x.wasm', 'application/wasm'],
    ['x.json', 'application/json; charset=utf-8'],
    ['x.bcmap', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s -> %s', (f, want) => {
    expect(mimeFor(f)).toBe(want);
  });
});
