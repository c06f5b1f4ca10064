/**
 * A blank that is not the edition a shipped map was made for: recognised by
 * its field names, refused until the user accepts the difference, and made
 * ready by saving a map reviewed against its own fields.
 */
import { PDFDict, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { ImportedBlank, PersonView } from '../../../shared/views';
import { freshCore } from '../../helpers/env';
import { pdftkValues, qpdfCheck, tempDir, type TempDir } from '../forms/helpers';
import { TODAY, b64, createClient, delivered, errorOf, importOfficial } from './helpers';

const REMOVED = 'form1[0].#subform[1].Pt3Line9_ANumber[0]';
const FAMILY = 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]';

let core: Core;
let cleanup: () => void;
let out: TempDir;
let official: ImportedBlank;
let changed: ImportedBlank;
let person: PersonView;

/** pdf-lib's removeField insists on appearance streams the USCIS blanks lack: unlink the field and its widgets by hand. */
function removeField(doc: PDFDocument, name: string): void {
  const form = doc.getForm();
  const field = form.getField(name);
  const widgets = new Set(field.acroField.getWidgets().map((w) => w.dict));
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = (annots?.size() ?? 0) - 1; i >= 0; i--) if (widgets.has(annots!.lookup(i, PDFDict))) annots!.remove(i);
  }
  const parent = field.acroField.getParent();
  const siblings = parent ? parent.Kids() : form.acroForm.Fields();
  const at = siblings?.indexOf(field.ref);
  if (!siblings || at === undefined || at < 0) throw new Error('field not found among its siblings');
  siblings.remove(at);
}

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  out = tempDir();
  official = await importOfficial(core, 'g-28');
  // "Next edition": the official blank with one mapped field removed, saved by pdf-lib.
  const doc = await PDFDocument.load((await core.call('forms.blankBytes', { id: official.blankId })).pdf);
  removeField(doc, REMOVED);
  changed = await core.call('forms.importBlank', { fileName: 'g-28-next.pdf', dataBase64: b64(await doc.save()) });
  person = await createClient(core, { given: 'Wideline', family: 'Pierre-Louis', aNumber: 'A987654321', dob: '1985-11-30' });
}, 60_000);
afterAll(() => {
  cleanup();
  out.remove();
});

describe('a different edition of a known form', () => {
  it('is matched by field names and reported with the missing field, as a draft', () => {
    expect(changed).toMatchObject({ form: 'g-28', edition: '2022', status: 'draft', mapped: true, fieldCount: 96, alreadyImported: false });
    expect(changed.match).toEqual(expect.objectContaining({ form: 'g-28', edition: '2022', exact: false, missing: [REMOVED], added: [] }));
    expect(changed.problems).toEqual([{ field: REMOVED, problem: 'missing' }]);
    expect(changed.blankSha256).not.toBe(official.blankSha256);
  });

  it('is refused until the difference is accepted, then filled with a warning and recorded as a mismatch', async () => {
    const refused = await errorOf(core.call('forms.fill', { templateId: changed.blankId, personId: person.id }));
    expect(refused.code).toBe('PDF_WRONG_EDITION');
    expect(refused.details).toMatchObject({ form: 'g-28', edition: '2022', missing: [REMOVED] });
    expect(await core.call('forms.history', { personId: person.id })).toEqual([]);

    const filled = await delivered(
      core,
      await core.call('forms.fill', { templateId: changed.blankId, personId: person.id, acceptEditionMismatch: true }),
    );
    expect(filled.warnings.map((w) => w.code)).toContain('EDITION_MISMATCH');
    const file = out.file('accepted.pdf', filled.pdf);
    qpdfCheck(file);
    expect(pdftkValues(file).get(FAMILY)).toBe('Pierre-Louis');
    expect((await core.call('forms.history', { personId: person.id }))[0]).toMatchObject({ id: filled.fillId, editionMismatch: true });
  });

  it('does not start a batch on it either', async () => {
    const e = await errorOf(core.call('forms.batchStart', { templateId: changed.blankId, personIds: [person.id] }));
    expect(e.code).toBe('PDF_WRONG_EDITION');
  });

  it('forms.fill { form } keeps using the ready official template', async () => {
    const filled = await delivered(core, await core.call('forms.fill', { form: 'g-28', personId: person.id }));
    expect((await core.call('forms.history', { personId: person.id }))[0]).toMatchObject({
      id: filled.fillId,
      templateId: official.blankId,
    });
  });
});

describe('forms.saveTemplate', () => {
  it('refuses a map naming fields the blank lacks, or of the wrong type, or outside the view', async () => {
    const t = await core.call('forms.getTemplate', { id: changed.blankId });
    const stale = await errorOf(core.call('forms.saveTemplate', { id: t.id, name: 'G-28 next', map: t.map! }));
    expect(stale.code).toBe('INVALID_INPUT');
    expect(stale.details).toEqual({ problems: [{ field: REMOVED, problem: 'missing' }] });

    const wrongType = { ...t.map!, fields: { [FAMILY]: { transform: 'checkbox-if', source: 'person.sex', equals: 'F' } } };
    expect((await errorOf(core.call('forms.saveTemplate', { id: t.id, name: 'x', map: wrongType }))).details).toMatchObject({
      problems: [{ field: FAMILY, problem: 'wrong-type', actual: 'text' }],
    });
    const outside = { ...t.map!, fields: { [FAMILY]: { transform: 'text', source: 'person.notes' } } };
    expect((await errorOf(core.call('forms.saveTemplate', { id: t.id, name: 'x', map: outside }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(core.call('forms.saveTemplate', { id: t.id, name: 'x', map: { form: 'g-28' } }))).code).toBe('INVALID_INPUT');
    expect((await core.call('forms.getTemplate', { id: t.id })).status).toBe('draft');
  });

  it('binds a reviewed map to this blank: ready, and filled without accepting anything', async () => {
    const t = await core.call('forms.getTemplate', { id: changed.blankId });
    const fields = { ...t.map!.fields };
    delete fields[REMOVED];
    const { blankSha256: _sha, blankFields: _fields, ...rest } = t.map!;
    const saved = await core.call('forms.saveTemplate', {
      id: t.id,
      version: t.version,
      name: 'G-28 (next edition)',
      map: { ...rest, edition: '2022-next', fields },
    });
    expect(saved).toMatchObject({
      status: 'ready',
      name: 'G-28 (next edition)',
      edition: '2022-next',
      version: t.version + 1,
      problems: [],
    });
    expect(saved.map?.blankSha256).toBe(changed.blankSha256);
    expect(saved.map?.blankFields).toHaveLength(96);
    expect((await errorOf(core.call('forms.saveTemplate', { id: t.id, version: t.version, name: 'again', map: rest }))).code).toBe(
      'STALE_WRITE',
    );

    const filled = await delivered(core, await core.call('forms.fill', { templateId: t.id, personId: person.id }));
    expect(filled.warnings).toEqual([]);
    expect(filled.edition?.shaMatches).toBe(true);
    qpdfCheck(out.file('reviewed.pdf', filled.pdf));
  });

  it('maps a blank no shipped map knows from scratch', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const form = doc.getForm();
    form.createTextField('client.name').addToPage(page, { x: 50, y: 700, width: 300, height: 20 });
    form.createCheckBox('client.detained').addToPage(page, { x: 50, y: 650, width: 12, height: 12 });
    const custom = await core.call('forms.importBlank', {
      fileName: 'C:\\Users\\clinic\\Downloads\\intake-sheet.pdf',
      dataBase64: b64(await doc.save()),
    });
    expect(custom).toMatchObject({
      form: 'custom',
      edition: null,
      status: 'draft',
      mapped: false,
      match: null,
      name: 'intake-sheet',
      fileName: 'intake-sheet.pdf',
    });
    expect((await errorOf(core.call('forms.fill', { templateId: custom.blankId, personId: person.id }))).message).toMatch(
      /no field map yet/,
    );
    const saved = await core.call('forms.saveTemplate', {
      id: custom.blankId,
      name: 'Intake sheet',
      map: {
        form: 'intake-sheet',
        edition: '1',
        fields: {
          'client.name': { transform: 'text', source: ['person.familyName', 'person.givenName'], separator: ', ' },
          'client.detained': { transform: 'checkbox-if', source: 'detention.detained', equals: true },
        },
      },
    });
    expect(saved.status).toBe('ready');
    const filled = await delivered(core, await core.call('forms.testFill', { templateId: custom.blankId, personId: person.id }));
    const file = out.file('custom.pdf', filled.pdf);
    qpdfCheck(file);
    expect(pdftkValues(file).get('client.name')).toBe('Pierre-Louis, Wideline');
    expect(filled.fileName).toBe('Intake sheet Pierre-Louis, Wideline 2026-11-26.pdf');
  });
});
