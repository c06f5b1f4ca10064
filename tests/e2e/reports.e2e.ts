/**
 * Issue 13 in the browser: a lead opens Reports, in English and in Spanish,
 * and sees the caseload charts (chart.js on canvases, under the app's strict
 * CSP: any console error fails the spec) and, one click away, each chart's
 * table with the numbers of the vault built here. A case is closed from the
 * person's page and counted in the statistics, where a count under the
 * minimum shows as "< 5"; an export with names asks before it saves; the case
 * summary PDF is saved from the person's page and passes qpdf. Real core
 * behind the loopback harness, real Chromium; dates relative to today.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/deadlines/dates';
import { formatDate } from '../../shared/i18n/dates';
import { formatUsDate, isoDateFromLocal } from '../../shared/schemas/dates';
import { harnessCall, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;

const today = isoDateFromLocal(new Date());
const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const chart = (title: string) =>
  page.locator('section.report-card', { has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

const person = (given: string, family: string, detention: object) => ({
  intake: {
    person: { givenName: given, familyName: family, dob: '1990-01-01', countryOfBirth: 'Guatemala' },
    detention,
    history: {},
    cases: [],
    family: [],
    notes: '',
    consent: { date: today, how: 'verbal', language: 'es' },
  },
});

/** The rows of a table as text, header row first. */
async function rows(table: ReturnType<Page['locator']>): Promise<string[][]> {
  return table.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const h = s.harness;
  const training = await harnessCall(h, 'reports.addTraining', { date: today, place: 'Iglesia San José', organizer: 'CLINIC' });
  const ana = await harnessCall(
    h,
    'intake.createFull',
    person('María José', 'Núñez Peña', { detained: true, facility: 'Otay Mesa', dateDetained: addDays(today, -45) }),
  );
  const luis = await harnessCall(
    h,
    'intake.createFull',
    person('Luis', 'Pérez', { detained: true, facility: 'Otay Mesa', dateDetained: addDays(today, -400) }),
  );
  const kofi = await harnessCall(h, 'intake.createFull', person('Kofi', 'Mensah', { detained: false }));
  await harnessCall(h, 'reports.tagTraining', { personIds: [ana.id, kofi.id], trainingId: training.id });
  await harnessCall(h, 'cases.add', {
    personId: ana.id,
    case: { type: 'asylum-defensive', status: 'open', nextHearing: { date: addDays(today, 3), kind: 'individual' }, assignedTo: 'Rosa' },
  });
  await harnessCall(h, 'cases.add', {
    personId: luis.id,
    case: { type: 'bond', status: 'open', nextHearing: { date: addDays(today, 20), kind: 'master' }, assignedTo: 'Rosa' },
  });
  await harnessCall(h, 'cases.add', { personId: kofi.id, case: { type: 'tps', status: 'pending', assignedTo: 'Tomás' } });
  await harnessCall(h, 'deadlines.addManual', { personId: kofi.id, label: 'Send the I-821', due: addDays(today, -2) });
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('Reports', () => {
  stepsBuildOnEachOther();

  it('a lead sees every chart drawn, and each chart’s table one click away (English)', async () => {
    await nav().getByRole('button', { name: 'Reports', exact: true }).click();
    await h1('Reports').waitFor();
    await page.getByText(`Counts as of ${formatDate(today, 'en')}.`).waitFor();
    const cards = page.locator('section.report-card');
    expect(await cards.count()).toBe(10);
    // Charts with something to count are drawn on a canvas: some pixels are not blank.
    const facility = chart('Detained people by facility');
    const canvas = facility.locator('canvas');
    await canvas.waitFor();
    expect(await canvas.getAttribute('aria-label')).toBe('Detained people by facility: Total 2');
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(100);
    await screenshot(page, 'reports-01-dashboard-en');

    // The table: a real <table> with a caption, reached with the keyboard.
    const show = facility.getByRole('button', { name: 'Show table' });
    await show.focus();
    await page.keyboard.press('Enter');
    const table = facility.getByRole('table', { name: 'Detained people by facility' });
    await table.waitFor();
    expect(await rows(table)).toEqual([
      ['Facility', 'People'],
      ['Otay Mesa', '2'],
    ]);
    await expect.poll(() => facility.getByRole('button', { name: 'Show chart' }).isVisible()).toBe(true);

    const days = chart('Detained people by days in detention');
    await days.getByRole('button', { name: 'Show table' }).click();
    expect(await rows(days.getByRole('table'))).toEqual([
      ['Days in detention', 'People'],
      ['30 days or less', '0'],
      ['31 to 90 days', '1'],
      ['91 to 180 days', '0'],
      ['181 to 365 days', '0'],
      ['More than a year', '1'],
      ['Date not recorded', '0'],
      ['Total', '2'],
    ]);

    const hearings = chart('Hearings in the next 7, 30 and 90 days');
    await hearings.getByRole('button', { name: 'Show table' }).click();
    expect(await rows(hearings.getByRole('table'))).toEqual([
      [
        'Period',
        'Individual, detained',
        'Master calendar, detained',
        'Individual, not detained',
        'Master calendar, not detained',
        'Kind not recorded',
      ],
      ['Next 7 days', '1', '0', '0', '0', '0'],
      ['Next 30 days', '1', '1', '0', '0', '0'],
      ['Next 90 days', '1', '1', '0', '0', '0'],
      ['Total', '3', '2', '0', '0', '0'],
    ]);

    const byType = chart('Open cases by type and status');
    await byType.getByRole('button', { name: 'Show table' }).click();
    const typeRows = await rows(byType.getByRole('table'));
    expect(typeRows[0]).toEqual(['Case type', 'Open', 'Pending']);
    expect(typeRows).toContainEqual(['Asylum (defensive)', '1', '0']);
    expect(typeRows).toContainEqual(['TPS', '0', '1']);

    const deadlines = chart('Deadlines overdue, due this week and done late');
    await deadlines.getByRole('button', { name: 'Show table' }).click();
    expect((await rows(deadlines.getByRole('table')))[1]).toEqual(['Overdue', '1']);

    const training = chart('Intakes per training');
    await training.getByRole('button', { name: 'Show table' }).click();
    expect((await rows(training.getByRole('table')))[1]).toEqual([`${formatDate(today, 'en')}, Iglesia San José`, '2']);
    await screenshot(page, 'reports-02-tables-en');
  });

  it('the same charts and tables in Spanish', async () => {
    // Another page first: the Reports page opens afresh, with its charts shown.
    await nav().getByRole('button', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await nav().getByRole('button', { name: 'Informes', exact: true }).click();
    await h1('Informes').waitFor();
    await page.getByText(`Cifras al ${formatDate(today, 'es')}.`).waitFor();
    const facility = chart('Personas detenidas por centro');
    await facility.locator('canvas').waitFor();
    await screenshot(page, 'reports-03-dashboard-es');
    await facility.getByRole('button', { name: 'Ver tabla' }).click();
    expect(await rows(facility.getByRole('table', { name: 'Personas detenidas por centro' }))).toEqual([
      ['Centro de detención', 'Personas'],
      ['Otay Mesa', '2'],
    ]);
    const hearings = chart('Audiencias en los próximos 7, 30 y 90 días');
    await hearings.getByRole('button', { name: 'Ver tabla' }).click();
    expect((await rows(hearings.getByRole('table')))[1]).toEqual(['Próximos 7 días', '1', '0', '0', '0', '0']);
    await screenshot(page, 'reports-04-tables-es');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await h1('Reports').waitFor();
  });

  it('a case closed on the person’s page is counted in the statistics, under the minimum as “< 5”', async () => {
    await nav().getByRole('button', { name: 'People', exact: true }).click();
    await page
      .getByRole('button', { name: /Núñez Peña, María José/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'María José Núñez Peña' }).waitFor();
    await page.getByRole('button', { name: 'Close case: Asylum (defensive)' }).click();
    const form = page.getByRole('form', { name: 'Close the case: Asylum (defensive)' });
    await form.getByLabel('Outcome').selectOption({ label: 'Relief granted' });
    await form.getByLabel('LSC closure category (optional)').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Close the case' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByRole('cell', { name: 'Closed', exact: true }).count()).toBe(1);

    await nav().getByRole('button', { name: 'Reports', exact: true }).click();
    await page.getByRole('button', { name: 'Statistics', exact: true }).click();
    await page.getByLabel('From', { exact: true }).fill(formatUsDate(addDays(today, -30)));
    await page.getByLabel('Smallest count shown').fill('5');
    await page.getByRole('button', { name: 'Show statistics' }).click();
    const outcome = page.getByRole('table', { name: 'Cases closed, by outcome' });
    await outcome.waitFor();
    const cells = await rows(outcome);
    expect(cells[1]).toEqual(['Relief granted', '< 5']);
    expect(cells.flat().some((c) => /^\d+$/.test(c) && c !== '0')).toBe(false);
    // Funder codes are shown with their labels, as the LSC lists name them.
    expect((await rows(page.getByRole('table', { name: 'Cases closed, by LSC closure category' })))[1]).toEqual([
      'A · Counsel and advice',
      '< 5',
    ]);
    await screenshot(page, 'reports-05-stats-en');
    // At a minimum of 1 nothing is hidden.
    await page.getByLabel('Smallest count shown').fill('1');
    await page.getByRole('button', { name: 'Show statistics' }).click();
    await expect.poll(async () => (await rows(outcome))[1]).toEqual(['Relief granted', '1']);
  });

  it('an export with names says so before saving; the CSV and XLSX come down', async () => {
    await page.getByRole('button', { name: 'Exports', exact: true }).click();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('given_name');
    const downloading = page.waitForEvent('download');
    await warning.getByRole('button', { name: 'Save with these details' }).click();
    const csv = await downloading;
    expect(csv.suggestedFilename()).toBe(`amparo-people-${today}.csv`);
    await page.getByText('1 file saved.').waitFor();

    // Without identifying columns there is nothing to warn about; XLSX in one file.
    await page.getByLabel('One Excel workbook (XLSX), a sheet per kind').check();
    await page.locator('summary', { hasText: 'Columns of People' }).click();
    await page.getByRole('button', { name: 'Only columns that identify nobody' }).click();
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`amparo-export-${today}.xlsx`);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await screenshot(page, 'reports-06-exports-en');
  });

  it('summaries for two people as one PDF, with progress, saved and passing qpdf', async () => {
    await nav().getByRole('button', { name: 'Reports', exact: true }).click();
    await page.getByRole('button', { name: 'Case summaries', exact: true }).click();
    await page.getByLabel('Núñez Peña, María José').check();
    await page.getByLabel('Pérez, Luis').check();
    await page.getByRole('button', { name: 'Make 2 summaries' }).click();
    await page.getByText('Finished: 2 summaries made, 0 could not be made.').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('aria-valuenow')).toBe('100');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the combined PDF' }).click();
    const d = await downloading;
    const path = join(s.dir, 'batch.pdf');
    await d.saveAs(path);
    execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain('María José Núñez Peña');
    expect(text).toContain('Luis Pérez');
    await page.getByText(`Saved as ${d.suggestedFilename()}.`).waitFor();
    await screenshot(page, 'reports-07-batch-en');
  });

  it('the quick intake offers today’s training and tags the new record with it', async () => {
    await nav().getByRole('button', { name: 'Intake', exact: true }).click();
    const offer = page.getByLabel('Tag this intake with today’s training: Iglesia San José');
    await offer.waitFor();
    expect(await offer.isChecked()).toBe(true);
    await page.getByLabel('Given names').fill('Ixchel');
    await page.getByLabel('Family names').fill('Pop Caal');
    await page.getByLabel('Date of birth').fill('11/02/1996');
    await page.getByRole('group', { name: 'Detained now?' }).getByLabel('No').check();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 2, name: 'Saved: Ixchel Pop Caal' }).waitFor();
    await expect.poll(async () => (await harnessCall(s.harness, 'reports.trainings', {}))[0]?.intakes).toBe(3);
  });

  it('the case summary PDF is saved from the person’s page in Spanish and passes qpdf', async () => {
    await nav().getByRole('button', { name: 'People', exact: true }).click();
    await page
      .getByRole('button', { name: /Núñez Peña, María José/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'María José Núñez Peña' }).waitFor();
    const panel = page.getByRole('region', { name: 'Case summary' });
    await panel.getByLabel('Language of the summary').selectOption('es');
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Save case summary (PDF)' }).click();
    const d = await downloading;
    const path = join(s.dir, 'summary.pdf');
    await d.saveAs(path);
    execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Núñez Peña');
    expect(text).toContain('Otay Mesa');
    await panel
      .getByRole('status')
      .getByText(/Saved|Guardado/)
      .waitFor();
  });
});
