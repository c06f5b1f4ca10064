/**
 * One pass over a CSV file, shared by preview and commit so both apply the
 * same rules: decode, parse, map columns, validate each row with the intake
 * schemas the forms use, and look for duplicates in the vault and earlier in
 * the file. Commit calls this again on the bytes it is given: it never trusts
 * a preview.
 */
import type { z } from 'zod';
import { createIntakeSchemas, LIMITS, type CaseRecord } from '../../../../shared/schemas/intake';
import { parseUsDate } from '../../../../shared/schemas/dates';
import { normalizeANumber } from '../../../../shared/schemas/anumber';
import { compareCandidates, keysOf, mayMatch, prepareName, type NameRecord, type PreparedName } from '../../../../shared/intake/duplicates';
import type { ImportDuplicate, ImportIssue, ImportPreview, ImportRowPreview } from '../../../../shared/contract';
import type { PersonData } from '../../../../shared/views';
import type { Ctx } from '../../context';
import type { Job } from '../../jobs';
import { findCandidates } from '../duplicates';
import { decodeCsvBytes } from './decode';
import { parseCsvText, type CsvRecord, type Delimiter } from './parse';
import { CSV_FIELDS, fieldForHeader, parseSex, parseYesNo, splitList, unescapeFormula, type CsvField } from './fields';

export type Mapping = Record<string, CsvField | null>;

export interface RowError {
  field: CsvField | null;
  code: string;
}

export interface AnalyzedRow {
  line: number;
  /** Mapped cells, whole, after the formula apostrophe is taken off. */
  values: Partial<Record<CsvField, string>>;
  errors: RowError[];
  /** The record to save, when the row is valid. */
  record?: { data: PersonData; cases: CaseRecord[] };
  duplicates: ImportDuplicate[];
}

export interface Analysis {
  encoding: string;
  encodingNote?: string;
  delimiter: Delimiter;
  headerLine: number;
  columns: Array<{ header: string; mappedTo: CsvField | null }>;
  fileErrors: ImportIssue[];
  rows: AnalyzedRow[];
}

/** Cells longer than this are refused before any schema sees them (the schemas refuse far less anyway). */
const ceiling = (chars: number) => chars * 4 + 64;
const CELL_CEILING: Partial<Record<CsvField, number>> = {
  notes: ceiling(LIMITS.notes),
  urgent_needs: ceiling(LIMITS.urgentNeeds),
  arrest_details: ceiling(LIMITS.outcome),
  aliases: ceiling((LIMITS.name + 2) * LIMITS.aliases),
  language: ceiling((LIMITS.shortText + 2) * LIMITS.languages),
};
const DEFAULT_CEILING = ceiling(LIMITS.name);
/** A name longer than a field allows cannot be a person to compare. */
const MAX_NAME_FOR_MATCHING = LIMITS.name;

const PERSON_PATHS: Record<string, CsvField> = {
  givenName: 'given_name',
  familyName: 'family_name',
  aliases: 'aliases',
  dob: 'dob',
  approxAge: 'approx_age',
  sex: 'sex',
  countryOfBirth: 'country_of_birth',
  nationality: 'nationality',
  languages: 'language',
  interpreterNeeded: 'interpreter_needed',
  aNumber: 'a_number',
  phone: 'phone',
  email: 'email',
};
const DETENTION_PATHS: Record<string, CsvField> = { detained: 'detained', facility: 'facility', bookingNumber: 'booking_number' };

export function resolveColumns(header: string[], mapping: Mapping | undefined) {
  return header.map((raw) => {
    const h = raw.trim();
    const mapped = mapping && Object.prototype.hasOwnProperty.call(mapping, h) ? mapping[h]! : fieldForHeader(h);
    return { header: h.length > 200 ? h.slice(0, 200) + '…' : h, mappedTo: mapped ?? null };
  });
}

function columnErrors(line: number, columns: Analysis['columns']): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const seen = new Set<CsvField>();
  for (const c of columns) {
    if (c.mappedTo === null) continue;
    if (seen.has(c.mappedTo)) errors.push({ line, field: c.mappedTo, code: 'csv.columnTwice' });
    seen.add(c.mappedTo);
  }
  if (!seen.has('given_name')) errors.push({ line, field: 'given_name', code: 'csv.missingColumn' });
  return errors;
}

type Schemas = ReturnType<typeof createIntakeSchemas>;

function issuesOf(error: z.ZodError, paths: Record<string, CsvField> | CsvField): RowError[] {
  return error.issues.map((i) => ({
    field: typeof paths === 'string' ? paths : (paths[String(i.path[0])] ?? null),
    code: i.message,
  }));
}

function buildRow(rec: CsvRecord, columns: Analysis['columns'], s: Schemas): AnalyzedRow | null {
  if (rec.cells.every((c) => c.trim() === '')) return null;
  const values: Partial<Record<CsvField, string>> = {};
  const errors: RowError[] = [];
  rec.cells.forEach((cell, i) => {
    const field = columns[i]?.mappedTo;
    if (field) values[field] = unescapeFormula(cell);
  });
  if (rec.cells.slice(columns.length).some((c) => c.trim() !== '')) errors.push({ field: null, code: 'csv.tooManyCells' });

  // Oversized cells are reported and kept away from the schemas.
  const v: Partial<Record<CsvField, string>> = {};
  const oversized = new Set<CsvField>();
  for (const f of CSV_FIELDS) {
    const cell = values[f];
    if (cell === undefined) continue;
    if (cell.length > (CELL_CEILING[f] ?? DEFAULT_CEILING)) oversized.add(f);
    else v[f] = cell;
  }

  const yesNoOrBlank = (f: 'detained' | 'interpreter_needed' | 'arrested') => {
    const b = v[f] === undefined ? undefined : parseYesNo(v[f]);
    if (b === null) errors.push({ field: f, code: 'option.invalid' });
    return b ?? undefined;
  };
  const yesNo = (f: 'detained' | 'interpreter_needed') => yesNoOrBlank(f) ?? false;
  const detained = yesNo('detained');
  const interpreterNeeded = yesNo('interpreter_needed');
  // Blank is "does not know", never "no": the I-765 must not say "never arrested" for someone not asked.
  const arrested = yesNoOrBlank('arrested');

  const person = s.person.safeParse({
    givenName: v.given_name ?? '',
    familyName: v.family_name ?? '',
    aliases: splitList(v.aliases ?? ''),
    dob: v.dob,
    approxAge: v.approx_age,
    sex: v.sex === undefined ? undefined : parseSex(v.sex),
    countryOfBirth: v.country_of_birth,
    nationality: v.nationality,
    languages: splitList(v.language ?? ''),
    interpreterNeeded,
    aNumber: v.a_number,
    phone: v.phone,
    email: v.email,
  });
  const detention = s.detention.safeParse({ detained, facility: v.facility, bookingNumber: v.booking_number });
  const history = s.history.safeParse({
    arrests: arrested === undefined ? 'unknown' : arrested ? 'yes' : 'no',
    arrestsDetails: v.arrest_details,
  });
  const hearing = v.next_hearing?.trim()
    ? s.caseRecord.safeParse({
        type: detained ? 'removal-detained' : 'removal-nondetained',
        nextHearing: { date: v.next_hearing, kind: 'master' },
      })
    : null;
  const notes = s.fullIntake.shape.notes.safeParse(v.notes ?? '');
  const urgentNeeds = s.quickIntake.shape.urgentNeeds.safeParse(v.urgent_needs ?? '');

  if (!person.success) errors.push(...issuesOf(person.error, PERSON_PATHS));
  if (!detention.success) errors.push(...issuesOf(detention.error, DETENTION_PATHS));
  if (hearing && !hearing.success) errors.push(...issuesOf(hearing.error, 'next_hearing'));
  if (!notes.success) errors.push(...issuesOf(notes.error, 'notes'));
  if (!urgentNeeds.success) errors.push(...issuesOf(urgentNeeds.error, 'urgent_needs'));
  if (!history.success) errors.push(...issuesOf(history.error, { arrests: 'arrested', arrestsDetails: 'arrest_details' }));

  // An oversized cell reads as blank to the schemas: report it as too long, not also as missing.
  const all = [
    ...[...oversized].map((field) => ({ field, code: 'text.tooLong' })),
    ...errors.filter((e) => e.field === null || !oversized.has(e.field)),
  ];
  const row: AnalyzedRow = { line: rec.line, values, errors: dedupe(all), duplicates: [] };
  if (row.errors.length === 0 && person.success && detention.success && history.success && notes.success && urgentNeeds.success) {
    row.record = {
      data: {
        person: person.data,
        detention: detention.data,
        history: history.data,
        family: [],
        notes: notes.data,
        urgentNeeds: urgentNeeds.data,
      },
      cases: hearing?.success ? [hearing.data] : [],
    };
  }
  return row;
}

function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.field}\u0000${e.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The name, date of birth and A-number a row gives, even when other cells are invalid. */
function nameRecordOf(row: AnalyzedRow): NameRecord | null {
  if (row.record) {
    const p = row.record.data.person;
    return { given: p.givenName, family: p.familyName, dob: p.dob, aNumber: p.aNumber };
  }
  const given = (row.values.given_name ?? '').trim().normalize('NFC');
  const family = (row.values.family_name ?? '').trim().normalize('NFC');
  if (!given || given.length > MAX_NAME_FOR_MATCHING || family.length > MAX_NAME_FOR_MATCHING) return null;
  const dob = row.values.dob ? parseUsDate(row.values.dob) : null;
  const aNumber = row.values.a_number ? normalizeANumber(row.values.a_number) : null;
  return { given, family, dob, aNumber };
}

const fullName = (r: NameRecord) => `${r.given} ${r.family}`.trim();

export interface AnalyzeInput {
  bytes: Uint8Array;
  mapping?: Mapping | undefined;
  /** The encoding the user named (CLI --encoding); detected when absent. */
  encoding?: string | undefined;
}

/**
 * The analysis as steps: a generator that yields after each row, so preview
 * can let the event loop breathe between batches while commit runs it to the
 * end inside its transaction. `job.progress` reports each row of each phase.
 */
function* analysisSteps(ctx: Ctx, input: AnalyzeInput, job: Job): Generator<void, Analysis> {
  const decoded = decodeCsvBytes(input.bytes, { encoding: input.encoding });
  const parsed = parseCsvText(decoded.text);
  const columns = resolveColumns(parsed.header.cells, input.mapping);
  const fileErrors = columnErrors(parsed.header.line, columns);
  if (parsed.records.length === 0) fileErrors.push({ line: parsed.header.line, field: null, code: 'csv.noRows' });

  const schemas = createIntakeSchemas({ dates: 'us', today: ctx.today });
  const rows: AnalyzedRow[] = [];
  for (const [i, rec] of parsed.records.entries()) {
    const row = buildRow(rec, columns, schemas);
    if (row) rows.push(row);
    job.progress('check', i + 1, parsed.records.length);
    yield;
  }

  // Duplicates: against the vault, then against earlier rows of the file.
  const earlierRows = new EarlierRows();
  const keyCounts = new Map<string, number>();
  const prepared: Array<{ rec: NameRecord; name: PreparedName } | null> = [];
  for (const [i, row] of rows.entries()) {
    const rec = nameRecordOf(row);
    prepared.push(rec ? { rec, name: prepareName(rec) } : null);
    if (rec) {
      row.duplicates.push(...vaultDuplicates(ctx, rec, prepared[i]!.name, keyCounts));
      for (const j of earlierRows.probe(i, prepared[i]!.name)) {
        const other = prepared[j]!;
        if (!mayMatch(prepared[i]!.name, other.name)) continue;
        const m = compareCandidates(prepared[i]!.name, other.name);
        if (m.strength === 'none') continue;
        row.duplicates.push({
          source: 'file',
          line: rows[j]!.line,
          name: fullName(other.rec),
          dob: other.name.dob ?? null,
          aNumber: other.name.aNumber ?? null,
          strength: m.strength,
          score: m.score,
          reasons: [...m.reasons],
        });
      }
      row.duplicates.sort((a, b) => b.score - a.score);
    }
    job.progress('duplicates', i + 1, rows.length);
    yield;
  }

  return {
    encoding: decoded.encoding,
    ...(decoded.note ? { encodingNote: decoded.note } : {}),
    delimiter: parsed.delimiter,
    headerLine: parsed.header.line,
    columns,
    fileErrors,
    rows,
  };
}

/**
 * Which earlier rows to compare a row with, without comparing every pair.
 * The matcher only calls a pair likely when the A-numbers are equal or the
 * dates of birth are equal and the names share a lookup key (see
 * shared/intake/duplicates.ts), so "strong" buckets keyed by A-number and by
 * date of birth + name key find every likely pair, however common the name.
 * Weaker ("possible") pairs are looked for only through rare name keys, so a
 * sheet full of Marías stays fast.
 */
class EarlierRows {
  private readonly buckets = new Map<string, number[]>();
  private static readonly WEAK_BUCKET = 30;
  private static readonly MAX_PROBES = 200;

  probe(i: number, name: PreparedName): number[] {
    const keys = keysOf(name);
    const nameOnly = keys.filter((k) => !k.startsWith('a:'));
    const strong = [...keys.filter((k) => k.startsWith('a:')), ...(name.dob ? nameOnly.map((k) => `d:${name.dob}|${k}`) : [])];
    const weak = nameOnly.map((k) => `w:${k}`);
    const found = new Set<number>();
    for (const k of strong) for (const j of this.buckets.get(k) ?? []) if (found.size < EarlierRows.MAX_PROBES) found.add(j);
    for (const k of weak) {
      const list = this.buckets.get(k);
      if (list && list.length < EarlierRows.WEAK_BUCKET) for (const j of list) if (found.size < EarlierRows.MAX_PROBES) found.add(j);
    }
    for (const k of strong) this.add(k, i, Infinity);
    for (const k of weak) this.add(k, i, EarlierRows.WEAK_BUCKET);
    return [...found].sort((a, b) => a - b);
  }

  private add(key: string, i: number, cap: number): void {
    const list = this.buckets.get(key);
    if (!list) this.buckets.set(key, [i]);
    else if (list.length < cap) list.push(i);
  }
}

function vaultDuplicates(ctx: Ctx, rec: NameRecord, name: PreparedName, keyCounts: Map<string, number>): ImportDuplicate[] {
  return findCandidates(ctx, rec, { prepared: name, keyCounts }).map((c) => ({
    source: 'vault' as const,
    id: c.id,
    name: `${c.givenName} ${c.familyName}`.trim(),
    dob: c.dob,
    aNumber: c.aNumber,
    strength: c.strength,
    score: c.score,
    reasons: c.reasons,
  }));
}

/** Runs the whole analysis at once (inside a transaction). */
export function analyzeCsvSync(ctx: Ctx, input: AnalyzeInput, job: Job): Analysis {
  const steps = analysisSteps(ctx, input, job);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the analysis letting the event loop run every `batch` rows (preview). */
export async function analyzeCsv(ctx: Ctx, input: AnalyzeInput, job: Job, batch = 200): Promise<Analysis> {
  const steps = analysisSteps(ctx, input, job);
  for (let n = 1; ; n++) {
    const r = steps.next();
    if (r.done) return r.value;
    if (n % batch === 0) await job.yield();
  }
}

export const hasLikely = (row: AnalyzedRow) => row.duplicates.some((d) => d.strength === 'likely');

const DISPLAY_MAX = 300;
const forDisplay = (s: string) => (s.length > DISPLAY_MAX ? s.slice(0, DISPLAY_MAX) + '…' : s);

export function toPreview(a: Analysis): ImportPreview {
  const rows: ImportRowPreview[] = a.rows.map((r) => ({
    line: r.line,
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, forDisplay(v)])),
    errors: r.errors,
    duplicates: r.duplicates,
    needsChoice: r.errors.length === 0 && hasLikely(r),
  }));
  const invalid = a.rows.filter((r) => r.errors.length > 0).length;
  return {
    encoding: a.encoding,
    ...(a.encodingNote ? { encodingNote: a.encodingNote } : {}),
    delimiter: a.delimiter,
    columns: a.columns,
    fileErrors: a.fileErrors,
    rows,
    counts: { total: a.rows.length, valid: a.rows.length - invalid, invalid, likelyDuplicates: a.rows.filter(hasLikely).length },
  };
}
