import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormView } from '../../../shared/forms/view';
import { renderSummary } from '../../../electron/core/forms/summary';
import { pageCount, pdfText, qpdfCheck, squash, tempDir, type TempDir } from './helpers';

const view: FormView = {
  person: {
    givenName: 'Nguyễn Thị',
    familyName: 'Minh Khai',
    aliases: ['Ольга Шевченко', '王明'],
    dob: '1990-03-07',
    sex: 'F',
    aNumber: '012345678',
    countryOfBirth: 'Viet Nam',
    phone: '4155550199',
    address: { street: '1200 Mission St', unitType: 'apt', unit: '4B', city: 'San Francisco', state: 'CA', zip: '94103' },
    languages: ['Vietnamese', 'English'],
    maritalStatus: 'single',
  },
  case: { type: 'asylum-affirmative', proceedings: 'never' },
  detention: { detained: false },
  history: { entries: [{ date: '2021-05-01', place: 'SFO', status: 'B-2' }] },
};

describe('intake summary sheet', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => dir.remove());

  it('prints the facts with English labels', async () => {
    const file = dir.file('en.pdf', await renderSummary({ view, lang: 'en', preparedOn: '2025-01-15' }));
    qpdfCheck(file);
    expect(pageCount(file)).toBe(1);
    const text = squash(pdfText(file));
    for (const s of [
      'Intake summary',
      'Date of birth Mar 7, 1990',
      'Prepared Jan 15, 2025',
      'Entry 1 May 1, 2021, SFO, B-2',
      'Nguyễn Thị',
      'Ольга Шевченко; 王明',
      'A-012-345-678',
      '(415) 555-0199',
      'Single',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('prints Spanish labels and Spanish dates, as the Spanish screens show them', async () => {
    const file = dir.file('es.pdf', await renderSummary({ view, lang: 'es', preparedOn: '2025-01-15' }));
    qpdfCheck(file);
    const text = squash(pdfText(file));
    for (const s of [
      'Resumen de admisión',
      'Fecha de nacimiento 7 mar 1990',
      'Preparado 15 ene 2025',
      'Soltero(a)',
      'Nunca',
      'Página 1 de 1',
    ]) {
      expect(text).toContain(s);
    }
    // No numeric date that an English reader would take the other way round.
    expect(text).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('flows onto a second page when the facts are long', async () => {
    const long: FormView = {
      ...view,
      person: { ...view.person, aliases: Array.from({ length: 60 }, (_, i) => `Alias number ${i} with a longer spelling`) },
    };
    const file = dir.file('long.pdf', await renderSummary({ view: long, lang: 'en', preparedOn: '2025-01-15' }));
    qpdfCheck(file);
    expect(pageCount(file)).toBe(2);
    expect(squash(pdfText(file))).toContain('Page 2 of 2');
  });
});
