/**
 * Issue 8 §5 in the browser: the TPS page lists, per country, the people in
 * the vault it affects (re-registration and work-permit dates, a link to the
 * record); a dataset import's preview says how many people each change
 * touches; a passed end date is never shown beside "Extended". Real core
 * behind the loopback harness, real Chromium. Dates are relative to today
 * (the harness uses the real clock), and the dataset is imported with today
 * as its as-of date so the page shows what it says whatever the day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/deadlines/dates';
import { formatDate } from '../../shared/i18n/dates';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import { REPO_ROOT, harnessCall, isFocused, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;

const today = isoDateFromLocal(new Date());
const reRegEnd = addDays(today, 30);
const eadExpiry = addDays(today, -20);

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const card = (name: string) => page.locator('li.tps-card', { has: page.getByRole('heading', { level: 3, name, exact: true }) });

const intake = (given: string, family: string, history: object) => ({
  intake: {
    person: { givenName: given, familyName: family, dob: '1990-01-01' },
    detention: { detained: false },
    history,
    cases: [],
    family: [],
    notes: '',
    consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
  },
});

/** The shipped dataset as of today: El Salvador "extended" with an end date of yesterday and a re-registration window open now. */
function dataset(): string {
  const d = JSON.parse(readFileSync(join(REPO_ROOT, 'resources/tps/tps-2026-05.json'), 'utf8')) as {
    asOf: string;
    countries: Array<Record<string, unknown> & { country: string }>;
  };
  d.asOf = today;
  const sv = d.countries.find((c) => c.country === 'SV')!;
  sv.status = 'extended';
  sv.endDate = addDays(today, -1);
  sv.reRegistration = { start: addDays(today, -5), end: reRegEnd };
  delete sv.eadAutoExtendedTo;
  return JSON.stringify(d);
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  await harnessCall(s.harness, 'intake.createFull', intake('Ana', 'Zelaya', { tpsCountry: 'SV', tpsStatus: 'granted', eadExpiry }));
  await harnessCall(s.harness, 'intake.createFull', intake('Beto', 'Alvarado', { tpsCountry: 'El Salvador' }));
  await harnessCall(s.harness, 'intake.createFull', intake('Olena', 'Kovalenko', { tpsCountry: 'Ukraine' }));
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('TPS: who is affected', () => {
  stepsBuildOnEachOther();

  it("a dataset import's preview says how many people each change touches", async () => {
    await nav().getByRole('button', { name: 'TPS' }).click();
    await h1('TPS').waitFor();
    await page
      .getByLabel('TPS dataset file (.json)')
      .setInputFiles({ name: 'tps-today.json', mimeType: 'application/json', buffer: Buffer.from(dataset()) });
    const changes = page.getByRole('list', { name: 'Changes and how many people each touches' });
    await changes.waitFor();
    await changes.getByText(`Re-registration closes (SV): none → ${formatDate(reRegEnd, 'en', 'weekday')} — 2 people`).waitFor();
    await screenshot(page, 'tps-affected-1-preview');
    await page.getByRole('button', { name: 'Apply the new dataset' }).click();
    await page.getByText(/^Imported the dataset as of/).waitFor();
  });

  it('lists per country the people it affects, with their dates; "Extended" is never beside a passed end date', async () => {
    const sv = card('El Salvador');
    const people = sv.getByRole('region', { name: '2 people in the vault with TPS El Salvador' });
    await people.waitFor();
    const rows = people.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => rows.nth(1).innerText()).toContain('Beto Alvarado');
    const ana = people.getByRole('row', { name: /Ana Zelaya/ });
    await ana.getByText(formatDate(reRegEnd, 'en', 'weekday')).waitFor();
    await ana.getByText(formatDate(eadExpiry, 'en', 'weekday')).waitFor();
    // The end date (yesterday) is shown as passed, and the badge says so instead of "Extended".
    await sv.getByText('(yesterday)').waitFor();
    expect(await sv.locator('.tps-status').innerText()).toBe('End date passed: verify');
    await card('Ukraine').getByRole('region', { name: '1 person in the vault with TPS Ukraine' }).waitFor();
    await card('Haiti')
      .getByRole('region', { name: /^No one in the vault has Haiti/ })
      .waitFor();
    await screenshot(page, 'tps-affected-2-people');
  });

  it('opens the record from the list, by keyboard', async () => {
    const link = card('El Salvador').getByRole('button', { name: 'Ana Zelaya' });
    await link.focus();
    expect(await isFocused(link)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Ana Zelaya' }).waitFor();
  });

  it('shows the same in Spanish', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await nav().getByRole('button', { name: 'TPS' }).click();
    await h1('TPS').waitFor();
    const sv = card('El Salvador');
    await sv.getByRole('region', { name: '2 personas en la bóveda con TPS de El Salvador' }).waitFor();
    expect(await sv.locator('.tps-status').innerText()).toBe('Fecha de fin pasada: verifique');
    await sv
      .getByText(formatDate(reRegEnd, 'es', 'weekday'))
      .first()
      .waitFor();
    await screenshot(page, 'tps-affected-3-es');
  });
});
