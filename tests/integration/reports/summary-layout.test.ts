/**
 * What page 1 of a case summary shows a reader (found by looking at it
 * rendered with pdftoppm): urgent needs come first, before the person's
 * facts, and a hearing's time reads as the language reads times.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { person } from '../deadlines/helpers';

let core: Core;
let dir: string;
let cleanup: () => void;
let id: string;

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore({ today: '2026-03-02' }));
  id = (
    await person(core, {
      given: 'María José',
      family: 'Núñez Peña',
      detained: true,
      cases: [{ type: 'removal-detained', nextHearing: { date: '2026-03-05', time: '14:30', kind: 'master' } }],
    })
  ).id;
  const p = await core.call('people.get', { id });
  await core.call('people.update', {
    id,
    version: p.version,
    data: {
      person: p.person,
      detention: p.detention,
      history: p.history,
      family: p.family,
      notes: 'Sister in Los Angeles.',
      urgentNeeds: 'Insulin in detention',
    },
  });
});
afterAll(() => cleanup());

/** The text of page 1, in reading order. */
async function page1(lang: 'en' | 'es'): Promise<string> {
  const pdf = (await core.call('reports.summary', { personId: id, lang })).pdf;
  const path = join(dir, `summary-${lang}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
}

describe('case summary page 1', () => {
  it('puts urgent needs before the person, and notes after everything else', async () => {
    const text = await page1('en');
    expect(text.indexOf('Insulin in detention')).toBeGreaterThan(-1);
    expect(text.indexOf('Urgent needs')).toBeLessThan(text.indexOf('Person'));
    expect(text.indexOf('Insulin in detention')).toBeLessThan(text.indexOf('Given names'));
    expect(text.indexOf('Case 1: Removal (detained)')).toBeGreaterThan(-1);
    expect(text.indexOf('Sister in Los Angeles.')).toBeGreaterThan(text.indexOf('Case 1: Removal (detained)'));
  });

  it('reads the hearing time as 2:30 PM in English and 14:30 in Spanish', async () => {
    expect(await page1('en')).toContain('Thu, Mar 5, 2026, 2:30 PM, Master calendar');
    const es = await page1('es');
    expect(es).toContain('Necesidades urgentes');
    expect(es).toContain('14:30');
    expect(es).not.toContain('PM');
  });
});
