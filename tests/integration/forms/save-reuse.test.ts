/**
 * A fill's save writes every object it left untouched from the blank's own
 * serialization (pdf.ts saveFill). These tests hold that the shortcut never
 * changes a byte: each output equals pdf-lib's plain save of the same
 * document, and a change deep inside an otherwise untouched object is written.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { loadBlank } from '../../../electron/core/forms/blank';
import { openBlankCopy, saveFill } from '../../../electron/core/forms/pdf';
import { fillForm } from '../../../electron/core/forms/fill';
import { parseFieldMap } from '../../../shared/forms/map-schema';
import { everyFieldMap, readBlank } from './helpers';

const plainSave = (doc: Awaited<ReturnType<typeof openBlankCopy>>) =>
  doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity, useObjectStreams: false });

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('saving a fill from the blank’s own bytes', () => {
  it('writes exactly what a plain save writes, for an untouched copy and after nested edits', async () => {
    const blank = await loadBlank(readBlank('i-589'));
    const untouched = await openBlankCopy(blank.bytes);
    expect(same(await saveFill(untouched), await plainSave(untouched))).toBe(true);

    const doc = await openBlankCopy(blank.bytes);
    const widgets = doc
      .getForm()
      .getFields()
      .flatMap((f) => f.acroField.getWidgets());
    // One value two levels down in a widget (its /MK border colour) and one value at the top of another.
    const withMk = widgets.find((w) => w.dict.get(PDFName.of('MK')) instanceof PDFDict)!;
    const mk = withMk.dict.get(PDFName.of('MK')) as PDFDict;
    mk.set(PDFName.of('BC'), doc.context.obj([PDFNumber.of(0.25)]));
    widgets[widgets.length - 1]!.dict.set(PDFName.of('TU'), PDFString.of('changed'));
    const reused = await saveFill(doc);
    const plain = await plainSave(doc);
    expect(same(reused, plain)).toBe(true);
    expect(Buffer.from(reused).toString('latin1')).toContain('(changed)');
    expect(Buffer.from(reused).toString('latin1')).toMatch(/\/BC \[ 0\.25 \]/);
    // The original of an untouched copy was not the one written for the edited one.
    expect(same(reused, await saveFill(untouched))).toBe(false);
  });

  it('gives each of two fills with different data its own output, clean under qpdf, pdftk and pdftotext', async () => {
    const blank = await loadBlank(readBlank('i-589'));
    const every = everyFieldMap('i-589', blank.sha256, blank.fields);
    const first = blank.fields.find((f) => f.type === 'text' && !f.comb && (f.maxLen ?? 99) > 10)!.name;
    const fill = (given: string) => {
      const map = parseFieldMap({ ...every, fields: { ...every.fields, [first]: { transform: 'constant', value: given } } });
      return fillForm({
        blank: blank.bytes,
        blankSha256: blank.sha256,
        map,
        data: { person: { givenName: given, familyName: 'Núñez', dob: '1990-03-07' } },
      });
    };
    const ana = await fill('Ana');
    const gyqpj = await fill('Gyqpj');
    expect(same(ana.bytes, gyqpj.bytes)).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'amparo-save-reuse-'));
    try {
      for (const [value, other, r] of [
        ['Ana', 'Gyqpj', ana],
        ['Gyqpj', 'Ana', gyqpj],
      ] as const) {
        const file = join(dir, `${value}.pdf`);
        writeFileSync(file, r.bytes);
        expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
        const fields = execFileSync('pdftk', [file, 'dump_data_fields_utf8'], { encoding: 'utf8' });
        expect(fields).toContain(`FieldName: ${first}\n`);
        expect(fields).toContain(`FieldValue: ${value}\n`);
        expect(fields).not.toContain(`FieldValue: ${other}\n`);
        expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain(value);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
