/**
 * Settings → Backups (issue 11): choose the folder with the keyboard, see the
 * warning while there is no verified backup, back up now (a job with
 * progress), then the last good backup and its age, and the file on disk.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isFocused, screenshot, tabTo, typeOver } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let folder: string;

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  folder = join(s.dir, 'usb-stick');
  mkdirSync(folder);
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

afterEach(() => {
  expect(s.problems).toEqual([]);
});

afterAll(async () => {
  await s?.close();
});

describe('Settings → Backups', () => {
  stepsBuildOnEachOther();

  it('starts with no folder and no backup', async () => {
    const settings = page.getByRole('button', { name: 'Settings' });
    await tabTo(page, settings);
    await page.keyboard.press('Enter');
    await h1('Settings').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Backups' }).waitFor();
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toBe('There is no verified backup yet.');
    await page.getByText('Automatic backups are off until you choose a folder.').waitFor();
    expect(await page.getByRole('button', { name: 'Back up now' }).isDisabled()).toBe(true);
  });

  it('saves a folder with the keyboard, then warns that there is no recent backup', async () => {
    const input = page.getByLabel('Backup folder');
    await tabTo(page, input);
    await typeOver(page, folder);
    const interval = page.getByLabel('Back up automatically');
    expect(await interval.inputValue()).toBe('24');
    await tabTo(page, page.getByRole('button', { name: 'Save backup settings' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Backup settings saved.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'older than the backup interval plus one day' }).waitFor();
  });

  it('a missing folder is refused with its own message', async () => {
    const input = page.getByLabel('Backup folder');
    await tabTo(page, input, { back: true });
    await typeOver(page, join(s.dir, 'not-plugged-in'));
    await tabTo(page, page.getByRole('button', { name: 'Save backup settings' }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The backup folder is not available.' }).waitFor();
    await tabTo(page, input, { back: true });
    await typeOver(page, folder);
    await tabTo(page, page.getByRole('button', { name: 'Save backup settings' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Backup settings saved.' }).waitFor();
  });

  it('backs up now and shows the last good backup and its age', async () => {
    const now = page.getByRole('button', { name: 'Back up now' });
    await tabTo(page, now);
    await expect.poll(() => isFocused(now)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Backup written and verified:' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toMatch(/^Last good backup: .+ \(less than an hour ago\)\.$/);
    expect(await page.getByRole('alert').filter({ hasText: 'older than the backup interval' }).count()).toBe(0);
    const files = readdirSync(folder).filter((f) => f.endsWith('.amparo-backup'));
    expect(files).toHaveLength(1);
    await screenshot(page, 'backup-settings');
  });
});
