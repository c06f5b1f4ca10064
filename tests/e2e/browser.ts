/**
 * Shared e2e plumbing: a fresh vault behind the loopback harness, Debian's
 * Chromium driven by playwright-core, and guards that fail the test on any
 * console error, page error, failed request or request leaving loopback.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server';
import type { OpName, OpOutput } from '../../shared/contract';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const STATIC_DIR = join(REPO_ROOT, 'dist/renderer');
export const SCREENSHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Session {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  dbPath: string;
  /** Everything that should not have happened; checked after each test. */
  problems: string[];
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedUrl(raw: string): boolean {
  const url = new URL(raw);
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return (url.protocol === 'http:' || url.protocol === 'ws:') && LOOPBACK_HOSTS.has(url.hostname);
}

export async function openSession(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-e2e-'));
  const dbPath = join(dir, 'vault', 'amparo.db');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const harness = await startHarness({ dbPath, staticDir: STATIC_DIR });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.locale ?? 'en-US',
    serviceWorkers: 'block',
  });
  const problems: string[] = [];
  // Belt and braces: anything not on loopback is recorded and never leaves the machine.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowedUrl(url)) return route.continue();
    problems.push(`request to non-loopback URL: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!isAllowedUrl(req.url())) problems.push(`request to non-loopback URL: ${req.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  return {
    harness,
    browser,
    context,
    page,
    dir,
    dbPath,
    problems,
    close: async () => {
      await browser.close().catch(() => {});
      await harness.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The core behind the harness, called by a test the way the page calls it
 * (the same dispatch, in whatever process hosts the core). Every spec goes
 * through it, so a change in how the harness exposes its core is
 * made here once. `harnessCall` returns the value or throws the coded error.
 */
export function harnessCall<K extends OpName>(h: Harness, name: K, input: unknown): Promise<OpOutput<K>> {
  return h.core.call(name, input);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until `target` has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = opts.max ?? 30;
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'none');
  throw new Error(`Could not reach ${String(target)} with ${opts.back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus is on ${active}`);
}

/** Selects whatever is in the focused field and types over it. */
export async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.1 A/AA violations on the page, one line each. page.evaluate goes through the DevTools protocol, so the app's strict CSP stays on. */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations = (await page.evaluate(
    `${AXE}; axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then(r => r.violations)`,
  )) as Violation[];
  return violations.map((v) => `${v.impact ?? 'n/a'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
