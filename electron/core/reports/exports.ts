/**
 * Exports for a lead: people, cases, deadlines and hearings, events, form
 * fills, each as its own CSV, or all in one XLSX workbook with a sheet each
 * (exceljs, built in memory: no temp file ever holds client data). The lead
 * chooses the columns; a column that identifies a person is marked so the
 * UI can say so before saving. Every text cell that a spreadsheet could run
 * as a formula gets the apostrophe the people CSV has always had (OWASP),
 * in XLSX as well, so a sheet saved back to CSV stays inert.
 */
import { AppError } from '../../../shared/errors';
import { formatANumber } from '../../../shared/schemas/anumber';
import type { ExportColumn, ExportFile, ExportKind, PersonData } from '../../../shared/views';
import { EXPORT_KINDS } from '../../../shared/views';
import type { CaseRecord } from '../../../shared/schemas/intake';
import { newId, type Ctx } from '../context';
import { audit } from '../audit';
import { csvLine } from '../intake/csv/export';
import { escapeFormula } from '../intake/csv/fields';
import { NEXT_HEARING_SQL } from '../intake/records';

type Value = string | number | boolean | null;
type Row = Record<string, Value>;

interface KindSpec {
  columns: ExportColumn[];
  rows(ctx: Ctx): Row[];
}

const col = (id: string, identifying = false): ExportColumn => ({ id, identifying });
const NAME = "trim(p.given_name || ' ' || p.family_name)";

const SPECS: Record<ExportKind, KindSpec> = {
  people: {
    columns: [
      col('id'),
      col('given_name', true),
      col('family_name', true),
      col('aliases', true),
      col('dob', true),
      col('approx_age'),
      col('sex'),
      col('country_of_birth'),
      col('nationality'),
      col('language'),
      col('interpreter_needed'),
      col('a_number', true),
      col('phone', true),
      col('email', true),
      col('county'),
      col('detained'),
      col('facility'),
      col('booking_number', true),
      col('next_hearing'),
      col('urgent_needs', true),
      col('notes', true),
      col('created_at'),
    ],
    rows(ctx) {
      const rows = ctx.db
        .prepare(
          `SELECT p.id, p.data, p.created_at, ${NEXT_HEARING_SQL('p.id')} AS next_hearing FROM people p
           WHERE p.merged_into IS NULL ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`,
        )
        .all({ today: ctx.today() }) as Array<{ id: string; data: string; created_at: string; next_hearing: string | null }>;
      return rows.map((r) => {
        const d = JSON.parse(r.data) as PersonData;
        const p = d.person;
        return {
          id: r.id,
          given_name: p.givenName,
          family_name: p.familyName,
          aliases: p.aliases.join('; '),
          dob: p.dob ?? null,
          approx_age: p.approxAge ?? null,
          sex: p.sex ?? null,
          country_of_birth: p.countryOfBirth ?? null,
          nationality: p.nationality ?? null,
          language: p.languages.join('; '),
          interpreter_needed: p.interpreterNeeded,
          a_number: p.aNumber ? formatANumber(p.aNumber) : null,
          county: p.address?.county ?? null,
          phone: p.phone ?? null,
          email: p.email ?? null,
          detained: d.detention.detained,
          facility: d.detention.facility ?? null,
          booking_number: d.detention.bookingNumber ?? null,
          next_hearing: r.next_hearing,
          urgent_needs: d.urgentNeeds,
          notes: d.notes,
          created_at: r.created_at,
        };
      });
    },
  },
  cases: {
    columns: [
      col('id'),
      col('person_id'),
      col('person_name', true),
      col('type'),
      col('status'),
      col('court'),
      col('judge'),
      col('hearing_date'),
      col('hearing_time'),
      col('hearing_kind'),
      col('assigned_to'),
      col('outcome_notes', true),
      col('closed_on'),
      col('outcome'),
      col('closure_category'),
      col('problem_code'),
    ],
    rows(ctx) {
      const rows = ctx.db
        .prepare(
          `SELECT c.*, ${NAME} AS person_name, k.closed_on, k.outcome AS closing_outcome, k.closure_category, k.problem_code
           FROM cases c JOIN people p ON p.id = c.person_id LEFT JOIN case_closings k ON k.case_id = c.id
           WHERE p.merged_into IS NULL ORDER BY c.created_at, c.id`,
        )
        .all() as Array<Record<string, string | null>>;
      return rows.map((r) => {
        const closed = r.status === 'closed';
        const data = JSON.parse(r.data!) as CaseRecord;
        return {
          id: r.id!,
          person_id: r.person_id!,
          person_name: r.person_name!,
          type: r.type!,
          status: r.status!,
          court: r.court ?? null,
          judge: r.judge ?? null,
          hearing_date: r.hearing_date ?? null,
          hearing_time: r.hearing_time ?? null,
          hearing_kind: r.hearing_kind ?? null,
          assigned_to: r.assigned_to ?? null,
          outcome_notes: data.outcome ?? null,
          closed_on: closed ? (r.closed_on ?? null) : null,
          outcome: closed ? (r.closing_outcome ?? null) : null,
          closure_category: closed ? (r.closure_category ?? null) : null,
          problem_code: closed ? (r.problem_code ?? null) : null,
        };
      });
    },
  },
  deadlines: {
    columns: [
      col('id'),
      col('person_id'),
      col('person_name', true),
      col('case_id'),
      col('label'),
      col('due'),
      col('computed_due'),
      col('status'),
      col('done_at'),
      col('source'),
      col('rule_id'),
      col('citation'),
      col('verify'),
    ],
    rows(ctx) {
      const rows = ctx.db
        .prepare(
          `SELECT d.id, d.person_id, ${NAME} AS person_name, d.case_id, d.label, d.due, d.computed_due, d.status, d.done_at, d.source,
                  d.rule_id, d.citation, d.verify
           FROM deadlines d JOIN people p ON p.id = d.person_id WHERE p.merged_into IS NULL ORDER BY d.due, d.id`,
        )
        .all() as Array<Record<string, string | number | null>>;
      return rows.map((r) => ({ ...r, label: (JSON.parse(String(r.label)) as { en: string }).en, verify: r.verify === 1 }) as Row);
    },
  },
  events: {
    columns: [col('id'), col('person_id'), col('person_name', true), col('case_id'), col('kind'), col('date')],
    rows(ctx) {
      return ctx.db
        .prepare(
          `SELECT e.id, e.person_id, ${NAME} AS person_name, e.case_id, e.kind, e.date
           FROM events e JOIN people p ON p.id = e.person_id WHERE p.merged_into IS NULL ORDER BY e.date, e.id`,
        )
        .all() as Row[];
    },
  },
  fills: {
    columns: [
      col('id'),
      col('person_id'),
      col('person_name', true),
      col('case_id'),
      col('kind'),
      col('form'),
      col('edition'),
      col('page_count'),
      col('output_sha256'),
      col('filled_at'),
      col('filled_by'),
    ],
    rows(ctx) {
      return ctx.db
        .prepare(
          `SELECT f.id, f.person_id, ${NAME} AS person_name, f.case_id, f.kind, f.form, f.edition, f.page_count, f.output_sha256,
                  f.filled_at, f.filled_by
           FROM form_fills f JOIN people p ON p.id = f.person_id WHERE p.merged_into IS NULL AND f.kind <> 'test'
           ORDER BY f.filled_at, f.id`,
        )
        .all() as Row[];
    },
  },
};

export function exportColumns(): Record<ExportKind, ExportColumn[]> {
  return Object.fromEntries(EXPORT_KINDS.map((k) => [k, SPECS[k].columns.map((c) => ({ ...c }))])) as Record<ExportKind, ExportColumn[]>;
}

/** The chosen columns, in the order chosen; all of them when none are named. Unknown ones are refused. */
function chosen(kind: ExportKind, ids: readonly string[] | undefined): ExportColumn[] {
  const all = SPECS[kind].columns;
  if (!ids) return all;
  const out = ids.map((id) => {
    const c = all.find((x) => x.id === id);
    if (!c) throw new AppError('INVALID_INPUT', `There is no column "${id}" in the ${kind} export.`);
    return c;
  });
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', 'A column was chosen twice. Choose each column once.');
  return out;
}

const text = (v: Value): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

export function exportCsv(ctx: Ctx, kind: ExportKind, columnIds?: readonly string[]): ExportFile {
  const columns = chosen(kind, columnIds);
  const rows = SPECS[kind].rows(ctx);
  const lines = [csvLine(columns.map((c) => c.id)), ...rows.map((r) => csvLine(columns.map((c) => text(r[c.id] ?? null))))];
  const identifying = columns.some((c) => c.identifying);
  // What left, never its content: the kind, the row count, the column names, and whether they identify people.
  audit(ctx, 'reports.exportCsv', 'export', newId(), {
    kind,
    count: rows.length,
    columns: columns.map((c) => c.id),
    identifying: identifying ? 'yes' : 'no',
  });
  return {
    fileName: `amparo-${kind}-${ctx.today()}.csv`,
    csv: '\uFEFF' + lines.join('\r\n') + '\r\n',
    counts: { [kind]: rows.length },
    identifying,
  };
}

/** A cell for the sheet: numbers and booleans as themselves, text formula-safe. */
function sheetValue(v: Value): string | number | boolean | null {
  return typeof v === 'string' ? escapeFormula(v) : v;
}

export async function exportXlsx(
  ctx: Ctx,
  kinds: readonly ExportKind[] = EXPORT_KINDS,
  columns: Partial<Record<ExportKind, string[]>> = {},
): Promise<ExportFile> {
  // Loaded here, not at the top: exceljs and its zip stack are 3 MB of code that every other vault
  // command (a CLI `fill`, `search`) would otherwise parse at start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Amparo';
  // Fixed, so the same vault exports the same workbook (and no local clock leaks into the file).
  wb.created = new Date(`${ctx.today()}T00:00:00Z`);
  wb.modified = wb.created;
  const counts: ExportFile['counts'] = {};
  let identifying = false;
  const sheets: string[] = [];
  for (const kind of new Set(kinds)) {
    const cols = chosen(kind, columns[kind]);
    identifying ||= cols.some((c) => c.identifying);
    sheets.push(...cols.map((c) => `${kind}.${c.id}`));
    const sheet = wb.addWorksheet(kind);
    sheet.columns = cols.map((c) => ({ header: c.id, key: c.id, width: Math.max(10, c.id.length + 2) }));
    const rows = SPECS[kind].rows(ctx);
    for (const r of rows) sheet.addRow(Object.fromEntries(cols.map((c) => [c.id, sheetValue(r[c.id] ?? null)])));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    counts[kind] = rows.length;
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  audit(ctx, 'reports.exportXlsx', 'export', newId(), {
    kinds: [...new Set(kinds)].join(','),
    count: Object.values(counts).reduce((a, b) => a + b, 0),
    columns: sheets,
    identifying: identifying ? 'yes' : 'no',
  });
  return { fileName: `amparo-export-${ctx.today()}.xlsx`, xlsx: bytes, counts, identifying };
}
