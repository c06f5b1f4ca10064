/**
 * Issue 17 in the browser: the header search at "more than 200". With 205
 * people whose A-numbers start 20 000 1, typing those five digits shows the
 * first rows and says there are more than 200 (EN and ES), from the core's
 * count (people.searchPage), never a long list; a narrower query shows its
 * exact count. Real core behind the loopback harness, real Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { harnessCall, screenshot } from './browser';
import { stepsBuildOnEachOther } from './steps';
import { checkAndCloseSessions, TYPING_DELAY_MS, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
const PEOPLE = 205;
const GIVEN = ['Amaru', 'Belén', 'Cusi', 'Dalia', 'Eloy', 'Fermín', 'Gaspar', 'Hilda', 'Inti', 'Jacinta', 'Killa', 'Lorenzo'];
const FAMILY = ['Mamani', 'Nina', 'Ocampo', 'Puma', 'Quispe', 'Rojas', 'Sirpa', 'Tito', 'Uturunco', 'Villca', 'Yupanqui', 'Zárate'];

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  for (let i = 0; i < PEOPLE; i++) {
    const intake = {
      givenName: `${GIVEN[i % GIVEN.length]}`,
      familyName: `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`,
      aNumber: `A${200_010_000 + i}`,
      dob: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      detained: false,
    };
    // Every likely duplicate the gate finds is declared a different person: these are 205 people.
    const others = await harnessCall(s.harness, 'people.checkDuplicates', {
      given: intake.givenName,
      family: intake.familyName,
      dob: intake.dob,
      aNumber: intake.aNumber,
    });
    await harnessCall(s.harness, 'intake.createQuick', {
      intake,
      decisions: others.map((o) => ({ otherId: o.id, decision: 'new-person' })),
    });
  }
  await page.goto(s.harness.launchUrl);
  await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
}, 300_000);

checkAndCloseSessions(() => [s]);

const type = (text: string) => page.keyboard.type(text, { delay: TYPING_DELAY_MS });

describe('header search at more than 200 matches', () => {
  stepsBuildOnEachOther();

  it('five digits of an A-number: the first rows and "more than 200 — keep typing"', async () => {
    await page.keyboard.press('Control+k');
    await type('20001');
    const listbox = page.getByRole('listbox');
    await listbox.getByText('More than 200 people match — keep typing to narrow the search.').waitFor();
    expect(await listbox.getByRole('option').count()).toBe(8);
    await screenshot(page, 'header-search-01-more-than-200');
  });

  it('a narrower query shows its exact count', async () => {
    const search = page.getByRole('combobox', { name: 'Search people' });
    await search.fill('');
    await type('amaru mamani');
    // Amaru is i % 12 = 0 and Mamani i / 12 % 12 = 0: i = 0 and i = 144.
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Mamani, Amaru/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(2);
    // Announced to a screen reader in the search's status line.
    await expect
      .poll(() => page.getByRole('search').getByRole('status').textContent())
      .toBe('2 results. Arrow keys to choose, Enter to open.');
  });

  it('says it in Spanish too', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: /Buscar personas/ });
    await search.fill('');
    await type('20001');
    await page.getByRole('listbox').getByText('Más de 200 personas coinciden — siga escribiendo para acotar la búsqueda.').waitFor();
    expect(await page.getByRole('search').getByRole('status').textContent()).toBe(
      'Más de 200 personas coinciden — siga escribiendo para acotar la búsqueda.',
    );
    await screenshot(page, 'header-search-02-mas-de-200');
  });
});
