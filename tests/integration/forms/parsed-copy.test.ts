/**
 * Fills start from a copy of the blank parsed once per process
 * (electron/core/forms/pdf.ts): one fill's values, appearances, fonts and
 * addendum must never reach the next fill of the same blank.
 */
import { describe, expect, it } from 'vitest';
import { loadBlank } from '../../../electron/core/forms/blank';
import { fillForm } from '../../../electron/core/forms/fill';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import { pageCount, pdfText, pdftkValues, qpdfCheck, readBlank, tempDir } from './helpers';

describe('fills from one parsed blank', () => {
  it('a fill leaves nothing behind for the next fill of the same blank', async () => {
    const dir = tempDir();
    try {
      const blank = await loadBlank(readBlank('i-765'));
      const map = await loadFieldMap('i-765', '2022-10-31');
      const long = 'Bartholomew Alexander Maximilian Fitzgerald-Montgomery de Villiers y Santa Cruz de la Sierra';
      const first = await fillForm({
        blank: blank.bytes,
        blankSha256: blank.sha256,
        map,
        data: {
          person: { givenName: 'Gyqpj', familyName: long, dob: '1990-03-07', aNumber: '012345678' },
          case: { type: 'tps', eadCategory: '(a)(12)' },
        },
      });
      expect(first.overflow.length).toBeGreaterThan(0);
      const second = await fillForm({
        blank: blank.bytes,
        blankSha256: blank.sha256,
        map,
        data: { person: { givenName: 'Ana', familyName: 'Ruiz', dob: '1991-01-02' } },
      });
      const a = dir.file('first.pdf', first.bytes);
      const b = dir.file('second.pdf', second.bytes);
      qpdfCheck(a);
      qpdfCheck(b);
      expect(pdftkValues(a).get('form1[0].Page2[0].Line7_AlienNumber[0]')).toBe('012345678');
      const values = pdftkValues(b);
      expect(values.get('form1[0].Page1[0].Line1a_FamilyName[0]')).toBe('Ruiz');
      expect(values.get('form1[0].Page2[0].Line7_AlienNumber[0]') ?? '').toBe('');
      expect(values.get('form1[0].Page3[0].#area[1].section_2[0]') ?? '').toBe('');
      // The first fill's addendum page is not in the second.
      expect(pageCount(b)).toBe(7);
      expect(pageCount(a)).toBe(8);
      expect(pdfText(b)).not.toContain('Gyqpj');
      expect(pdfText(b)).not.toContain('Fitzgerald');
    } finally {
      dir.remove();
    }
  });
});
