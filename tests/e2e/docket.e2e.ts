/**
 * Issue 4 UI: a person's events and deadlines, the docket with its trails,
 * moving a hearing, overrides, Spanish trails, closure days, calendar export,
 * reminders and the TPS page, through the real core behind the loopback
 * harness, in Chromium. Dates are relative to today (the harness uses the
 * real clock), and the expected due dates come from the shared engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { computeDeadline } from '../../shared/deadlines';
import { addDays, weekday } from '../../shared/deadlines/dates';
import { showEn, showEs } from '../../shared/deadlines/trail';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import { REPO_ROOT, harnessCall, isFocused, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, openIntakeSession, usDateFromToday, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let personId = '';

const GIVEN = 'Rosa Elena';
const FAMILY = 'Quispe Mamani';
const NAME = `${GIVEN} ${FAMILY}`;
const RULE = 'prehearing-filing-master-nondetained';
const LABEL = 'Filings before a master calendar hearing (not detained)';
const LABEL_ES = 'Escritos antes de una audiencia preliminar (no detenido)';

const today = isoDateFromLocal(new Date());
const hearing1 = addDays(today, 21);
const hearing2 = addDays(today, 28);
const due1 = computeDeadline({ rule: RULE, trigger: hearing1 }).due;
const due2 = computeDeadline({ rule: RULE, trigger: hearing2 }).due;

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const focused = (loc: Locator) => expect.poll(() => isFocused(loc), { timeout: 30_000 });
const detail = () => page.locator('.deadline-detail');

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const person = await harnessCall(s.harness, 'intake.createQuick', {
    intake: { givenName: GIVEN, familyName: FAMILY, approxAge: '34', phone: '(555) 201-7788', detained: false, urgentNeeds: '' },
    decisions: [],
  });
  personId = person.id;
  await harnessCall(s.harness, 'cases.add', { personId, case: { type: 'removal-nondetained', assignedTo: 'Lucía Ramos' } });
  await page.goto(s.harness.launchUrl);
  await h1('Intake').waitFor();
});

checkAndCloseSessions(() => [s]);

async function openPersonFromDocket(): Promise<void> {
  await nav().getByRole('button', { name: 'Docket' }).click();
  await h1('Docket').waitFor();
  await page.getByLabel('Open a person’s deadlines').fill('quispe');
  await page.getByRole('button', { name: `Deadlines of ${NAME}` }).click();
  await page.getByRole('heading', { level: 2, name: `Deadlines: ${NAME}` }).waitFor();
}

describe('docket and deadlines', () => {
  stepsBuildOnEachOther();

  it('adds a hearing from the person’s deadlines, with inline errors and a live preview', async () => {
    await openPersonFromDocket();
    await page.getByText('No deadlines yet.').waitFor();

    await page.getByRole('button', { name: '+ Add event' }).click();
    const form = page.locator('form.event-form');
    const kind = form.getByLabel('Event', { exact: true });
    await focused(kind).toBe(true);
    expect(await kind.inputValue()).toBe('hearing-scheduled');

    // An impossible date: an inline error tied to the field and an announced summary.
    const date = form.getByLabel('Hearing date', { exact: true });
    await date.fill('02/30/2027');
    await form.getByRole('button', { name: 'Save event' }).click();
    const summary = form.locator('.error-summary');
    await summary.getByText('Fix this problem before saving:').waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    await summary.getByRole('button', { name: /Hearing date: Type a real date as MM\/DD\/YYYY/ }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('Type a real date as MM/DD/YYYY');
    await focused(date).toBe(true);
    await screenshot(page, 'docket-01-bad-date');

    // A negative number of days (voluntary departure): refused the same way.
    await kind.selectOption('vd-granted');
    const days = form.getByLabel('Days of voluntary departure granted');
    await form.getByLabel('Date of the order').fill(usDateFromToday(0));
    await days.fill('-5');
    await form.getByRole('button', { name: 'Save event' }).click();
    await form.getByText('The number of days must be 1 or more (not zero or negative).').first().waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'docket-02-negative-days');

    // Back to the hearing: a master calendar hearing three weeks out, not detained.
    await kind.selectOption('hearing-scheduled');
    await form.getByLabel('Hearing date', { exact: true }).fill(usDateFromToday(21));
    expect(await form.getByLabel('Kind of hearing').inputValue()).toBe('master');
    expect(await form.getByLabel('Detained for this hearing').isChecked()).toBe(false);
    const preview = form.locator('.event-preview');
    await preview.getByText(LABEL).waitFor();
    await preview.getByText('EOIR Policy Manual, Part II (Immigration Court Practice Manual), ch. 3.1(b)').waitFor();
    await screenshot(page, 'docket-03-add-event-form');

    await form.getByRole('button', { name: 'Save event' }).click();
    const change = page.locator('.change-summary');
    await change.getByText(`New: ${LABEL}`, { exact: false }).waitFor();
    await page.getByRole('button', { name: LABEL }).waitFor();

    const stored = await harnessCall(s.harness, 'deadlines.list', { personId, status: 'all' });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.due).toBe(due1);
    expect(stored[0]!.assignee).toBe('Lucía Ramos');
  });

  it('shows the deadline on the docket and opens its trail with the keyboard', async () => {
    await page.getByRole('button', { name: '← Back to the docket' }).click();
    await h1('Docket').waitFor();
    const group = page.locator('section.docket-group', { has: page.getByRole('heading', { name: /Next 7 days/ }) });
    const row = group.getByRole('button', { name: LABEL });
    await row.waitFor();
    const tr = group.locator('tr', { has: page.getByRole('button', { name: LABEL }) });
    await tr.getByText(NAME).waitFor();
    await tr.getByText('Removal (not detained)').waitFor();
    await screenshot(page, 'docket-04-docket-en');

    // Filters: by assignee and by case type.
    await page.getByLabel('Assigned to').selectOption('Lucía Ramos');
    await row.waitFor();
    await page.getByLabel('Case type').selectOption('tps');
    await page.getByText('Nothing due in the next 7 days.').waitFor();
    await page.getByLabel('Case type').selectOption('');
    await page.getByLabel('Assigned to').selectOption('');
    await row.waitFor();

    await row.focus();
    await page.keyboard.press('Enter');
    expect(await row.getAttribute('aria-expanded')).toBe('true');
    const d = detail();
    await d.getByRole('heading', { level: 3, name: LABEL }).waitFor();
    await focused(d.getByRole('heading', { level: 3, name: LABEL })).toBe(true);
    const trail = d.locator('ol.trail');
    await trail.getByText(`Start: ${showEn(hearing1)}, the hearing (day 0).`).waitFor();
    await trail.getByText(`15 calendar days before ${showEn(hearing1)}`, { exact: false }).waitFor();
    await trail.getByText(`Due: ${showEn(due1)}.`).waitFor();
    await d.locator('cite', { hasText: 'EOIR Policy Manual, Part II (Immigration Court Practice Manual), ch. 3.1(b)' }).waitFor();
    await d.getByText('The hearing day is day 0.', { exact: false }).waitFor();
    await screenshot(page, 'docket-05-trail-open');

    // Escape closes it and gives focus back to the row.
    await page.keyboard.press('Escape');
    await expect.poll(() => detail().count()).toBe(0);
    await focused(group.getByRole('button', { name: LABEL })).toBe(true);
  });

  it('moves the hearing and recomputes exactly its deadline', async () => {
    await page.keyboard.press('Enter');
    await detail()
      .getByRole('button', { name: `Open all deadlines of ${NAME}` })
      .click();
    await page.getByRole('heading', { level: 2, name: `Deadlines: ${NAME}` }).waitFor();
    const before = await harnessCall(s.harness, 'deadlines.list', { personId, status: 'all' });

    await page.getByRole('button', { name: /^Move hearing: / }).click();
    const form = page.locator('form.event-form');
    const date = form.getByLabel('New hearing date');
    await focused(date).toBe(true);
    await page.keyboard.type(usDateFromToday(28));
    await form.locator('.event-preview').getByText(LABEL).waitFor();
    await form.getByRole('button', { name: 'Move hearing' }).click();
    await page.locator('.change-summary').getByText(`Recomputed: ${LABEL}:`, { exact: false }).waitFor();
    expect(await page.locator('.change-summary').textContent()).toContain('→');

    const after = await harnessCall(s.harness, 'deadlines.list', { personId, status: 'all' });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id); // the same deadline, recomputed in place
    expect(after[0]!.due).toBe(due2);
    // The move is kept as an event of its own.
    await page.getByRole('rowheader', { name: 'Hearing moved' }).waitFor();
    await screenshot(page, 'docket-06-moved');

    await page.getByRole('button', { name: '← Back to the docket' }).click();
    await h1('Docket').waitFor();
    const row = page.getByRole('button', { name: LABEL });
    await row.click();
    await detail()
      .locator('ol.trail')
      .getByText(`Due: ${showEn(due2)}.`)
      .waitFor();
    await detail()
      .locator('ol.trail')
      .getByText(`Start: ${showEn(hearing2)}, the hearing (day 0).`)
      .waitFor();
  });

  it('shows the trail in Spanish', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await h1('Agenda').waitFor();
    const d = detail();
    await d.getByRole('heading', { level: 3, name: LABEL_ES }).waitFor();
    const trail = d.locator('ol.trail');
    await trail.getByText(`Inicio: ${showEs(hearing2)}, audiencia (día 0).`).waitFor();
    await trail.getByText(`15 días calendario antes del ${showEs(hearing2)}`, { exact: false }).waitFor();
    await trail.getByText(`Fecha límite: ${showEs(due2)}.`).waitFor();
    await d.getByText('Cómo se calculó esta fecha').waitFor();
    await d.getByText('El día de la audiencia es el día 0.', { exact: false }).waitFor();
    expect(await trail.getAttribute('lang')).toBe('es');
    await screenshot(page, 'docket-07-trail-es');
    await page.getByRole('button', { name: 'English' }).click();
    await h1('Docket').waitFor();
  });

  it('overrides with a required reason (the computed date stays), marks done, reopens', async () => {
    const d = detail();
    await d.getByRole('button', { name: 'Override the date…' }).click();
    const form = d.locator('form.override-form');
    const due = form.getByLabel('New due date');
    await focused(due).toBe(true);
    await page.keyboard.type(usDateFromToday(9));
    await form.getByRole('button', { name: 'Save override' }).click();
    await form.locator('.error-summary').getByText('Reason (required): Say why the date is overridden.').waitFor();
    expect(await form.getByLabel('Reason (required)').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Reason (required)').fill('The judge set the filing deadline at the last hearing.');
    await form.getByRole('button', { name: 'Save override' }).click();
    await d.getByText('Override saved. The computed date is kept.').waitFor();
    await d.getByText('Computed date', { exact: true }).waitFor();
    await d.locator('[data-flag="override"]').waitFor();
    const stored = await harnessCall(s.harness, 'deadlines.list', { personId, status: 'all' });
    expect(stored[0]!.due).toBe(addDays(today, 9));
    expect(stored[0]!.computedDue).toBe(due2);
    expect(stored[0]!.override?.reason).toBe('The judge set the filing deadline at the last hearing.');
    await screenshot(page, 'docket-08-override');

    await d.getByRole('button', { name: 'Remove the override' }).click();
    await d.getByText('Override removed: the computed date applies again.').waitFor();
    await d.getByRole('button', { name: '✓ Mark done' }).click();
    await d.getByText(/Done: marked by .+ on /).waitFor();
    await d.getByRole('button', { name: 'Reopen' }).click();
    await d.getByText('Reopened.').waitFor();
    // Focus stays in the detail (on the button that replaced the one pressed), so Escape still closes it.
    await focused(d.getByRole('button', { name: '✓ Mark done' })).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => detail().count()).toBe(0);
  });

  it('edits closure days, with an inline error for an impossible date', async () => {
    const panel = page.locator('section.closures');
    const input = panel.getByLabel('Closure date');
    await input.fill('02/30/2027');
    await panel.getByRole('button', { name: 'Add closure day' }).click();
    await panel.getByText('Type a real date as MM/DD/YYYY', { exact: false }).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill(usDateFromToday(40));
    await panel.getByRole('button', { name: 'Add closure day' }).click();
    await panel.getByText(/Added .+\. \d+ deadlines? recomputed\./).waitFor();
    expect((await harnessCall(s.harness, 'deadlines.closures', {})).dates).toEqual([addDays(today, 40)]);
    await panel.getByRole('button', { name: /^Remove the closure of / }).click();
    await panel.getByText('No closure days entered.').waitFor();
  });

  it('exports the docket as .ics without names unless asked, with a warning', async () => {
    const panel = page.locator('section.ics-export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export the docket (.ics)' }).click(),
    ]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(due2.replace(/-/g, ''));
    expect(ics).not.toContain('Quispe');
    // The message counts what the file holds, with the plural its count needs.
    const events = ics.match(/BEGIN:VEVENT/g)?.length ?? 0;
    await panel
      .getByText(new RegExp(`^Saved ${events} ${events === 1 ? 'event' : 'events'} \\(deadlines and hearings\\) to .+\\.ics\\.$`))
      .waitFor();

    await panel.getByLabel('Include client names').check();
    await panel.getByText('Warning: a calendar file is not encrypted.', { exact: false }).waitFor();
    const [named] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export the docket (.ics)' }).click(),
    ]);
    expect(readFileSync((await named.path())!, 'utf8')).toContain('Quispe');
    await panel.getByLabel('Include client names').uncheck();
  });

  it('shows a reminder banner for deadlines due within 3 days, linking to the docket', async () => {
    // A manual deadline due tomorrow, entered in the person's deadlines.
    await openPersonFromDocket();
    await page.getByRole('button', { name: '+ Manual deadline' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a manual deadline' }) });
    await focused(form.getByLabel('What is due')).toBe(true);
    await form.getByRole('button', { name: 'Add deadline' }).click();
    await form.locator('.error-summary').getByText('What is due: This is required.').waitFor();
    await form.locator('.error-summary').getByText('Due date: Enter the date as MM/DD/YYYY.').waitFor();
    await form.getByLabel('What is due').fill('Send the client the hearing notice');
    await form.getByLabel('Due date').fill(usDateFromToday(1));
    await form.getByLabel('Citation or source').fill('Clinic policy');
    const banner = page.locator('.reminder-banner');
    expect(await banner.count()).toBe(0);
    await form.getByRole('button', { name: 'Add deadline' }).click();
    await page.getByRole('button', { name: 'Send the client the hearing notice' }).waitFor();
    expect((await harnessCall(s.harness, 'deadlines.list', { personId, status: 'open' })).map((d) => d.source).sort()).toEqual([
      'manual',
      'rule',
    ]);
    // The write refetches the banner's count on this same screen: no reload, no move to another page
    // (the banner used to count again only when the page changed).
    await banner.getByText('1 deadline due within 3 days.').waitFor();
    await nav().getByRole('button', { name: 'People' }).click();
    await h1('People').waitFor();
    await banner.getByText('1 deadline due within 3 days.').waitFor();
    expect(await banner.getAttribute('role')).toBe('status');
    await banner.getByRole('button', { name: 'Open the docket' }).click();
    await h1('Docket').waitFor();
    const first = page.getByRole('button', { name: 'Send the client the hearing notice' });
    await first.waitFor();
    await screenshot(page, 'docket-09-reminder');
    // Up/Down walk the docket's rows across groups.
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await focused(page.getByRole('button', { name: LABEL })).toBe(true);
    await page.keyboard.press('ArrowUp');
    await focused(first).toBe(true);
    await page.getByRole('button', { name: 'Dismiss the deadline reminder until tomorrow' }).click();
    await expect.poll(() => page.locator('.reminder-banner').count()).toBe(0);
  });

  it('shows the TPS dataset with its age, and imports a newer one after a preview', async () => {
    // A person with TPS from El Salvador, whose designation end the new file moves.
    const p = await harnessCall(s.harness, 'people.get', { id: personId });
    await harnessCall(s.harness, 'people.update', {
      id: personId,
      version: p.version,
      data: {
        person: p.person,
        detention: p.detention,
        history: { ...p.history, tpsCountry: 'SV', tpsStatus: 'granted' },
        family: p.family,
        notes: p.notes,
        urgentNeeds: p.urgentNeeds,
      },
    });

    await nav().getByRole('button', { name: 'TPS' }).click();
    await h1('TPS').waitFor();
    const status = await harnessCall(s.harness, 'tps.status', {});
    await page.getByText(`${status.ageDays} days`, { exact: true }).waitFor();
    if (status.stale) await page.locator('.tps-stale').getByText(`This TPS data is ${status.ageDays} days old.`).waitFor();
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'resources/tps/tps-2026-05.json'), 'utf8')) as {
      asOf: string;
      countries: Array<Record<string, unknown>>;
    };
    const sv = page.locator('li.tps-card', { has: page.getByRole('heading', { name: 'El Salvador' }) });
    // "Extended" is never shown beside an end date that has passed (issue #8 §5): which one shows depends on today.
    const svEnd = String(shipped.countries.find((c) => c.country === 'SV')!.endDate);
    await sv.getByText(svEnd < today ? 'End date passed: verify' : 'Extended', { exact: true }).waitFor();
    await sv.locator('cite').first().waitFor();
    await screenshot(page, 'docket-10-tps');

    const newEnd = addDays(today, 200);
    const next = {
      ...shipped,
      asOf: today,
      countries: shipped.countries.map((c) => (c.country === 'SV' ? { ...c, endDate: newEnd, eadAutoExtendedTo: newEnd } : c)),
    };
    await page
      .getByLabel('TPS dataset file (.json)')
      .setInputFiles({ name: 'tps-new.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
    const preview = page.locator('.tps-preview');
    await preview.getByText(/This person’s deadlines change \(\d+ deadlines?\):/).waitFor();
    await preview.getByText(NAME).waitFor();
    await screenshot(page, 'docket-11-tps-preview');
    await preview.getByRole('button', { name: 'Apply the new dataset' }).click();
    await page.getByText(/Imported the dataset as of .+: 1 person updated/).waitFor();
    const after = await harnessCall(s.harness, 'tps.status', {});
    // The new end date is ahead: the designation shows as extended again.
    await sv.getByText('Extended', { exact: true }).waitFor();
    expect(after.asOf).toBe(today);
    expect(after.source).toBe('imported');
    await expect.poll(() => page.locator('.tps-stale').count()).toBe(0);

    // A file that is not a dataset is refused with a clear message.
    await page
      .getByLabel('TPS dataset file (.json)')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
    await page.getByText('That file is not a valid Amparo TPS dataset.', { exact: false }).waitFor();
  });

  it('explains a conservative due date next to the literal rule reading', async () => {
    // A hearing whose 15th day before falls on a Sunday: due the Friday before; the literal reading gives Monday.
    let hearing = addDays(today, 40);
    while (weekday(addDays(hearing, -15)) !== 0) hearing = addDays(hearing, 1);
    const r = computeDeadline({ rule: RULE, trigger: hearing });
    expect(r.ruleDue).not.toBe(r.due);
    await harnessCall(s.harness, 'events.add', {
      personId,
      event: { kind: 'hearing-scheduled', date: hearing, details: { hearingKind: 'master', detained: false } },
    });

    await openPersonFromDocket();
    const rows = page.getByRole('button', { name: LABEL });
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).click();
    const d = detail();
    await d.getByText('Literal rule reading').waitFor();
    await d.getByText('is the conservative date: file by then. A literal reading of the rule gives', { exact: false }).waitFor();
    await d
      .locator('ol.trail')
      .getByText(`Due: ${showEn(r.due)}.`)
      .waitFor();
    await screenshot(page, 'docket-12-literal-reading');
    await page.keyboard.press('Escape');
  });
});
