/**
 * The intake summary a volunteer prints for the paper file: labels only (no
 * internal codes), and what must not be missed: the next hearing, every open
 * deadline with its citation, and the urgent needs (issue #8 §4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { pdfText, qpdfCheck, squash, tempDir, type TempDir } from '../forms/helpers';
import { TODAY } from './helpers';

let core: Core;
let cleanup: () => void;
let out: TempDir;
let personId: string;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  out = tempDir();
  const person = await core.call('intake.createQuick', {
    intake: {
      givenName: 'Rosa Elvira',
      familyName: 'Quiñónez',
      dob: '1988-04-02',
      detained: true,
      facility: 'Adelanto ICE Processing Center',
      nextHearingDate: '2026-12-10',
      urgentNeeds: 'Necesita insulina cada día',
    },
  });
  personId = person.id;
  // An oral IJ decision gives the BIA appeal deadline (a master hearing alone has no filing deadline).
  await core.call('events.add', { personId, event: { kind: 'ij-decision-oral', date: '2026-11-20' } });
}, 60_000);
afterAll(() => {
  cleanup();
  out.remove();
});

describe('intake summary: status a paralegal must see', () => {
  it('prints case labels, never codes, with the next hearing, open deadlines and urgent needs (English)', async () => {
    const deadlines = await core.call('deadlines.list', { personId, status: 'open' });
    expect(deadlines.length).toBeGreaterThan(0);
    const pdf = await core.call('forms.summary', { personId, lang: 'en' });
    const file = out.file('summary-en.pdf', pdf.pdf);
    qpdfCheck(file);
    const text = squash(pdfText(file));
    expect(text).not.toMatch(/removal-detained|removal-nondetained/);
    expect(text).toContain('Next hearing');
    expect(text).toContain('Dec 10, 2026');
    expect(text).toContain('Open deadlines');
    for (const d of deadlines) expect(text).toContain(squash(d.label.en));
    expect(text).toContain('Urgent needs');
    expect(text).toContain('Necesita insulina cada día');
  });

  it('in Spanish, with Spanish labels and dates', async () => {
    const deadlines = await core.call('deadlines.list', { personId, status: 'open' });
    const pdf = await core.call('forms.summary', { personId, lang: 'es' });
    const file = out.file('summary-es.pdf', pdf.pdf);
    qpdfCheck(file);
    const text = squash(pdfText(file));
    expect(text).toContain('Próxima audiencia');
    expect(text).toContain('10 dic 2026');
    expect(text).toContain('Plazos pendientes');
    for (const d of deadlines) expect(text).toContain(squash(d.label.es));
    expect(text).toContain('Necesidades urgentes');
  });
});
