import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { validateMap } from '../../../shared/forms/map-schema';
import { loadBlank, type LoadedBlank } from '../../../electron/core/forms/blank';
import { listFields } from '../../../electron/core/forms/fields';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import { qpdfCheck, readBlank, tempDir, type TempDir } from './helpers';

async function errorCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? err.code : `not AppError: ${String(err)}`;
  }
  return undefined;
}

describe('official blanks', () => {
  let dir: TempDir;
  const blanks = new Map<string, LoadedBlank>();

  beforeAll(async () => {
    dir = tempDir();
    for (const form of ['g-28', 'i-589'] as const) blanks.set(form, await loadBlank(readBlank(form)));
  });
  afterAll(() => dir.remove());

  it('decrypts, keeps the AcroForm and hashes the original download', () => {
    const g28 = blanks.get('g-28');
    const i589 = blanks.get('i-589');
    expect(g28?.fields).toHaveLength(97);
    expect(i589?.fields).toHaveLength(448);
    expect(g28?.sha256).toBe('35c4572925d0ec1e65d68e723fe95c299df49edfb9246ebfd206d78d77468b88');
    expect(i589?.sha256).toBe('14c7bfe848c18acfa21002a22538e1fe9dd5920dc356dbe8fb045fa51f44f7f3');
    qpdfCheck(dir.file('i589.pdf', i589?.bytes));
  });

  it('drops XFA, NeedsRendering and the Reader-extensions signature', async () => {
    const doc = await PDFDocument.load(blanks.get('i-589')?.bytes ?? new Uint8Array());
    const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(acro.has(PDFName.of('XFA'))).toBe(false);
    expect(acro.has(PDFName.of('Fields'))).toBe(true);
    expect(doc.catalog.has(PDFName.of('NeedsRendering'))).toBe(false);
    expect(doc.catalog.has(PDFName.of('Perms'))).toBe(false);
  });

  it('lists fields with type, label, page, options, MaxLen and comb', async () => {
    const fields = await listFields(blanks.get('i-589')?.bytes ?? new Uint8Array());
    const lastName = fields.find((f) => f.name === 'form1[0].#subform[0].PtAILine4_LastName[0]');
    expect(lastName).toMatchObject({ type: 'text', page: 1, label: expect.stringContaining('4. Enter Complete Last Name') });
    const aNumber = fields.find((f) => f.name === 'form1[0].#subform[0].PtAILine1_ANumber[0]');
    expect(aNumber).toMatchObject({ maxLen: 9 });
    const female = fields.find((f) => f.name === 'form1[0].#subform[0].PartALine9Gender[1]');
    expect(female).toMatchObject({ type: 'checkbox', options: ['F'] });
    expect(fields.filter((f) => f.comb).map((f) => f.name)).toEqual(['form1[0].#subform[10].USCISOnlineAcctNumber[0]']);
    expect(new Set(fields.map((f) => f.page))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    const g28 = blanks.get('g-28')?.fields ?? [];
    const state = g28.find((f) => f.name === 'form1[0].#subform[0].Line3d_State[0]');
    expect(state).toMatchObject({ type: 'dropdown', page: 1 });
    expect(state?.options).toContain('CA');
  });

  it('has field maps whose every field exists with a fillable type', async () => {
    for (const form of ['g-28', 'i-589'] as const) {
      const map = await loadFieldMap(form, '2022');
      const blank = blanks.get(form);
      expect(map.blankSha256).toBe(blank?.sha256);
      expect(validateMap(map, blank?.fields ?? [])).toEqual([]);
      expect([...map.blankFields].sort()).toEqual((blank?.fields ?? []).map((f) => f.name).sort());
    }
  });

  it('rejects a truncated file and garbage as PDF_INVALID', async () => {
    const original = readBlank('g-28');
    expect(await errorCode(loadBlank(original.subarray(0, 5000)))).toBe('PDF_INVALID');
    expect(await errorCode(loadBlank(new TextEncoder().encode('hello, not a pdf')))).toBe('PDF_INVALID');
    expect(await errorCode(loadBlank(new Uint8Array()))).toBe('PDF_INVALID');
  });

  it('rejects a PDF without form fields as PDF_NO_FORM', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('No form here');
    expect(await errorCode(loadBlank(await doc.save()))).toBe('PDF_NO_FORM');
  });

  it('rejects a PDF that needs a user password as PDF_NEEDS_PASSWORD', async () => {
    const plain = dir.file('plain.pdf', blanks.get('g-28')?.bytes);
    const locked = dir.file('locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, locked]);
    expect(await errorCode(loadBlank(new Uint8Array(readFileSync(locked))))).toBe('PDF_NEEDS_PASSWORD');
  });
});
