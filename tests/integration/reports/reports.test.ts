/**
 * Reports over a real encrypted vault built here, with known answers:
 * dashboard counts, case closing, funder statistics with suppression,
 * summary PDFs (qpdf, pdftotext, pdftoppm) and exports (CSV; XLSX read back
 * with exceljs).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { addEvent, person } from '../deadlines/helpers';
import type { ChartTable, StatsTable } from '../../../shared/views';

const TODAY = '2026-03-02';
let core: Core;
let dir: string;
let cleanup: () => void;
const ids = {} as Record<'jose' | 'ngoc' | 'olena' | 'mona', { id: string; caseIds: string[] }>;

const table = (tables: ChartTable[], id: string) => tables.find((t) => t.id === id)!;
const rowsOf = (t: ChartTable) => Object.fromEntries(t.rows.map((r) => [r.key, r.values]));

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore({ today: TODAY }));
  ids.jose = await person(core, {
    given: 'José María',
    family: 'García Núñez',
    detained: true,
    cases: [
      {
        type: 'removal-detained',
        court: 'Otay Mesa Immigration Court',
        judge: 'Judge Ruiz',
        assignedTo: 'ana',
        nextHearing: { date: '2026-03-05', kind: 'master' },
      },
    ],
  });
  ids.ngoc = await person(core, {
    given: 'Nguyễn Thị',
    family: 'Ngọc',
    history: { tpsCountry: 'SV' },
    cases: [
      { type: 'tps', assignedTo: 'ana' },
      { type: 'ead', status: 'pending', assignedTo: 'luis' },
    ],
  });
  ids.olena = await person(core, {
    given: 'Олена',
    family: 'Шевченко',
    cases: [{ type: 'asylum-affirmative', nextHearing: { date: '2026-03-25', kind: 'individual' } }],
  });
  ids.mona = await person(core, { given: 'منى', family: 'حيدري', cases: [{ type: 'asylum-defensive' }] });
  // A detention date for José: 45 days in detention on TODAY.
  const jose = await core.call('people.get', { id: ids.jose.id });
  await core.call('people.update', {
    id: jose.id,
    version: jose.version,
    data: {
      person: { ...jose.person, address: { street: '1 Main St', city: 'San Diego', state: 'CA', zip: '92101', county: 'San Diego' } },
      detention: { ...jose.detention, dateDetained: '2026-01-16' },
      history: jose.history,
      family: jose.family,
      notes: 'Needs a Mixteco interpreter.',
      urgentNeeds: 'Medication in detention',
    },
  });
  await addEvent(core, ids.jose.id, { kind: 'ij-decision-oral', date: '2026-02-02', caseId: ids.jose.caseIds[0] });
});
afterAll(() => cleanup());

describe('caseload dashboard', () => {
  it('counts open cases, detention, hearings and deadlines with known answers', async () => {
    const v = await core.call('reports.caseload', {});
    expect(v.today).toBe(TODAY);
    const byType = table(v.tables, 'openCasesByType');
    expect(byType.series).toEqual(['open', 'pending']);
    expect(rowsOf(byType)).toMatchObject({
      'removal-detained': [1, 0],
      tps: [1, 0],
      ead: [0, 1],
      'asylum-affirmative': [1, 0],
      'asylum-defensive': [1, 0],
    });
    expect(rowsOf(table(v.tables, 'openCasesByAssignee'))).toEqual({ ana: [2], luis: [1], '': [2] });
    expect(rowsOf(table(v.tables, 'detainedByFacility'))).toEqual({ 'Otay Mesa': [1] });
    expect(rowsOf(table(v.tables, 'daysInDetention'))['31-90']).toEqual([1]);
    const hearings = table(v.tables, 'hearings');
    expect(hearings.series[0]).toBe('individual-detained');
    const h = rowsOf(hearings);
    const at = (w: string, s: string) => h[w]![hearings.series.indexOf(s)];
    expect(at('next7', 'master-detained')).toBe(1);
    expect(at('next7', 'individual')).toBe(0);
    expect(at('next30', 'individual')).toBe(1);
    expect(at('next90', 'master-detained')).toBe(1);
    // The oral IJ decision of 2026-02-02 gives a BIA appeal due 2026-03-04 (open, this week).
    const d = rowsOf(table(v.tables, 'deadlines'));
    expect(d.dueThisWeek![0]).toBeGreaterThanOrEqual(1);
    expect(rowsOf(table(v.tables, 'tpsByCountry'))).toEqual({ SV: [1] });
    const weeks = table(v.tables, 'intakesPerWeek');
    expect(weeks.rows).toHaveLength(12);
    expect(weeks.rows.reduce((a, r) => a + r.values[0]!, 0)).toBeGreaterThanOrEqual(0);
  });

  it('counts intakes per training once they are tagged', async () => {
    const t = await core.call('reports.addTraining', { date: '2026-02-28', place: 'Iglesia San Juan', organizer: 'CLINIC' });
    await core.call('reports.tagTraining', { personIds: [ids.jose.id, ids.ngoc.id], trainingId: t.id });
    const v = await core.call('reports.caseload', {});
    expect(rowsOf(table(v.tables, 'intakesPerTraining'))).toEqual({ '2026-02-28|Iglesia San Juan': [2] });
    expect((await core.call('reports.trainings', {}))[0]).toMatchObject({ place: 'Iglesia San Juan', intakes: 2 });
    const bad = await core.dispatch('reports.tagTraining', {
      personIds: [ids.jose.id, '00000000-0000-4000-8000-000000000000'],
      trainingId: t.id,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('closing cases and statistics', () => {
  it('closing records outcome, date and CSR codes, checks the version and refuses unknown codes', async () => {
    const p = await core.call('people.get', { id: ids.mona.id });
    const c = p.cases[0]!;
    const unknown = await core.dispatch('reports.closeCase', {
      caseId: c.id,
      version: c.version,
      closedOn: '2026-02-20',
      outcome: 'relief-granted',
      closureCategory: 'Z',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const future = await core.dispatch('reports.closeCase', {
      caseId: c.id,
      version: c.version,
      closedOn: '2026-04-01',
      outcome: 'relief-granted',
    });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const closed = await core.call('reports.closeCase', {
      caseId: c.id,
      version: c.version,
      closedOn: '2026-02-20',
      outcome: 'relief-granted',
      closureCategory: 'IB',
      problemCode: '81',
    });
    expect(closed).toMatchObject({ closedOn: '2026-02-20', outcome: 'relief-granted', closureCategory: 'IB', problemCode: '81' });
    expect((await core.call('people.get', { id: ids.mona.id })).cases[0]!.status).toBe('closed');
    const stale = await core.dispatch('reports.closeCase', { caseId: c.id, version: c.version, closedOn: '2026-02-20', outcome: 'other' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_WRITE' } });
  });

  it('a clinic adds its own funder codes and uses them', async () => {
    const codes = await core.call('reports.addCode', {
      funder: 'VOCA',
      list: 'problem',
      code: 'V1',
      labelEn: 'Crime victim',
      labelEs: 'Víctima de delito',
    });
    expect(codes.edition).toBe('CSR Handbook 2017');
    expect(codes.codes.find((c) => c.funder === 'VOCA')).toMatchObject({ code: 'V1', shipped: false });
    expect(codes.codes.filter((c) => c.funder === 'LSC' && c.list === 'closure').map((c) => c.code)).toEqual([
      'A',
      'B',
      'F',
      'G',
      'H',
      'IA',
      'IB',
      'IC',
      'K',
      'L',
    ]);
    const p = await core.call('people.get', { id: ids.olena.id });
    const c = p.cases[0]!;
    await core.call('reports.closeCase', {
      caseId: c.id,
      version: c.version,
      closedOn: '2026-02-25',
      outcome: 'advice-only',
      closureCategory: 'A',
      problemCode: '81',
      funderCodes: { VOCA: 'V1' },
    });
    expect((await core.call('reports.closing', { caseId: c.id }))?.funderCodes).toEqual({ VOCA: 'V1' });
  });

  it('statistics count closed cases and people served, and hide small cells with their complements', async () => {
    const s = await core.call('reports.stats', { from: '2026-02-01', to: '2026-02-28', minCell: 1 });
    const t = (id: string) => s.tables.find((x) => x.id === id)! as StatsTable;
    const count = (tb: StatsTable, key: string) => tb.rows.find((r) => r.key === key)?.cells[0];
    // minCell 1: nothing hidden, the real counts.
    expect(t('caseType').total).toBe(2);
    expect(count(t('closureCategory'), 'IB')).toBe(1);
    expect(count(t('closureCategory'), 'A')).toBe(1);
    expect(count(t('outcome'), 'relief-granted')).toBe(1);
    expect(count(t('problemCode'), '81')).toBe(2);
    // Everyone had an intake "today" (2026-03-02 UTC clock aside): people served are those with a case closed in February.
    expect(t('countryOfBirth').total).toBe(2);

    const hidden = await core.call('reports.stats', { from: '2026-02-01', to: '2026-02-28' });
    const h = hidden.tables.find((x) => x.id === 'closureCategory')!;
    expect(h.rows.every((r) => typeof r.cells[0] !== 'number')).toBe(true);
    expect(h.total).toEqual({ suppressed: true, small: true });
    const back = await core.dispatch('reports.stats', { from: '2026-03-01', to: '2026-02-01' });
    expect(back).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('reports.stats', { from: '2026-02-01', to: '2026-02-28', minCell: 21 })).toMatchObject({ ok: false });
  });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('case summary PDFs', () => {
  it('passes qpdf --check, shows accented and non-Latin names in English and Spanish, and records nothing until delivered', async () => {
    for (const lang of ['en', 'es'] as const) {
      for (const key of ['jose', 'ngoc', 'olena', 'mona'] as const) {
        const pdf = await core.call('reports.summary', { personId: ids[key].id, lang });
        const file = join(dir, `${key}-${lang}.pdf`);
        writeFileSync(file, pdf.pdf);
        expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
        const text = run('pdftotext', ['-layout', file, '-']);
        const names = {
          jose: ['José María', 'García Núñez'],
          ngoc: ['Nguyễn Thị', 'Ngọc'],
          olena: ['Олена', 'Шевченко'],
          mona: ['منى', 'حيدري'],
        }[key];
        for (const n of names) expect(text.normalize('NFC'), `${key} ${lang}`).toContain(n);
        expect(text).toContain(lang === 'en' ? 'Open deadlines' : 'Plazos abiertos');
        expect(text).not.toMatch(/removal-detained|asylum-affirmative|enum\.|reports\./);
      }
    }
    const jose = await core.call('reports.summary', { personId: ids.jose.id, lang: 'es' });
    const file = join(dir, 'jose-es.pdf');
    writeFileSync(file, jose.pdf);
    const text = run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('Expulsión (detenido)'.slice(0, 0) || 'Otay Mesa');
    expect(text).toMatch(/2 feb 2026/);
    expect(text).toContain('Medication in detention');
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    expect(readFileSync(join(dir, 'page-1.png')).subarray(1, 4).toString()).toBe('PNG');

    const before = await core.call('forms.history', { personId: ids.jose.id });
    expect(before.filter((f) => f.form === 'case-summary')).toHaveLength(0);
    await core.call('reports.recordDelivery', { token: jose.token });
    await core.call('reports.recordDelivery', { token: jose.token });
    const after = await core.call('forms.history', { personId: ids.jose.id });
    expect(after.filter((f) => f.form === 'case-summary')).toMatchObject([{ kind: 'summary', edition: 'es', outputSha256: jose.sha256 }]);
  });

  it('a batch makes one combined PDF with progress, and records every person in it when saved', async () => {
    const started = await core.call('reports.summaryBatch', { personIds: [ids.jose.id, ids.olena.id], lang: 'en', mode: 'combined' });
    await expect.poll(async () => (await core.call('jobs.status', { jobId: started.jobId })).state).toBe('done');
    const status = await core.call('jobs.status', { jobId: started.jobId });
    expect(status).toMatchObject({ done: 2, total: 2, progress: 1 });
    const r = await core.call('jobs.result', { jobId: started.jobId });
    if (r.kind !== 'reports.summaries') throw new Error('wrong kind');
    const file = join(dir, 'batch.pdf');
    writeFileSync(file, r.pdf);
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
    const text = run('pdftotext', [file, '-']);
    expect(text).toContain('García Núñez');
    expect(text).toContain('Шевченко');
    await core.call('reports.recordDelivery', { token: r.token });
    const olena = await core.call('forms.history', { personId: ids.olena.id });
    expect(olena.filter((f) => f.form === 'case-summary' && f.outputSha256 === r.sha256)).toHaveLength(1);
  });
});

describe('exports', () => {
  it('CSV per kind with chosen columns, formula-safe, saying when names are in it', async () => {
    const p = await core.call('people.get', { id: ids.ngoc.id });
    await core.call('people.update', {
      id: p.id,
      version: p.version,
      data: {
        person: p.person,
        detention: p.detention,
        history: p.history,
        family: p.family,
        notes: '=HYPERLINK("http://x")',
        urgentNeeds: '',
      },
    });
    const people = await core.call('reports.exportCsv', { what: 'people', columns: ['family_name', 'notes'] });
    expect(people.identifying).toBe(true);
    expect(people.csv!.startsWith('\uFEFFfamily_name,notes\r\n')).toBe(true);
    expect(people.csv).toContain(`'=HYPERLINK`);
    const cases = await core.call('reports.exportCsv', { what: 'cases', columns: ['type', 'status', 'closure_category'] });
    expect(cases.identifying).toBe(false);
    expect(cases.csv).toContain('asylum-defensive,closed,IB');
    expect(cases.counts).toEqual({ cases: 5 });
    expect(await core.dispatch('reports.exportCsv', { what: 'people', columns: ['nope'] })).toMatchObject({ ok: false });
  });

  it('XLSX has a sheet per kind and reads back equal to the CSV exports', async () => {
    const x = await core.call('reports.exportXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.xlsx!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['people', 'cases', 'deadlines', 'events', 'fills']);
    for (const kind of ['people', 'cases', 'deadlines', 'events', 'fills'] as const) {
      const csv = (await core.call('reports.exportCsv', { what: kind })).csv!;
      const sheet = wb.getWorksheet(kind)!;
      const sheetRows: string[][] = [];
      sheet.eachRow((row) => {
        const cells: string[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) {
          const v = row.getCell(c).value;
          cells.push(v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
        }
        sheetRows.push(cells);
      });
      const csvRows = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
      expect(sheetRows.length - 1, kind).toBe(x.counts[kind]);
      // Every cell of every row equal: the workbook and the CSV carry the same data.
      expect(sheetRows, kind).toEqual(csvRows);
    }
    const sheet = wb.getWorksheet('people')!;
    const notesCol = (sheet.getRow(1).values as unknown[]).indexOf('notes');
    const notes = sheet.getColumn(notesCol).values.filter(Boolean).map(String);
    expect(notes).toContain(`'=HYPERLINK("http://x")`);
  });
});
