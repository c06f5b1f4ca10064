/**
 * Filling a form for a person, and the case history of every form delivered.
 * The bytes go back to the caller (the UI saves them where the user chooses;
 * the CLI writes them to --out); the vault keeps only who, what, when and
 * the output's SHA-256, and only once the file was delivered: the CLI's
 * `deliver` has written it, or the UI reports a finished save with
 * forms.recordDelivery (deliveries.ts). A cancelled save leaves no row.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import { formViewFromPerson, type EadBasis } from '../../../../shared/forms/adapter';
import type { FieldMap } from '../../../../shared/forms/map-schema';
import type { FilledPdf, FormFillView, PersonView } from '../../../../shared/views';
import { audit } from '../../audit';
import { newId, type Ctx } from '../../context';
import { getPerson } from '../../intake/people';
import { sha256Hex } from '../blank';
import { fillForm, type FillProgress } from '../fill';
import { renderSummary, type SummaryStatus } from '../summary';
import { nextHearingOf } from '../../intake/records';
import { listDeadlines } from '../../deadlines/deadlines';
import { getAttorney } from './settings';

export interface FillRequest {
  /** Decrypted blank. */
  blank: Uint8Array;
  /** sha256 of the blank as downloaded. */
  blankSha256: string;
  map: FieldMap;
  templateId: string | null;
  /** Shown in the file name for maps without a form number. */
  templateName?: string;
  personId: string;
  caseId?: string | undefined;
  /** Which work permit an I-765 asks for (a TPS drive says 'tps'); by default it follows the case. */
  eadBasis?: EadBasis | undefined;
  /** The G-28's Part 3 "specific matter" when the case type's default does not say it (CLI `--matter`). */
  matter?: string | undefined;
  kind: 'fill' | 'test';
  acceptEditionMismatch: boolean;
  flatten: boolean;
  signal?: AbortSignal;
  onProgress?: (p: FillProgress) => void;
  /** Delivers the bytes (the CLI writes --out), then the fill is recorded: a failed write leaves no history row. */
  deliver?: (bytes: Uint8Array) => Promise<void>;
}

/** What a fill reports besides its bytes and its delivery token. */
export type FillInfo = Omit<FilledPdf, 'pdf' | 'token'>;

export interface FilledBytes {
  pdf: FillInfo;
  bytes: Uint8Array;
  /** The history row to write once the file is delivered. */
  record: FillRecord;
  /** Set when `deliver` was given: the row is already written. */
  fillId?: string;
}

/** Fills; records the fill (row + audit) only when `deliver` is given and succeeds. Nothing is recorded on failure or cancel. */
export async function fillForPerson(getCtx: () => Ctx, req: FillRequest): Promise<FilledBytes> {
  const ctx = getCtx();
  const person = livePerson(ctx, req.personId);
  if (req.caseId !== undefined && !person.cases.some((c) => c.id === req.caseId)) {
    throw new AppError('NOT_FOUND', 'That case does not belong to this person.');
  }
  const data = formViewFromPerson(person, { caseId: req.caseId, attorney: getAttorney(ctx).attorney, eadBasis: req.eadBasis });
  if (req.matter !== undefined) {
    if (!data.case) throw new AppError('INVALID_INPUT', 'This person has no case to name a matter for. Add the case first.');
    data.case = { ...data.case, matter: req.matter };
  }
  const result = await fillForm({
    blank: req.blank,
    blankSha256: req.blankSha256,
    map: req.map,
    data,
    acceptEditionMismatch: req.acceptEditionMismatch,
    flatten: req.flatten,
    ...(req.signal ? { signal: req.signal } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  const sha256 = sha256Hex(result.bytes);
  const mismatch = result.warnings.some((w) => w.code === 'EDITION_MISMATCH');
  // The vault may have been locked while the PDF was being built: then nothing is recorded and nothing handed out.
  const after = getCtx();
  const fillRecord: FillRecord = {
    personId: person.id,
    templateId: req.templateId,
    caseId: req.caseId ?? null,
    kind: req.kind,
    form: req.map.form,
    edition: req.map.edition,
    blankSha256: req.blankSha256,
    sha256,
    pageCount: result.pageCount,
    flattened: req.flatten,
    mismatch,
    overflow: result.overflow.length,
    warnings: result.warnings.length,
  };
  let fillId: string | undefined;
  if (req.deliver) {
    await req.deliver(result.bytes);
    fillId = recordFill(getCtx(), fillRecord);
  }
  const label = /^[a-z]+-\d+[a-z]?$/.test(req.map.form) ? req.map.form.toUpperCase() : (req.templateName ?? req.map.title ?? 'Form');
  return {
    bytes: result.bytes,
    record: fillRecord,
    ...(fillId !== undefined ? { fillId } : {}),
    pdf: {
      fileName: fileNameFor(label, person, after.today()),
      sha256,
      pageCount: result.pageCount,
      filled: result.filled,
      overflow: result.overflow,
      warnings: result.warnings,
      edition: result.edition,
    },
  };
}

/** The intake summary sheet, recorded in the history as kind 'summary' once delivered. */
export async function summaryFor(getCtx: () => Ctx, personId: string, lang: 'en' | 'es'): Promise<FilledBytes> {
  const ctx = getCtx();
  const person = livePerson(ctx, personId);
  const view = formViewFromPerson(person, { attorney: getAttorney(ctx).attorney });
  const bytes = await renderSummary({ view, lang, preparedOn: ctx.today(), status: summaryStatus(ctx, person) });
  const pageCount = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  const sha256 = sha256Hex(bytes);
  const after = getCtx();
  const fillRecord: FillRecord = {
    personId: person.id,
    templateId: null,
    caseId: null,
    kind: 'summary',
    form: 'summary',
    edition: lang,
    blankSha256: null,
    sha256,
    pageCount,
    flattened: false,
    mismatch: false,
    overflow: 0,
    warnings: 0,
  };
  return {
    bytes,
    record: fillRecord,
    pdf: {
      fileName: fileNameFor(lang === 'es' ? 'Resumen de admisión' : 'Intake summary', person, after.today()),
      sha256,
      pageCount,
      filled: 0,
      overflow: [],
      warnings: [],
      edition: null,
    },
  };
}

interface FillRowRow {
  id: string;
  person_id: string;
  template_id: string | null;
  case_id: string | null;
  kind: FormFillView['kind'];
  form: string;
  edition: string | null;
  blank_sha256: string | null;
  output_sha256: string;
  page_count: number | null;
  flattened: number;
  edition_mismatch: number;
  overflow_count: number;
  warning_count: number;
  filled_at: string;
  filled_by: string;
}

/** Every form produced for the person, newest first. */
export function fillHistory(ctx: Ctx, personId: string): FormFillView[] {
  const rows = ctx.db
    .prepare('SELECT * FROM form_fills WHERE person_id = ? ORDER BY filled_at DESC, id DESC')
    .all(personId) as FillRowRow[];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    templateId: r.template_id,
    caseId: r.case_id,
    kind: r.kind,
    form: r.form,
    edition: r.edition,
    blankSha256: r.blank_sha256,
    outputSha256: r.output_sha256,
    pageCount: r.page_count,
    flattened: r.flattened === 1,
    editionMismatch: r.edition_mismatch === 1,
    overflowCount: r.overflow_count,
    warningCount: r.warning_count,
    filledAt: r.filled_at,
    filledBy: r.filled_by,
  }));
}

/** The next hearing, open deadlines and urgent needs, as the summary prints them. */
function summaryStatus(ctx: Ctx, person: PersonView): SummaryStatus {
  const today = ctx.today();
  const date = nextHearingOf(person.cases, today);
  const hearingCase = date ? person.cases.find((c) => c.status !== 'closed' && c.nextHearing?.date === date) : undefined;
  return {
    nextHearing: date
      ? { date, time: hearingCase?.nextHearing?.time, kind: hearingCase?.nextHearing?.kind, court: hearingCase?.court }
      : null,
    openDeadlines: listDeadlines(ctx, person.id, 'open').map((d) => ({ due: d.due, label: d.label, citation: d.citation })),
    urgentNeeds: person.urgentNeeds,
  };
}

function livePerson(ctx: Ctx, personId: string): PersonView {
  const person = getPerson(ctx, personId);
  if (person.mergedInto) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
  return person;
}

export interface FillRecord {
  personId: string;
  templateId: string | null;
  caseId: string | null;
  kind: FormFillView['kind'];
  form: string;
  edition: string | null;
  blankSha256: string | null;
  sha256: string;
  pageCount: number;
  flattened: boolean;
  mismatch: boolean;
  overflow: number;
  warnings: number;
}

/** Writes the history row (and its audit entry) of a delivered fill. */
export function recordFill(ctx: Ctx, r: FillRecord): string {
  const id = newId();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO form_fills(id, person_id, template_id, case_id, kind, form, edition, blank_sha256, output_sha256, page_count, flattened,
                                edition_mismatch, overflow_count, warning_count, filled_at, filled_by)
         VALUES (@id, @personId, @templateId, @caseId, @kind, @form, @edition, @blankSha256, @sha256, @pageCount, @flattened,
                 @mismatch, @overflow, @warnings, @now, @actor)`,
      )
      .run({ ...r, id, flattened: r.flattened ? 1 : 0, mismatch: r.mismatch ? 1 : 0, now: ctx.now(), actor: ctx.actor });
    // "<op>.delivered": the file was saved. The op itself (the bytes shown) has its own entry from dispatch.
    const action = `${r.kind === 'summary' ? 'forms.summary' : r.kind === 'test' ? 'forms.testFill' : 'forms.fill'}.delivered`;
    audit(ctx, action, 'person', r.personId, { fillId: id, form: r.form, edition: r.edition ?? '', sha256: r.sha256 });
  })();
  return id;
}

/** Characters no file system accepts in a name, plus control characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;

/** "I-589 García López, José María 2026-11-26.pdf": a suggestion for the save dialog, never a path. */
export function fileNameFor(label: string, person: Pick<PersonView, 'person'>, today: string): string {
  const { givenName, familyName } = person.person;
  const name = familyName ? `${familyName}, ${givenName}` : givenName;
  const stem = `${label} ${name} ${today}`.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return `${stem.slice(0, 150).trim() || 'form'}.pdf`;
}
