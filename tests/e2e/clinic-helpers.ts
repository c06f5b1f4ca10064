/**
 * What the clinic specs share: unlock a vault through its screen and go to
 * Settings, read the file the app hands over (the harness's save is a
 * download), the fingerprint shown in a block, and every core answer a page
 * received (to prove what a field laptop never says).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { harnessCall } from './browser';
import { PASS, type IntakeSession } from './intake-helpers';

export async function unlockToSettings(s: IntakeSession): Promise<void> {
  const page = s.page;
  // vault.create leaves it unlocked: lock so the test unlocks through the screen.
  await harnessCall(s.harness, 'vault.lock', {});
  await page.goto(s.harness.launchUrl);
  await page.getByRole('heading', { level: 1, name: 'Unlock Amparo' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

/** Runs `act` (a click or a key press), and returns the text of the file the app hands over. */
export async function downloaded(page: Page, act: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), act()]);
  return readFileSync((await d.path())!, 'utf8');
}

export const fingerprintOn = (page: Page, testId: string) => page.getByTestId(testId).getByTestId('fingerprint').textContent();

/** Every /api answer the page gets, as op name and body text, from now on. */
export function recordAnswers(page: Page): { answers: () => Promise<Array<{ op: string; body: string }>> } {
  const pending: Array<Promise<{ op: string; body: string }>> = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/api/')) return;
    const op = decodeURIComponent(url.pathname.slice('/api/'.length));
    pending.push(
      r.text().then(
        (body) => ({ op, body }),
        () => ({ op, body: '' }),
      ),
    );
  });
  return { answers: () => Promise.all(pending) };
}
