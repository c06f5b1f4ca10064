/**
 * Issue 15 §4 in the browser: the full intake asks "Ever arrested, cited,
 * charged or convicted?" (Immigration history), details only after "Yes",
 * and the answer reaches the core's record (what the I-765's (c)(8) arrest
 * question is filled from). Real core, real Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { harnessCall, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  await page.goto(s.harness.launchUrl);
  await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('the arrest question on the full intake', () => {
  stepsBuildOnEachOther();

  it('asks it in Immigration history, with details only after Yes', async () => {
    await page.getByRole('button', { name: 'Full intake' }).click();
    const question = page.getByLabel('Ever arrested, cited, charged or convicted of any crime, anywhere?');
    await question.waitFor();
    expect(await question.inputValue()).toBe('unknown');
    const details = page.getByLabel('Details of each arrest or conviction (when, where, charge, outcome)');
    expect(await details.count()).toBe(0);
    await question.selectOption('yes');
    await details.waitFor();
    await details.fill('Cited 2019, Houston; dismissed');
    await question.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-arrests-01-yes');
  });

  it('saves the answer on the record', async () => {
    await page.getByLabel('Given names').fill('Ana');
    await page.getByLabel('Family names').fill('Yépez');
    await page.getByLabel('Date of birth').fill('03/07/1990');
    await page.getByRole('group', { name: 'Detained now?' }).getByLabel('No').check();
    await page.getByRole('group', { name: 'Did the person give consent?' }).getByLabel('Yes').check();
    await page.getByLabel('How consent was given').selectOption('verbal');
    await page.getByLabel('Language of consent').fill('Spanish');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 2, name: 'Saved: Ana Yépez' }).waitFor();
    const [hit] = await harnessCall(s.harness, 'people.search', { query: 'yepez', limit: 5 });
    const person = await harnessCall(s.harness, 'people.get', { id: hit!.id });
    expect(person.history).toMatchObject({ arrests: 'yes', arrestsDetails: 'Cited 2019, Houston; dismissed' });
  });
});
