/**
 * Issue 14 §1, the asylum EAD clock, in the browser and by keyboard only: an
 * asylum filing recorded on a person's deadlines gives the two work-permit
 * dates (150 and 180 days on the clock); a clock stop entered with the day it
 * stopped, the day it ran again and why, moves both dates by the stop's length,
 * and each date's trail shows the stop, in English and in Spanish. Real core
 * behind the loopback harness, real Chromium; dates are relative to today (the
 * harness runs on the real clock) and the expected ones come from the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { computeDeadline, isBusinessDay } from '../../shared/deadlines';
import { addDays } from '../../shared/deadlines/dates';
import { showEn, showEs } from '../../shared/deadlines/trail';
import { formatDate } from '../../shared/i18n/dates';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import { harnessCall, isFocused, screenshot, tabTo, typeOver } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let personId = '';

const NAME = 'Amaru Condori';
const FILE = 'Asylum-based work permit (Form I-765, category (c)(8)): earliest filing date';
const ELIGIBLE = 'Asylum-based work permit (category (c)(8)): earliest date it can be granted';
const ELIGIBLE_ES = 'Permiso de trabajo por asilo (categoría (c)(8)): primera fecha en que puede concederse';
const STOP_DAYS = 14;
const REASON = 'the applicant asked to reschedule the interview';

const today = isoDateFromLocal(new Date());
/**
 * A filing date whose four dates (150 and 180 days, without and with the stop)
 * are business days: no weekend or holiday roll, so "moved by the stop's
 * length" is exactly 14 days whatever day the test runs.
 */
const filed = (() => {
  for (let back = 30; back < 90; back += 1) {
    const f = addDays(today, -back);
    const days = [150, 180, 150 + STOP_DAYS, 180 + STOP_DAYS].map((n) => addDays(f, n));
    if (days.every((d) => isBusinessDay(d))) return f;
  }
  throw new Error('no filing date without a roll in the last 90 days');
})();
const stop = { from: addDays(filed, 10), to: addDays(filed, 10 + STOP_DAYS) };
const due = (rule: string, clockStops: Array<{ from: string; to: string }> = []) =>
  computeDeadline({ rule, trigger: filed, options: clockStops.length ? { clockStops } : {} }).due;
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const focused = (loc: Locator) => expect.poll(() => isFocused(loc), { timeout: 30_000 });
/** The date shown in the row of the deadline named `label` (open or closed). */
const shownDue = (label: string) =>
  page
    .locator('tr', { has: page.locator('.due-cell'), hasText: label })
    .locator('.due-cell')
    .innerText();

/** Chooses an option of the focused select with the arrow keys, as a person would. */
async function arrowTo(select: Locator, value: string): Promise<void> {
  for (let i = 0; i < 60 && (await select.inputValue()) !== value; i += 1) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const person = await harnessCall(s.harness, 'intake.createQuick', {
    intake: { givenName: 'Amaru', familyName: 'Condori', approxAge: '29', phone: '(555) 201-4455', detained: false, urgentNeeds: '' },
    decisions: [],
  });
  personId = person.id;
  await harnessCall(s.harness, 'cases.add', { personId, case: { type: 'asylum-affirmative' } });
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('asylum EAD clock stop (8 CFR 208.7(a)(2))', () => {
  stepsBuildOnEachOther();

  it('records the asylum filing by keyboard; the page shows the 150- and 180-day dates', async () => {
    const docket = nav().getByRole('button', { name: 'Docket' });
    await docket.focus();
    await page.keyboard.press('Enter');
    await h1('Docket').waitFor();
    const finder = page.getByLabel('Open a person’s deadlines');
    await tabTo(page, finder, { max: 60 });
    await page.keyboard.type('condori');
    const open = page.getByRole('button', { name: `Deadlines of ${NAME}` });
    await tabTo(page, open, { max: 10 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: `Deadlines: ${NAME}` }).waitFor();

    await tabTo(page, page.getByRole('button', { name: '+ Add event' }), { max: 60 });
    await page.keyboard.press('Enter');
    const form = page.locator('form.event-form');
    const kind = form.getByLabel('Event', { exact: true });
    await focused(kind).toBe(true);
    await arrowTo(kind, 'asylum-filed');
    const date = form.getByLabel('Date the complete application was filed');
    await tabTo(page, date, { max: 5 });
    await typeOver(page, us(filed));
    await form.locator('.event-preview').getByText(ELIGIBLE).waitFor();
    await tabTo(page, form.getByRole('button', { name: 'Save event' }), { max: 10 });
    await page.keyboard.press('Enter');
    await page.locator('.change-summary').getByText(`New: ${FILE}`, { exact: false }).waitFor();

    // The dates on the page are the engine's: 150 and 180 clock days after the filing.
    expect(due('asylum-ead-file')).toBe(addDays(filed, 150));
    expect(due('asylum-ead-eligible')).toBe(addDays(filed, 180));
    await expect.poll(() => shownDue(FILE)).toBe(formatDate(addDays(filed, 150), 'en', 'weekday'));
    expect(await shownDue(ELIGIBLE)).toBe(formatDate(addDays(filed, 180), 'en', 'weekday'));
  });

  it('a clock stop typed in (end date and reason) moves both dates by its length; the trail shows it', async () => {
    await tabTo(page, page.getByRole('button', { name: '+ Add event' }), { max: 80 });
    await page.keyboard.press('Enter');
    const form = page.locator('form.event-form');
    const kind = form.getByLabel('Event', { exact: true });
    await focused(kind).toBe(true);
    await arrowTo(kind, 'asylum-clock-stop');

    // The day it ran again is required and cannot come before the stop: both errors are announced.
    const from = form.getByLabel('The clock stopped on');
    const to = form.getByLabel('The clock ran again on');
    await tabTo(page, from, { max: 5 });
    await typeOver(page, us(stop.from));
    await tabTo(page, to, { max: 5 });
    await typeOver(page, us(addDays(stop.from, -1)));
    await tabTo(page, form.getByRole('button', { name: 'Save event' }), { max: 10 });
    await page.keyboard.press('Enter');
    const summary = form.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    await summary.getByText('The clock cannot run again before it stopped.', { exact: false }).waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'asylum-clock-01-stop-before-start');

    await tabTo(page, to, { back: true, max: 10 });
    await typeOver(page, us(stop.to));
    await tabTo(page, form.getByLabel('Why the clock stopped'), { max: 5 });
    await page.keyboard.type(REASON);
    // The preview says what the stop does (it has no deadline of its own).
    await form
      .locator('.event-preview')
      .getByText('the asylum work-permit dates move by the days the clock stopped', { exact: false })
      .waitFor();
    await tabTo(page, form.getByRole('button', { name: 'Save event' }), { max: 10 });
    await page.keyboard.press('Enter');
    const change = page.locator('.change-summary');
    await change.getByText(`Recomputed: ${FILE}:`, { exact: false }).waitFor();
    await change.getByText(`Recomputed: ${ELIGIBLE}:`, { exact: false }).waitFor();

    // Both dates moved by exactly the stop's length, as the engine counts them.
    const fileAfter = addDays(filed, 150 + STOP_DAYS);
    const eligibleAfter = addDays(filed, 180 + STOP_DAYS);
    expect(due('asylum-ead-file', [stop])).toBe(fileAfter);
    expect(due('asylum-ead-eligible', [stop])).toBe(eligibleAfter);
    await expect.poll(() => shownDue(FILE)).toBe(formatDate(fileAfter, 'en', 'weekday'));
    expect(await shownDue(ELIGIBLE)).toBe(formatDate(eligibleAfter, 'en', 'weekday'));
    const stored = await harnessCall(s.harness, 'deadlines.list', { personId, status: 'open' });
    expect(Object.fromEntries(stored.filter((d) => d.ruleId?.startsWith('asylum-ead')).map((d) => [d.ruleId, d.due]))).toEqual({
      'asylum-ead-file': fileAfter,
      'asylum-ead-eligible': eligibleAfter,
    });
    // The stop is kept as an event, with the day the clock ran again and why.
    const event = page.getByRole('row', { name: /Asylum EAD clock stopped by the applicant/ });
    await event.getByText(`clock ran again ${formatDate(stop.to, 'en', 'weekday')}`, { exact: false }).waitFor();
    await event.getByText(REASON, { exact: false }).waitFor();

    // The trail, opened from the keyboard, shows the stop and its 14 days.
    const row = page.getByRole('button', { name: ELIGIBLE, exact: true });
    await tabTo(page, row, { back: true, max: 80 });
    await page.keyboard.press('Enter');
    const trail = page.locator('.deadline-detail ol.trail');
    await trail
      .getByText(
        `Clock stopped by the applicant from ${showEn(stop.from)} to ${showEn(stop.to)} (${REASON}): ${STOP_DAYS} days not counted`,
        {
          exact: false,
        },
      )
      .waitFor();
    await trail.getByText(`Earliest date: ${showEn(eligibleAfter)}.`).waitFor();
    await screenshot(page, 'asylum-clock-02-trail-en');
  });

  it('shows the moved date and the stop in the Spanish trail', async () => {
    await page.getByRole('button', { name: 'Español' }).press('Enter');
    const trail = page.locator('.deadline-detail ol.trail');
    await page.locator('.deadline-detail').getByRole('heading', { level: 3, name: ELIGIBLE_ES }).waitFor();
    await trail.getByText(`Reloj detenido por el solicitante del ${showEs(stop.from)} al ${showEs(stop.to)}`, { exact: false }).waitFor();
    await trail.getByText(`Primera fecha posible: ${showEs(addDays(filed, 180 + STOP_DAYS))}.`).waitFor();
    expect(await trail.getAttribute('lang')).toBe('es');
    expect(await shownDue(ELIGIBLE_ES)).toBe(formatDate(addDays(filed, 180 + STOP_DAYS), 'es', 'weekday'));
    await screenshot(page, 'asylum-clock-03-trail-es');
    await page.getByRole('button', { name: 'English' }).press('Enter');
    await page.getByRole('heading', { level: 2, name: `Deadlines: ${NAME}` }).waitFor();
  });
});
