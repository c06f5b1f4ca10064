/**
 * Issue 8 §2 and §3 in the browser: a quick intake at a detention visit
 * (required fields marked before saving, an A-number in any format that the
 * live duplicate check treats as decisive, no phone, a medical need typed in
 * Spanish flagged live and on the record), "Same person" ending in one record
 * through a confirmed merge whose survivor is chosen, focus after "Save
 * changes", and a full intake that asks consent details only once consent
 * was given. Real core behind the loopback harness, real Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { harnessCall, isFocused, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let luisId = '';

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const focused = (loc: Locator) => expect.poll(() => isFocused(loc), { timeout: 30_000 });
const nav = () => page.getByRole('navigation', { name: 'Main navigation' });
const aside = () => page.locator('.intake-aside');

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const luis = await harnessCall(s.harness, 'intake.createQuick', {
    intake: { givenName: 'Luis', familyName: 'Ramos', approxAge: 40, aNumber: '012345678', detained: true, facility: 'Otay Mesa' },
  });
  luisId = luis.id;
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('quick intake at a detention visit', () => {
  stepsBuildOnEachOther();

  it('marks required fields before any save, and the phone is optional', async () => {
    const given = page.getByLabel('Given names');
    await focused(given).toBe(true);
    expect(await given.getAttribute('aria-required')).toBe('true');
    expect(await page.locator('.field:has(#quick-givenName) .required-mark').isVisible()).toBe(true);
    const detained = page.getByRole('group', { name: 'Detained now?' });
    expect(await detained.locator('.required-mark').isVisible()).toBe(true);
    expect(await detained.getByLabel('Yes').getAttribute('required')).not.toBeNull();
    expect(await page.getByLabel('Phone').getAttribute('aria-required')).toBeNull();
    expect(await page.getByLabel('A-number').getAttribute('aria-required')).toBeNull();
    await page.getByText('Fields marked with an asterisk are required.').waitFor();
    await screenshot(page, 'detention-01-required');
  });

  it('an A-number typed any way is checked live: an equal one is decisive; a medical need typed in Spanish is flagged', async () => {
    await page.getByLabel('Given names').fill('Jorge');
    await page.getByLabel('Family names').fill('Pineda');
    await page.getByLabel('Or approximate age').fill('40');
    const a = page.getByLabel('A-number');
    await a.fill('a 12 345 678');
    await a.press('Tab');
    // Shown back the way Amparo writes A-numbers.
    await expect.poll(() => a.inputValue()).toBe('A-012-345-678');
    const card = aside().locator('.dup-card', { hasText: 'Luis Ramos' });
    await card.getByText('Same A-number').waitFor();
    await card.getByText('Likely the same').waitFor();
    await page.getByRole('group', { name: 'Detained now?' }).getByLabel('Yes').check();
    await page.getByLabel('Detention facility').fill('Otay Mesa');
    await page.getByLabel('Urgent needs').fill('Necesita su insulina; está embarazada');
    await aside().locator('[data-flag="medical"]', { hasText: 'Medical needs: insulina, embarazada' }).waitFor();
    await screenshot(page, 'detention-02-live-checks');
  });

  it('"Same person" merges into one record, after choosing which record stays', async () => {
    const card = aside().locator('.dup-card', { hasText: 'Luis Ramos' });
    await card.getByRole('radio', { name: 'Same person' }).check();
    await card.getByRole('button', { name: 'Merge with Luis Ramos now…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge this intake with Luis Ramos?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Save and merge' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'The record of Luis Ramos already on file' }).check();
    await screenshot(page, 'detention-03-merge-dialog');
    await confirm.click();
    await page.getByRole('heading', { level: 2, name: 'Saved: Luis Ramos' }).waitFor();
    const list = await harnessCall(s.harness, 'people.list', { sort: 'name', dir: 'asc', limit: 10, offset: 0 });
    expect(list.rows.map((r) => r.id)).toEqual([luisId]);
    const luis = await harnessCall(s.harness, 'people.get', { id: luisId });
    expect(luis.person.aliases).toContain('Jorge Pineda');
    expect(luis.urgentNeeds).toContain('insulina');
  });

  it('the record shows the flags; after "Save changes" focus is on the saved confirmation', async () => {
    await nav().getByRole('button', { name: 'People' }).click();
    await h1('People').waitFor();
    await page.getByRole('button', { name: /Ramos, Luis/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Luis Ramos' }).waitFor();
    await page.locator('.person-header [data-flag="medical"]', { hasText: 'insulina' }).waitFor();
    const save = page.getByRole('button', { name: /^Save changes/ });
    await save.focus();
    await page.keyboard.press('Enter');
    const notice = page.locator('#person-notice');
    await notice.getByText(/^Changes saved at/).waitFor();
    await focused(notice).toBe(true);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  });
});

describe('full intake consent', () => {
  it('asks how and in which language only once consent was given', async () => {
    await nav().getByRole('button', { name: 'Intake', exact: true }).click();
    await page.getByRole('button', { name: 'Full intake' }).click();
    const given = page.getByRole('group', { name: 'Did the person give consent?' });
    await given.waitFor();
    expect(await page.getByLabel('How consent was given').count()).toBe(0);
    await given.getByLabel('Yes').check();
    const how = page.getByLabel('How consent was given');
    await how.waitFor();
    expect(await how.getAttribute('aria-required')).toBe('true');
    expect(await page.getByLabel('Language of consent').getAttribute('aria-required')).toBe('true');
    await given.getByLabel('No').check();
    await expect.poll(() => page.getByLabel('How consent was given').count()).toBe(0);
  });
});
