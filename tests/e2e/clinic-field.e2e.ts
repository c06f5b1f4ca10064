/**
 * Issue 12 §3 in the browser: the lead (A) approves a second laptop (F) as a
 * field device; F takes two intakes through the Intake screen; F's screen
 * shows how many are sealed and not yet delivered (a real plural, English and
 * Spanish, at 1 and 2) and never a name: neither the page's text nor any core
 * answer F's page received holds one. F exports; A imports, its summary says
 * the sealed intakes were opened (and re-renders in Spanish when the language
 * is switched), and A finds the person from the header search.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, harnessCall, screenshot } from './browser';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';
import { downloaded, fingerprintOn, recordAnswers, unlockToSettings } from './clinic-helpers';
import { stepsBuildOnEachOther } from './steps';

let a: IntakeSession;
let f: IntakeSession;
let fAnswers: ReturnType<typeof recordAnswers>;
const folder = mkdtempSync(join(tmpdir(), 'amparo-e2e-field-'));
// Parts of five bytes or more, none of them a word of either catalogue.
const PEOPLE = [
  { given: 'Xiomara', family: 'Tzompantli' },
  { given: 'Wenceslao', family: 'Ixcamparij' },
];
const NAME_PARTS = PEOPLE.flatMap((p) => [p.given, p.family]);

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

async function expectNoName(page: Page) {
  const text = await bodyText(page);
  for (const part of NAME_PARTS) expect(text, `"${part}" on the field laptop's screen`).not.toContain(part);
}

/** One quick intake on the Intake screen, saved with Ctrl+Enter. */
async function takeIntake(page: Page, p: { given: string; family: string }) {
  const given = page.getByLabel('Given names');
  await given.waitFor();
  await given.fill(p.given);
  await page.getByLabel('Family names').fill(p.family);
  await page.getByLabel('Date of birth').fill('04/05/1991');
  await page.getByRole('group', { name: 'Detained now?' }).getByLabel('No').check();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { level: 2, name: 'Intake sealed for the clinic' }).waitFor();
}

const count = (page: Page) => page.getByTestId('field-count').locator('.field-count-number');

beforeAll(async () => {
  a = await openIntakeSession();
  f = await openIntakeSession();
  fAnswers = recordAnswers(f.page);
  await unlockToSettings(a);
  await unlockToSettings(f);
});

checkAndCloseSessions(() => [a, f]);

describe('a field laptop: sealed counts, never names', () => {
  stepsBuildOnEachOther();

  it('A makes a clinic and approves F as a field device; F joins', async () => {
    await a.page.getByRole('button', { name: 'Make this a clinic vault' }).click();
    await a.page.getByRole('heading', { name: 'Approve a laptop' }).waitFor();
    const request = await downloaded(f.page, () => f.page.getByRole('button', { name: 'Write a join request' }).click());
    const digits = ((await fingerprintOn(f.page, 'my-fingerprint')) ?? '').trim();
    await a.page.getByLabel('Open a join request file').setInputFiles({
      name: 'request.json',
      mimeType: 'application/json',
      buffer: Buffer.from(request),
    });
    await a.page.getByLabel('Digits shown on the other laptop').fill(digits);
    await a.page.getByLabel('Field device', { exact: true }).check();
    await a.page.getByLabel('Name for this laptop (optional)').fill('Training laptop 7');
    const acceptance = await downloaded(a.page, () => a.page.getByRole('button', { name: 'Approve and save the acceptance' }).click());
    await a.page
      .getByRole('row', { name: /Training laptop 7/ })
      .getByText('Field device')
      .waitFor();
    await f.page.getByLabel('Open the acceptance file').setInputFiles({
      name: 'acceptance.json',
      mimeType: 'application/json',
      buffer: Buffer.from(acceptance),
    });
    await f.page.getByText('This vault joined the clinic as: Field device.').waitFor();
    expect((await harnessCall(f.harness, 'clinic.status', {})).clinic?.role).toBe('field');
  });

  it('F’s Intake screen shows the count screen; one intake: “1 intake sealed, not yet delivered”, in English and Spanish, no name', async () => {
    await f.page.getByRole('button', { name: 'Intake', exact: true }).click();
    await f.page.getByRole('heading', { level: 2, name: 'Sealed intakes on this field laptop' }).waitFor();
    expect(await count(f.page).textContent()).toBe('No intakes waiting for delivery');
    await takeIntake(f.page, PEOPLE[0]!);
    await expect.poll(() => count(f.page).textContent()).toBe('1 intake sealed, not yet delivered');
    await expectNoName(f.page);
    await screenshot(f.page, 'field-01-sealed-1-en');
    expect(await axeViolations(f.page)).toEqual([]);
    await f.page.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(() => count(f.page).textContent()).toBe('1 entrevista sellada, todavía sin entregar');
    await f.page.getByRole('heading', { level: 2, name: 'Entrevista sellada para la clínica' }).waitFor();
    await screenshot(f.page, 'field-02-sealed-1-es');
    expect(await axeViolations(f.page)).toEqual([]);
    await f.page.getByRole('button', { name: 'English', exact: true }).click();
    await f.page.getByRole('heading', { level: 2, name: 'Intake sealed for the clinic' }).waitFor();
  });

  it('a second intake: “2 intakes sealed, not yet delivered”, and in Spanish; the vault holds no person', async () => {
    await f.page.getByRole('button', { name: /New intake/ }).click();
    await takeIntake(f.page, PEOPLE[1]!);
    await expect.poll(() => count(f.page).textContent()).toBe('2 intakes sealed, not yet delivered');
    await expectNoName(f.page);
    await f.page.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(() => count(f.page).textContent()).toBe('2 entrevistas selladas, todavía sin entregar');
    await screenshot(f.page, 'field-03-sealed-2-es');
    await f.page.getByRole('button', { name: 'English', exact: true }).click();
    expect((await harnessCall(f.harness, 'people.list', {})).total).toBe(0);
    // The drafts that held the typing went with the saves.
    expect(await harnessCall(f.harness, 'drafts.list', {})).toEqual([]);
  });

  it('F’s Settings show the count too; F exports, and nothing is left undelivered', async () => {
    await f.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const undelivered = f.page.getByTestId('exchange-undelivered');
    await expect.poll(() => undelivered.textContent()).toBe('2 intakes sealed, not yet delivered');
    await expectNoName(f.page);
    expect(await f.page.getByTestId('clinic-member-note').textContent()).toBe(
      'This laptop is in the clinic as: Field device. Only the lead’s laptop approves or revokes laptops.',
    );
    await f.page.getByLabel('Exchange folder').fill(folder);
    await f.page.getByRole('button', { name: 'Export changes', exact: true }).click();
    await f.page.getByText(/^Bundle written with 0 changes and 2 sealed intakes: /).waitFor();
    await expect.poll(() => undelivered.textContent()).toBe('No intakes waiting for delivery');
    await screenshot(f.page, 'field-04-exported');
    await expectNoName(f.page);
    await f.page.getByRole('button', { name: 'Intake', exact: true }).click();
    await expect.poll(() => count(f.page).textContent()).toBe('No intakes waiting for delivery');
    expect(await f.page.getByTestId('field-count').textContent()).toContain('2 already delivered in bundles.');
  });

  it('no core answer F’s page received names anyone, except the drafts that echo what was being typed', async () => {
    const answers = await fAnswers.answers();
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.some((x) => x.op === 'clinic.fieldCounts')).toBe(true);
    for (const { op, body } of answers) {
      // A draft is what the volunteer is typing, kept in the encrypted vault until the save (issue 12 §3) erases it.
      if (op.startsWith('drafts.')) continue;
      for (const part of NAME_PARTS) expect(body, `${op} answered with "${part}"`).not.toContain(part);
    }
    // And the intake saves answered with a sealed id only.
    const saves = answers.filter((x) => x.op === 'intake.createQuick');
    expect(saves).toHaveLength(2);
    for (const s of saves) expect(JSON.parse(s.body)).toMatchObject({ ok: true, value: { sealed: true } });
  });

  it('A imports: the summary says 2 sealed intakes were opened (not “0 changes”), follows a switch to Spanish, and A finds the person', async () => {
    await a.page.getByLabel('Exchange folder').fill(folder);
    await a.page.getByRole('button', { name: 'Import changes' }).click();
    // Sealed intakes are records, not changes: the field bundle carried none, so the summary says only what it brought.
    const summary = a.page.getByRole('status').filter({ hasText: /^2 sealed intakes opened\.$/ });
    await summary.waitFor({ timeout: 60_000 });
    await screenshot(a.page, 'field-05-lead-imported-en');
    await a.page.getByRole('button', { name: 'Español', exact: true }).click();
    await a.page
      .getByRole('status')
      .filter({ hasText: /^Se abrieron 2 entrevistas selladas\.$/ })
      .waitFor();
    await screenshot(a.page, 'field-06-lead-imported-es');
    await a.page.getByRole('button', { name: 'English', exact: true }).click();
    await summary.waitFor();
    await a.page.keyboard.press('Control+k');
    await a.page.keyboard.type('xiomara tzomp');
    const option = a.page.getByRole('option', { name: /Tzompantli, Xiomara/ });
    await option.waitFor();
    await a.page.keyboard.press('Enter');
    await a.page.getByRole('heading', { level: 2, name: 'Xiomara Tzompantli' }).waitFor();
    await screenshot(a.page, 'field-07-lead-finds');
  });
});
