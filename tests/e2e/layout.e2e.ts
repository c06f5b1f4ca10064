/**
 * Issue 8 §4: no action button is hidden off-screen. At 1280×800 and
 * 1024×768, in English and Spanish, every page with a table is opened and
 * every button in a table must lie inside the viewport and inside the box
 * that scrolls it (a button a person has to scroll a table sideways to find
 * is hidden). Screenshots of each page at each size are kept for review.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/deadlines/dates';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import { harnessCall, screenshot } from './browser';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';

let s: IntakeSession;
let page: Page;
let personId = '';

const today = isoDateFromLocal(new Date());
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;
const PAGES = {
  en: { people: 'People', docket: 'Docket', forms: 'Forms', tps: 'TPS', english: 'English', spanish: 'Español' },
  es: { people: 'Personas', docket: 'Agenda', forms: 'Formularios', tps: 'TPS', english: 'English', spanish: 'Español' },
} as const;

const nav = () => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });

interface Outside {
  text: string;
  right: number;
  limit: number;
}

/** Every visible button inside a table whose right edge passes the viewport or its scrolling box. */
async function buttonsOutside(): Promise<Outside[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; right: number; limit: number }> = [];
    for (const b of Array.from(document.querySelectorAll<HTMLElement>('table button, table a[href]'))) {
      const r = b.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      let limit = document.documentElement.clientWidth;
      let left = 0;
      for (let el = b.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (/(auto|scroll|hidden)/.test(style.overflowX)) {
          const box = el.getBoundingClientRect();
          limit = Math.min(limit, box.right);
          left = Math.max(left, box.left);
        }
      }
      if (r.right > limit + 0.5 || r.left < left - 0.5)
        out.push({
          text: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().slice(0, 60),
          right: Math.round(r.right),
          limit: Math.round(limit),
        });
    }
    return out;
  });
}

/**
 * Words in the elements matching `selector` that the layout broke across lines ("Nac." as "N / ac / .",
 * "A-201-555-017" as "A- / 201 / -55…"). A word (here: a run of non-spaces) whose text spans more than one line box is cut.
 */
async function wordsCut(selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const cut: string[] = [];
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) cut.push(m[0]);
        }
      }
    }
    return cut;
  }, selector);
}

beforeAll(async () => {
  s = await openIntakeSession();
  page = s.page;
  const long = 'Wolfeschlegelsteinhausenbergerdorff';
  const p = await harnessCall(s.harness, 'intake.createFull', {
    intake: {
      person: { givenName: 'María de los Ángeles', familyName: `${long} Fernández de Córdoba`, dob: '1990-01-01', aNumber: '201555017' },
      detention: { detained: true, facility: 'Otay Mesa Detention Center, San Diego, California' },
      history: { tpsCountry: 'SV', eadExpiry: addDays(today, 30) },
      cases: [
        {
          type: 'removal-detained',
          court: 'Otay Mesa Immigration Court, 7488 Calzada de la Fuente',
          judge: 'Judge Alejandra Ruiz-Montenegro',
          nextHearing: { date: addDays(today, 9), time: '08:30', kind: 'master' },
          assignedTo: 'Maximiliano Hernández',
        },
      ],
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  personId = p.id;
  await harnessCall(s.harness, 'deadlines.addManual', {
    personId,
    label: `File the brief for ${long} (long title)`,
    due: addDays(today, 5),
  });
}, 120_000);

checkAndCloseSessions(() => [s]);

describe('no action button is hidden off-screen', () => {
  for (const size of SIZES) {
    for (const lang of ['en', 'es'] as const) {
      it(`${size.width}×${size.height}, ${lang}: every table's buttons are inside the viewport`, async () => {
        const names = PAGES[lang];
        await page.setViewportSize(size);
        await page.goto(s.harness.launchUrl);
        await nav().waitFor();
        await page.getByRole('button', { name: lang === 'en' ? names.english : names.spanish }).click();
        const found: Record<string, Outside[]> = {};
        const visit = async (label: string, open: () => Promise<void>, ready: () => Promise<unknown>) => {
          await open();
          await ready();
          await screenshot(page, `layout-${size.width}x${size.height}-${lang}-${label}`);
          const outside = await buttonsOutside();
          if (outside.length) found[label] = outside;
        };
        await visit(
          'people',
          () => nav().getByRole('button', { name: names.people, exact: true }).click(),
          () =>
            page
              .locator('tbody')
              .getByRole('button', { name: /Wolfeschlegel/ })
              .first()
              .waitFor(),
        );
        // Fitting must not come from cutting words: headers, dates, the A-number and the detained badge read whole.
        expect(await wordsCut('table thead th, table tbody td:nth-child(2), table tbody td:nth-child(3), table .pill')).toEqual([]);
        await visit(
          'person',
          () =>
            page
              .locator('tbody')
              .getByRole('button', { name: /Wolfeschlegel/ })
              .first()
              .click(),
          async () => {
            await page.locator('.person-page .person-name').waitFor();
            await page.waitForLoadState('networkidle');
          },
        );
        await visit(
          'docket',
          () => nav().getByRole('button', { name: names.docket, exact: true }).click(),
          () => page.locator('.docket-table button').first().waitFor(),
        );
        await visit(
          'forms',
          () => nav().getByRole('button', { name: names.forms, exact: true }).click(),
          () => page.getByRole('heading', { level: 1 }).waitFor(),
        );
        await visit(
          'tps',
          () => nav().getByRole('button', { name: names.tps, exact: true }).click(),
          () => page.locator('.tps-affected-table button').first().waitFor(),
        );
        expect(found).toEqual({});
      });
    }
  }
});
