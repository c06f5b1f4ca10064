/**
 * Issue 13 through the real CLI process: `report caseload|stats|summary` and
 * `export` (CSV per kind, XLSX), on a vault built here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { localToday } from '../../../electron/core/context';
import { addDays } from '../../../shared/deadlines';
import { runCli } from '../../helpers/cli';
import { PASS, freshCore } from '../../helpers/env';

let dir: string;
let db: string;
let cleanup: () => void;
let personId: string;
const today = localToday();
const env = () => ({ AMPARO_PASSPHRASE: PASS });

beforeAll(async () => {
  const v = await freshCore();
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: { givenName: 'Dora', familyName: 'Núñez', dob: '1990-01-01', countryOfBirth: 'Guatemala' },
      detention: { detained: true, facility: 'Otay Mesa' },
      history: {},
      cases: [{ type: 'removal-detained', nextHearing: { date: addDays(today, 20), kind: 'master' } }, { type: 'bond' }],
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  personId = p.id;
  const bond = p.cases[1]!;
  await v.core.call('reports.closeCase', {
    caseId: bond.id,
    version: bond.version,
    closedOn: today,
    outcome: 'bond-granted',
    closureCategory: 'IB',
    problemCode: '81',
  });
  v.core.close();
}, 60_000);
afterAll(() => cleanup());

describe('report and export commands', () => {
  it('report caseload --json gives the dashboard numbers', () => {
    const r = runCli(['report', 'caseload', '--db', db, '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { tables: Array<{ id: string; rows: Array<{ key: string; values: number[] }> }> };
    expect(v.tables.find((t) => t.id === 'detainedByFacility')!.rows).toEqual([{ key: 'Otay Mesa', values: [1] }]);
  });

  it('report stats --json: a suppressed cell is exactly {"suppressed": true}; --min-cell 1 shows the counts', () => {
    const args = ['report', 'stats', '--db', db, '--from', addDays(today, -30), '--to', today];
    const hidden = runCli([...args, '--json'], env());
    expect(hidden.code).toBe(0);
    const s = JSON.parse(hidden.stdout) as { tables: Array<{ id: string; total: unknown; rows: Array<{ cells: unknown[] }> }> };
    const outcome = s.tables.find((t) => t.id === 'outcome')!;
    expect(outcome.total).toEqual({ suppressed: true });
    expect(hidden.stdout).not.toMatch(/"small"/);
    const shown = JSON.parse(runCli([...args, '--json', '--min-cell', '1'], env()).stdout) as typeof s;
    expect(shown.tables.find((t) => t.id === 'outcome')!.total).toBe(1);
    const csv = join(dir, 'stats.csv');
    expect(runCli([...args, '--csv', csv], env()).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('outcome,total,total,< 5');
    expect(runCli(['report', 'stats', '--db', db, '--from', 'yesterday', '--to', today], env()).code).toBe(2);
  });

  it('report summary writes a PDF that qpdf accepts and records it', () => {
    const out = join(dir, 'summary.pdf');
    const r = runCli(['report', 'summary', '--db', db, '--person', personId, '--lang', 'es', '--out', out], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Núñez');
    // Never over an existing file without --force.
    expect(runCli(['report', 'summary', '--db', db, '--person', personId, '--out', out], env()).code).toBe(4);
  });

  it('export writes a CSV per kind and an XLSX with a sheet each', async () => {
    const csv = join(dir, 'cases.csv');
    const r = runCli(['export', '--db', db, '--what', 'cases', '--columns', 'type,status,outcome', '--out', csv], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 2 rows\.$/m);
    expect(readFileSync(csv, 'utf8')).toBe('\uFEFFtype,status,outcome\r\nremoval-detained,open,\r\nbond,closed,bond-granted\r\n');
    // One person in this vault: the count reads as English, not "1 rows".
    const people = runCli(['export', '--db', db, '--what', 'people', '--out', join(dir, 'people.csv')], env());
    expect(people.stdout).toMatch(/: 1 row \(contains names\)\.$/m);
    const xlsx = join(dir, 'all.xlsx');
    const x = runCli(['export', '--db', db, '--xlsx', xlsx], env());
    expect(x.stdout).toMatch(/contains names/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['people', 'cases', 'deadlines', 'events', 'fills']);
    expect(wb.getWorksheet('people')!.getRow(2).getCell(3).value).toBe('Núñez');
    expect(runCli(['export', '--db', db, '--what', 'nothing', '--out', csv], env()).code).toBe(2);
  });
});
