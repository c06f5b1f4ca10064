/**
 * Issue 8 §1 in the browser: hearings as docket rows of their own (time,
 * court, judge, detained first), the range choice (30 / 90 / 365 days /
 * everything open), "Show more" paging, and an ended TPS designation shown
 * as information, never as overdue. Real core behind the loopback harness,
 * real Chromium, keyboard where a person would use it. Dates are relative to
 * today (the harness uses the real clock).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/deadlines/dates';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import { harnessCall, isFocused, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let freeId = '';

const today = isoDateFromLocal(new Date());
const hearingDate = addDays(today, 12);

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const group = (name: RegExp) => page.getByRole('region', { name });
const intake = (given: string, family: string, detained: boolean, cases: unknown[], history: object = {}) => ({
  intake: {
    person: { givenName: given, familyName: family, dob: '1990-01-01' },
    detention: detained ? { detained: true, facility: 'Otay Mesa' } : { detained: false },
    history,
    cases,
    family: [],
    notes: '',
    consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
  },
});

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  await harnessCall(
    s.harness,
    'intake.createFull',
    intake('Dora', 'Detenida', true, [
      {
        type: 'removal-detained',
        court: 'Otay Mesa Immigration Court',
        judge: 'Judge Ruiz',
        nextHearing: { date: hearingDate, time: '08:30', kind: 'master' },
      },
    ]),
  );
  const free = await harnessCall(s.harness, 'intake.createFull', intake('Félix', 'Libre', false, [{ type: 'asylum-affirmative' }]));
  freeId = free.id;
  await harnessCall(s.harness, 'deadlines.addManual', { personId: freeId, label: 'Ten days out', due: addDays(today, 10) });
  await harnessCall(s.harness, 'deadlines.addManual', { personId: freeId, label: 'Appeal 60 days out', due: addDays(today, 60) });
  // Enough deadlines 200 days out that "Later" needs a second page (the UI shows 200 rows at a time).
  for (let i = 0; i < 205; i++) {
    await harnessCall(s.harness, 'deadlines.addManual', { personId: freeId, label: `Far deadline ${i}`, due: addDays(today, 200) });
  }
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('the docket shows what a paralegal must attend to', () => {
  stepsBuildOnEachOther();

  it('shows a hearing as its own row, with time, court and judge, detained first', async () => {
    await nav().getByRole('button', { name: 'Docket' }).click();
    await h1('Docket').waitFor();
    const next30 = group(/^Next 30 days/);
    const rows = next30.locator('tbody > tr:not(.detail-row)');
    await expect.poll(() => rows.count()).toBe(2);
    // The detained person's hearing (day 12) before the other person's deadline (day 10).
    await expect
      .poll(() => rows.nth(0).textContent())
      .toMatch(/Master calendar hearing.*Dora Detenida.*Hearing08:30 · Otay Mesa Immigration Court · Judge Ruiz/);
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/Ten days out.*Félix Libre/);
    expect(await page.getByText('Appeal 60 days out').count()).toBe(0);

    // Keyboard: the hearing's button opens its details; Escape closes them and keeps focus on the row.
    const button = next30.getByRole('button', { name: 'Master calendar hearing' });
    await button.focus();
    await page.keyboard.press('Enter');
    const details = next30.locator('.hearing-detail');
    await details.waitFor();
    expect(await details.textContent()).toBe('Time08:30CourtOtay Mesa Immigration CourtJudgeJudge Ruiz');
    await screenshot(page, 'docket-hearing-row');
    await next30.getByRole('button', { name: 'Deadlines of Dora Detenida' }).focus();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(button)).toBe(true);
  });

  it('the range choice shows what is further out, and "Show more" fetches the next page', async () => {
    const range = page.getByLabel('Show', { exact: true });
    await range.selectOption('90');
    const later = group(/^Later/);
    await later.getByRole('button', { name: 'Appeal 60 days out' }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'overdue or in the next 90 days' }).count()).toBe(1);
    expect(await page.getByText('Far deadline 0', { exact: true }).count()).toBe(0);

    await range.selectOption('all');
    await page.getByText(/everything open/).waitFor();
    const farRows = later.locator('tbody > tr', { hasText: 'Far deadline' });
    await expect.poll(() => farRows.count()).toBe(199); // 200 rows per page: the appeal, then 199 of the 205
    await expect.poll(() => later.textContent()).toContain('Showing 200 of 206.');
    await later.getByRole('button', { name: 'Show 6 more' }).click();
    await expect.poll(() => farRows.count()).toBe(205);
    expect(await later.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);
    await screenshot(page, 'docket-range-all');

    await range.selectOption('30');
    await expect.poll(() => page.getByRole('region', { name: /^Later/ }).count()).toBe(0);
  });

  it('in Spanish too', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByLabel('Mostrar', { exact: true }).selectOption('365');
    await group(/^Más adelante/).waitFor();
    await group(/^Próximos 30 días/)
      .getByRole('button', { name: 'Audiencia de calendario maestro' })
      .waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Show', { exact: true }).selectOption('30');
  });
});
