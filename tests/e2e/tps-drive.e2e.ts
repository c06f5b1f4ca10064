/**
 * Issue 15 §4 in the browser: the TPS drive. On the TPS page, under a
 * country's affected people, tick people and fill the I-765 for each in one
 * background batch, (a)(12) or (c)(19) per person, with the clinic's own
 * I-821 template in the same batch; "Save all" downloads every PDF, each
 * checked with qpdf, pdftk and pdftotext, page 1 rendered; each saved form
 * lands in the person's history. Then the AR-11 offered where an address
 * change is recorded. Real core behind the loopback harness, real Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOTS, harnessCall, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { openIntakeSession, usDateFromToday, type IntakeSession } from './intake-helpers';

const FIXTURES = join(REPO_ROOT, '../shared/fixtures/forms');
const b64 = (file: string) => readFileSync(join(FIXTURES, file)).toString('base64');

let s: IntakeSession;
let page: Page;
let out: string;
const ids: Record<string, string> = {};

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const card = (name: string) => page.locator('li.tps-card', { has: page.getByRole('heading', { level: 3, name, exact: true }) });

const intake = (given: string, family: string, tpsStatus: string, aNumber: string, dob: string) => ({
  intake: {
    person: {
      givenName: given,
      familyName: family,
      dob,
      aNumber,
      sex: 'female',
      countryOfBirth: 'El Salvador',
      nationality: 'El Salvador',
      address: { street: '12 Calle Ñandú', city: 'Los Ángeles', state: 'CA', zip: '90012' },
    },
    detention: { detained: false },
    history: { tpsCountry: 'SV', tpsStatus, lastEntryDate: '2000-12-01', lastEntryManner: 'EWI' },
    cases: [{ type: 'tps' }],
    family: [],
    notes: '',
    consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
  },
});

function pdftk(path: string): Map<string, string> {
  const text = execFileSync('pdftk', [path, 'dump_data_fields_utf8'], { encoding: 'utf8' });
  const values = new Map<string, string>();
  for (const block of text.split('---')) {
    const name = /^FieldName: (.*)$/m.exec(block)?.[1];
    if (name) values.set(name, /^FieldValue: (.*)$/m.exec(block)?.[1] ?? '');
  }
  return values;
}

/** qpdf --check, pdftk's values, poppler's text, and page 1 rendered beside the screenshots to look at. */
async function check(d: Download, name: string) {
  const path = join(out, name);
  await d.saveAs(path);
  execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', path, join(SCREENSHOTS, `tps-drive-${name}`)]);
  return { values: pdftk(path), text };
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  out = mkdtempSync(join(tmpdir(), 'amparo-e2e-tps-drive-'));
  ids.granted = (await harnessCall(s.harness, 'intake.createFull', intake('Ana', 'Zelaya', 'granted', 'A 201-555-123', '1985-04-12'))).id;
  ids.pending = (
    await harnessCall(s.harness, 'intake.createFull', intake('Thị Bích Ngọc', 'Nguyễn', 'pending', 'A 098-765-432', '1992-09-30'))
  ).id;
  // The clinic's blanks, imported as on the Forms page (that page's import is covered by forms.e2e.ts).
  await harnessCall(s.harness, 'forms.importBlank', { fileName: 'i-765.pdf', dataBase64: b64('i-765.pdf') });
  // No I-821 blank is among the fixtures: a blank the clinic mapped itself as form "i-821" stands in for it.
  const own = await harnessCall(s.harness, 'forms.importBlank', { fileName: 'g-28.pdf', dataBase64: b64('g-28.pdf') });
  await harnessCall(s.harness, 'forms.saveTemplate', {
    id: own.blankId,
    name: 'I-821 (clinic map)',
    map: {
      form: 'i-821',
      edition: 'clinic',
      fields: { 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]': { transform: 'name-family', source: 'person' } },
    },
  });
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

afterEach(() => {
  expect(s.problems).toEqual([]);
});

afterAll(async () => {
  await s?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the TPS drive', () => {
  stepsBuildOnEachOther();

  it('fills the I-765, (a)(12) or (c)(19) per person, and the clinic’s I-821, in one batch with progress; Save all', async () => {
    await nav().getByRole('button', { name: 'TPS' }).click();
    await h1('TPS').waitFor();
    const drive = card('El Salvador').getByRole('region', { name: 'Work permits for El Salvador: fill the I-765' });
    await drive.waitFor();
    const people = drive.getByRole('group', { name: 'People to fill the I-765 for' });
    // Keyboard: tick the two people with Space.
    for (const name of [/Zelaya, Ana/, /Nguyễn, Thị Bích Ngọc/]) {
      const box = people.getByRole('checkbox', { name });
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await people.getByText('(a)(12)').waitFor();
    await people.getByText('(c)(19)').waitFor();
    expect(
      await drive.getByRole('checkbox', { name: 'Also fill the clinic’s I-821 (I-821 (clinic map)) for each person' }).isChecked(),
    ).toBe(true);
    await drive.getByRole('button', { name: 'Fill the I-765 for 2 people' }).click();
    await drive.getByRole('progressbar', { name: 'Batch progress' }).waitFor();
    await drive.getByText('Finished: 4 forms ready to save, 0 could not be filled.').waitFor({ timeout: 120_000 });
    const results = drive.getByRole('table', { name: 'Batch results' });
    await results.getByRole('rowheader', { name: 'Zelaya, Ana — I-765' }).waitFor();
    await results.getByRole('rowheader', { name: 'Nguyễn, Thị Bích Ngọc — I-821' }).waitFor();
    await screenshot(page, 'tps-drive-1-done');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await drive.getByRole('button', { name: 'Save all (4)' }).click();
    await expect.poll(() => drive.getByText('Saved.', { exact: true }).count(), { timeout: 60_000 }).toBe(4);
    expect(downloads).toHaveLength(4);
    const categories: string[] = [];
    for (const [i, d] of downloads.entries()) {
      const { values, text } = await check(d, `${i}.pdf`);
      if (!d.suggestedFilename().startsWith('I-765')) continue;
      categories.push(
        `(${values.get('form1[0].Page3[0].#area[1].section_1[0]')})(${values.get('form1[0].Page3[0].#area[1].section_2[0]')})`,
      );
      expect(text).toMatch(/Zelaya|Nguyễn/);
    }
    expect(categories.sort()).toEqual(['(a)(12)', '(c)(19)']);
  });

  it('each saved form is in the person’s history', async () => {
    for (const personId of [ids.granted!, ids.pending!]) {
      const history = await harnessCall(s.harness, 'forms.history', { personId });
      expect(history.map((h) => h.form).sort()).toEqual(['i-765', 'i-821']);
    }
  });

  it('offers the AR-11 where an address change is recorded, and fills it', async () => {
    await harnessCall(s.harness, 'forms.importBlank', { fileName: 'ar-11.pdf', dataBase64: b64('ar-11.pdf') });
    await card('El Salvador').getByRole('button', { name: 'Ana Zelaya' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ana Zelaya' }).waitFor();
    await page.getByRole('button', { name: '+ Add event' }).click();
    const form = page.locator('form.event-form');
    await form.getByLabel('Event', { exact: true }).selectOption('address-changed');
    await form.getByLabel('Date of the move').fill(usDateFromToday(-1));
    await form.getByRole('button', { name: 'Save event' }).click();
    const offer = page.getByRole('group', { name: 'The address changed: the AR-11 must reach USCIS within 10 days.' });
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Fill the AR-11' }).click();
    const downloading = page.waitForEvent('download');
    await offer.getByRole('button', { name: 'Fill and save PDF' }).click();
    const { values, text } = await check(await downloading, 'ar-11.pdf');
    expect(values.get('LastName')).toBe('Zelaya');
    expect(values.get('form1[0].#subform[0].S2B_StreetNumberName[0]')).toBe('12 Calle Ñandú');
    expect(text).toContain('12 Calle Ñandú');
    await screenshot(page, 'tps-drive-2-ar11');
  });
});
