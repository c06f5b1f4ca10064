import { readdirSync } from 'node:fs';
import { PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseFieldMap, type FieldMap } from '../../../shared/forms/map-schema';
import type { FormView } from '../../../shared/forms/view';
import { loadBlank, type LoadedBlank } from '../../../electron/core/forms/blank';
import { fillForm, type FillOptions } from '../../../electron/core/forms/fill';
import { fillFormToFile } from '../../../electron/core/forms/output';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import {
  everyFieldMap,
  pageCount,
  pdfText,
  pdftkValues,
  personByNote,
  qpdfCheck,
  readBlank,
  squash,
  tempDir,
  type FixturePerson,
  type TempDir,
} from './helpers';

type Form = 'g-28' | 'i-589';

const I589 = {
  family: 'form1[0].#subform[0].PtAILine4_LastName[0]',
  given: 'form1[0].#subform[0].PtAILine5_FirstName[0]',
  aliases: 'form1[0].#subform[0].TextField1[1]',
  aNumber: 'form1[0].#subform[0].PtAILine1_ANumber[0]',
  dob: 'form1[0].#subform[0].DateTimeField1[0]',
  female: 'form1[0].#subform[0].PartALine9Gender[1]',
};
const G28 = {
  family: 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]',
  given: 'form1[0].#subform[1].Pt3Line5b_GivenName[0]',
  aNumber: 'form1[0].#subform[1].Pt3Line9_ANumber[0]',
  city: 'form1[0].#subform[1].Line12c_CityOrTown[0]',
  attorneyState: 'form1[0].#subform[0].Line3d_State[0]',
  attorneyFamily: 'form1[0].#subform[0].Pt1Line2a_FamilyName[0]',
  isAttorney: 'form1[0].#subform[0].CheckBox1[0]',
  iceBox: 'form1[0].#subform[1].Line2a_ICE[0]',
  iceMatter: 'form1[0].#subform[1].Line2b_ListMatter[0]',
  uscisMatter: 'form1[0].#subform[1].Line1b_ListFormNumber[0]',
};

function viewFor(p: FixturePerson, extra: Partial<FormView['person']> = {}): FormView {
  return {
    person: {
      givenName: p.given,
      familyName: p.family,
      dob: '1990-03-07',
      sex: 'F',
      aNumber: 'A-012-345-678',
      phone: '4155550199',
      address: { street: '1200 Mission St', unit: '4B', unitType: 'apt', city: 'San Francisco', state: 'CA', zip: '94103' },
      languages: ['Spanish'],
      ...extra,
    },
    case: { type: 'asylum', proceedings: 'now', appearanceBefore: 'ice', clientRole: 'respondent', matter: 'Removal proceedings' },
    attorney: {
      givenName: 'Ana',
      familyName: 'Ruiz',
      kind: 'attorney',
      barNumber: '123456',
      licensingAuthority: 'State Bar of California',
      firm: 'Clínica Amparo',
      address: { street: '50 Fremont St', unitType: 'ste', unit: '300', city: 'San Francisco', state: 'CA', zip: '94105' },
      phone: '4155550100',
      email: 'ana@example.org',
    },
    history: { entries: [{ date: '2021-05-01', place: 'San Ysidro, CA', status: 'EWI' }] },
  };
}

async function errorOf(p: Promise<unknown>): Promise<AppError | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  return undefined;
}

describe('filling official forms', () => {
  let dir: TempDir;
  const blanks = new Map<Form, LoadedBlank>();
  const maps = new Map<Form, FieldMap>();

  beforeAll(async () => {
    dir = tempDir();
    for (const form of ['g-28', 'i-589'] as const) {
      blanks.set(form, await loadBlank(readBlank(form)));
      maps.set(form, await loadFieldMap(form, '2022'));
    }
  });
  afterAll(() => dir.remove());

  const opts = (form: Form, data: FormView, more: Partial<FillOptions> = {}): FillOptions => {
    const blank = blanks.get(form);
    const map = maps.get(form);
    if (!blank || !map) throw new Error('fixtures not loaded');
    return { blank: blank.bytes, blankSha256: blank.sha256, map, data, ...more };
  };

  /** Fills, saves, and runs the structural checks every output must pass. */
  async function fillAndCheck(form: Form, data: FormView, name: string, more: Partial<FillOptions> = {}) {
    const result = await fillForm(opts(form, data, more));
    const file = dir.file(`${name}-${form}.pdf`, result.bytes);
    qpdfCheck(file);
    return { result, file, values: pdftkValues(file) };
  }

  /** A value is either in its field and on its page, or referenced there and printed in full on the addendum. */
  function expectShown(file: string, values: Map<string, string>, field: string, expected: string, page: number) {
    const actual = values.get(field) ?? '';
    if (actual.startsWith('See add')) {
      const last = pageCount(file);
      expect(squash(pdfText(file, { first: last, last }))).toContain(squash(expected));
    } else {
      expect(actual).toBe(expected);
      expect(squash(pdfText(file, { first: page, last: page }))).toContain(squash(expected));
    }
  }

  const named = [
    ['Vietnamese', 'Vietnamese stacked diacritics'],
    ['Cyrillic', 'Cyrillic'],
    ['CJK', 'CJK'],
    ['Spanish', 'two given names, two family names'],
    ['long', 'longer than most PDF fields'],
    ['SQL-looking', 'hostile input'],
    ['apostrophes', 'apostrophes'],
  ] as const;

  it.each(named)('fills both forms with the %s name, visible in fields and page text', async (label, note) => {
    const person = personByNote(note);
    const data = viewFor(person);
    for (const form of ['i-589', 'g-28'] as const) {
      const { result, file, values } = await fillAndCheck(form, data, label);
      expect(result.warnings).toEqual([]);
      const f = form === 'i-589' ? I589 : G28;
      const page = form === 'i-589' ? 1 : 2;
      expectShown(file, values, f.family, person.family, page);
      expectShown(file, values, f.given, person.given, page);
      expect(values.get(f.aNumber)).toBe('012345678');
      for (const item of result.overflow) expect([f.family, f.given]).toContain(item.field);
    }
  });

  it('fills dates, checkboxes, dropdowns and conditional matters', async () => {
    const { values, file } = await fillAndCheck('g-28', viewFor(personByNote('ñ and accents')), 'details');
    expect(values.get(G28.attorneyState)).toBe('CA');
    expect(values.get(G28.attorneyFamily)).toBe('Ruiz');
    expect(values.get(G28.isAttorney)).toBe('Y');
    expect(values.get(G28.iceBox)).toBe('Y');
    expect(values.get(G28.iceMatter)).toBe('Removal proceedings');
    expect(values.get(G28.uscisMatter) ?? '').toBe('');
    expect(pdfText(file, { first: 1, last: 1 })).toContain('Clínica Amparo');
    const i589 = await fillAndCheck('i-589', viewFor(personByNote('ñ and accents')), 'details');
    expect(i589.values.get(I589.dob)).toBe('03/07/1990');
    expect(i589.values.get(I589.female)).toBe('F');
    expect(pdfText(i589.file, { first: 1, last: 1 })).toContain('Muñoz Ibáñez');
  });

  it('writes Arabic, shaped and right-to-left, extractable in logical order', async () => {
    const person = personByNote('Arabic script');
    const { file, values } = await fillAndCheck('i-589', viewFor(person), 'arabic');
    expect(values.get(I589.given)).toBe(person.given);
    expect(values.get(I589.family)).toBe(person.family);
    const text = pdfText(file, { first: 1, last: 1 }).normalize('NFKC');
    expect(text).toContain(person.given.normalize('NFKC'));
    // poppler reverses the two letters behind a lam-alef ligature glyph when it re-orders RTL text.
    expect(text.replace(/([\u0622\u0623\u0625\u0627])\u0644/gu, '\u0644$1')).toContain(person.family.normalize('NFKC'));
  });

  it('applies the FNU rule to a mononym', async () => {
    const { values } = await fillAndCheck('i-589', viewFor(personByNote('mononym')), 'mononym');
    expect(values.get(I589.family)).toBe('Mohammad');
    expect(values.get(I589.given)).toBe('FNU');
  });

  it('moves values that exceed MaxLen or the field width to an addendum page', async () => {
    const long = personByNote('longer than most PDF fields');
    const city = 'Rancho Santa Margarita Heights';
    const g28 = await fillAndCheck(
      'g-28',
      viewFor(long, { mailingAddress: { street: '1 Main St', city, state: 'CA', zip: '92688' } }),
      'overflow',
    );
    expect(g28.values.get(G28.city)).toBe('See addendum');
    expect(g28.result.overflow.map((o) => o.field)).toContain(G28.city);
    expect(pageCount(g28.file)).toBe(5);
    const addendum = squash(pdfText(g28.file, { first: 5, last: 5 }));
    expect(addendum).toContain(city);
    expect(addendum).toContain('13. C. Enter City or Town');
    expect(addendum).toContain('A-Number: A-012-345-678');

    const aliases = Array.from({ length: 6 }, () => `${long.given} ${long.family}`);
    const i589 = await fillAndCheck('i-589', viewFor(long, { aliases }), 'overflow');
    expect(i589.values.get(I589.aliases)).toBe('See addendum');
    expect(pageCount(i589.file)).toBe(13);
    const text = squash(pdfText(i589.file, { first: 13, last: 13 }));
    expect(text).toContain(squash(aliases.join(', ')));
    expect(text).toContain('7. What other names your have used');
  });

  it('renders CJK, Cyrillic and Vietnamese with embedded fonts and no viewer regeneration', async () => {
    const data = viewFor(personByNote('CJK'), { aliases: ['Ольга Шевченко', 'Nguyễn Thị Minh Khai'] });
    const { result, file } = await fillAndCheck('i-589', data, 'fonts');
    expect(result.warnings).toEqual([]);
    const doc = await PDFDocument.load(result.bytes);
    expect(doc.getForm().acroForm.dict.get(PDFName.of('NeedAppearances'))).toBe(PDFBool.False);
    const fonts = new Set<string>();
    doc.context.enumerateIndirectObjects().forEach(([, obj]) => {
      if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Font')) {
        const base = obj.get(PDFName.of('BaseFont'));
        if (base instanceof PDFName) fonts.add(base.decodeText().replace(/-\d+$/, ''));
      }
    });
    expect(fonts).toContain('NotoSans-Regular');
    expect(fonts).toContain('DroidSansFallback');
    expect(pdfText(file, { first: 1, last: 1 })).toContain('Nguyễn Thị Minh Khai');
  });

  it('keeps a value mixing scripts in its field, each glyph run in a font that has it', async () => {
    const aliases = ['Ольга Шевченко', '王明', 'محمد'];
    const { values, file, result } = await fillAndCheck('i-589', viewFor(personByNote('CJK'), { aliases }), 'mixed');
    expect(result.warnings).toEqual([]);
    expect(result.overflow).toEqual([]);
    expect(values.get(I589.aliases)).toBe('Ольга Шевченко, 王明, محمد');
    const page1 = pdfText(file, { first: 1, last: 1 });
    expect(page1).toContain('Ольга Шевченко, 王明,');
    expect(page1.normalize('NFKC')).toContain('محمد');
    expect(pageCount(file)).toBe(12);
  });

  it('fills a CJK name with ASCII punctuation and digits in the field, not on the addendum', async () => {
    const { values, file, result } = await fillAndCheck('i-589', viewFor(personByNote('CJK'), { familyName: '张, 伟 2' }), 'cjk-ascii');
    expect(result.overflow).toEqual([]);
    expect(values.get(I589.family)).toBe('张, 伟 2');
    expect(pdfText(file, { first: 1, last: 1 })).toContain('张, 伟 2');
  });

  it('fills every one of the I-589 fields and flattens on request', async () => {
    const blank = blanks.get('i-589');
    const map = parseFieldMap(everyFieldMap('i-589', blank?.sha256 ?? '', blank?.fields ?? []));
    const { result, values } = await fillAndCheck('i-589', viewFor(personByNote('Nordic')), 'every', { map });
    expect(result.filled).toBe(448);
    expect(result.overflow).toEqual([]);
    expect(values.get(I589.family)).toMatch(/^Ñ\d+$/);
    const flat = await fillAndCheck('g-28', viewFor(personByNote('Nordic')), 'flat', { flatten: true });
    expect(flat.values.size).toBe(0);
    expect(pdfText(flat.file, { first: 2, last: 2 })).toContain('Ødegård');
  });

  it('refuses a blank of another edition until the mismatch is accepted', async () => {
    const data = viewFor(personByNote('Nordic'));
    const wrongSha = await errorOf(fillForm(opts('i-589', data, { blankSha256: 'f'.repeat(64) })));
    expect(wrongSha?.code).toBe('PDF_WRONG_EDITION');
    expect(wrongSha?.details).toMatchObject({ missing: [], added: [] });

    const doc = await PDFDocument.load(blanks.get('i-589')?.bytes ?? new Uint8Array());
    const form = doc.getForm();
    // A new edition that renamed one mapped field and added another.
    form.getField(I589.family).acroField.setPartialName('PtAILine4_Surname[0]');
    form.createTextField('form1[0].NewEditionField[0]').addToPage(doc.getPage(0), { x: 10, y: 10 });
    const changed = await doc.save();
    const mismatch = await errorOf(fillForm(opts('i-589', data, { blank: changed, blankSha256: undefined })));
    expect(mismatch?.code).toBe('PDF_WRONG_EDITION');
    expect(mismatch?.details).toMatchObject({
      missing: [I589.family],
      added: ['form1[0].#subform[0].PtAILine4_Surname[0]', 'form1[0].NewEditionField[0]'],
    });

    const accepted = await fillForm(opts('i-589', data, { blank: changed, blankSha256: undefined, acceptEditionMismatch: true }));
    expect(accepted.warnings.map((w) => w.code)).toEqual(['EDITION_MISMATCH', 'FIELD_MISSING']);
    expect(accepted.edition.missing).toEqual([I589.family]);
    const file = dir.file('accepted.pdf', accepted.bytes);
    qpdfCheck(file);
    expect(pdftkValues(file).get(I589.given)).toBe('Søren');
  });

  it('writes nothing when filling fails or is cancelled', async () => {
    const out = tempDir();
    try {
      const data = viewFor(personByNote('Nordic'));
      const target = `${out.path}/g-28.pdf`;
      const wrong = await errorOf(fillFormToFile({ ...opts('g-28', data, { blankSha256: '0'.repeat(64) }), outPath: target }));
      expect(wrong?.code).toBe('PDF_WRONG_EDITION');
      const truncated = await errorOf(
        fillFormToFile({ ...opts('g-28', data, { blank: blanks.get('g-28')?.bytes.subarray(0, 800) }), outPath: target }),
      );
      expect(truncated?.code).toMatch(/^PDF_/);
      const controller = new AbortController();
      const progress: number[] = [];
      const cancelled = await errorOf(
        fillFormToFile({
          ...opts('i-589', data, {
            signal: controller.signal,
            onProgress: ({ done }) => {
              progress.push(done);
              if (done === 10) controller.abort();
            },
          }),
          outPath: target,
        }),
      );
      expect(cancelled?.code).toBe('CANCELLED');
      expect(progress.at(-1)).toBeLessThan(Object.keys(maps.get('i-589')?.fields ?? {}).length);
      expect(readdirSync(out.path)).toEqual([]);

      const ok = await fillFormToFile({ ...opts('g-28', data), outPath: target });
      expect(ok.filled).toBeGreaterThan(20);
      expect(readdirSync(out.path)).toEqual(['g-28.pdf']);
    } finally {
      out.remove();
    }
  });
});
