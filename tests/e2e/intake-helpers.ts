/**
 * Plumbing for the intake e2e specs, on top of browser.ts: a session with a
 * cheap KDF and the vault already created, guarded pages for extra browser
 * contexts, a harness in a child process (for the crash test), and small
 * keyboard helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server';
import { CHROMIUM_ARGS, REPO_ROOT, SCREENSHOTS, STATIC_DIR, harnessCall, isAllowedUrl } from './browser';

/** Set AMPARO_E2E_STATIC_DIR to test a build other than dist/renderer. */
export const STATIC = process.env.AMPARO_E2E_STATIC_DIR ?? STATIC_DIR;
export const TEST_KDF = { m: 8192, t: 1, p: 1 } as const;
export const PASS = 'lantern orchard 19 river';

/** A realistic typist: ~20 ms per character. */
export const TYPING_DELAY_MS = 20;

export interface Guarded {
  problems: string[];
  /** Stop recording (e.g. after killing the server on purpose). */
  mute(): void;
}

/** Fails the test on console errors, page errors, failed requests and anything off loopback. */
export async function guard(context: BrowserContext, page: Page): Promise<Guarded> {
  const problems: string[] = [];
  let muted = false;
  const add = (p: string) => {
    if (!muted) problems.push(p);
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowedUrl(url)) return route.continue();
    add(`request to non-loopback URL: ${url}`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') add(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => add(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!isAllowedUrl(req.url())) add(`request to non-loopback URL: ${req.url()}`);
  });
  page.on('requestfailed', (req) => add(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  return {
    problems,
    mute: () => {
      muted = true;
    },
  };
}

export interface IntakeSession {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  problems: string[];
  /** The vault's recovery code, as vault.create gave it. */
  recoveryCode: string;
  newPage(): Promise<{ page: Page; guarded: Guarded }>;
  close(): Promise<void>;
}

/**
 * The end of every test and of every spec: no page problem (a console error,
 * a refused request) in any session, then each session closed. Sessions are
 * opened in beforeAll, so the list is read when the hooks run.
 */
export function checkAndCloseSessions(sessions: () => ReadonlyArray<IntakeSession | undefined>): void {
  afterEach(() => {
    for (const s of sessions()) expect(s?.problems).toEqual([]);
  });
  afterAll(async () => {
    for (const s of sessions()) await s?.close();
  });
}

export async function openIntakeSession(): Promise<IntakeSession> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-e2e-intake-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const harness = await startHarness({ dbPath: join(dir, 'vault', 'amparo.db'), staticDir: STATIC, kdfCost: TEST_KDF });
  const { recoveryCode } = await harnessCall(harness, 'vault.create', { passphrase: PASS });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const { problems } = await guard(context, page);
  return {
    harness,
    browser,
    context,
    page,
    dir,
    problems,
    recoveryCode,
    newPage: async () => {
      const p = await context.newPage();
      const guarded = await guard(context, p);
      return { page: p, guarded };
    },
    close: async () => {
      await browser.close().catch(() => {});
      await harness.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ChildHarness {
  launchUrl: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts tests/e2e/harness-child.ts in its own Node process and waits for its URL. */
export async function startChildHarness(dataDir: string, opts: { create?: string } = {}): Promise<ChildHarness> {
  const args = [
    '--import',
    'tsx',
    join(REPO_ROOT, 'tests/e2e/harness-child.ts'),
    dataDir,
    STATIC,
    ...(opts.create ? ['--create', opts.create] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness child did not start in 30 s: ${stderr}`)), 30_000);
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { launchUrl?: string };
        if (msg.launchUrl) {
          clearTimeout(timer);
          resolve(msg.launchUrl);
        }
      } catch {
        /* not our line */
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness child exited (${code}): ${stderr}`));
    });
  });
  return {
    launchUrl,
    child,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** MM/DD/YYYY, `days` from today on this machine's clock. */
export function usDateFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}`;
}
