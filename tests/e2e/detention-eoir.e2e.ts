/**
 * Issue 14 §3 and §4 in the browser, keyboard only: on a person's page the
 * detention history takes a facility from the list through the combobox
 * (Down, Enter; the court and field office shown), saving it makes the person
 * detained and moves the hearing to the detained docket; an EOIR check typed
 * in shows how EOIR differs from the docket and one button moves the case and
 * its hearing. The docket lists who is due a check, in Spanish too, and the
 * call sheet prints A-number and name per line. Real core behind the loopback
 * harness, real Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS, harnessCall, isFocused, screenshot, tabTo } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, usDateFromToday, type IntakeSession } from './intake-helpers';
import { addDays } from '../../shared/deadlines/dates';
import { isoDateFromLocal } from '../../shared/schemas/dates';

let s: IntakeSession;
let page: Page;
let rosaId = '';
const today = isoDateFromLocal(new Date());
const focused = (loc: Locator) => expect.poll(() => isFocused(loc), { timeout: 30_000 });
/** The panel alone, readable at full size. */
const shotOf = (loc: Locator, name: string) => loc.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });

const intake = (given: string, aNumber: string, cases: unknown[]) => ({
  decisions: [],
  intake: {
    person: { givenName: given, familyName: 'Quispe', dob: '1990-04-04', aNumber },
    detention: { detained: false },
    history: {},
    cases,
    family: [],
    notes: '',
    consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
  },
});

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const rosa = await harnessCall(
    s.harness,
    'intake.createFull',
    intake('Rosa', 'A012345678', [
      { type: 'removal-nondetained', judge: 'Ruiz', nextHearing: { date: addDays(today, 40), kind: 'master' } },
    ]),
  );
  rosaId = rosa.id;
  await harnessCall(s.harness, 'intake.createFull', intake('Luis', 'A098765432', [{ type: 'asylum-affirmative' }]));
  await page.goto(s.harness.launchUrl);
  await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('detention history and the EOIR status log', () => {
  stepsBuildOnEachOther();

  it('picks the facility from the list by keyboard; saving makes the person detained and moves the hearing to the detained docket', async () => {
    await page.keyboard.press('Control+k');
    await focused(page.getByRole('combobox', { name: 'Search people' })).toBe(true);
    await page.keyboard.type('rosa quispe');
    await page.getByRole('option', { name: /Quispe, Rosa/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Rosa Quispe' }).waitFor();
    const panel = page.getByRole('region', { name: 'Detention history' });
    const facility = panel.getByRole('combobox', { name: 'Facility' });
    await tabTo(page, facility, { max: 200 });
    // The list has ~200 facilities: a broad word shows 8 options, never hundreds.
    await page.keyboard.type('county');
    const listbox = page.locator(`[id="${await facility.getAttribute('aria-controls')}"]`);
    await expect.poll(() => listbox.getByRole('option').count()).toBe(8);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('lasalle');
    const option = page.getByRole('option', { name: /Central Louisiana ICE Processing Center/ });
    await option.waitFor();
    expect(await facility.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => facility.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'detention-eoir-01-combobox');
    await shotOf(panel, 'detention-eoir-01b-combobox-panel');
    await page.keyboard.press('Enter');
    await expect.poll(() => facility.inputValue()).toBe('Central Louisiana ICE Processing Center');
    expect(await facility.getAttribute('aria-expanded')).toBe('false');
    await panel
      .getByText('Filings go to Oakdale Immigration Court (administrative control court) · New Orleans field office · verify')
      .waitFor();
    await page.keyboard.press('Tab');
    await focused(panel.getByLabel('From')).toBe(true);
    await page.keyboard.type(usDateFromToday(-12));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await focused(panel.getByLabel('Booking or jail id')).toBe(true);
    await page.keyboard.type('LS-2041');
    const save = panel.getByRole('button', { name: 'Save detention history' });
    await tabTo(page, save, { max: 40 });
    await page.keyboard.press('Enter');
    await panel
      .getByText(
        'Detention history saved. Detained at Central Louisiana ICE Processing Center. 1 hearing changed docket; its deadlines were recomputed.',
      )
      .waitFor();
    const p = await harnessCall(s.harness, 'people.get', { id: rosaId });
    expect(p.detention).toMatchObject({ detained: true, facility: 'Central Louisiana ICE Processing Center', bookingNumber: 'LS-2041' });
    expect(p.detention.iceFieldOffice).toBe('New Orleans');
    // A detained master hearing: the judge sets filing dates, so the non-detained 15-day deadline is gone.
    const open = await harnessCall(s.harness, 'deadlines.list', { personId: rosaId, status: 'open' });
    expect(open.map((d) => d.ruleId)).toEqual([]);
    await screenshot(page, 'detention-eoir-02-saved');
    await shotOf(panel, 'detention-eoir-02b-saved-panel');
  });

  it('an EOIR check that differs from the docket shows the change; one button moves the case and its hearing', async () => {
    const panel = page.getByRole('region', { name: 'EOIR status checks' });
    const date = panel.getByLabel('Next hearing date');
    await tabTo(page, date, { max: 80 });
    await page.keyboard.type(usDateFromToday(55));
    await page.keyboard.press('Tab');
    await focused(panel.getByLabel('Time')).toBe(true);
    await page.keyboard.type('09:30');
    await tabTo(page, panel.getByRole('button', { name: 'Record check' }), { max: 20 });
    await page.keyboard.press('Enter');
    await panel.getByText('EOIR differs from the docket:').waitFor();
    const rows = panel.locator('.eoir-diff tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').innerText()).toBe('Hearing date');
    expect(await rows.nth(1).innerText()).toContain('09:30');
    await screenshot(page, 'detention-eoir-03-differs');
    await shotOf(panel, 'detention-eoir-03b-differs-panel');
    const apply = panel.getByRole('button', { name: 'Update the case and its hearing' });
    await tabTo(page, apply, { max: 5 });
    await page.keyboard.press('Enter');
    await panel.getByText('Case and hearing updated from the EOIR check; the deadlines were recomputed.').waitFor();
    const p = await harnessCall(s.harness, 'people.get', { id: rosaId });
    expect(p.cases[0]!.nextHearing).toEqual({ date: addDays(today, 55), time: '09:30', kind: 'master' });
    const events = await harnessCall(s.harness, 'events.list', { personId: rosaId });
    expect(events.filter((e) => e.kind === 'hearing-scheduled').map((e) => e.date)).toEqual([addDays(today, 55)]);
    await panel.getByText(/applied to the case/).waitFor();
    await screenshot(page, 'detention-eoir-04-applied');
  });

  it('the docket lists who is due a check, in Spanish; the call sheet prints A-number and name per line', async () => {
    await nav().getByRole('button', { name: 'Docket' }).press('Enter');
    const due = page.getByRole('region', { name: 'EOIR checks due (1)' });
    await due.waitFor();
    await due.locator('.eoir-due-list').getByText('A-098-765-432').waitFor();
    await page.getByRole('button', { name: 'Español' }).press('Enter');
    const dueEs = page.getByRole('region', { name: 'Consultas a la EOIR pendientes (1)' });
    await dueEs.waitFor();
    await dueEs.getByText('nunca consultado').waitFor();
    await dueEs.getByRole('button', { name: 'Imprimir hoja de llamadas' }).waitFor();
    await screenshot(page, 'detention-eoir-05-due-es');
    // What the printer gets: only the sheet, one line per person.
    await page.evaluate(() => document.body.classList.add('print-call-sheet'));
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.call-sheet li');
    await expect.poll(() => sheet.allInnerTexts()).toEqual(['A-098-765-432 Luis Quispe']);
    await screenshot(page, 'detention-eoir-06-call-sheet');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('print-call-sheet'));
    await page.keyboard.press('Control+k');
    await page.keyboard.type('rosa quispe');
    await page.getByRole('option', { name: /Quispe, Rosa/ }).waitFor();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Historial de detención' });
    await panel.getByText('Los escritos van a Oakdale Immigration Court (tribunal de control administrativo)', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Consultas del estado en la EOIR' }).getByText('Consultas anteriores').waitFor();
    await screenshot(page, 'detention-eoir-07-person-es');
    await shotOf(panel, 'detention-eoir-07b-detention-es');
    await page.getByRole('button', { name: 'English' }).press('Enter');
  });

  it('a lead sets the "to check" intervals in Settings by keyboard; an absurd value is refused and announced', async () => {
    await nav().getByRole('button', { name: 'Settings' }).press('Enter');
    const panel = page.getByRole('region', { name: 'EOIR check intervals' });
    const detained = panel.getByRole('textbox', { name: 'Detained clients: days between checks' });
    await expect.poll(() => detained.inputValue()).toBe('7');
    await tabTo(page, detained, { max: 200 });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await panel.getByText('Enter a whole number of days from 1 to 365.').waitFor();
    await expect.poll(() => detained.getAttribute('aria-invalid')).toBe('true');
    await focused(detained).toBe(true);
    await shotOf(panel, 'detention-eoir-08-intervals-refused');
    expect((await harnessCall(s.harness, 'eoir.due', {})).intervals).toEqual({ detainedDays: 7, otherDays: 30 });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await panel.getByText('Detained: every 3 days; others: every 30 days. Saved.').waitFor();
    expect((await harnessCall(s.harness, 'eoir.due', {})).intervals).toEqual({ detainedDays: 3, otherDays: 30 });
    await shotOf(panel, 'detention-eoir-09-intervals-saved');
  });

  it('the docket filters by facility and by field office', async () => {
    const ada = await harnessCall(s.harness, 'intake.createFull', intake('Ada', 'A033333333', [{ type: 'asylum-defensive' }]));
    await harnessCall(s.harness, 'detention.save', {
      personId: ada.id,
      version: ada.version,
      history: { stays: [{ facility: 'Adelanto ICE Processing Center', from: addDays(today, -20) }], ankleMonitor: false },
    });
    const eventFor = (personId: string) =>
      harnessCall(s.harness, 'events.add', { personId, event: { kind: 'ij-decision-oral', date: today, details: {} } });
    await eventFor(ada.id);
    await eventFor(rosaId);
    await nav().getByRole('button', { name: 'Docket' }).press('Enter');
    // The docket read is cached from the earlier visit and these writes went around the UI: a new range refetches it.
    await page.getByRole('combobox', { name: 'Show' }).selectOption('90');
    const people = () => page.locator('.person-cell').allInnerTexts();
    await expect.poll(async () => new Set(await people())).toEqual(new Set(['Ada Quispe', 'Rosa Quispe']));
    const facility = page.getByRole('combobox', { name: 'Detained at' });
    await tabTo(page, facility, { max: 200 });
    await facility.selectOption({ label: 'Adelanto ICE Processing Center' });
    await expect.poll(async () => [...new Set(await people())]).toEqual(['Ada Quispe']);
    await screenshot(page, 'detention-eoir-10-docket-facility');
    await facility.selectOption('');
    const office = page.getByRole('combobox', { name: 'ICE field office' });
    await office.selectOption('New Orleans');
    await expect.poll(async () => [...new Set(await people())]).toEqual(['Rosa Quispe']);
    await screenshot(page, 'detention-eoir-11-docket-field-office');
  });
});
