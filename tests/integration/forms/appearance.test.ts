/**
 * What a person sees: every filled single-line field of the official blanks
 * is rendered at 300 dpi (poppler) and read back from the pixels. Ink must
 * never touch the field's clip edge (the sign of a cut descender or accent).
 * Page contents are dropped before rendering so only the widgets' own
 * appearances are on the page: the form's printed boxes would be "ink" too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFNumber, PDFTextField, type PDFWidgetAnnotation } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFieldMap } from '../../../shared/forms/map-schema';
import { clipBox } from '../../../electron/core/forms/appearance';
import { loadBlank } from '../../../electron/core/forms/blank';
import { widgetPages } from '../../../electron/core/forms/fields';
import { fillForm } from '../../../electron/core/forms/fill';
import { pdfText, pdftkValues, personByNote, qpdfCheck, readBlank, tempDir, type FixtureForm, type TempDir } from './helpers';

const DPI = 300;
/** Grey level below which a pixel is ink: text is black, field backgrounds are light. */
const INK = 128;

interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads a binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function readPgm(file: string): Gray {
  const buf = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not a binary PGM`);
  const [all, w, h] = header;
  return { width: Number(w), height: Number(h), data: new Uint8Array(buf.subarray(all.length)) };
}

/** Renders pages first..last once each, at 300 dpi grey; returns page number -> image. */
function render(file: string, pages: number[], dir: TempDir): Map<number, Gray> {
  const out = new Map<number, Gray>();
  for (const p of pages) {
    const prefix = join(dir.path, `r-${p}`);
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(p), '-l', String(p), '-singlefile', file, prefix]);
    out.set(p, readPgm(`${prefix}.pgm`));
  }
  return out;
}

interface Crop {
  field: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function inkInRow(img: Gray, row: number, left: number, right: number): number {
  let n = 0;
  for (let x = left; x <= right; x++) if ((img.data[row * img.width + x] ?? 255) < INK) n++;
  return n;
}

/** The clip box of a widget in pixels of its page's render (pages here are unrotated, origin at 0,0). */
function cropOf(field: string, widget: PDFWidgetAnnotation, combed: boolean, pageHeight: number): Crop {
  const rect = widget.getRectangle();
  const box = clipBox(widget, combed);
  const k = DPI / 72;
  const x0 = rect.x + box.x;
  const y0 = rect.y + box.y;
  return {
    field,
    left: Math.ceil(x0 * k),
    right: Math.floor((x0 + box.width) * k) - 1,
    top: Math.ceil((pageHeight - (y0 + box.height)) * k),
    bottom: Math.floor((pageHeight - y0) * k) - 1,
  };
}

const NAMES = ['Gyqpj Ñúñez-Yépez'];

describe('filled fields keep their ink inside the clip box', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = tempDir();
    const arabic = personByNote('Arabic script');
    const vietnamese = personByNote('Vietnamese stacked');
    NAMES.push(`${arabic.given} ${arabic.family}`, `${vietnamese.given} ${vietnamese.family}`);
  });
  afterAll(() => dir.remove());

  it.each<FixtureForm>(['g-28', 'i-589', 'i-765'])('%s at 300 dpi: no ink row touches a clip edge', async (form) => {
    const blank = await loadBlank(readBlank(form));
    const singleLine = blank.fields.filter((f) => f.type === 'text');
    // Round-robin over the three names: one fill and one render per page cover all of them.
    const fields: Record<string, { transform: 'constant'; value: string }> = {};
    singleLine.forEach((f, i) => (fields[f.name] = { transform: 'constant', value: NAMES[i % NAMES.length] ?? '' }));
    const map = parseFieldMap({ form, edition: 'test', blankSha256: blank.sha256, blankFields: blank.fields.map((f) => f.name), fields });
    const result = await fillForm({
      blank: blank.bytes,
      blankSha256: blank.sha256,
      map,
      data: { person: { givenName: 'x', familyName: 'y', dob: '' } },
    });
    const file = dir.file(`${form}.pdf`, result.bytes);
    qpdfCheck(file);
    expect(pdftkValues(file).size).toBeGreaterThan(0);

    // Only the widgets on the page: the printed form is not ink of ours.
    const doc = await PDFDocument.load(result.bytes);
    const pageOf = widgetPages(doc);
    const crops = new Map<number, Crop[]>();
    for (const field of doc.getForm().getFields()) {
      if (!(field instanceof PDFTextField) || field.isMultiline() || !field.getText()) continue;
      for (const widget of field.acroField.getWidgets()) {
        const page = pageOf.get(widget.dict);
        const hidden = ((widget.dict.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0) & 2) !== 0;
        if (page === undefined || hidden) continue;
        const height = doc.getPage(page - 1).getHeight();
        const list = crops.get(page) ?? [];
        list.push(cropOf(field.getName(), widget, field.isCombed(), height));
        crops.set(page, list);
      }
    }
    for (const page of doc.getPages()) {
      expect(page.getRotation().angle).toBe(0);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('')));
    }
    const widgetsOnly = dir.file(`${form}-widgets.pdf`, await doc.save());
    const images = render(
      widgetsOnly,
      [...crops.keys()].sort((a, b) => a - b),
      dir,
    );

    let checked = 0;
    const touching: string[] = [];
    const empty: string[] = [];
    for (const [page, list] of crops) {
      const img = images.get(page);
      if (!img) throw new Error(`page ${page} not rendered`);
      for (const c of list) {
        if (c.bottom - c.top < 4 || c.right - c.left < 4) continue;
        checked++;
        let ink = 0;
        for (let row = c.top + 1; row < c.bottom; row++) ink += inkInRow(img, row, c.left, c.right);
        if (ink === 0) empty.push(c.field);
        if (inkInRow(img, c.top, c.left, c.right) > 0 || inkInRow(img, c.bottom, c.left, c.right) > 0) touching.push(c.field);
      }
    }
    expect(checked).toBeGreaterThan(form === 'g-28' ? 40 : 100);
    expect(empty).toEqual([]);
    expect(touching).toEqual([]);
  });
});

function utf16Hex(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

function fdf(values: Record<string, string>): string {
  const fields = Object.entries(values).map(([k, v]) => `<< /T ${utf16Hex(k)} /V ${utf16Hex(v)} >>`);
  return `%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [\n${fields.join('\n')}\n] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
}

function inkInRect(img: Gray, c: Omit<Crop, 'field'>): number {
  let n = 0;
  for (let row = c.top; row <= c.bottom; row++) n += inkInRow(img, row, c.left, c.right);
  return n;
}

describe('what other tools and odd widgets see', () => {
  let dir: TempDir;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => dir.remove());

  it('a filled PDF stays editable: pdftk refills a field and "Désir" renders from the blank’s own /DA font', async () => {
    const blank = await loadBlank(readBlank('g-28'));
    const family = 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]';
    const given = 'form1[0].#subform[1].Pt3Line5b_GivenName[0]';
    const map = parseFieldMap({
      form: 'g-28',
      edition: 'test',
      blankSha256: blank.sha256,
      blankFields: blank.fields.map((f) => f.name),
      fields: { [family]: { transform: 'text', source: 'person.familyName' }, [given]: { transform: 'text', source: 'person.givenName' } },
    });
    const result = await fillForm({
      blank: blank.bytes,
      blankSha256: blank.sha256,
      map,
      data: { person: { givenName: '王明', familyName: 'Wang', dob: '' } },
    });
    const original = await PDFDocument.load(blank.bytes);
    const filled = await PDFDocument.load(result.bytes);
    const da = (d: PDFDocument) => d.getForm().getTextField(family).acroField.getDefaultAppearance();
    expect(da(filled)).toBe(da(original));

    const amparo = dir.file('amparo.pdf', result.bytes);
    const refilled = join(dir.path, 'refilled.pdf');
    writeFileSync(join(dir.path, 'one.fdf'), fdf({ [family]: 'Désir' }));
    execFileSync('pdftk', [amparo, 'fill_form', join(dir.path, 'one.fdf'), 'output', refilled]);
    qpdfCheck(refilled);
    expect(pdftkValues(refilled).get(family)).toBe('Désir');
    expect(pdftkValues(refilled).get(given)).toBe('王明');
    const text = pdfText(refilled, { first: 2, last: 2 });
    expect(text).toContain('Désir');
    expect(text).toContain('王明');

    // The refilled field has ink where the value is (pdftk drew it with the /DA font).
    const doc = await PDFDocument.load(new Uint8Array(readFileSync(refilled)));
    const widget = doc.getForm().getTextField(family).acroField.getWidgets()[0];
    if (!widget) throw new Error('no widget');
    const page = doc.getPage(1);
    const crop = cropOf(family, widget, false, page.getHeight());
    const img = render(refilled, [2], dir).get(2);
    if (!img) throw new Error('not rendered');
    expect(inkInRect(img, crop)).toBeGreaterThan(50);
  });

  async function oneFieldPdf(build: (doc: PDFDocument) => void): Promise<{ bytes: Uint8Array; fields: string[] }> {
    const doc = await PDFDocument.create();
    doc.addPage([612, 792]);
    build(doc);
    const bytes = await doc.save();
    return {
      bytes,
      fields: (await PDFDocument.load(bytes))
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    };
  }

  it('a list box shows the selected option, fitted, with its border and highlight', async () => {
    const { bytes, fields } = await oneFieldPdf((doc) => {
      const list = doc.getForm().createOptionList('car');
      list.addOptions(['Honda', 'Ford', 'Kia', 'Toyota', 'Volvo']);
      list.addToPage(doc.getPage(0), {
        x: 100,
        y: 600,
        width: 90,
        height: 16,
        borderWidth: 1,
        borderColor: { type: 'RGB', red: 0, green: 0, blue: 0 } as never,
      });
      list.acroField.setDefaultAppearance('/Helv 12 Tf 0 g');
    });
    const map = parseFieldMap({
      form: 'x',
      edition: 'test',
      blankSha256: '0'.repeat(64),
      blankFields: fields,
      fields: { car: { transform: 'constant', value: 'Toyota' } },
    });
    const result = await fillForm({
      blank: bytes,
      map,
      acceptEditionMismatch: true,
      data: { person: { givenName: 'a', familyName: 'b', dob: '' } },
    });
    const file = dir.file('list.pdf', result.bytes);
    qpdfCheck(file);
    const text = pdfText(file);
    expect(text).toContain('Toyota');
    expect(text).not.toContain('Honda');
    const doc = await PDFDocument.load(result.bytes);
    const field = doc.getForm().getOptionList('car');
    expect(field.getSelected()).toEqual(['Toyota']);
    expect(field.acroField.dict.lookup(PDFName.of('TI'), PDFNumber).asNumber()).toBe(3);
    const img = render(file, [1], dir).get(1);
    if (!img) throw new Error('not rendered');
    const k = DPI / 72;
    // Border: the rectangle's left edge is dark; highlight: the selected line's background is blue-grey, not white.
    const mid = Math.round((792 - 608) * k);
    expect(img.data[mid * img.width + Math.round(100 * k)]).toBeLessThan(INK);
    const light = img.data[mid * img.width + Math.round(185 * k)] ?? 0;
    expect(light).toBeGreaterThan(INK);
    expect(light).toBeLessThan(245);
  });

  it('an auto-size field (size 0) sizes by the line’s real extent: Arabic fits where Latin does', async () => {
    const { bytes, fields } = await oneFieldPdf((doc) => {
      const tf = doc.getForm().createTextField('name');
      tf.addToPage(doc.getPage(0), { x: 100, y: 600, width: 60, height: 12 });
      tf.acroField.setDefaultAppearance('/Helv 0 Tf 0 g');
    });
    for (const value of ['Sébastien', 'محمد']) {
      const map = parseFieldMap({
        form: 'x',
        edition: 'test',
        blankSha256: '0'.repeat(64),
        blankFields: fields,
        fields: { name: { transform: 'constant', value } },
      });
      const result = await fillForm({
        blank: bytes,
        map,
        acceptEditionMismatch: true,
        data: { person: { givenName: 'a', familyName: 'b', dob: '' } },
      });
      expect(result.overflow).toEqual([]);
      const file = dir.file(`auto-${value.length}.pdf`, result.bytes);
      qpdfCheck(file);
      expect(pdfText(file).normalize('NFKC')).toContain(value);
    }
  });

  it('on a rotated page, the addendum page is rotated to match and reads upright', async () => {
    const blank = await loadBlank(readBlank('g-28'));
    const rotated = await PDFDocument.load(blank.bytes);
    for (const page of rotated.getPages()) page.node.set(PDFName.of('Rotate'), PDFNumber.of(90));
    const bytes = await rotated.save();
    const family = 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]';
    const long = 'Fitzgerald-Montgomery de Villiers y Gyqpj Ñúñez-Yépez de la Santísima Trinidad';
    const map = parseFieldMap({
      form: 'g-28',
      edition: 'test',
      blankSha256: blank.sha256,
      blankFields: blank.fields.map((f) => f.name),
      fields: { [family]: { transform: 'constant', value: long } },
    });
    const result = await fillForm({
      blank: bytes,
      map,
      acceptEditionMismatch: true,
      data: { person: { givenName: 'a', familyName: 'b', dob: '' } },
    });
    expect(result.overflow).toHaveLength(1);
    const file = dir.file('rotated.pdf', result.bytes);
    qpdfCheck(file);
    const doc = await PDFDocument.load(result.bytes);
    const last = doc.getPage(doc.getPageCount() - 1);
    expect(last.getRotation().angle).toBe(90);
    expect(last.getSize()).toEqual(doc.getPage(0).getSize());
    const n = doc.getPageCount();
    // pdftotext -layout reads rotated text badly; upright text comes out as one line.
    expect(pdfText(file, { first: n, last: n }).replace(/\s+/g, ' ')).toContain(long);
    // Drawn upright: the title is near the displayed top, i.e. ink in the top rows of the (portrait) render.
    const renders = render(file, [1, n], dir);
    const img = renders.get(n);
    const form = renders.get(1);
    if (!img || !form) throw new Error('not rendered');
    expect([img.width, img.height]).toEqual([form.width, form.height]);
    const k = DPI / 72;
    const titleRows = { left: Math.round(54 * k), right: Math.round(300 * k), top: Math.round(54 * k), bottom: Math.round(72 * k) };
    expect(inkInRect(img, titleRows)).toBeGreaterThan(100);
  });
});
