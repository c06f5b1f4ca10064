import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseFieldMap } from '../../../shared/forms/map-schema';
import { fillForm } from '../../../electron/core/forms/fill';
import { listFields } from '../../../electron/core/forms/fields';

/** A small form with the field kinds the USCIS blanks lack: radio group, option list, comb. */
async function syntheticBlank(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const form = doc.getForm();
  const radio = form.createRadioGroup('sex');
  radio.addOptionToPage('M', page, { x: 50, y: 700, width: 12, height: 12 });
  radio.addOptionToPage('F', page, { x: 80, y: 700, width: 12, height: 12 });
  const list = form.createOptionList('language');
  // Options after placing: placing draws them, and pdf-lib's default font is WinAnsi only.
  list.addToPage(page, { x: 50, y: 600, width: 150, height: 60 });
  list.addOptions(['English', 'Español', 'Tiếng Việt']);
  const state = form.createDropdown('state');
  state.addOptions(['CA', 'NY', 'TX']);
  state.addToPage(page, { x: 50, y: 560, width: 60, height: 20 });
  const a = form.createTextField('aNumber');
  a.setMaxLength(9);
  a.enableCombing();
  a.addToPage(page, { x: 50, y: 520, width: 180, height: 20 });
  const zip = form.createTextField('zip');
  zip.setMaxLength(5);
  zip.addToPage(page, { x: 50, y: 480, width: 60, height: 20 });
  return doc.save({ updateFieldAppearances: false });
}

describe('filling choice, radio and comb fields', () => {
  it('selects options by value (case-insensitively), fills combs and reports unknown options', async () => {
    const blank = await syntheticBlank();
    const fields = await listFields(blank);
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['sex', 'radio'],
      ['language', 'list'],
      ['state', 'dropdown'],
      ['aNumber', 'text'],
      ['zip', 'text'],
    ]);
    expect(fields[0]?.options).toEqual(['M', 'F']);
    expect(fields[3]).toMatchObject({ maxLen: 9, comb: true });

    const map = parseFieldMap({
      form: 'synthetic',
      edition: '1',
      blankSha256: '0'.repeat(64),
      blankFields: fields.map((f) => f.name),
      fields: {
        sex: { transform: 'text', source: 'person.sex' },
        language: { transform: 'text', source: 'person.nativeLanguage' },
        state: { transform: 'text', source: 'person.address.state' },
        aNumber: { transform: 'a-number', source: 'person.aNumber' },
        zip: { transform: 'text', source: 'person.address.zip' },
      },
    });
    const data = {
      person: {
        givenName: 'Minh Khai',
        familyName: 'Nguyễn',
        dob: '1990-01-01',
        sex: 'F' as const,
        nativeLanguage: 'tiếng việt',
        aNumber: 'A12345678',
        address: { street: '1 Main St', city: 'Austin', state: 'WA', zip: '78701-1234' },
      },
    };
    const result = await fillForm({ blank, map, data });
    expect(result.warnings).toEqual([{ code: 'OPTION_NOT_FOUND', field: 'state', message: expect.any(String) }]);
    expect(result.overflow).toEqual([{ field: 'zip', label: '', value: '78701-1234' }]);
    const out = await PDFDocument.load(result.bytes);
    const filled = out.getForm();
    expect(filled.getRadioGroup('sex').getSelected()).toBe('F');
    expect(filled.getOptionList('language').getSelected()).toEqual(['Tiếng Việt']);
    expect(filled.getDropdown('state').getSelected()).toEqual([]);
    expect(filled.getTextField('aNumber').getText()).toBe('012345678');
    expect(filled.getTextField('zip').getText()).toBe('Add.');
    expect(out.getPageCount()).toBe(2);
  });
});
