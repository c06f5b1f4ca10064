/**
 * The forms service over a real encrypted vault: templates imported from the
 * official blanks (../shared/fixtures/forms), fills for people saved through
 * the intake ops, the history, the attorney block, the summary, and the PDFs
 * checked with qpdf, pdftk and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import type { ImportedBlank, PersonView } from '../../../shared/views';
import { freshCore } from '../../helpers/env';
import { pdfText, pdftkValues, qpdfCheck, readBlank, squash, tempDir, type TempDir } from '../forms/helpers';
import { ATTORNEY, TODAY, b64, createClient, delivered, errorOf, importOfficial, sha256 } from './helpers';

const G28 = {
  family: 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]',
  given: 'form1[0].#subform[1].Pt3Line5b_GivenName[0]',
  aNumber: 'form1[0].#subform[1].Pt3Line9_ANumber[0]',
  attorneyFamily: 'form1[0].#subform[0].Pt1Line2a_FamilyName[0]',
  uscisBox: 'form1[0].#subform[1].Line1a_USCIS[0]',
  uscisMatter: 'form1[0].#subform[1].Line1b_ListFormNumber[0]',
};
const I589 = {
  family: 'form1[0].#subform[0].PtAILine4_LastName[0]',
  given: 'form1[0].#subform[0].PtAILine5_FirstName[0]',
  aNumber: 'form1[0].#subform[0].PtAILine1_ANumber[0]',
  dob: 'form1[0].#subform[0].DateTimeField1[0]',
};

let core: Core;
let vaultDir: string;
let cleanup: () => void;
let out: TempDir;
let g28: ImportedBlank;
let i589: ImportedBlank;
let maria: PersonView;

const rows = (sql: string, ...args: unknown[]) => core.vault.db.prepare(sql).all(...args) as Record<string, unknown>[];

beforeAll(async () => {
  ({ core, dir: vaultDir, cleanup } = await freshCore({ today: TODAY }));
  out = tempDir();
  g28 = await importOfficial(core, 'g-28');
  i589 = await importOfficial(core, 'i-589');
  maria = await createClient(core, { given: 'María José', family: 'Pérez Núñez', aNumber: 'A-012-345-678', dob: '1990-03-07' });
}, 60_000);
afterAll(() => {
  cleanup();
  out.remove();
});

describe('forms.importBlank', () => {
  it('decrypts the official blanks, lists their fields and recognises the shipped maps by sha256', () => {
    expect(g28).toMatchObject({
      form: 'g-28',
      edition: '2022',
      status: 'ready',
      mapped: true,
      pageCount: 4,
      fieldCount: 97,
      alreadyImported: false,
    });
    expect(g28.match).toMatchObject({ form: 'g-28', edition: '2022', exact: true, missing: [], added: [] });
    expect(g28.blankSha256).toBe('35c4572925d0ec1e65d68e723fe95c299df49edfb9246ebfd206d78d77468b88');
    expect(i589).toMatchObject({ form: 'i-589', edition: '2022', status: 'ready', pageCount: 12, fieldCount: 448, problems: [] });
    expect(i589.match?.exact).toBe(true);
    const lastName = i589.fields.find((f) => f.name === I589.family);
    expect(lastName).toMatchObject({ type: 'text', page: 1, label: expect.stringContaining('Last Name') });
    expect(i589.fields.find((f) => f.name === I589.aNumber)?.maxLen).toBe(9);
    expect(g28.fields.find((f) => f.name === 'form1[0].#subform[0].Line3d_State[0]')?.options).toContain('CA');
  });

  it('stores a blank once: the same file again returns the stored template', async () => {
    const again = await importOfficial(core, 'g-28');
    expect(again).toMatchObject({ blankId: g28.blankId, alreadyImported: true });
    expect(rows('SELECT id FROM form_templates')).toHaveLength(2);
  });

  it('lists, gets and previews templates; the preview bytes are the decrypted blank', async () => {
    const list = await core.call('forms.listTemplates', {});
    expect(list.map((t) => t.form)).toEqual(['g-28', 'i-589']);
    expect(list[0]).not.toHaveProperty('fields');
    const t = await core.call('forms.getTemplate', { id: i589.blankId });
    expect(t.fields).toHaveLength(448);
    expect(t.map?.form).toBe('i-589');
    const { pdf, pageCount } = await core.call('forms.blankBytes', { id: i589.blankId });
    expect(pageCount).toBe(12);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getForm().getFields()).toHaveLength(448);
    expect(doc.isEncrypted).toBe(false);
  });

  it('refuses a truncated file, a PDF without fields and a PDF needing a password, in plain words, storing nothing', async () => {
    const before = rows('SELECT id FROM form_templates').length;
    const truncated = await errorOf(
      core.call('forms.importBlank', { fileName: 'g-28.pdf', dataBase64: b64(readBlank('g-28').subarray(0, 5000)) }),
    );
    expect(truncated.code).toBe('PDF_INVALID');
    expect(truncated.message).toMatch(/damaged or is not a PDF.*uscis\.gov/);
    const garbage = await errorOf(
      core.call('forms.importBlank', { fileName: 'x.pdf', dataBase64: b64(new TextEncoder().encode('hello')) }),
    );
    expect(garbage.code).toBe('PDF_INVALID');

    const plain = await PDFDocument.create();
    plain.addPage().drawText('No form here');
    const noForm = await errorOf(core.call('forms.importBlank', { fileName: 'scan.pdf', dataBase64: b64(await plain.save()) }));
    expect(noForm.code).toBe('PDF_NO_FORM');
    expect(noForm.message).toMatch(/no fillable fields/);

    const { pdf } = await core.call('forms.blankBytes', { id: g28.blankId });
    const src = out.file('plain.pdf', pdf);
    const locked = out.file('locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', src, locked]);
    const needsPassword = await errorOf(core.call('forms.importBlank', { fileName: 'locked.pdf', dataBase64: b64(readFileSync(locked)) }));
    expect(needsPassword.code).toBe('PDF_NEEDS_PASSWORD');
    expect(needsPassword.message).toMatch(/needs a password/);

    expect(rows('SELECT id FROM form_templates')).toHaveLength(before);
  });

  it('refuses input that is not base64 at the boundary', async () => {
    expect((await errorOf(core.call('forms.importBlank', { fileName: 'a.pdf', dataBase64: 'not base64!' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(core.call('forms.importBlank', { fileName: '', dataBase64: '' }))).code).toBe('INVALID_INPUT');
  });
});

describe('forms.fill', () => {
  it('has an attorney block to set, versioned', async () => {
    expect(await core.call('forms.getAttorney', {})).toEqual({ attorney: null, version: null, updatedAt: null, updatedBy: null });
    const saved = await core.call('forms.setAttorney', { attorney: ATTORNEY });
    expect(saved).toMatchObject({ version: 1, attorney: { givenName: 'Ana', familyName: 'Ruiz', barNumber: '123456' } });
    expect((await errorOf(core.call('forms.setAttorney', { attorney: ATTORNEY, version: 7 }))).code).toBe('STALE_WRITE');
    expect((await errorOf(core.call('forms.setAttorney', { attorney: { ...ATTORNEY, givenName: ' ' } }))).code).toBe('INVALID_INPUT');
    expect((await core.call('forms.setAttorney', { attorney: ATTORNEY, version: 1 })).version).toBe(2);
  });

  it('fills the I-589 for a person saved through intake: valid PDF, values in fields and page text, recorded with its sha256', async () => {
    const filled = await delivered(core, await core.call('forms.fill', { form: 'i-589', personId: maria.id }));
    const bytes = filled.pdf;
    expect(filled.sha256).toBe(sha256(bytes));
    expect(filled.fileName).toBe('I-589 Pérez Núñez, María José 2026-11-26.pdf');
    expect(filled.pageCount).toBe(12);
    expect(filled.warnings).toEqual([]);

    const file = out.file('i589.pdf', bytes);
    qpdfCheck(file);
    const values = pdftkValues(file);
    expect(values.get(I589.family)).toBe('Pérez Núñez');
    expect(values.get(I589.given)).toBe('María José');
    expect(values.get(I589.aNumber)).toBe('012345678');
    expect(values.get(I589.dob)).toBe('03/07/1990');
    const page1 = squash(pdfText(file, { first: 1, last: 1 }));
    for (const s of ['Pérez Núñez', 'María José', '012345678', '03/07/1990']) expect(page1).toContain(s);

    const history = await core.call('forms.history', { personId: maria.id });
    expect(history[0]).toMatchObject({
      id: filled.fillId,
      kind: 'fill',
      form: 'i-589',
      edition: '2022',
      templateId: i589.blankId,
      outputSha256: sha256(bytes),
      blankSha256: i589.blankSha256,
      pageCount: 12,
      editionMismatch: false,
    });
    const audit = rows(`SELECT actor, entity_id, detail FROM audit_log WHERE action = 'forms.fill.delivered'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(maria.id);
    expect(String(audit[0]!.detail)).not.toContain('Pérez');
  });

  it('fills the G-28 with the client and the attorney block; flatten makes it a plain page', async () => {
    const filled = await delivered(core, await core.call('forms.fill', { templateId: g28.blankId, personId: maria.id }));
    const file = out.file('g28.pdf', filled.pdf);
    qpdfCheck(file);
    const values = pdftkValues(file);
    expect(values.get(G28.family)).toBe('Pérez Núñez');
    expect(values.get(G28.given)).toBe('María José');
    expect(values.get(G28.aNumber)).toBe('012345678');
    expect(values.get(G28.attorneyFamily)).toBe('Ruiz');
    // An affirmative asylum case: appearance before USCIS, on Form I-589.
    expect(values.get(G28.uscisMatter)).toBe('I-589');
    expect(squash(pdfText(file))).toContain('Pérez Núñez');

    const flat = await delivered(core, await core.call('forms.fill', { form: 'g-28', personId: maria.id, flatten: true }));
    const flatFile = out.file('g28-flat.pdf', flat.pdf);
    qpdfCheck(flatFile);
    expect(squash(pdfText(flatFile))).toContain('Pérez Núñez');
    expect((await PDFDocument.load(flat.pdf)).getForm().getFields()).toHaveLength(0);
    expect((await core.call('forms.history', { personId: maria.id }))[0]).toMatchObject({ id: flat.fillId, flattened: true });
  });

  /**
   * os.tmpdir() follows TMPDIR at each call, so pointing it at a fresh folder
   * makes "nothing written to the temp folder" exact. (Comparing the shared
   * system /tmp would race with other suites running at the same time.)
   */
  it('writes nothing to the temp folder or beside the vault while filling', async () => {
    const privateTmp = mkdtempSync(join(tmpdir(), 'amparo-tmpcheck-'));
    const savedTmp = process.env.TMPDIR;
    const vaultBefore = readdirSync(vaultDir).sort();
    process.env.TMPDIR = privateTmp;
    try {
      expect(tmpdir()).toBe(privateTmp);
      const before = readdirSync(tmpdir());
      await core.call('forms.fill', { form: 'i-589', personId: maria.id });
      await core.call('forms.fill', { form: 'g-28', personId: maria.id, flatten: true });
      await core.call('forms.summary', { personId: maria.id, lang: 'en' });
      expect(readdirSync(tmpdir())).toEqual(before);
      expect(before).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(privateTmp, { recursive: true, force: true });
    }
    expect(readdirSync(vaultDir).sort()).toEqual(vaultBefore);
  });

  it('checks the person, the case and the template', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await errorOf(core.call('forms.fill', { form: 'g-28', personId: missing }))).code).toBe('NOT_FOUND');
    expect((await errorOf(core.call('forms.fill', { templateId: missing, personId: maria.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(core.call('forms.fill', { form: 'g-28', personId: maria.id, caseId: missing }))).code).toBe('NOT_FOUND');
    // Exactly one of templateId and form.
    expect((await errorOf(core.call('forms.fill', { personId: maria.id }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(core.call('forms.fill', { form: 'g-28', templateId: g28.blankId, personId: maria.id }))).code).toBe(
      'INVALID_INPUT',
    );
    const withCase = await delivered(core, await core.call('forms.fill', { form: 'g-28', personId: maria.id, caseId: maria.cases[0]!.id }));
    expect((await core.call('forms.history', { personId: maria.id }))[0]).toMatchObject({
      id: withCase.fillId,
      caseId: maria.cases[0]!.id,
    });
  });

  it('records test fills and intake summaries in the history too', async () => {
    const test = await delivered(core, await core.call('forms.testFill', { templateId: g28.blankId, personId: maria.id }));
    const summary = await delivered(core, await core.call('forms.summary', { personId: maria.id, lang: 'es' }));
    expect(summary.fileName).toBe('Resumen de admisión Pérez Núñez, María José 2026-11-26.pdf');
    const file = out.file('summary.pdf', summary.pdf);
    qpdfCheck(file);
    const text = squash(pdfText(file));
    expect(text).toContain('Resumen de admisión');
    expect(text).toContain('Pérez Núñez');
    const history = await core.call('forms.history', { personId: maria.id });
    expect(history.find((h) => h.id === test.fillId)).toMatchObject({ kind: 'test', form: 'g-28' });
    expect(history.find((h) => h.id === summary.fillId)).toMatchObject({
      kind: 'summary',
      form: 'summary',
      edition: 'es',
      outputSha256: summary.sha256,
    });
    for (const h of history) expect(h.outputSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells the user to import the blank first when none is stored for that form', async () => {
    const other = await freshCore({ today: TODAY });
    try {
      const p = await createClient(other.core, { given: 'Ana', family: 'Díaz', aNumber: 'A123456789', dob: '1980-01-01' });
      const e = await errorOf(other.core.call('forms.fill', { form: 'g-28', personId: p.id }));
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toMatch(/No G-28 blank has been imported yet.*uscis\.gov/);
    } finally {
      other.cleanup();
    }
  });
});

describe('forms.sources', () => {
  it('offers every path the shipped maps read, labelled in English and Spanish, and every transform', async () => {
    const { paths, transforms } = await core.call('forms.sources', {});
    const known = new Set(paths.map((p) => p.path));
    for (const [form, edition] of [
      ['g-28', '2022'],
      ['i-589', '2022'],
      ['i-765', '2022-10-31'],
      ['ar-11', '2019-09-10'],
    ] as const) {
      const map = await loadFieldMap(form, edition);
      const aliases = new Set(Object.keys(map.aliases ?? {}));
      for (const entry of Object.values(map.fields)) {
        if (!('source' in entry)) continue;
        // A whole address is read only for its presence (checkbox-if truthy); the mapper offers its parts.
        const presence = entry.transform === 'checkbox-if' && entry.truthy !== undefined;
        for (const s of [entry.source].flat()) if (!aliases.has(s.split('.')[0]!) && !presence) expect(known, s).toContain(s);
      }
    }
    for (const p of paths) {
      expect(p.label.en.length).toBeGreaterThan(0);
      expect(p.label.es.length).toBeGreaterThan(0);
    }
    expect(paths.find((p) => p.path === 'person.sex')).toMatchObject({ kind: 'choice', values: ['M', 'F', 'X'] });
    expect(paths.find((p) => p.path === 'history.entries.1.date')?.label.es).toBe('Historial migratorio › Entrada 2 › Fecha');
    expect(paths.find((p) => p.path === 'person.aliases.0')?.label.en).toBe('Client › Other names used › Name 1');
    expect(transforms.map((t) => t.id).sort()).toEqual(
      [
        'a-number',
        'checkbox-if',
        'constant',
        'date-mdy',
        'ead-category-1',
        'ead-category-2',
        'ead-category-3',
        'name-family',
        'name-given',
        'name-middle',
        'phone-area',
        'phone-digits',
        'phone-number',
        'text',
        'upper',
        'zip5',
      ].sort(),
    );
  });
});

describe('forms.deleteTemplate', () => {
  it('keeps the history of fills made with it', async () => {
    const copy = await PDFDocument.load((await core.call('forms.blankBytes', { id: g28.blankId })).pdf);
    copy.setTitle('another copy');
    const imported = await core.call('forms.importBlank', { fileName: 'copy.pdf', dataBase64: b64(await copy.save()) });
    expect(imported.status).toBe('draft');
    const filled = await delivered(
      core,
      await core.call('forms.fill', { templateId: imported.blankId, personId: maria.id, acceptEditionMismatch: true }),
    );
    expect((await errorOf(core.call('forms.deleteTemplate', { id: imported.blankId, version: 99 }))).code).toBe('STALE_WRITE');
    expect(await core.call('forms.deleteTemplate', { id: imported.blankId })).toEqual({ deleted: true });
    expect((await core.call('forms.history', { personId: maria.id })).find((h) => h.id === filled.fillId)).toMatchObject({
      templateId: null,
      form: 'g-28',
    });
    expect((await errorOf(core.call('forms.getTemplate', { id: imported.blankId }))).code).toBe('NOT_FOUND');
  });
});
