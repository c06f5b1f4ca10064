/**
 * The one typed contract. Every operation the UI (or CLI, or harness) can ask
 * the core for is named here with a zod input schema and an output type.
 * Transports (Electron IPC, the loopback harness, direct calls) parse input
 * with these schemas at the boundary; the core never sees unparsed input.
 */
import { z } from 'zod';
import { passphraseSchema, recoveryCodeSchema } from './schemas/vault';
import { createIntakeSchemas } from './schemas/intake';
import { isoDateFromLocal } from './schemas/dates';
import { exchangeOps } from './exchange';

/** Intake schemas as the core receives them: ISO dates, "today" from the local clock. */
export const intakeSchemas = createIntakeSchemas({ dates: 'iso', today: () => isoDateFromLocal(new Date()) });

/** A phantom marker carrying an output type without runtime cost. */
const returns = <T>() => undefined as unknown as T;

function op<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  /** Folder holding the vault, shown so users know where their data lives. */
  location: string;
  schemaVersion?: number;
  /** Who is unlocked (issue 10). */
  user?: { name: string; displayName: string; role: Role };
  /** While locked: true when the vault has more than one user, so the unlock screen must have a user name (no names are given). */
  multiUser?: boolean;
}

import type {
  PersonView,
  CaseView,
  CaseSummary,
  PersonSearchPage,
  PersonSummary,
  DuplicateCandidate,
  DraftSummary,
  Draft,
  JobStarted,
} from './views';

export interface CreatedVault {
  /** Shown once; never stored in plaintext anywhere. */
  recoveryCode: string;
}

const empty = z.object({}).strict();
const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id.invalid' });
const version = z.number().int().min(1);
const decisionSchema = z.enum(['new-person', 'same-person', 'needs-review']);
/** Choices made in the duplicate check before saving, recorded with the new record. */
const decisions = z
  .array(z.object({ otherId: id, decision: decisionSchema }).strict())
  .max(20)
  .default([]);
/** "Same person" in intake: merge with `otherId`, keeping the existing record or the new one (chosen, never assumed). */
const mergeChoice = z
  .object({ otherId: id, keep: z.enum(['existing', 'new']) })
  .strict()
  .optional();
/** A draft is whatever the form held, as JSON; bounded so a runaway form cannot fill the disk. */
const draftData = z.unknown().refine((v) => JSON.stringify(v ?? null).length <= 2_000_000, { message: 'draft.tooLarge' });
const personData = z
  .object({
    person: intakeSchemas.person,
    detention: intakeSchemas.detention,
    history: intakeSchemas.history,
    family: z.array(intakeSchemas.familyMember).max(100),
    notes: z.string().max(20000),
    urgentNeeds: z.string().max(5000),
    consent: intakeSchemas.consent.optional(),
  })
  .strict();

import { CSV_FIELDS, type CsvField } from './csv-fields';
export { CSV_FIELDS, type CsvField };

export interface ImportIssue {
  /** 1-based line in the file (header = 1); a row's first line when a quoted cell spans lines. */
  line: number;
  /** The column at fault, or null for the row or file as a whole. */
  field: CsvField | null;
  /** A message key such as 'date.invalid' or 'csv.tooManyCells'. */
  code: string;
}
export interface ImportDuplicate {
  /** 'vault': a person already saved; 'file': an earlier row of this file. */
  source: 'vault' | 'file';
  id?: string;
  line?: number;
  name: string;
  dob: string | null;
  aNumber: string | null;
  strength: 'likely' | 'possible';
  score: number;
  reasons: string[];
}
export interface ImportRowPreview {
  line: number;
  /** The mapped cells as text for display (cells over 300 characters are cut, with '…'). */
  values: Partial<Record<CsvField, string>>;
  errors: Array<{ field: CsvField | null; code: string }>;
  duplicates: ImportDuplicate[];
  /** True when a likely duplicate makes a choice (import, skip, merge, flag) mandatory. */
  needsChoice: boolean;
}
export interface ImportPreview {
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE' or 'Windows-1252'. */
  encoding: string;
  /** Plain-English note for the user, e.g. 'Read as Windows-1252'. */
  encodingNote?: string;
  delimiter: ',' | ';' | '\t';
  columns: Array<{ header: string; mappedTo: CsvField | null }>;
  /** Problems with the file as a whole (missing given_name column, a field mapped twice). */
  fileErrors: ImportIssue[];
  rows: ImportRowPreview[];
  counts: { total: number; valid: number; invalid: number; likelyDuplicates: number };
}
export interface ImportResult {
  /** New records created (flagged ones included). */
  imported: number;
  skipped: number;
  merged: number;
  /** Of the imported, how many were flagged for review as possible duplicates. */
  flagged: number;
}

/** Largest CSV accepted: 50 MB of bytes, as base64. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const dataBase64 = z
  .string()
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { message: 'import.tooLarge' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'import.notBase64' });
/** Header as written in the file -> the field it fills, or null to ignore the column. */
const csvMapping = z.record(z.string().max(200), z.enum(CSV_FIELDS).nullable()).optional();
const importChoice = z.union([z.enum(['import', 'skip', 'import-and-flag']), z.object({ mergeInto: id }).strict()]);
export type ImportChoice = z.infer<typeof importChoice>;
/** Keyed by the row's line number as shown in the preview. */
const importChoices = z
  .record(z.string().regex(/^[1-9][0-9]{0,7}$/), importChoice)
  .refine((c) => Object.keys(c).length <= 200_000, { message: 'import.tooManyChoices' })
  .default({});

export const contract = {
  'vault.status': op(empty, returns<VaultStatus>()),
  'vault.create': op(
    z.object({ passphrase: passphraseSchema, userName: userNameSchema.optional(), displayName: z.string().max(200).optional() }).strict(),
    returns<CreatedVault>(),
  ),
  /** `userName` may be left out while the vault has a single user. */
  'vault.unlock': op(
    z.object({ userName: userNameSchema.optional(), passphrase: z.string().min(1).max(1024) }).strict(),
    returns<VaultStatus>(),
  ),
  /** Leads only: sets the named lead's new passphrase. */
  'vault.unlockWithRecovery': op(
    z.object({ recoveryCode: recoveryCodeSchema, newPassphrase: passphraseSchema, userName: userNameSchema.optional() }).strict(),
    returns<VaultStatus>(),
  ),
  'vault.lock': op(empty, returns<VaultStatus>()),
  /** Your own passphrase: the current one proves it is you. */
  'vault.changePassphrase': op(
    z.object({ userName: userNameSchema.optional(), current: z.string().min(1).max(1024), next: passphraseSchema }).strict(),
    returns<{ changed: true }>(),
  ),
  /** A new random database key sealed to every remaining user, and a new recovery code (shown once). */
  'vault.rekey': op(empty, returns<CreatedVault>()),
  /** A new recovery code; the old one stops working. */
  'vault.newRecoveryCode': op(empty, returns<CreatedVault>()),
  /** Readable while locked; never client data. */
  'prefs.get': op(empty, returns<{ lang?: 'en' | 'es' }>()),
  'prefs.set': op(z.object({ lang: z.enum(['en', 'es']) }).strict(), returns<{ lang?: 'en' | 'es' }>()),

  /** With `merge`, a "same person" intake is merged into one record at once (the surviving record is returned). */
  'intake.createQuick': op(
    z.object({ intake: intakeSchemas.quickIntake, draftId: id.optional(), decisions, merge: mergeChoice }).strict(),
    returns<PersonView>(),
  ),
  'intake.createFull': op(
    z.object({ intake: intakeSchemas.fullIntake, draftId: id.optional(), decisions, merge: mergeChoice }).strict(),
    returns<PersonView>(),
  ),
  'people.get': op(z.object({ id }).strict(), returns<PersonView>()),
  'people.update': op(z.object({ id, version, data: personData }).strict(), returns<PersonView>()),
  'people.list': op(
    z
      .object({
        detained: z.boolean().optional(),
        hearingWithinDays: z.number().int().min(0).max(3650).optional(),
        assignedTo: z.string().max(200).optional(),
        sort: z.enum(['name', 'hearing', 'updated', 'created']).default('name'),
        dir: z.enum(['asc', 'desc']).default('asc'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    returns<{ total: number; rows: PersonSummary[] }>(),
  ),
  'cases.list': op(
    z
      .object({
        detained: z.boolean().optional(),
        hearingWithinDays: z.number().int().min(0).max(3650).optional(),
        assignedTo: z.string().max(200).optional(),
        status: z.enum(['open', 'pending', 'closed']).optional(),
        sort: z.enum(['name', 'hearing', 'updated', 'type']).default('hearing'),
        dir: z.enum(['asc', 'desc']).default('asc'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    returns<{ total: number; rows: CaseSummary[] }>(),
  ),
  // Up to 201 rows: the header search asks for one more than it can name ("more than 200", issue 17).
  'people.search': op(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(201).default(20) }).strict(),
    returns<PersonSummary[]>(),
  ),
  // Search as you type (the header): the first rows and how many matched, up to countUpTo; only the rows shown are summarized (issue 17).
  'people.searchPage': op(
    z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(50).default(8),
        countUpTo: z.number().int().min(1).max(201).default(201),
      })
      .strict(),
    returns<PersonSearchPage>(),
  ),
  'people.checkDuplicates': op(
    z
      .object({
        given: z.string().max(200),
        family: z.string().max(200).default(''),
        dob: z.string().max(20).optional(),
        aNumber: z.string().max(30).optional(),
        excludeId: id.optional(),
      })
      .strict(),
    returns<DuplicateCandidate[]>(),
  ),
  'people.decide': op(z.object({ personId: id, otherId: id, decision: decisionSchema }).strict(), returns<{ recorded: true }>()),
  'people.merge': op(z.object({ keepId: id, mergeId: id }).strict(), returns<PersonView>()),
  'cases.add': op(z.object({ personId: id, case: intakeSchemas.caseRecord }).strict(), returns<CaseView>()),
  'cases.update': op(z.object({ id, version, case: intakeSchemas.caseRecord }).strict(), returns<CaseView>()),
  'drafts.save': op(
    z.object({ id: id.optional(), kind: z.enum(['quick', 'full', 'person-edit']), data: draftData }).strict(),
    returns<DraftSummary>(),
  ),
  'drafts.list': op(empty, returns<DraftSummary[]>()),
  'drafts.get': op(z.object({ id }).strict(), returns<Draft>()),
  'drafts.discard': op(z.object({ id }).strict(), returns<{ discarded: true }>()),
  'import.preview': op(
    z.object({ fileName: z.string().max(260).optional(), dataBase64, mapping: csvMapping }).strict(),
    returns<ImportPreview>(),
  ),
  /** Starts the import as a job (all or nothing; jobs.cancel rolls it back); its result is an ImportResult. */
  'import.commit': op(z.object({ dataBase64, mapping: csvMapping, choices: importChoices }).strict(), returns<JobStarted>()),
  'import.template': op(empty, returns<{ fileName: string; csv: string }>()),
  // Named under import.* so the people.* handler set stays unchanged; see electron/core/intake/csv/README.md.
  'import.exportCsv': op(z.object({ ids: z.array(id).max(100_000).optional() }).strict(), returns<{ csv: string; count: number }>()),
  ...deadlineOps(),
  ...formOps(),
  ...jobOps(),
  ...reportOps(),
  ...backupOps(),
  ...exchangeOps(),
  ...userOps(),
  ...detentionOps(),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = Contract[K]['output'];

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

// ---- Case events, deadlines, docket, reminders, TPS (issue 4; services in electron/core/deadlines) ----
import { DOCKET_GROUP_KEYS } from './views';
import type {
  DeadlineView,
  DocketView,
  EventResult,
  EventView,
  IcsExport,
  ReminderList,
  TpsAffectedView,
  TpsImportPreview,
  TpsImportResult,
  TpsStatusView,
} from './views';
import type { DeadlineResult, DeadlineRule } from './deadlines';
import type { ClosuresImportPreview, ClosuresImportResult, ClosuresStatusView } from './deadlines/closures';
import { isValidDate } from './deadlines/dates';

/** A declaration (hoisted), so the ops can sit at the end of the contract object. */
function deadlineOps() {
  const date = z.string().max(10).refine(isValidDate, { message: 'date.invalid' });
  const days = z.number().int().min(1).max(3650);
  const oneLine = (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((s) => !/[\p{Cc}]/u.test(s), { message: 'text.invalidCharacters' });
  const flag = z.boolean().optional();
  const base = { date, caseId: id.optional() };
  const plain = <K extends string>(kind: K) =>
    z.object({ kind: z.literal(kind), ...base, details: z.object({}).strict().default({}) }).strict();
  const decision = <K extends string>(kind: K) =>
    z.object({ kind: z.literal(kind), ...base, details: z.object({ inAbsentia: flag }).strict().default({}) }).strict();
  const hearingKind = z.enum(['master', 'individual']);
  const event = z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('hearing-scheduled'),
        ...base,
        details: z.object({ hearingKind, detained: flag, days: days.optional() }).strict(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('hearing-moved'),
        ...base,
        details: z
          .object({
            hearingEventId: id.optional(),
            hearingKind: hearingKind.optional(),
            detained: flag,
            days: days.optional(),
            previousDate: date.optional(),
          })
          .strict()
          .refine((d) => d.hearingEventId !== undefined || d.hearingKind !== undefined, {
            message: 'hearing.kindRequired',
            path: ['hearingKind'],
          }),
      })
      .strict(),
    decision('ij-decision-oral'),
    decision('ij-decision-written'),
    plain('bia-decision'),
    z
      .object({
        kind: z.literal('uscis-notice'),
        ...base,
        details: z
          .object({ subkind: z.enum(['rfe', 'noid', 'denial']), mailed: z.boolean(), days: days.optional() })
          .strict()
          .refine((d) => (d.subkind === 'denial') === (d.days === undefined), { message: 'uscis.daysForRfeOrNoidOnly', path: ['days'] }),
      })
      .strict(),
    z
      .object({
        kind: z.literal('detained'),
        ...base,
        details: z
          .object({ facility: oneLine(200).optional() })
          .strict()
          .default({}),
      })
      .strict(),
    plain('released'),
    z.object({ kind: z.literal('last-arrival'), ...base, details: z.object({ asylum: flag }).strict().default({}) }).strict(),
    z
      .object({
        kind: z.literal('vd-granted'),
        ...base,
        details: z.object({ days, stage: z.enum(['pre-conclusion', 'post-conclusion']).default('post-conclusion') }).strict(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('tps-reregistration-opened'),
        ...base,
        details: z
          .object({ closes: date.optional(), citation: oneLine(300).optional() })
          .strict()
          .default({}),
      })
      .strict(),
    plain('filing-served'),
    z.object({ kind: z.literal('address-changed'), ...base, details: z.object({ inCourt: flag }).strict().default({}) }).strict(),
    decision('final-order'),
    plain('cfi-negative'),
    /** The asylum application was filed: starts the EAD clock (asylum-ead-file, asylum-ead-eligible). */
    plain('asylum-filed'),
    /** A delay the applicant caused stopped the asylum EAD clock from `date` to `details.to` (8 CFR 208.7(a)(2)). */
    z
      .object({
        kind: z.literal('asylum-clock-stop'),
        ...base,
        details: z.object({ to: date, reason: oneLine(200).optional() }).strict(),
      })
      .strict()
      .refine((e) => e.details.to >= e.date, { message: 'clockStop.endsBeforeStart', path: ['details', 'to'] }),
  ]);
  const ref = z.object({ id, version }).strict();
  const manual = { label: oneLine(200), due: date, note: z.string().trim().max(2000).optional(), citation: oneLine(300).optional() };
  return {
    'events.add': op(z.object({ personId: id, event }).strict(), returns<EventResult>()),
    'events.update': op(z.object({ id, version, event }).strict(), returns<EventResult>()),
    /** caseUpdated: the case whose next hearing was this hearing, now its next remaining one (or none). */
    'events.delete': op(ref, returns<{ deleted: true; removed: string[]; caseUpdated: string | null }>()),
    'events.list': op(z.object({ personId: id }).strict(), returns<EventView[]>()),
    'deadlines.list': op(
      z.object({ personId: id, status: z.enum(['open', 'done', 'all']).default('all') }).strict(),
      returns<DeadlineView[]>(),
    ),
    'deadlines.get': op(z.object({ id }).strict(), returns<DeadlineView>()),
    /** Computes without saving; rule and trigger are checked by the engine (UNKNOWN_RULE, BAD_DATE). */
    'deadlines.preview': op(
      z
        .object({
          rule: z.string().max(100),
          trigger: z.string().max(20),
          mailed: z.boolean().optional(),
          days: z.number().int().optional(),
        })
        .strict(),
      returns<DeadlineResult>(),
    ),
    'deadlines.rules': op(empty, returns<DeadlineRule[]>()),
    'deadlines.addManual': op(z.object({ personId: id, caseId: id.optional(), ...manual }).strict(), returns<DeadlineView>()),
    'deadlines.updateManual': op(z.object({ id, version, ...manual }).strict(), returns<DeadlineView>()),
    'deadlines.delete': op(ref, returns<{ deleted: true }>()),
    'deadlines.override': op(z.object({ id, version, due: date, reason: oneLine(1000) }).strict(), returns<DeadlineView>()),
    'deadlines.clearOverride': op(ref, returns<DeadlineView>()),
    'deadlines.markDone': op(ref, returns<DeadlineView>()),
    'deadlines.reopen': op(ref, returns<DeadlineView>()),
    'deadlines.closures': op(empty, returns<{ dates: string[] }>()),
    'deadlines.setClosures': op(z.object({ dates: z.array(date).max(2000) }).strict(), returns<{ dates: string[]; recomputed: number }>()),
    'deadlines.exportIcs': op(
      z
        .object({
          personId: id.optional(),
          includeNames: z.boolean().default(false),
          includeDone: z.boolean().default(false),
          lang: z.enum(['en', 'es']).default('en'),
          alarmDaysBefore: z.number().int().min(0).max(60).optional(),
        })
        .strict(),
      returns<IcsExport>(),
    ),
    'docket.list': op(
      z
        .object({
          assignee: z.string().max(200).optional(),
          caseType: z.string().max(50).optional(),
          today: date.optional(),
          /** How far ahead: days after today (30, 90, 365 in the UI), or null for every open deadline and hearing. */
          days: z.number().int().min(0).max(36_500).nullable().default(30),
          /** Paging, per group: rows offset .. offset + limit of each group (or of `group` alone). */
          limit: z.number().int().min(1).max(10_000).default(1000),
          offset: z.number().int().min(0).max(10_000_000).default(0),
          group: z.enum(DOCKET_GROUP_KEYS).optional(),
          /** People held now at this facility, or in this ICE field office's area (issue 14 §3). */
          facility: z.string().trim().min(1).max(200).optional(),
          fieldOffice: z.string().trim().min(1).max(100).optional(),
        })
        .strict(),
      returns<DocketView>(),
    ),
    'reminders.due': op(
      z
        .object({
          withinDays: z.number().int().min(0).max(60).default(3),
          includeNames: z.boolean().default(false),
          today: date.optional(),
        })
        .strict(),
      returns<ReminderList>(),
    ),
    'tps.status': op(empty, returns<TpsStatusView>()),
    'tps.previewImport': op(
      z.object({ json: z.string().max(5_000_000), limit: z.number().int().min(0).max(100_000).default(1000) }).strict(),
      returns<TpsImportPreview>(),
    ),
    /**
     * Who each TPS country affects: the people whose TPS country it is, with their re-registration and work-permit
     * dates (the TPS page; a "TPS drive" batch fill). `country` is a dataset id ('SV'); `limit` caps each country's list.
     */
    'tps.affected': op(
      z
        .object({
          country: z
            .string()
            .regex(/^[A-Z]{2}(-\d{4})?$/, { message: 'option.invalid' })
            .optional(),
          limit: z.number().int().min(1).max(100_000).default(1000),
        })
        .strict(),
      returns<TpsAffectedView>(),
    ),
    /** Stores the dataset and starts the 'tps.reconcile' job that brings everyone's TPS deadlines in step. */
    'tps.applyImport': op(z.object({ json: z.string().max(5_000_000) }).strict(), returns<TpsImportResult>()),
    /** Declared federal closures (executive orders): the active dataset, and importing a newer file like TPS. */
    'closures.status': op(empty, returns<ClosuresStatusView>()),
    'closures.previewImport': op(z.object({ json: z.string().max(1_000_000) }).strict(), returns<ClosuresImportPreview>()),
    /** Stores the dataset and recomputes every event with an open deadline, in one transaction. */
    'closures.applyImport': op(z.object({ json: z.string().max(1_000_000) }).strict(), returns<ClosuresImportResult>()),
  };
}

// ---- PDF forms: templates, fills, the intake summary, batch jobs (issue 5; services in electron/core/forms/service) ----
import type { AttorneySettings, FilledPdf, FormFillView, FormSources, ImportedBlank, TemplateSummary, TemplateView } from './views';
import { fieldMapSchema } from './forms/map-schema';
import { MAX_BLANK_BYTES as MAX_BLANK, SHIPPED_FORMS as SHIPPED } from './forms/limits';

/** Declared as a function (hoisted) because the contract object above is built before this part of the file runs. */
function formLimits() {
  return {
    /** Largest blank PDF accepted for import (shared/forms/limits.ts). */
    maxBlankBytes: MAX_BLANK,
    /** People per batch: each filled PDF waits in memory until the UI fetches and saves it. */
    maxBatchPeople: 100,
    /** The official forms Amparo ships field maps for (shared/forms/limits.ts). */
    shippedForms: SHIPPED,
  };
}
export const MAX_BLANK_BYTES = formLimits().maxBlankBytes;
export const MAX_BATCH_PEOPLE = formLimits().maxBatchPeople;
export const SHIPPED_FORMS = formLimits().shippedForms;

function formOps() {
  const { maxBlankBytes: MAX_BLANK_BYTES, maxBatchPeople: MAX_BATCH_PEOPLE, shippedForms: SHIPPED_FORMS } = formLimits();
  const noControl = (s: string) => !/[\p{Cc}]/u.test(s);
  const line = (max: number) => z.string().trim().max(max).refine(noControl, { message: 'text.invalidCharacters' });
  const optionalLine = (max: number) =>
    line(max)
      .optional()
      .transform((s) => (s === undefined || s === '' ? undefined : s.normalize('NFC')));
  const date = z.string().max(10).refine(isValidDate, { message: 'date.invalid' });
  const pdfBase64 = z
    .string()
    .max(Math.ceil(MAX_BLANK_BYTES / 3) * 4, { message: 'forms.tooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'forms.notBase64' });
  const address = z
    .object({
      street: optionalLine(200),
      unitType: z.enum(['apt', 'ste', 'flr']).optional(),
      unit: optionalLine(50),
      city: optionalLine(100),
      state: optionalLine(100),
      zip: optionalLine(20),
      province: optionalLine(100),
      postalCode: optionalLine(20),
      country: optionalLine(100),
    })
    .strict();
  /** The clinic's attorney or accredited representative, as G-28 Part 1 asks for it. */
  const attorney = z
    .object({
      givenName: line(200)
        .pipe(z.string().min(1, { message: 'name.required' }))
        .transform((s) => s.normalize('NFC')),
      familyName: line(200)
        .default('')
        .transform((s) => s.normalize('NFC')),
      middleName: optionalLine(200),
      kind: z.enum(['attorney', 'accredited-representative']).default('attorney'),
      licensingAuthority: optionalLine(200),
      barNumber: optionalLine(50),
      /** G-28 Part 2 item 1.c: true when an order restricts the practice of law (explain it in Part 6). */
      subjectToOrders: z.boolean().optional(),
      firm: optionalLine(200),
      organization: optionalLine(200),
      accreditationExpires: date.optional(),
      uscisAccountNumber: optionalLine(20),
      address: address.optional(),
      phone: optionalLine(40),
      mobilePhone: optionalLine(40),
      fax: optionalLine(40),
      email: optionalLine(254),
    })
    .strict();
  /** The sha256 and field list come from the stored blank, so the UI may leave them out. */
  const mapInput = fieldMapSchema.partial({ blankSha256: true, blankFields: true });
  const fillChoices = { acceptEditionMismatch: z.boolean().default(false), flatten: z.boolean().default(false) };
  return {
    /** Decrypts and stores a blank downloaded from uscis.gov; PDF_INVALID, PDF_NEEDS_PASSWORD, PDF_NO_FORM. */
    'forms.importBlank': op(
      z.object({ fileName: line(260).pipe(z.string().min(1)), dataBase64: pdfBase64 }).strict(),
      returns<ImportedBlank>(),
    ),
    'forms.listTemplates': op(empty, returns<TemplateSummary[]>()),
    'forms.getTemplate': op(z.object({ id }).strict(), returns<TemplateView>()),
    /** The decrypted blank, for page previews (pdfjs-dist in the renderer). Not client data. */
    'forms.blankBytes': op(z.object({ id }).strict(), returns<{ pdf: Uint8Array; pageCount: number }>()),
    'forms.saveTemplate': op(
      z.object({ id, version: version.optional(), name: line(200).pipe(z.string().min(1)), map: mapInput }).strict(),
      returns<TemplateView>(),
    ),
    'forms.deleteTemplate': op(z.object({ id, version: version.optional() }).strict(), returns<{ deleted: true }>()),
    /** What a map may read (FormView paths with EN/ES labels) and how (transforms), for the mapper UI. */
    'forms.sources': op(empty, returns<FormSources>()),
    'forms.getAttorney': op(empty, returns<AttorneySettings>()),
    'forms.setAttorney': op(z.object({ attorney: attorney.nullable(), version: version.optional() }).strict(), returns<AttorneySettings>()),
    /** A trial fill for the mapper: edition differences are accepted; once saved it is recorded as kind 'test'. */
    'forms.testFill': op(z.object({ templateId: id, personId: id, caseId: id.optional() }).strict(), returns<FilledPdf>()),
    'forms.fill': op(
      z
        .object({ templateId: id.optional(), form: z.enum(SHIPPED_FORMS).optional(), personId: id, caseId: id.optional(), ...fillChoices })
        .strict()
        .refine((o) => (o.templateId === undefined) !== (o.form === undefined), { message: 'forms.templateOrForm', path: ['templateId'] }),
      returns<FilledPdf>(),
    ),
    'forms.summary': op(z.object({ personId: id, lang: z.enum(['en', 'es']) }).strict(), returns<FilledPdf>()),
    'forms.history': op(z.object({ personId: id }).strict(), returns<FormFillView[]>()),
    /** The file of a fill (forms.fill, testFill, summary, a batch's jobs.result) was saved: record it in the case history, once. */
    'forms.recordDelivery': op(z.object({ token: id }).strict(), returns<{ fillId: string }>()),
    /** Fills one template for many people in the background; follow with jobs.status, fetch each PDF with jobs.result. */
    'forms.batchStart': op(
      z
        .object({
          templateId: id,
          personIds: z.array(id).min(1).max(MAX_BATCH_PEOPLE),
          /** More templates filled for each person in the same job (a TPS drive's I-821 beside the I-765). */
          alsoTemplateIds: z.array(id).max(2).optional(),
          /** Which work permit an I-765 asks for: 'tps' gives (a)(12), or (c)(19) while the I-821 is pending. */
          eadBasis: z.enum(['tps', 'asylum']).optional(),
          ...fillChoices,
        })
        .strict(),
      returns<JobStarted>(),
    ),
  };
}

// ---- Jobs: one runner for every long piece of work (electron/core/jobs) ----
import type { JobKind, JobResult, JobStatus } from './views';

function jobOps() {
  const jobRef = z.object({ jobId: id }).strict();
  const kinds = [
    'forms.batch',
    'import.commit',
    'tps.reconcile',
    'backup.create',
    'backup.verify',
    'backup.restore',
    'exchange.import',
  ] as const satisfies readonly JobKind[];
  return {
    'jobs.status': op(jobRef, returns<JobStatus>()),
    /** The jobs the core holds now (running or finished, not discarded), e.g. the TPS reconcile started at unlock. */
    'jobs.list': op(z.object({ kind: z.enum(kinds).optional() }).strict(), returns<JobStatus[]>()),
    /** A finished job's value; for forms.batch one person's PDF by its index (available as soon as that person is done). */
    'jobs.result': op(
      z.object({ jobId: id, index: z.number().int().min(0).max(formLimits().maxBatchPeople).optional() }).strict(),
      returns<JobResult>(),
    ),
    /** Stops the job at its next checkpoint and waits for it: atomic work (a CSV import) is rolled back. */
    'jobs.cancel': op(jobRef, returns<JobStatus>()),
    /** Drops a finished job and whatever it holds in memory (PDFs); a running one is cancelled first. */
    'jobs.discard': op(jobRef, returns<{ discarded: true }>()),
  };
}

// ---- Backups (issue 11): electron/core/backup ----
import type { BackupFileView, BackupReplaced, BackupStatus } from './views';

function backupOps() {
  const keepCount = (max: number) => z.number().int().min(0).max(max);
  const fullPath = z.string().min(1).max(4096);
  const passphrase = z.string().min(1).max(1024);
  const given = (x: unknown, k: string) => (x as Record<string, unknown>)[k] !== undefined;
  /** A backup opens with a passphrase the vault had when it was made, or with its recovery code: exactly one of them. */
  const withSecret = <S extends z.ZodRawShape>(shape: S) =>
    z
      .object({ ...shape, passphrase: passphrase.optional(), recoveryCode: recoveryCodeSchema.optional() })
      .strict()
      .refine((x) => given(x, 'passphrase') !== given(x, 'recoveryCode'), { message: 'backup.oneSecret' });
  const settings = z
    .object({
      /** A full path; null turns automatic backups off. */
      folder: z.string().min(1).max(4096).nullable(),
      intervalHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 31),
      keep: z.object({ daily: keepCount(366), weekly: keepCount(520), monthly: keepCount(1200) }).strict(),
    })
    .strict();
  return {
    /** Folder, interval, rotation, the last good backup, whether it is stale, and why the last automatic one failed. */
    'backup.status': op(empty, returns<BackupStatus>()),
    'backup.setSettings': op(settings, returns<BackupStatus>()),
    /** Backs up now into the folder: a job (phases snapshot, check, seal); its result is the file written. */
    'backup.start': op(empty, returns<JobStarted>()),
    /** The backups in the folder, newest first (BACKUP_FOLDER_UNAVAILABLE when it is missing). */
    'backup.list': op(empty, returns<BackupFileView[]>()),
    /** Checks a backup with a passphrase it was made under: a job (copy, check) whose result is the report, each check listed. */
    'backup.verify': op(withSecret({ file: fullPath }), returns<JobStarted>()),
    /**
     * Restores a backup, verified first: into a new folder (result: the vault in place there), or, for
     * `replace`, staged beside the current vault (result: ready); backup.replaceVault then puts it in place.
     */
    'backup.restore': op(
      withSecret({
        file: fullPath,
        target: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('new'), folder: fullPath }).strict(),
          z.object({ kind: z.literal('replace') }).strict(),
        ]),
      }),
      returns<JobStarted>(),
    ),
    /** After a confirmed `replace` restore job: locks the vault, sets it aside (renamed, never deleted) and moves the restored one in. */
    'backup.replaceVault': op(z.object({ jobId: id }).strict(), returns<BackupReplaced>()),
  };
}

// ---- Reports: dashboard, funder statistics, case closing, summaries, exports (issue 13; electron/core/reports) ----
import type { CaseClosingView, CaseloadView, ExportColumn, ExportFile, ExportKind, ReportCodes, StatsView, TrainingView } from './views';
import { CASE_OUTCOMES, EXPORT_KINDS } from './views';

function reportOps() {
  const date = z.string().max(10).refine(isValidDate, { message: 'date.invalid' });
  const text = (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((s) => !/[\p{Cc}]/u.test(s), { message: 'text.invalidCharacters' })
      .transform((s) => s.normalize('NFC'));
  const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, { message: 'reports.codeInvalid' });
  const funder = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,39}$/, { message: 'reports.funderInvalid' });
  const lang = z.enum(['en', 'es']);
  const columns = z
    .array(z.string().regex(/^[a-z_]{1,40}$/))
    .min(1)
    .max(100);
  return {
    /** The dashboard's numbers; `today` for tests and the CLI. */
    'reports.caseload': op(z.object({ today: date.optional() }).strict(), returns<CaseloadView>()),
    /** Counts for a date range with small-cell suppression (cells under minCell hidden, with their complements). */
    'reports.stats': op(
      z
        .object({ from: date, to: date, minCell: z.number().int().min(1).max(20).default(5) })
        .strict()
        .refine((q) => q.from <= q.to, { message: 'reports.rangeBackwards', path: ['to'] }),
      returns<StatsView>(),
    ),
    'reports.codes': op(empty, returns<ReportCodes>()),
    'reports.addCode': op(
      z.object({ funder, list: z.enum(['closure', 'problem']), code, labelEn: text(200), labelEs: text(200) }).strict(),
      returns<ReportCodes>(),
    ),
    /** Records the outcome, closing date and funder codes, and sets the case's status to closed (version checked). */
    'reports.closeCase': op(
      z
        .object({
          caseId: id,
          version,
          closedOn: date,
          outcome: z.enum(CASE_OUTCOMES),
          closureCategory: code.optional(),
          problemCode: code.optional(),
          funderCodes: z.record(funder, code).default({}),
        })
        .strict(),
      returns<CaseClosingView>(),
    ),
    'reports.closing': op(z.object({ caseId: id }).strict(), returns<CaseClosingView | null>()),
    'reports.trainings': op(empty, returns<TrainingView[]>()),
    'reports.addTraining': op(z.object({ date, place: text(200), organizer: text(200).optional() }).strict(), returns<TrainingView>()),
    'reports.tagTraining': op(
      z.object({ personIds: z.array(id).min(1).max(100_000), trainingId: id.nullable() }).strict(),
      returns<{ tagged: number }>(),
    ),
    /** A case summary PDF for one person (or one case of theirs); recorded in the case history by reports.recordDelivery once saved. */
    'reports.summary': op(z.object({ personId: id, caseId: id.optional(), lang }).strict(), returns<FilledPdf>()),
    /** Summaries for many people as a job: one PDF for all ('combined') or one per person ('each'); fetch with jobs.result. */
    'reports.summaryBatch': op(
      z.object({ personIds: z.array(id).min(1).max(formLimits().maxBatchPeople), lang, mode: z.enum(['combined', 'each']) }).strict(),
      returns<JobStarted>(),
    ),
    'reports.recordDelivery': op(z.object({ token: id }).strict(), returns<{ fillId: string }>()),
    'reports.exportColumns': op(empty, returns<Record<ExportKind, ExportColumn[]>>()),
    /** One kind as CSV (UTF-8 with BOM, formula-safe); `columns` in the order wanted, all when left out. */
    'reports.exportCsv': op(z.object({ what: z.enum(EXPORT_KINDS), columns: columns.optional() }).strict(), returns<ExportFile>()),
    /** Every kind (or those named) as one XLSX workbook, a sheet each. */
    'reports.exportXlsx': op(
      z
        .object({
          kinds: z.array(z.enum(EXPORT_KINDS)).min(1).max(EXPORT_KINDS.length).optional(),
          columns: z.partialRecord(z.enum(EXPORT_KINDS), columns).optional(),
        })
        .strict(),
      returns<ExportFile>(),
    ),
  };
}

// ---- Users, roles and the audit trail (issue 10): electron/core/users, electron/core/audit ----
import { ROLES, expirySchema, userNameSchema, type AssignableUser, type Role, type SessionView, type UserView } from './users';
import type { AuditEntryView, AuditPage, AuditVerifyView } from './views';

function userOps() {
  const user = {
    displayName: z.string().trim().max(200).optional(),
    role: z.enum(ROLES),
    /** null or absent: never expires. */
    expiresAt: expirySchema.nullable().optional(),
  };
  const page = { limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) };
  return {
    /** The unlocked user and what their role may do (the UI hides the rest). */
    'users.me': op(empty, returns<SessionView>()),
    'users.list': op(empty, returns<UserView[]>()),
    /** Who a case can be assigned to: user names and display names only (paralegals pick from it). */
    'users.assignable': op(empty, returns<AssignableUser[]>()),
    'users.add': op(z.object({ name: userNameSchema, ...user, passphrase: passphraseSchema }).strict(), returns<UserView>()),
    'users.update': op(z.object({ name: userNameSchema, ...user, role: user.role.optional() }).strict(), returns<UserView>()),
    /** Deletes the user's slot; offer a rekey after (an old copy of the key file still opens with their passphrase). */
    'users.remove': op(z.object({ name: userNameSchema }).strict(), returns<{ removed: true }>()),
    /** A lead sets another user's passphrase (a forgotten one). */
    'users.resetPassphrase': op(z.object({ name: userNameSchema, passphrase: passphraseSchema }).strict(), returns<{ changed: true }>()),
    /** The trail, newest first; filtered by person (their record and its cases) or by user. */
    'audit.list': op(z.object({ personId: id.optional(), actor: userNameSchema.optional(), ...page }).strict(), returns<AuditPage>()),
    /** One record's history: who created, viewed and changed it, with the changed field names. */
    'audit.history': op(z.object({ personId: id }).strict(), returns<AuditEntryView[]>()),
    'audit.verify': op(empty, returns<AuditVerifyView>()),
    /**
     * Puts back the value a person field had before one change (its field
     * history row, from audit.history). Refused with STALE_WRITE unless
     * `version` is the record's current one; the restore is an entry of its own.
     */
    'audit.restoreField': op(z.object({ personId: id, version, historyId: z.number().int().min(1) }).strict(), returns<PersonView>()),
    'audit.exportCsv': op(z.object({ actor: userNameSchema.optional() }).strict(), returns<{ csv: string; count: number }>()),
  };
}

// ---- Detention record and EOIR status log (issue 14 §3, §4): electron/core/detention ----
import { detentionHistorySchema } from './schemas/detention';
import type { FacilitiesImportPreview, FacilitiesStatusView, Facility } from './facilities';
import type { EoirCheckView, EoirDifference, EoirDueRow, EoirIntervals, EoirRecordResult } from './eoir';

function detentionOps() {
  const day = z.string().max(10).refine(isValidDate, { message: 'date.invalid' });
  const line = (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((s) => !/[\p{Cc}]/u.test(s), { message: 'text.invalidCharacters' });
  // A check interval beyond a year (or under a day) is a typo, not a policy: refused with one clear message.
  const range = { message: 'eoir.intervals.range' };
  const intervalDays = z.number(range).int(range).min(1, range).max(365, range);
  return {
    /** The facility list in use (shipped or imported): as-of date, source, whether partial, field offices. */
    'facilities.status': op(empty, returns<FacilitiesStatusView>()),
    /** The autocomplete: facilities matching the typed words (name, former names, city). */
    'facilities.search': op(
      z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }).strict(),
      returns<Facility[]>(),
    ),
    'facilities.previewImport': op(z.object({ json: z.string().max(5_000_000) }).strict(), returns<FacilitiesImportPreview>()),
    'facilities.applyImport': op(z.object({ json: z.string().max(5_000_000) }).strict(), returns<{ asOf: string; count: number }>()),
    /**
     * Saves the person's detention history; detained, facility, booking number
     * and the docket of every hearing follow from it (deadlines recomputed), in one transaction.
     */
    'detention.save': op(
      z.object({ personId: id, version, history: detentionHistorySchema }).strict(),
      returns<{ person: PersonView; hearings: string[]; created: string[]; updated: string[]; removed: string[] }>(),
    ),
    /** Records what EOIR's automated case information said (typed in; Amparo makes no request). */
    'eoir.record': op(
      z
        .object({
          personId: id,
          caseId: id.optional(),
          channel: z.enum(['hotline', 'portal']).default('hotline'),
          checkedAt: z.iso.datetime({ offset: true }).optional(),
          hearing: z
            .object({
              date: day,
              time: z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time.invalid' })
                .optional(),
              kind: z.enum(['master', 'individual']).optional(),
            })
            .strict()
            .optional(),
          judge: line(200).optional(),
          court: line(200).optional(),
          decision: line(200).optional(),
          decisionDate: day.optional(),
          appealStatus: line(200).optional(),
          notes: z.string().trim().max(2000).optional(),
        })
        .strict(),
      returns<EoirRecordResult>(),
    ),
    'eoir.list': op(z.object({ personId: id }).strict(), returns<EoirCheckView[]>()),
    /** Puts a check's hearing, judge and court on the case; its hearing event and deadlines follow (one transaction). */
    'eoir.apply': op(
      z.object({ checkId: id, caseId: id, caseVersion: version }).strict(),
      returns<{ case: CaseView; differences: EoirDifference[] }>(),
    ),
    /** Who is due a check: detained not checked in `detainedDays`, others in `otherDays` (saved intervals by default). */
    'eoir.due': op(
      z.object({ today: day.optional(), detainedDays: intervalDays.optional(), otherDays: intervalDays.optional() }).strict(),
      returns<{ today: string; intervals: EoirIntervals; rows: EoirDueRow[] }>(),
    ),
    'eoir.setIntervals': op(z.object({ detainedDays: intervalDays, otherDays: intervalDays }).strict(), returns<EoirIntervals>()),
  };
}
