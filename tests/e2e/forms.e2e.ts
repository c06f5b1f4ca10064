/**
 * Issue 5, the Forms UI: import the official G-28 blank, fill it for a person
 * with an accented name and check the downloaded PDF with real tools (qpdf,
 * pdftotext); the mapper with a pdf.js page preview and the chosen field
 * outlined; a test fill; a damaged file and a different edition, each with a
 * clear answer; a batch with progress and "Save all"; the person's history;
 * the attorney block. Any console error or request off loopback fails a step.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOTS, harnessCall, isFocused } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { openIntakeSession, type IntakeSession } from './intake-helpers';
import { loadBlank } from '../../electron/core/forms/blank';

const BLANK = join(REPO_ROOT, '../shared/fixtures/forms/g-28.pdf');
const GIVEN = 'José María';
const FAMILY = 'Núñez Peña';
const GIVEN2 = 'Thị Bích Ngọc';
const FAMILY2 = 'Nguyễn';

let s: IntakeSession;
let page: Page;
let out: string;

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const h2 = (name: string | RegExp) => page.getByRole('heading', { level: 2, name });
const nav = () => page.getByRole('navigation', { name: 'Main navigation' });
async function shot(name: string) {
  // Sticky parts (the mapper's preview) are drawn where the window scroll put them: start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function saveDownload(d: Download, name: string): Promise<string> {
  const path = join(out, name);
  await d.saveAs(path);
  return path;
}

/** qpdf --check must pass; returns the text poppler extracts. */
function checkPdf(path: string): string {
  execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

async function pickPerson(scope: Locator, label: string, query: string, name: RegExp) {
  await scope.getByLabel(label).fill(query);
  await scope.getByRole('button', { name }).first().click();
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  out = mkdtempSync(join(tmpdir(), 'amparo-e2e-forms-out-'));
  await harnessCall(s.harness, 'intake.createFull', {
    intake: {
      person: {
        givenName: GIVEN,
        familyName: FAMILY,
        dob: '1988-03-14',
        aNumber: 'A 201-555-123',
        sex: 'male',
        languages: ['Spanish'],
        phone: '(555) 201-3344',
        address: { street: '12 Calle Ñandú', city: 'Los Ángeles', state: 'CA', zip: '90012' },
      },
      detention: { detained: false },
      history: {},
      cases: [{ type: 'asylum-affirmative' }],
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  await harnessCall(s.harness, 'intake.createQuick', {
    intake: { givenName: GIVEN2, familyName: FAMILY2, dob: '1990-02-28', phone: '5551234567', detained: false },
  });
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
});

afterEach(() => {
  expect(s.problems).toEqual([]);
});

afterAll(async () => {
  await s?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('forms', () => {
  stepsBuildOnEachOther();

  it('imports the official G-28 blank: the template is ready', async () => {
    await nav().getByRole('button', { name: 'Forms' }).click();
    await h1('Forms').waitFor();
    await page.getByTestId('templates-empty').waitFor();
    await page.getByLabel('Import blank PDF').setInputFiles(BLANK);
    await page.getByText(/imported: G-28 edition 2022, 97 fields\. It is ready to fill\./).waitFor({ timeout: 30_000 });
    const row = page.getByTestId('template-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('rowheader').textContent()).toContain('G-28');
    expect(await row.locator('td').nth(0).textContent()).toBe('G-28');
    expect(await row.locator('td').nth(1).textContent()).toBe('2022');
    expect(await row.locator('td').nth(2).textContent()).toContain('Ready');
    await shot('forms-01-list');
  });

  it('saves the attorney block (G-28 Part 1)', async () => {
    const form = page.locator('form.attorney-form');
    await form.getByLabel('Family name').fill('Ruiz');
    await form.getByLabel('Given name').fill('Ana');
    await form.getByLabel('Bar number').fill('123456');
    await form.getByLabel('Licensing authority').fill('State Bar of California');
    await form.getByRole('button', { name: 'Save attorney block' }).click();
    await page.getByText('Attorney block saved. The next G-28 uses it.').waitFor();
  });

  it('fills the G-28 for a person with an accented name; the download passes qpdf and shows the name', async () => {
    const fill = page.getByRole('region', { name: 'Fill a form for a person' });
    await pickPerson(fill, 'Person', 'nunez', /Núñez Peña, José María/);
    await fill.getByTestId('picked-person').waitFor();
    expect(await fill.getByLabel('Form', { exact: true }).locator('option:checked').textContent()).toContain('Ready');
    const downloading = page.waitForEvent('download');
    await fill.getByRole('button', { name: 'Fill and save PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^G-28.*\.pdf$/);
    const path = await saveDownload(download, 'g28.pdf');
    const text = checkPdf(path);
    expect(text).toContain('Núñez Peña');
    expect(text).toContain('José María');
    expect(text).toContain('Ruiz');

    const result = fill.getByTestId('fill-result');
    await result.getByText(/fields filled \(\d+ pages\)\./).waitFor();
    await result.getByText(`Saved as ${download.suggestedFilename()}.`).waitFor();
    // The history names the fill and the first digits of the file's SHA-256.
    const digest = sha(readFileSync(path)).slice(0, 12);
    const history = fill.getByRole('table', { name: 'Forms filled for this person' });
    await history.getByText(digest).waitFor();
    expect(await history.locator('tbody tr').first().textContent()).toContain('G-28');
    await shot('forms-02-fill-result');
  });

  it('opens the mapper: the page preview is drawn by pdf.js with the chosen field outlined', async () => {
    await page.getByRole('button', { name: /^Map fields of / }).click();
    await h2(/^Map fields: /).waitFor();
    const preview = page.getByTestId('mapper-preview');
    const stage = preview.locator('.pdf-stage');
    await expect.poll(() => stage.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');

    // Choose "2.a. Family Name" (Part 1): its rectangle is outlined on page 1.
    const list = page.getByRole('table', { name: 'Fields of the blank' });
    const family = list.getByRole('button', { name: 'Part 1 · 2. A. Enter Family Name (Last Name).' });
    await family.click();
    expect(await family.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => stage.getAttribute('data-highlighted')).toBe('1');
    const editor = page.getByTestId('field-editor');
    expect(await editor.getByLabel('How to fill it').locator('option:checked').textContent()).toMatch(/Family name/);

    // The canvas really has the page on it (not blank white).
    const inked = await preview.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 16) if (data[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(500);

    // Keyboard: down arrow moves to the next field and outlines it.
    await family.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => family.getAttribute('aria-pressed')).toBe('false');
    const next = list.locator('button.field-pick[aria-pressed="true"]');
    expect(await isFocused(next)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => family.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => stage.getAttribute('data-highlighted')).toBe('1');
    await shot('forms-03-mapper-preview');

    // Enter on the chosen field goes to its settings.
    await family.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(editor.getByLabel('How to fill it'))).toBe(true);

    // Map a field the shipped map leaves empty and save: the template stays ready, with one more field.
    await page.getByLabel('Show').selectOption('unmapped');
    const textRow = list
      .locator('tbody tr')
      .filter({ has: page.locator('td', { hasText: /^Text$/ }) })
      .first();
    await textRow.locator('button.field-pick').click();
    await editor.getByLabel('How to fill it').selectOption({ label: 'Text as entered' });
    await editor.getByLabel('Data source').selectOption({ label: 'Client › Email' });
    await page.getByText(/^Unsaved changes/).waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Template saved with 63 mapped fields. It is ready to fill.').waitFor();
    await page.getByText(/^All changes saved · 63 of 97 fields mapped/).waitFor();
    await page.getByLabel('Show').selectOption('all');
  });

  it('test-fills from the mapper and previews the result', async () => {
    const test = page.getByRole('region', { name: 'Test fill' });
    await pickPerson(test, 'Fill it for', 'núñez', /Núñez Peña, José María/);
    await test.getByRole('button', { name: 'Test fill' }).click();
    await test
      .getByTestId('test-result')
      .getByText(/fields filled/)
      .waitFor({ timeout: 30_000 });
    const stage = page.getByTestId('mapper-preview').locator('.pdf-stage');
    await expect.poll(() => page.getByRole('button', { name: 'Test fill', pressed: true }).count()).toBe(1);
    await expect.poll(() => stage.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => stage.getAttribute('data-highlighted')).toBe('1');
    // The client's family name (Part 3, item 6.a, page 2) in the filled copy.
    await page.getByLabel('Find a field').fill('Pt3Line5a');
    await page
      .getByRole('table', { name: 'Fields of the blank' })
      .getByRole('button', { name: /6\. A\. Enter Family Name/ })
      .first()
      .click();
    await page.getByText('Page 2 of 4').waitFor();
    await expect.poll(() => stage.getAttribute('data-rendered')).toBe('true');
    await expect.poll(() => stage.getAttribute('data-highlighted')).toBe('1');
    await shot('forms-04-mapper-test-fill');
    await page.getByLabel('Find a field').fill('');
    await page.getByRole('button', { name: /Back to Forms/ }).click();
    await h2('Form templates').waitFor();
  });

  it('a truncated PDF gets a clear error, and nothing is imported', async () => {
    const bad = join(out, 'g-28-truncated.pdf');
    writeFileSync(bad, readFileSync(BLANK).subarray(0, 5000));
    await page.getByLabel('Import blank PDF').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'g-28-truncated.pdf could not be imported. This file is damaged or is not a PDF. Download the blank form again from uscis.gov and import that file.',
    );
    await expect.poll(() => page.getByTestId('template-row').count()).toBe(1);
    await shot('forms-05-import-error');
  });

  it('a different edition lists the missing and new fields, and is used only after "Accept and continue"', async () => {
    const decrypted = await loadBlank(readFileSync(BLANK));
    const doc = await PDFDocument.load(decrypted.bytes);
    doc.getForm().getTextField('form1[0].#subform[1].Pt3Line9_ANumber[0]').acroField.setPartialName('Pt3Line9_ANumberNew[0]');
    const next = join(out, 'g-28-next.pdf');
    writeFileSync(next, await doc.save());
    await page.getByLabel('Import blank PDF').setInputFiles(next);
    const diff = page.getByRole('region', { name: 'Different edition' });
    await diff.waitFor({ timeout: 30_000 });
    await diff.getByText('Fields of the map that this blank does not have (1): they will stay empty').waitFor();
    await diff.getByText('New fields the map does not know (1): they will stay empty').waitFor();
    await diff.getByText('Pt3Line9_ANumber[0]', { exact: true }).waitFor();
    await diff.getByText('Pt3Line9_ANumberNew[0]', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('template-row').count()).toBe(2);
    expect(await page.getByTestId('template-row').filter({ hasText: 'Draft' }).count()).toBe(1);
    await shot('forms-06-edition-diff');
    await diff.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByText(/is ready to fill with the fields both editions share\./).waitFor();
    await expect.poll(() => page.getByTestId('template-row').filter({ hasText: 'Draft' }).count()).toBe(0);
  });

  it('fills one form for many people in a batch, with progress, then "Save all"', async () => {
    const batch = page.getByRole('region', { name: 'Fill one form for many people' });
    await batch.getByLabel(`${FAMILY}, ${GIVEN}`).check();
    await batch.getByLabel(`${FAMILY2}, ${GIVEN2}`).check();
    await batch.getByRole('button', { name: 'Fill for 2 people' }).click();
    const bar = batch.getByRole('progressbar', { name: 'Batch progress' });
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
    await batch.getByText('Finished: 2 forms ready to save, 0 could not be filled.').waitFor();
    const names: string[] = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    const first = page.waitForEvent('download');
    await batch.getByRole('button', { name: 'Save all (2)' }).click();
    const d1 = await first;
    const p1 = await saveDownload(d1, 'batch-1.pdf');
    await expect.poll(() => names.length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => batch.getByText('Saved.', { exact: true }).count()).toBe(2);
    expect(checkPdf(p1)).toContain('Núñez Peña');
    await shot('forms-07-batch');
  });

  it('the intake summary PDF, in Spanish', async () => {
    const fill = page.getByRole('region', { name: 'Fill a form for a person' });
    await fill.getByLabel('Language of the summary').selectOption('es');
    const downloading = page.waitForEvent('download');
    await fill.getByRole('button', { name: 'Intake summary PDF' }).click();
    const path = await saveDownload(await downloading, 'summary.pdf');
    const text = checkPdf(path);
    expect(text).toContain('Núñez Peña');
    const history = fill.getByRole('table', { name: 'Forms filled for this person' });
    await history.getByText('Intake summary').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 2, name: 'Plantillas de formularios' }).waitFor();
    await shot('forms-08-spanish');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
