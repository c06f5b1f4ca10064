/**
 * An automated accessibility scan (axe-core, WCAG 2 A/AA rules) of every main
 * screen, in English and Spanish, with a person and deadlines on file. It
 * complements the keyboard-only specs: axe finds missing labels, names,
 * contrast and ARIA misuse that a keyboard walk does not.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, harnessCall, openSession, type Session } from './browser';

let s: Session;
let page: Page;

/** Runs axe in this spec's page (browser.ts). */
const scan = () => axeViolations(page);

const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });

beforeAll(async () => {
  s = await openSession();
  page = s.page;
});
afterEach(() => expect(s.problems).toEqual([]));
afterAll(async () => s?.close());

describe('accessibility scan (axe-core)', () => {
  it('the create-vault screen has no violations', async () => {
    await page.goto(s.harness.launchUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await scan()).toEqual([]);
  });

  it('every page of the unlocked app has no violations, in English and Spanish', async () => {
    await harnessCall(s.harness, 'vault.create', { passphrase: 'accessible passphrase 2026' });
    const p = await harnessCall(s.harness, 'intake.createQuick', {
      intake: {
        givenName: 'María José',
        familyName: 'Núñez Peña',
        dob: '1990-03-07',
        phone: '555-123-4567',
        detained: true,
        facility: 'Otay Mesa',
        nextHearingDate: '2027-01-08',
      },
    });
    await harnessCall(s.harness, 'cases.add', {
      personId: p.id,
      case: { type: 'asylum-defensive', nextHearing: { date: '2027-02-10', kind: 'individual' } },
    });
    // A fresh load (a fragment-only change would not reload the app).
    await page.goto('about:blank');
    await page.goto(s.harness.launchUrl);
    await nav().waitFor();
    const found: Record<string, string[]> = {};
    for (const [lang, pages] of [
      ['English', ['Intake', 'People', 'Import', 'Docket', 'TPS', 'Forms', 'Reports', 'Settings']],
      ['Español', ['Admisión', 'Personas', 'Importar', 'Agenda', 'TPS', 'Formularios', 'Informes', 'Configuración']],
    ] as const) {
      await page.getByRole('button', { name: lang, exact: true }).click();
      for (const name of pages) {
        await nav().getByRole('button', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await page.waitForLoadState('networkidle');
        found[`${lang} ${name}`] = await scan();
      }
    }
    // The full intake, every section open.
    await nav().getByRole('button', { name: 'Admisión', exact: true }).click();
    await page.getByRole('button', { name: 'Admisión completa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Admisión completa' }).waitFor({ state: 'attached' });
    found['Español full intake'] = await scan();
    // The person's page, with cases, deadlines and forms panels.
    await nav().getByRole('button', { name: 'Personas', exact: true }).click();
    await page
      .getByRole('button', { name: /Núñez Peña, María José/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'María José Núñez Peña' }).waitFor();
    await page.waitForLoadState('networkidle');
    found['Español person'] = await scan();
    // Reports: every chart's table open, and each of its other parts.
    await nav().getByRole('button', { name: 'Informes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Informes' }).waitFor();
    // Each click turns its button into "Ver gráfico": open the first one left until none is.
    const showTable = page.getByRole('button', { name: 'Ver tabla' });
    // The charts come from one caseload call: wait for them before counting their buttons.
    await showTable.first().waitFor();
    while ((await showTable.count()) > 0) await showTable.first().click();
    await page.getByRole('table', { name: 'Personas detenidas por centro' }).waitFor();
    found['Español Informes tables'] = await scan();
    for (const part of ['Estadísticas', 'Resúmenes de caso', 'Exportaciones', 'Talleres']) {
      await page.getByRole('button', { name: part, exact: true }).click();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      found[`Español Informes ${part}`] = await scan();
    }
    await page.getByRole('button', { name: 'Estadísticas', exact: true }).click();
    await page.getByRole('button', { name: 'Ver estadísticas' }).click();
    await page.getByRole('table', { name: 'Casos cerrados, por resultado' }).waitFor();
    found['Español Informes statistics shown'] = await scan();
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  });
});
