/**
 * Settings → Backups (issue 11): choose the folder with the keyboard, see the
 * warning while there is no verified backup, back up now (a job with
 * progress), then the last good backup and its age, and the file on disk.
 * Then the folder's list: Verify with a wrong passphrase (said) and the right
 * one (every check listed), then with the recovery code, Restore into a new folder, and Replace, refused
 * until confirmed, which sets the vault aside and locks; the restored vault
 * unlocks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isFocused, screenshot, tabTo, typeOver } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, PASS, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let folder: string;

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's WCAG 2.1 A/AA violations on the page as it is now (the a11y spec never sees a backup list or a restore form). */
async function axeViolations(): Promise<string[]> {
  const found = (await page.evaluate(
    `${AXE}; axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then(r => r.violations)`,
  )) as Array<{ id: string; nodes: Array<{ target: string[] }> }>;
  return found.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  folder = join(s.dir, 'usb-stick');
  mkdirSync(folder);
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

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

  it('lists the backup, and verifies it: a wrong passphrase is said, the right one lists every check', async () => {
    const list = page.getByTestId('backup-list');
    await list.getByRole('cell', { name: 'Verified when written' }).waitFor();
    expect(await list.getByRole('cell', { name: /^This vault \([0-9a-f]{8}\)$/ }).count()).toBe(1);
    const verify = list.getByRole('button', { name: /^Verify the backup made / });
    await tabTo(page, verify);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 4, name: /^Verify the backup made / }).waitFor();
    await tabTo(page, page.getByLabel('Passphrase of the backup'));
    await page.keyboard.type('not the right passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this vault.' }).waitFor({ timeout: 60_000 });
    await tabTo(page, page.getByLabel('Passphrase of the backup'), { back: true });
    await typeOver(page, PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The backup is good: every check passed.' }).waitFor({ timeout: 60_000 });
    const checks = await page.getByTestId('backup-verify-report').getByRole('listitem').allTextContents();
    expect(checks).toHaveLength(7);
    expect(checks.every((c) => c.startsWith('Passed: '))).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await screenshot(page, 'backup-verify');
  });

  it('verifies with the recovery code instead of a passphrase', async () => {
    const box = page.getByLabel('Use the recovery code instead of a passphrase');
    await tabTo(page, box, { back: true });
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    const code = page.getByLabel('Recovery code of the backup');
    await tabTo(page, code);
    expect(await code.getAttribute('type')).toBe('text');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Type the recovery code the vault had when this backup was made.' }).waitFor();
    await tabTo(page, code, { back: true });
    // Typed as from paper: lower case, spaces for dashes.
    await page.keyboard.type(s.recoveryCode.toLowerCase().replace(/-/g, ' '));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The backup is good: every check passed.' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backup-verify-report').getByRole('listitem').count()).toBe(7);
    await screenshot(page, 'backup-verify-recovery');
    await tabTo(page, box, { back: true });
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Passphrase of the backup').getAttribute('type')).toBe('password');
  });

  it('restores into a new folder', async () => {
    const restore = page.getByTestId('backup-list').getByRole('button', { name: /^Restore the backup made / });
    await tabTo(page, restore, { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 4, name: /^Restore the backup made / }).waitFor();
    await tabTo(page, page.getByLabel('Passphrase of the backup'));
    await page.keyboard.type(PASS);
    expect(await page.getByLabel('A new folder').isChecked()).toBe(true);
    await tabTo(page, page.getByLabel('Folder to restore into'));
    await page.keyboard.type(join(s.dir, 'restored'));
    await tabTo(page, page.getByRole('button', { name: 'Restore backup' }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Restored into .*restored\/amparo\.db\./ })
      .waitFor({ timeout: 60_000 });
    expect(existsSync(join(s.dir, 'restored', 'amparo.db'))).toBe(true);
  });

  it('replaces the vault only once confirmed: set aside, locked, and the restored vault unlocks', async () => {
    // One tab stop for the radio group; the arrow key moves to "Replace".
    await tabTo(page, page.getByLabel('A new folder'), { back: true });
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Replace the current vault').isChecked()).toBe(true);
    await page.getByText('The vault you have open will be set aside').waitFor();
    const submit = page.getByRole('button', { name: 'Set the current vault aside and restore' });
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tick the box to confirm' }).waitFor();
    expect(readdirSync(join(s.dir, 'vault')).some((f) => f.startsWith('amparo-set-aside-'))).toBe(false);
    expect(await axeViolations()).toEqual([]);
    await screenshot(page, 'backup-replace-confirm');
    await tabTo(page, page.getByLabel(/^I understand: set the current vault aside/), { back: true });
    await page.keyboard.press('Space');
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The previous vault is set aside, unchanged, in' }).waitFor({ timeout: 60_000 });
    expect(readdirSync(join(s.dir, 'vault')).filter((f) => f.startsWith('amparo-set-aside-'))).toHaveLength(1);
    await screenshot(page, 'backup-replaced');
    await tabTo(page, page.getByRole('button', { name: 'Go to unlock' }));
    await page.keyboard.press('Enter');
    await h1('Unlock Amparo').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.keyboard.press('Enter');
    await h1('Intake').waitFor();
  });

  it('in Spanish, lists the restored vault’s backup and its actions', async () => {
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('button', { name: 'Configuración' }).click();
    await h1('Configuración').waitFor();
    const list = page.getByTestId('backup-list');
    await list.getByRole('heading', { level: 3, name: 'Respaldos en la carpeta' }).waitFor();
    await list.getByRole('cell', { name: 'Verificado al escribirse' }).first().waitFor();
    await list
      .getByRole('button', { name: /^Restaurar el respaldo hecho el / })
      .first()
      .click();
    await page.getByRole('heading', { level: 4, name: /^Restaurar el respaldo hecho el / }).waitFor();
    await page.getByLabel('Reemplazar la bóveda actual').check();
    await page.getByText('La bóveda que tiene abierta se apartará').waitFor();
    expect(await axeViolations()).toEqual([]);
    await screenshot(page, 'backup-restore-es');
  });
});
