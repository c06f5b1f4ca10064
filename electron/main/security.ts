/**
 * Every security decision of the Electron shell, as plain data and pure
 * functions. This module must not import `electron`: it is unit-tested here,
 * where the Electron runtime cannot run. `main.ts` only wires these answers
 * into Electron's hooks.
 *
 * Model: Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security). The app
 * makes no network request at all; the UI is served from our own `amparo://app`
 * origin, never from `file://`.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'amparo';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window's session partition. No `persist:` prefix, so Chromium keeps it in
 * memory only: localStorage, IndexedDB, caches and cookies of the UI never reach
 * the disk, where they could hold client data outside the encrypted vault.
 * Consequence: the renderer cannot keep preferences across restarts in
 * localStorage; durable settings go through the core.
 */
export const SESSION_PARTITION = 'amparo-ui';

/** Privileges for `protocol.registerSchemesAsPrivileged`. No `corsEnabled`, `bypassCSP`, service workers or code cache. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: false,
  stream: false,
} as const;

export interface WebPreferencesOptions {
  /** DevTools only in unpackaged (developer) runs. Defaults to false. */
  devTools?: boolean;
}

/** A subset of Electron's `WebPreferences`, typed here so this module stays electron-free. */
export interface HardenedWebPreferences {
  preload: string;
  partition: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  /** Chromium downloads spellcheck dictionaries from Google: off. */
  spellcheck: false;
  enableWebSQL: false;
  plugins: false;
  safeDialogs: true;
  devTools: boolean;
}

export function webPreferencesFor(preloadPath: string, opts: WebPreferencesOptions = {}): HardenedWebPreferences {
  return {
    preload: preloadPath,
    partition: SESSION_PARTITION,
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
    safeDialogs: true,
    devTools: opts.devTools === true,
  };
}

/**
 * The Content-Security-Policy, sent as a response header on every document
 * served by the `amparo` protocol (the renderer may repeat it in a meta tag;
 * policies then intersect).
 *
 * - Vite builds link CSS as files, so `style-src 'self'` works without
 *   'unsafe-inline'. React's `style={…}` goes through the CSSOM, which CSP allows.
 * - No 'unsafe-eval' and no 'wasm-unsafe-eval': pdf.js falls back to its JS
 *   decoders when WebAssembly is refused; pass `isEvalSupported: false` to it.
 * - `worker-src blob:` for pdf.js' worker; `img-src data: blob:` for previews.
 * - `connect-src 'self'`: fetch reaches only amparo://app (the request filter
 *   cancels everything else anyway).
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'", 'blob:'],
  ['manifest-src', "'none'"],
  ['media-src', "'none'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map((d) => d.join(' ')).join('; ');

/** Headers on every response of the `amparo` protocol. */
export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'content-type': mimeFor(filePath),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for `amparo://app/...` exactly: right scheme, right host, no credentials or port. */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.host === APP_HOST && u.username === '' && u.password === '';
}

export interface RequestPolicyOptions {
  /** Allow `devtools://` (DevTools front-end) in developer runs. */
  allowDevtools?: boolean;
}

/**
 * The session's request filter. The app makes no network request: only our own
 * origin, inline `data:`/`blob:` resources and (in development) DevTools pass.
 * http, https, ws, wss, file, ftp, chrome-extension, other hosts of our scheme:
 * all cancelled.
 */
export function shouldAllowRequest(url: unknown, opts: RequestPolicyOptions = {}): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(url);
    case 'data:':
      return true;
    case 'blob:':
      // blob:amparo://app/<uuid>: only blobs minted by our own origin.
      return isAppUrl(u.pathname);
    case 'devtools:':
      return opts.allowDevtools === true;
    default:
      return false;
  }
}

/** Navigation inside the app's own origin is fine; anything else is refused. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

// Windows reserved device names would open a device instead of a file.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const SEGMENT_OK = /^[A-Za-z0-9_\-.~@+()[\], ]+$/;

/**
 * Maps the path of an `amparo://app/<path>` URL to a file inside `distDir`.
 * Returns null for anything that could step outside it: `..` (plain or
 * percent-encoded, once or twice), absolute paths, drive letters, backslashes,
 * NUL, hidden files, odd characters. Extension-less paths are routes of the
 * single-page app and get `index.html`. Existence is the caller's check.
 */
export function resolveAppAsset(distDir: string, urlPath: unknown): string | null {
  if (typeof urlPath !== 'string' || typeof distDir !== 'string' || distDir.length === 0) return null;
  if (urlPath.length > 2048) return null;
  // The caller passes URL.pathname; strip a query or fragment should one slip through.
  const raw = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  if (raw.includes('\\') || raw.includes('\0')) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed escapes
  }
  // Anything still percent-encoded after one decode is a double-encoding trick.
  if (decoded.includes('%') || decoded.includes('\\') || decoded.includes('\0') || decoded.includes(':')) return null;
  if (decoded.startsWith('//')) return null;

  const segments = decoded.split('/').slice(1);
  // Trailing slash (or just "/") leaves an empty last segment: that is a route.
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  for (const s of segments) {
    if (s === '' || s.startsWith('.') || s.endsWith('.') || s.endsWith(' ')) return null;
    if (!SEGMENT_OK.test(s) || WINDOWS_DEVICE.test(s)) return null;
  }

  const last = segments[segments.length - 1];
  const isRoute = last === undefined || extname(last) === '';
  const target = isRoute ? join(distDir, 'index.html') : join(distDir, ...segments);

  const rel = relative(distDir, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeFor(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
