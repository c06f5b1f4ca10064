import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { namesFixture } from '../../helpers/fixtures';
import { commit, counts, preview, rawCsv } from './helpers';

const TODAY = '2026-11-26';
let core: Core;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, dir, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

const HEADER = 'given_name,family_name,dob\n';

/** Commits and expects a refusal that names these lines and wrote nothing at all. */
async function refused(data: string | Uint8Array, lines: number[], code?: string) {
  const before = counts(core);
  const r = await commit(core, data);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('CSV_INVALID');
  for (const l of lines) expect(r.error.message).toContain(`Line ${l}:`);
  const errors = (r.error.details as { errors: Array<{ line: number; code: string }> }).errors;
  expect([...new Set(errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual(lines);
  if (code) expect(errors.map((e) => e.code)).toContain(code);
  expect(counts(core)).toEqual(before);
  return r.error;
}

describe('CSV import: malformed files write nothing', () => {
  it('a bad date on line 3', async () => {
    const csv = HEADER + 'Ana,Pérez,1990-01-01\nLuis,Gómez,02/30/1990\nEva,Ruiz,1991-05-05\n';
    const pv = await preview(core, csv);
    expect(pv.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, [{ field: 'dob', code: 'date.invalid' }]],
      [4, []],
    ]);
    expect(pv.counts).toEqual({ total: 3, valid: 2, invalid: 1, likelyDuplicates: 0 });
    const e = await refused(csv, [3], 'date.invalid');
    expect(e!.message).toContain('Line 3: date of birth is not a real date');
    // Skipping the bad row lets the rest land.
    expect(await commit(core, csv, { 3: 'skip' })).toMatchObject({ ok: true, value: { imported: 2, skipped: 1 } });
  });

  it('an unclosed quote, reported at the line where the cell opens', async () => {
    await refused(HEADER + 'Ana,Pérez,1990-01-01\n"Luis,Gómez,1990-02-02\nEva,Ruiz,1991-05-05\n', [3], 'csv.unclosedQuote');
    const r = await core.dispatch('import.preview', { dataBase64: Buffer.from(HEADER + '"x\n').toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'CSV_INVALID' } });
  });

  it('a missing given_name column', async () => {
    const csv = 'family_name,dob\nPérez,1990-01-01\n';
    const pv = await preview(core, csv);
    expect(pv.fileErrors).toEqual([{ line: 1, field: 'given_name', code: 'csv.missingColumn' }]);
    expect(pv.counts.valid).toBe(0);
    await refused(csv, [1, 2], 'csv.missingColumn');
  });

  it('two columns filling the same field', async () => {
    const csv = 'nombre,given_name,dob\nAna,Ana,1990-01-01\n';
    expect((await preview(core, csv)).fileErrors).toEqual([{ line: 1, field: 'given_name', code: 'csv.columnTwice' }]);
    await refused(csv, [1], 'csv.columnTwice');
    expect(await commit(core, csv, {}, { nombre: null })).toMatchObject({ ok: true, value: { imported: 1 } });
  });

  it('a row with too many cells', async () => {
    await refused(HEADER + 'Ana,Pérez,1990-01-01\nLuis,Gómez,1990-02-02\nGarcía, José,Luis,1990-03-03\n', [4], 'csv.tooManyCells');
    // Trailing empty cells (Excel's ",,,") are not "too many".
    const ok = await commit(core, HEADER + 'Ana,Pérez,1990-01-01,,\n,,\n');
    expect(ok).toMatchObject({ ok: true, value: { imported: 1 } });
  });

  it('counts lines of the file across quoted multi-line cells, CRLF and blank lines', async () => {
    const csv =
      'given_name,family_name,dob,notes\r\nAna,Pérez,1990-01-01,"one\r\ntwo\r\nthree"\r\n\r\nLuis,Gómez,1990-13-01,\r\nEva,Ruiz,1991-05-05,"a ""quoted"" word"\r\n';
    const pv = await preview(core, csv);
    expect(pv.rows.map((r) => r.line)).toEqual([2, 6, 7]);
    expect(pv.rows[1]!.errors).toEqual([{ field: 'dob', code: 'date.invalid' }]);
    expect(pv.rows[2]!.values.notes).toBe('a "quoted" word');
    await refused(csv, [6]);
  });

  it('every problem at once, and no audit rows', async () => {
    const csv =
      'given_name,family_name,dob,phone,a_number,email,detained,approx_age\n' +
      ',Nobody,1990-01-01,,,,,\nAna,Pérez,2031-01-01,12,A123,not-an-email,maybe,\nEva,Ruiz,,,,,,200\nMo,,,,,,,\n';
    const pv = await preview(core, csv);
    expect(pv.rows.map((r) => [r.line, r.errors.map((e) => `${e.field}:${e.code}`).sort()])).toEqual([
      [2, ['given_name:text.required']],
      [3, ['a_number:aNumber.invalid', 'detained:option.invalid', 'dob:date.future', 'email:email.invalid', 'phone:phone.invalid']],
      [4, ['approx_age:age.invalid']],
      [5, ['dob:person.dobOrAgeRequired']],
    ]);
    await refused(csv, [2, 3, 4, 5]);
  });
});

describe('CSV import: encodings and hostile files', () => {
  it('decodes a Windows-1252 file and says so', async () => {
    const bytes = iconv.encode(HEADER + 'José,Muñoz,1990-01-01\r\nÁngela,Ibáñez Peña,1980-02-02\r\n', 'win1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const pv = await preview(core, bytes);
    expect(pv).toMatchObject({ encoding: 'Windows-1252', encodingNote: 'Read as Windows-1252' });
    expect(pv.rows.map((r) => r.values.given_name)).toEqual(['José', 'Ángela']);
    expect(await commit(core, bytes)).toMatchObject({ ok: true, value: { imported: 2 } });
    const names = (await core.call('people.search', { query: 'munoz' })).map((p) => `${p.givenName} ${p.familyName}`);
    expect(names).toEqual(['José Muñoz']);
  });

  it('reads UTF-8 with a BOM, UTF-16 with a BOM, semicolons and tabs', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + 'José,Muñoz,1990-01-01\n')]);
    const a = await preview(core, bom);
    expect(a).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: ',', fileErrors: [] });
    expect(a.rows[0]!.values).toEqual({ given_name: 'José', family_name: 'Muñoz', dob: '1990-01-01' });

    const u16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('nombre\tapellidos\tfecha_nacimiento\r\nОльга\tШевченко\t1990-01-01\r\n', 'utf16le'),
    ]);
    const b = await preview(core, u16);
    expect(b).toMatchObject({ encoding: 'UTF-16LE', delimiter: '\t', fileErrors: [] });
    expect(b.rows[0]!.values.family_name).toBe('Шевченко');

    const semi = await preview(core, 'Nombre;Apellidos;Fecha de nacimiento;Notas\nAna;"Pérez; López";07/03/1990;"a, b"\n');
    expect(semi).toMatchObject({ delimiter: ';', fileErrors: [] });
    expect(semi.rows[0]!.values).toEqual({ given_name: 'Ana', family_name: 'Pérez; López', dob: '07/03/1990', notes: 'a, b' });

    const sep = await preview(core, 'sep=;\ngiven_name;dob\nAna;1990-01-01\nBad;1990-02-31\n');
    expect(sep.rows.map((r) => [r.line, r.errors.length])).toEqual([
      [3, 0],
      [4, 1],
    ]);
  });

  it('refuses a binary file (PNG header) clearly', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const r = await core.dispatch('import.preview', { dataBase64: png.toString('base64') });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', message: expect.stringMatching(/^This file is not a text CSV file/) },
    });
    const before = counts(core);
    expect(await commit(core, png)).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', details: { errors: [{ line: 1, field: null, code: 'csv.notText' }] } },
    });
    expect(counts(core)).toEqual(before);
    const xlsx = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000rest of a zip');
    expect(await core.dispatch('import.preview', { dataBase64: xlsx.toString('base64') })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Excel workbook') },
    });
    expect(await core.dispatch('import.preview', { dataBase64: '' })).toMatchObject({ ok: false, error: { code: 'CSV_INVALID' } });
    expect(await core.dispatch('import.preview', { dataBase64: 'not base64!' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('stores formula-looking and SQL-looking cells as inert text', async () => {
    const hostile = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', "x'); DROP TABLE people;--"];
    const csv = rawCsv([['given_name', 'family_name', 'dob', 'notes'], ...hostile.map((h, i) => [h, `Family${i}`, '1990-01-01', h])]);
    expect(await commit(core, csv, {})).toMatchObject({ ok: true, value: { imported: hostile.length } });
    const { rows } = await core.call('people.list', { limit: 50 });
    expect(rows.map((r) => r.givenName).sort()).toEqual([...hostile].sort());
    for (const r of rows) expect((await core.call('people.get', { id: r.id })).notes).toBe(r.givenName);
  });

  it('a 10 MB cell is a row error: nothing written, no crash, the row can be skipped', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = HEADER + 'Ana,Pérez,1990-01-01\n' + `"${huge}",Big,1990-01-01\n` + 'Eva,Ruiz,1991-05-05\n';
    const pv = await preview(core, csv);
    expect(pv.rows[1]).toMatchObject({ line: 3, errors: [{ field: 'given_name', code: 'text.tooLong' }] });
    expect(pv.rows[1]!.values.given_name!.length).toBeLessThanOrEqual(301);
    const e = await refused(csv, [3], 'text.tooLong');
    expect(e!.message.length).toBeLessThan(2000);
    expect(await commit(core, csv, { 3: 'skip' })).toMatchObject({ ok: true, value: { imported: 2, skipped: 1 } });
    // Also in a notes cell, whose limit is higher, and in an ignored column (which does not matter).
    const notes = 'given_name,dob,notes,ignored\n' + `Ana,1990-01-01,"${huge}",\nEva,1990-01-01,,${huge}\n`;
    const pv2 = await preview(core, notes);
    expect(pv2.rows.map((r) => r.errors)).toEqual([[{ field: 'notes', code: 'text.tooLong' }], []]);
  });

  it('refuses files over 50 MB and more rows than it handles', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    const r = await core.dispatch('import.preview', { dataBase64: big.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'CSV_INVALID', message: expect.stringContaining('larger than 50 MB') } });
    const bigger = Buffer.alloc(51 * 1024 * 1024, 0x61);
    expect(await core.dispatch('import.preview', { dataBase64: bigger.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const many = HEADER + 'Ana,Pérez,1990-01-01\n'.repeat(20_001);
    expect(await core.dispatch('import.preview', { dataBase64: Buffer.from(many).toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', message: expect.stringContaining('more than 20000 rows') },
    });
  });

  it('writes no temporary files: nothing new in the temp folder holds client data', async () => {
    const list = () => new Set(readdirSync(tmpdir()));
    const before = list();
    const beforeVault = readdirSync(dir).sort();
    const people = namesFixture().people.filter((p) => p.given.length >= 4);
    const csv = rawCsv([
      ['given_name', 'family_name', 'dob'],
      ...people.map((p, i) => [p.given, p.family, `1970-02-${String(i + 1).padStart(2, '0')}`]),
    ]);
    const pv = await preview(core, csv);
    const choices = Object.fromEntries(pv.rows.filter((x) => x.needsChoice).map((x) => [String(x.line), 'import']));
    expect(await commit(core, csv, choices)).toMatchObject({ ok: true });
    await core.call('import.exportCsv', {});

    const contains = (path: string, depth = 0): boolean => {
      let st;
      try {
        st = statSync(path);
      } catch {
        return false; // gone already (another test's temp folder)
      }
      if (st.isDirectory()) return depth < 3 && readdirSync(path).some((f) => contains(join(path, f), depth + 1));
      if (!st.isFile() || st.size > 20_000_000) return false;
      const bytes = readFileSync(path);
      return people.some((p) => bytes.includes(Buffer.from(p.given, 'utf8')));
    };
    const added = [...list()].filter((f) => !before.has(f));
    for (const f of added) expect(contains(join(tmpdir(), f)), f).toBe(false);
    // The vault folder holds the vault and nothing else.
    const vaultFiles = readdirSync(dir).sort();
    expect(vaultFiles.filter((f) => !beforeVault.includes(f)).every((f) => /^amparo\.db(-wal|-shm)?$/.test(f))).toBe(true);
  });
});
