/**
 * Issue 10 in the browser: a lead adds a volunteer in Settings → Users and
 * locks; the volunteer unlocks with their user name and takes an intake; they
 * cannot open the People list, nor a person found by search, except their own
 * intake: the UI does not offer it and the core refuses it (FORBIDDEN).
 * Then the users screen in Spanish. Keyboard only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { harnessCall, isFocused, screenshot, tabTo } from './browser';
import { checkAndCloseSessions, PASS, openIntakeSession, type IntakeSession } from './intake-helpers';
import { stepsBuildOnEachOther } from './steps';

const VPASS = 'volunteer morning 12 tide';

let s: IntakeSession;
let page: Page;
let leadName = '';
let martaId = '';

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const focused = (loc: ReturnType<Page['locator']>) => expect.poll(() => isFocused(loc), { timeout: 30_000 });
const navButtons = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ }).getByRole('button');
const refused = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  // Someone the lead took in earlier: the volunteer must never see her.
  const marta = await harnessCall(s.harness, 'intake.createQuick', {
    intake: { givenName: 'Marta', familyName: 'Otra', dob: '1980-02-02', detained: false },
  });
  martaId = marta.id;
  leadName = (await harnessCall(s.harness, 'users.me', {})).user.name;
  await harnessCall(s.harness, 'vault.lock', {});
});

checkAndCloseSessions(() => [s]);

describe('users and roles', () => {
  stepsBuildOnEachOther();

  it('the lead unlocks (one user: the passphrase field has focus) and adds a volunteer by keyboard', async () => {
    await page.goto(s.harness.launchUrl);
    await h1('Unlock Amparo').waitFor();
    await page.getByLabel('User name').waitFor();
    await focused(page.getByLabel('Passphrase', { exact: true })).toBe(true);
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await h1('Intake').waitFor();
    expect(await page.getByTestId('session-user').textContent()).toContain('(Lead)');

    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    await tabTo(page, settings, { max: 60 });
    await page.keyboard.press('Enter');
    await h1('Settings').waitFor();
    await page
      .getByRole('table', { name: 'Users of this vault' })
      .getByRole('row', { name: new RegExp(leadName) })
      .waitFor();

    const name = page.getByLabel('User name', { exact: true });
    await tabTo(page, name, { max: 150 });
    await page.keyboard.type('vol1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vera Voluntaria');
    await page.keyboard.press('Tab');
    await focused(page.getByLabel('Role')).toBe(true);
    expect(await page.getByLabel('Role').inputValue()).toBe('volunteer');
    await page.keyboard.press('Tab'); // expiry date: none
    await focused(page.getByLabel('Expiry date (optional)')).toBe(true);
    // Date and time inputs take a Tab per part (month, day, year; hour, minute, AM/PM).
    await tabTo(page, page.getByLabel('Their passphrase', { exact: true }), { max: 12 });
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Use at least 10 characters.' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(VPASS);
    expect(await page.locator('#add-user-strength').textContent()).toMatch(/Strength: /);
    await page.keyboard.press('Tab');
    await page.keyboard.type(VPASS);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added vol1.' }).waitFor();
    const row = page.getByRole('table', { name: 'Users of this vault' }).getByRole('row', { name: /vol1/ });
    await row.getByRole('cell', { name: 'Vera Voluntaria' }).waitFor();
    await row.getByRole('cell', { name: 'Volunteer' }).waitFor();
    await screenshot(page, 'users-01-added');

    const users = await harnessCall(s.harness, 'users.list', {});
    expect(users.map((u) => [u.name, u.role])).toEqual(expect.arrayContaining([['vol1', 'volunteer']]));
  });

  it('the volunteer unlocks with their user name (several users: focus on it) and takes an intake', async () => {
    await page.keyboard.press('Control+l');
    await h1('Unlock Amparo').waitFor();
    await focused(page.getByLabel('User name')).toBe(true);
    // Wrong passphrase first: said on the passphrase field.
    await page.keyboard.type('vol1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the passphrase at all');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this vault.' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(VPASS);
    await page.keyboard.press('Enter');
    await h1('Intake').waitFor();
    expect(await page.getByTestId('session-user').textContent()).toBe('Signed in: Vera Voluntaria (Volunteer)');
    // The side navigation offers a volunteer only what they can do.
    expect(await navButtons().allTextContents()).toEqual(['Intake', 'Settings']);
    await screenshot(page, 'users-02-volunteer-nav');

    await focused(page.getByLabel('Given names')).toBe(true);
    await page.keyboard.type('Lucía');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pérez');
    await page.keyboard.press('Tab');
    await page.keyboard.type('03/04/1991');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab'); // approximate age, A-number, phone, into "Detained now?"
    await page.keyboard.press('ArrowRight'); // "No"
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 2, name: 'Saved: Lucía Pérez' }).waitFor();
  });

  it('the volunteer finds only their own intake; the People list and anyone else are refused by the core', async () => {
    expect(await refused(harnessCall(s.harness, 'people.list', {}))).toBe('FORBIDDEN');
    expect(await refused(harnessCall(s.harness, 'people.get', { id: martaId }))).toBe('FORBIDDEN');

    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: 'Search people' });
    await focused(search).toBe(true);
    await page.keyboard.type('marta');
    await page.locator('.search-results').getByText('No one found.').waitFor();
    expect(await page.getByRole('option').count()).toBe(0);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('lucia');
    const option = page.getByRole('option', { name: /Pérez, Lucía/ });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Lucía Pérez' }).waitFor();
    // Her own record, without the staff panels (cases, deadlines, forms, edit, history) or a way to the list.
    expect(await page.getByRole('button', { name: /All people/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await screenshot(page, 'users-03-volunteer-own-record');
  });

  it('the lead sees who created and viewed the intake, and the volunteer’s activity', async () => {
    await page.keyboard.press('Control+l');
    await h1('Unlock Amparo').waitFor();
    await page.keyboard.type(leadName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await h1('Intake').waitFor();

    await page.keyboard.press('Control+k');
    await page.keyboard.type('lucia');
    await page.getByRole('option', { name: /Pérez, Lucía/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Lucía Pérez' }).waitFor();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByRole('row', { name: /vol1.*Created/ }).waitFor();
    await history
      .getByRole('row', { name: /vol1.*Viewed/ })
      .first()
      .waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'users-04-person-history');

    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    await tabTo(page, settings, { back: true, max: 200 });
    await page.keyboard.press('Enter');
    await h1('Settings').waitFor();
    const activity = page.getByRole('button', { name: 'Activity vol1' });
    await tabTo(page, activity, { max: 150 });
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Activity of vol1' });
    await table
      .getByRole('row', { name: /Created/ })
      .first()
      .waitFor();
    await screenshot(page, 'users-05-activity');
  });

  it('the lead changes the volunteer’s role and expiry by keyboard; their own role is locked', async () => {
    const edit = page.getByRole('button', { name: 'Change role or expiry vol1' });
    await tabTo(page, edit, { back: true, max: 150 });
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Role and expiry of vol1' });
    const role = form.getByLabel('Role');
    await focused(role).toBe(true);
    await role.selectOption('paralegal');
    // Unticking "Never expires" without a date is a mistake the form says out loud.
    await page.keyboard.press('Tab');
    await focused(form.getByLabel('Never expires')).toBe(true);
    await page.keyboard.press('Space');
    const date = form.getByLabel('Expiry date (optional)');
    await date.waitFor();
    await form.getByRole('button', { name: 'Save changes' }).press('Enter');
    await form.getByRole('alert').filter({ hasText: 'Enter a valid date and time.' }).waitFor();
    await focused(date).toBe(true);
    await date.fill('2099-05-01');
    await form.getByLabel('Expiry time').fill('17:00');
    await screenshot(page, 'users-05b-edit');
    await form.getByRole('button', { name: 'Save changes' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved the role and expiry of vol1.' }).waitFor();
    const table = page.getByRole('table', { name: 'Users of this vault' });
    await table.getByRole('row', { name: /vol1/ }).getByRole('cell', { name: 'Paralegal' }).waitFor();
    const vol1 = (await harnessCall(s.harness, 'users.list', {})).find((u) => u.name === 'vol1');
    expect(vol1).toMatchObject({ role: 'paralegal', expiresAt: new Date('2099-05-01T17:00').toISOString() });

    // Your own row: the role is shown but cannot be changed (the core refuses it too).
    const own = page.getByRole('button', { name: `Change role or expiry ${leadName}` });
    await tabTo(page, own, { back: true, max: 150 });
    await page.keyboard.press('Enter');
    const ownForm = page.getByRole('form', { name: `Role and expiry of ${leadName}` });
    await expect.poll(() => ownForm.getByLabel('Role').isDisabled()).toBe(true);
    await ownForm.getByText('You cannot change your own role; another lead can.').waitFor();
    expect(await refused(harnessCall(s.harness, 'users.update', { name: leadName, role: 'attorney' }))).toBe('INVALID_INPUT');
    await screenshot(page, 'users-05c-edit-self');
    await ownForm.getByRole('button', { name: 'Cancel' }).press('Enter');
  });

  it('after a rekey, the new recovery code is on the print-friendly screen and must be confirmed saved', async () => {
    const rekey = page.getByRole('button', { name: 'Rekey the vault' });
    await tabTo(page, rekey, { max: 200 });
    await page.keyboard.press('Enter');
    await focused(h1('Your recovery code')).toBe(true);
    const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
    expect(code.replace(/\s/g, '').length).toBeGreaterThan(10);
    const go = page.getByRole('button', { name: 'Continue' });
    expect(await go.isDisabled()).toBe(true);
    await screenshot(page, 'users-05d-rekey-code');
    // Printed, the page shows the code alone: no Settings panels around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { level: 2, name: 'Change passphrase' }).isVisible()).toBe(false);
    expect(await page.getByTestId('recovery-code').isVisible()).toBe(true);
    await screenshot(page, 'users-05e-rekey-code-print');
    await page.emulateMedia({ media: 'screen' });
    const saved = page.getByLabel('I have printed or written down the recovery code and stored it safely.');
    await tabTo(page, saved, { max: 20 });
    await page.keyboard.press('Space');
    await tabTo(page, go, { max: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The vault has a new key.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Users' }).waitFor();
  });

  it('shows the users screen in Spanish', async () => {
    const switcher = page.getByRole('button', { name: /Español/ });
    await tabTo(page, switcher, { back: true, max: 200 });
    await page.keyboard.press('Enter');
    await h1('Configuración').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Usuarios' }).waitFor();
    const table = page.getByRole('table', { name: 'Usuarios de esta bóveda' });
    await table.getByRole('row', { name: /vol1/ }).getByRole('cell', { name: 'Asistente legal' }).waitFor();
    await table.getByRole('button', { name: 'Cambiar la función o el vencimiento vol1' }).waitFor();
    // The rekey's notice follows the language switch.
    await page.getByRole('status').filter({ hasText: 'La bóveda tiene una clave nueva.' }).waitFor();
    await page.getByRole('heading', { name: 'Agregar un usuario' }).waitFor();
    await page.getByLabel('Nombre de usuario', { exact: true }).waitFor();
    expect(await page.getByTestId('session-user').textContent()).toContain('(Responsable)');
    await screenshot(page, 'users-06-es');
  });

  it('says why an unlock is refused: an expired account, and the wait after five wrong passphrases (in Spanish)', async () => {
    await harnessCall(s.harness, 'users.add', { name: 'taller', role: 'volunteer', expiresAt: '2001-01-01T10:00', passphrase: VPASS });
    await page.keyboard.press('Control+l');
    await h1('Desbloquear Amparo').waitFor();
    await focused(page.getByLabel('Nombre de usuario')).toBe(true);
    await page.keyboard.type('taller');
    await page.keyboard.press('Tab');
    await page.keyboard.type(VPASS);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Esta cuenta ha vencido.' }).waitFor();

    await tabTo(page, page.getByLabel('Nombre de usuario'), { back: true, max: 5 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('vol1');
    await page.keyboard.press('Tab');
    // The core counts failures in a file beside the key file; each try is awaited through it, never by time.
    const failures = () => {
      try {
        const state = JSON.parse(readFileSync(join(s.dir, 'vault', 'amparo.db.keyslots.unlock-failures'), 'utf8')) as Record<
          string,
          { failures: number }
        >;
        return state.vol1?.failures ?? 0;
      } catch {
        return 0;
      }
    };
    const wait = page.getByRole('alert').filter({ hasText: /Puede intentarlo de nuevo en \d+ segundos?\./ });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`wrong guess number ${i}`);
      await page.keyboard.press('Enter');
      await expect.poll(failures, { timeout: 30_000 }).toBe(i + 1);
      await page.getByRole('alert').filter({ hasText: 'Esa frase de contraseña no abre esta bóveda.' }).waitFor();
    }
    expect(await wait.count()).toBe(0);
    // From the fifth on, each wrong try doubles the wait (2 s, 4 s, 8 s…): on any machine, a try soon lands inside one.
    for (let i = 5; i < 15 && (await wait.count()) === 0; i++) {
      await focused(page.getByLabel('Frase de contraseña', { exact: true })).toBe(true);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`wrong guess number ${i}`);
      const before = failures();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await wait.count()) > 0 || failures() > before, { timeout: 30_000 }).toBe(true);
    }
    await wait.waitFor();
    await screenshot(page, 'users-07-es-wait');
  });
});
