/**
 * What the core returns to every transport: plain JSON shapes, no classes,
 * no Dates. The renderer, the CLI and tests read records through these.
 */
import type { CaseRecord, Consent, Detention, FamilyMember, History, Person } from './schemas/intake';
import type { UrgencyFlag } from './intake/urgency';
import type { ExchangeImportView } from './exchange';

/** A person's whole record as stored (the people table's `data` column). */
export interface PersonData {
  person: Person;
  detention: Detention;
  history: History;
  family: FamilyMember[];
  notes: string;
  urgentNeeds: string;
  consent?: Consent;
}

/** Every record carries these: a cross-machine ID, who and when, and a version for stale-write checks. */
export interface Stamp {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type CaseView = CaseRecord & Stamp & { personId: string };

export type PersonView = PersonData &
  Stamp & {
    cases: CaseView[];
    mergedInto?: string;
    urgency: UrgencyFlag[];
    /** Family members linked to their own records, both ways (issue 8). The core always fills it; fixtures may leave it out. */
    familyLinks?: FamilyLinks;
  };

/** Another record, as a family link names it. */
export interface FamilyLinkRef {
  personId: string;
  givenName: string;
  familyName: string;
}

export interface FamilyLinks {
  /** For each `family[i].personId`, the record it opens now (a record merged since opens its survivor). */
  to: Record<string, FamilyLinkRef>;
  /** The records that list this person as a family member, with the relationship they typed. */
  from: Array<FamilyLinkRef & { relationship: string }>;
}

/** A page of search results: the first rows, and how many people matched (counted up to the countUpTo asked). */
export interface PersonSearchPage {
  rows: PersonSummary[];
  found: number;
}

export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  dob: string | null;
  aNumber: string | null;
  detained: boolean;
  facility: string | null;
  nextHearing: string | null;
  assignedTo: string | null;
  updatedAt: string;
}

/** One row of the cases list: the case with its person's name and detention. */
export interface CaseSummary {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  detained: boolean;
  type: string;
  status: string;
  court: string | null;
  hearingDate: string | null;
  hearingKind: string | null;
  assignedTo: string | null;
  updatedAt: string;
}

export interface DuplicateCandidate {
  id: string;
  givenName: string;
  familyName: string;
  dob: string | null;
  aNumber: string | null;
  strength: 'likely' | 'possible';
  score: number;
  reasons: string[];
}

export interface DraftSummary {
  id: string;
  kind: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Draft extends DraftSummary {
  data: unknown;
}

// ---- Case events, deadlines, docket, reminders, TPS (issue 4) ----
import type { Localized } from './deadlines/rules';
import type { TpsDeadlineReport } from './tps/deadlines';
import type { TpsText } from './tps/schema';

export const EVENT_KINDS = [
  'hearing-scheduled',
  'hearing-moved',
  'ij-decision-oral',
  'ij-decision-written',
  'bia-decision',
  'uscis-notice',
  'detained',
  'released',
  'last-arrival',
  'vd-granted',
  'tps-reregistration-opened',
  'filing-served',
  'address-changed',
  'final-order',
  'cfi-negative',
  'asylum-filed',
  'asylum-clock-stop',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventView extends Stamp {
  personId: string;
  caseId: string | null;
  kind: EventKind;
  date: string;
  details: Record<string, unknown>;
}

/** 'override-stale': the computed date moved after the override was entered; 'changed-after-done': it moved after the deadline was marked done. */
export type DeadlineViewFlag = 'closure' | 'over-max' | 'non-business-day' | 'override-stale' | 'changed-after-done';

export interface DeadlineView extends Stamp {
  personId: string;
  caseId: string | null;
  eventId: string | null;
  ruleId: string | null;
  source: 'rule' | 'manual' | 'tps';
  label: Localized;
  /** The effective date: the override when there is one, the computed date otherwise. */
  due: string;
  computedDue: string;
  ruleDue: string | null;
  closureDue: string | null;
  override: { due: string; reason: string; at: string; by: string; computedDueWhenSet: string; stale: boolean } | null;
  /** The computation step by step; an override adds its own lines at the end. */
  trail: { en: string[]; es: string[] };
  citation: string;
  note: Localized | null;
  verify: boolean;
  flags: DeadlineViewFlag[];
  status: 'open' | 'done';
  doneAt: string | null;
  doneBy: string | null;
  detained: boolean;
  assignee: string | null;
  caseType: string | null;
}

export interface EventResult {
  event: EventView;
  /** The deadlines that depend on the event after the change (for a linked hearing-moved: the hearing's). */
  deadlines: DeadlineView[];
  created: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  /** Rules the event could imply but that were not applied, with the reason. */
  skipped: Array<{ rule: string | null; reason: Localized }>;
  /** The case whose next hearing followed the hearing event in the same transaction, or null. */
  caseUpdated: string | null;
}

/** A docket row is a deadline to meet or a hearing to attend. */
export type DocketRowKind = 'deadline' | 'hearing';

/** What is known of a hearing (from its event and its case). */
export interface DocketHearing {
  hearingKind: 'master' | 'individual' | null;
  /** HH:MM, when the case gives the time for this date. */
  time: string | null;
  court: string | null;
  judge: string | null;
}

export interface DocketRow {
  /** A deadline's id, or for a hearing its event's id. */
  id: string;
  kind: DocketRowKind;
  personId: string;
  personName: string;
  detained: boolean;
  caseId: string | null;
  caseType: string | null;
  assignee: string | null;
  source: 'rule' | 'manual' | 'tps' | 'hearing';
  ruleId: string | null;
  label: Localized;
  /** The deadline's effective date, or the hearing's date. */
  due: string;
  computedDue: string;
  ruleDue: string | null;
  overridden: boolean;
  citation: string;
  verify: boolean;
  flags: DeadlineViewFlag[];
  /** Set on hearing rows only. */
  hearing: DocketHearing | null;
}

export const DOCKET_GROUP_KEYS = ['overdue', 'today', 'next7', 'next30', 'later'] as const;
export type DocketGroupKey = (typeof DOCKET_GROUP_KEYS)[number];

export interface DocketGroup {
  /** 'later': after 30 days, present when the range asked for goes further. */
  key: DocketGroupKey;
  /** Inclusive date range; `from` is null for overdue, `to` null for "later" over all open deadlines. */
  from: string | null;
  to: string | null;
  /** Deadlines and hearings in the range (hearings are never overdue). */
  total: number;
  /** Detained first, then by date; rows `offset` to `offset + limit` (see total). */
  offset: number;
  rows: DocketRow[];
}

export interface DocketView {
  today: string;
  /** The range asked for: days ahead of today, or null for every open deadline. */
  days: number | null;
  groups: DocketGroup[];
  /** Information, not work: TPS designations whose end date has passed (never counted as overdue). */
  notices: DocketRow[];
  /** Everyone with open work in the range, whatever the filters: the assignee filter's choices, sorted. */
  assignees: string[];
  /** Every facility someone is held at now (as entered), whatever the filters: the facility filter's choices, sorted. */
  facilities: string[];
}

export interface ReminderList {
  withinDays: number;
  /** Every item: due within the window plus overdue. */
  count: number;
  /** Due from today to today + withinDays (overdue ones are not in this number). */
  dueSoon: number;
  overdue: number;
  detained: number;
  /** No client names unless includeNames was asked for. */
  items: Array<{ id: string; personId: string; due: string; label: Localized; detained: boolean; overdue: boolean; personName?: string }>;
}

export interface TpsStatusView {
  asOf: string;
  ageDays: number;
  stale: boolean;
  source: 'shipped' | 'imported';
  importedAt: string | null;
  importedBy: string | null;
  /** The dataset's own description of its sources, in the languages the file gives. */
  sourceNote: TpsText;
  entries: TpsDeadlineReport[];
}

/** One person a TPS country affects (tps.affected): their dates, for the TPS page and a "TPS drive" batch fill. */
export interface TpsAffectedPerson {
  personId: string;
  givenName: string;
  familyName: string;
  detained: boolean;
  /** The record's TPS status as typed in intake (eligible, pending, granted, expired), or null. */
  tpsStatus: string | null;
  /** The person's open re-registration deadline (their override when one was set), or null when none is open. */
  reRegistrationDue: string | null;
  /** The work permit (EAD) expiry on the record, or null. */
  eadExpiry: string | null;
  /** Until when the country's automatic EAD extension runs (the dataset's date), or null. */
  eadAutoExtendedTo: string | null;
}

/** One TPS country of the active dataset with the people in the vault whose TPS country it is. */
export interface TpsAffectedCountry {
  country: string;
  name: Localized;
  status: string;
  reRegistration: { start: string; end: string } | null;
  eadAutoExtendedTo: string | null;
  endDate: string | null;
  /** Everyone it affects; `people` holds the first `limit` of them, by family name. */
  total: number;
  people: TpsAffectedPerson[];
  truncated: boolean;
}

export interface TpsAffectedView {
  asOf: string;
  countries: TpsAffectedCountry[];
}

export interface TpsDeadlineChange {
  country: string;
  kind: string;
  before: string | null;
  after: string | null;
}

export interface TpsImportPreview {
  asOf: string;
  currentAsOf: string;
  countries: number;
  peopleAffected: number;
  deadlinesChanged: number;
  people: Array<{ personId: string; changes: TpsDeadlineChange[] }>;
  truncated: boolean;
  /** Each distinct change (country, kind, before → after) with how many people it touches, most people first. */
  byChange: Array<TpsDeadlineChange & { people: number }>;
}

/** The dataset is stored; everyone's TPS deadlines follow it in the background job `jobId` (result: TpsReconcileResult). */
export interface TpsImportResult {
  asOf: string;
  jobId: string;
}

export interface IcsExport {
  fileName: string;
  ics: string;
  /** Events in the file: deadlines and hearings. */
  count: number;
  /** Of which hearings. */
  hearings: number;
}

// ---- PDF forms: templates, fills, batch jobs (issue 5; services in electron/core/forms/service) ----
import type { ErrorInfo } from './errors';
import type { ImportResult } from './contract';
import type { FieldMap, MapProblem, Transform } from './forms/map-schema';
import type { EditionReport, FieldInfo, FieldType, FillWarning, OverflowItem } from './forms/types';
import type { AttorneyInput } from './forms/adapter';

/** How an imported blank compares with the field maps Amparo ships. */
export interface TemplateMatch {
  form: string;
  edition: string;
  title?: string;
  /** The blank is byte for byte the edition the map was written for (sha256). */
  exact: boolean;
  /** Mapped fields the blank lacks. */
  missing: string[];
  /** Fields of the blank the map's edition did not have. */
  added: string[];
}

export interface TemplateSummary extends Stamp {
  name: string;
  /** 'g-28', 'i-589', … or 'custom'. */
  form: string;
  edition: string | null;
  fileName: string | null;
  /** sha256 of the file as downloaded (before decryption). */
  blankSha256: string;
  pageCount: number;
  fieldCount: number;
  /** 'ready': the map is known to fit this blank; 'draft': it needs review (or a map). */
  status: 'draft' | 'ready';
  mapped: boolean;
  match: TemplateMatch | null;
}

export interface TemplateView extends TemplateSummary {
  fields: FieldInfo[];
  map: FieldMap | null;
  /** Mapped fields missing from this blank or of a type the entry cannot fill. */
  problems: MapProblem[];
}

export interface ImportedBlank extends TemplateView {
  blankId: string;
  /** The same file (sha256) was imported before: that template is returned, nothing is stored twice. */
  alreadyImported: boolean;
}

/**
 * A filled PDF handed to the UI, which saves it where the user chooses. It is
 * not in the case history yet: the UI calls forms.recordDelivery with `token`
 * once the file is saved, so a cancelled save dialog leaves no history row.
 */
export interface FilledPdf {
  /** Names this fill for forms.recordDelivery; valid until the vault locks. */
  token: string;
  /** Suggested name for the save dialog (no path separators). */
  fileName: string;
  /** The PDF itself, as bytes (structured clone over IPC; `{"$bytes": base64}` over the JSON harness). */
  pdf: Uint8Array;
  sha256: string;
  pageCount: number;
  /** Fields that received a value. */
  filled: number;
  overflow: OverflowItem[];
  warnings: FillWarning[];
  edition: EditionReport | null;
}

export interface FormFillView {
  id: string;
  personId: string;
  templateId: string | null;
  caseId: string | null;
  kind: 'fill' | 'test' | 'summary';
  form: string;
  edition: string | null;
  blankSha256: string | null;
  outputSha256: string;
  pageCount: number | null;
  flattened: boolean;
  editionMismatch: boolean;
  overflowCount: number;
  warningCount: number;
  filledAt: string;
  filledBy: string;
}

export interface SourcePath {
  /** Dotted FormView path, e.g. 'person.address.city' or 'history.entries.0.date'. */
  path: string;
  label: { en: string; es: string };
  /** 'object': a whole name or address holder (for the name-* transforms). */
  kind: 'text' | 'date' | 'boolean' | 'choice' | 'list' | 'object';
  /** The values a 'choice' may take, for checkbox-if `equals`. */
  values?: string[];
}

export interface TransformInfo {
  id: Transform;
  label: { en: string; es: string };
  /** PDF field types the transform can fill. */
  fieldTypes: FieldType[];
  /** What the entry needs besides the transform. */
  takes: 'source' | 'object' | 'condition' | 'value';
}

export interface FormSources {
  paths: SourcePath[];
  transforms: TransformInfo[];
}

export interface AttorneySettings {
  /** As the clinic typed it (trimmed, NFC); fills normalise it (phones to digits, U.S. country left out). */
  attorney: AttorneyInput | null;
  version: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface BatchItem {
  index: number;
  personId: string;
  /** The template this item filled (a batch may fill more than one per person). */
  templateId?: string;
  ok: boolean;
  fileName?: string;
  sha256?: string;
  pageCount?: number;
  overflowCount?: number;
  warningCount?: number;
  /** Why this person's form was not produced (the batch goes on with the next). */
  error?: ErrorInfo;
}

/** Every kind of long work the core runs through its one job runner (electron/core/jobs). */
export type JobKind =
  | 'forms.batch'
  | 'import.commit'
  | 'tps.reconcile'
  | 'backup.create'
  | 'backup.verify'
  | 'backup.restore'
  | 'reports.summaries'
  | 'exchange.import';
export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

/** What a start operation (forms.batchStart, import.commit, tps.applyImport) hands back. */
export interface JobStarted {
  jobId: string;
  kind: JobKind;
  /** Units of work known at the start (people in a batch); 0 when the job finds out as it goes. */
  total: number;
}

export interface JobStatus {
  jobId: string;
  kind: JobKind;
  state: JobState;
  /** What the job is doing now: 'fill' (forms), 'check', 'duplicates', 'write' (CSV), 'reconcile' (TPS), 'done'. */
  phase: string;
  /** Units of the current phase finished (people, rows); 0 <= done <= total. */
  done: number;
  total: number;
  /** 0..1 over the whole job, every phase counted; never goes down; 1 when done. */
  progress: number;
  /** Why the whole job stopped early ('failed'). */
  error?: ErrorInfo;
  /** forms.batch: one per finished person, in order; the PDFs themselves come from jobs.result. Empty for other kinds. */
  results: BatchItem[];
}

export interface BatchPdfResult {
  kind: 'forms.batch';
  index: number;
  personId: string;
  /** For forms.recordDelivery once this PDF is saved. */
  token: string;
  fileName: string;
  pdf: Uint8Array;
  sha256: string;
}

export interface TpsReconcileResult {
  /** The dataset's as-of date the deadlines now follow. */
  asOf: string;
  peopleAffected: number;
  created: number;
  updated: number;
  removed: number;
}

/** jobs.result: a batch's PDF by index, or a finished job's value. */
export type JobResult =
  | BatchPdfResult
  | { kind: 'import.commit'; result: ImportResult }
  | { kind: 'exchange.import'; result: ExchangeImportView }
  | { kind: 'tps.reconcile'; result: TpsReconcileResult }
  | { kind: 'backup.create'; result: BackupWritten }
  | { kind: 'backup.verify'; result: BackupVerifyReport }
  | { kind: 'backup.restore'; result: BackupRestored }
  | SummaryBatchResult;

// ---- Backups (issue 11; electron/core/backup) ----

/** Which part of a backup file failed its check (BACKUP_DAMAGED details.part). */
export type BackupDamagePart = 'not-a-backup' | 'truncated' | 'header' | 'keyslots' | 'payload' | 'integrity' | 'contents';

export interface BackupKeep {
  daily: number;
  weekly: number;
  monthly: number;
}

export interface BackupSettings {
  /** Absolute path of the folder automatic backups go to (a USB stick, a share); null = no automatic backups. */
  folder: string | null;
  /** At most one automatic backup per this many hours (besides the ones at lock and quit). */
  intervalHours: number;
  keep: BackupKeep;
}

/** Why the last automatic backup did not happen, said at the next unlock. */
export interface BackupProblem {
  code: string;
  at: string;
  /** 'lock' (at lock or quit), 'interval', 'manual'. */
  when: 'lock' | 'interval' | 'manual';
}

export interface BackupWritten {
  /** Absolute path of the file written (verified before it got its final name). */
  file: string;
  createdAt: string;
  size: number;
  /** Backups the rotation removed from the folder. */
  removed: number;
}

export interface BackupStatus {
  settings: BackupSettings;
  /** The newest backup written and verified by this vault. */
  last: { file: string; at: string; size: number } | null;
  /** True when there is no verified backup newer than the interval plus one day (or none at all, with a folder set). */
  stale: boolean;
  problem: BackupProblem | null;
}

export interface BackupFileView {
  file: string;
  vaultId: string | null;
  createdAt: string | null;
  size: number;
  /** 'verified': written and verified by Amparo; 'failed': failed its verification; 'damaged': its structure or header is broken now. */
  status: 'verified' | 'failed' | 'damaged';
  /** backup.list: whether it is a backup of the open vault. */
  mine?: boolean;
}

export interface BackupCheck {
  check: 'structure' | 'header' | 'keyslots' | 'payload' | 'key' | 'integrity' | 'contents';
  ok: boolean;
}

export interface BackupVerifyReport {
  ok: boolean;
  vaultId: string | null;
  createdAt: string | null;
  schemaVersion: number | null;
  checks: BackupCheck[];
  /** What failed, when something did. */
  failed?: { part: BackupDamagePart; message: string };
}

/** A backup.restore job's result. */
export interface BackupRestored {
  /** 'new': the vault is in place at `dbPath`. 'replace': verified and ready; backup.replaceVault puts it in place. */
  target: 'new' | 'replace';
  dbPath: string;
  /** When the backup was made. */
  createdAt: string;
  /** The backup's schema version, and the one the restored vault has (an older backup is migrated). */
  from: number;
  to: number;
}

/** backup.replaceVault: the restored vault is in place and the app is locked; the vault that was there is set aside, unchanged. */
export interface BackupReplaced {
  dbPath: string;
  setAside: string | null;
}

// ---- Reports (issue 13; electron/core/reports) ----

/** How the UI labels a row key: a code with a message (case type, status), a date, or text as stored (a facility, a country). */
export type ReportKeyKind = 'caseType' | 'caseStatus' | 'bucket' | 'week' | 'text' | 'training' | 'tpsWindow' | 'outcome' | 'code';

/** One chart's numbers: a row per key, a value per series (stacked bars), in the order the chart draws them. */
export interface ChartTable {
  id: CaseloadTableId;
  keyKind: ReportKeyKind;
  series: string[];
  rows: Array<{ key: string; values: number[] }>;
}

export const CASELOAD_TABLE_IDS = [
  'openCasesByType',
  'openCasesByAssignee',
  'detainedByFacility',
  'daysInDetention',
  'hearings',
  'deadlines',
  'intakesPerWeek',
  'intakesPerTraining',
  'tpsByCountry',
  'tpsWindows',
] as const;
export type CaseloadTableId = (typeof CASELOAD_TABLE_IDS)[number];

export interface CaseloadView {
  today: string;
  tables: ChartTable[];
}

/** A count in a statistics report: a number, or hidden. `small` is true for a count under the threshold, false for one hidden only so that a small one cannot be worked out. */
export type StatCell = number | { suppressed: true; small: boolean };

export const STATS_TABLE_IDS = [
  'caseType',
  'problemCode',
  'closureCategory',
  'outcome',
  'caseTypeByClosure',
  'countryOfBirth',
  'language',
  'county',
  'detained',
  'newOrReturning',
] as const;
export type StatsTableId = (typeof STATS_TABLE_IDS)[number];

export interface StatsTable {
  id: StatsTableId;
  /** How to label the row keys; `columnKind` the column keys of a two-way table. */
  keyKind: ReportKeyKind;
  columnKind: ReportKeyKind | null;
  /** Column keys; a one-way table has one column, 'count'. */
  columns: string[];
  rows: Array<{ key: string; cells: StatCell[]; total: StatCell }>;
  columnTotals: StatCell[];
  total: StatCell;
}

export interface StatsView {
  from: string;
  to: string;
  minCell: number;
  /** Cases closed in the range; people with an intake or a case closed in it. */
  tables: StatsTable[];
}

export interface ReportCode {
  funder: string;
  list: 'closure' | 'problem';
  code: string;
  label: { en: string; es: string };
  /** Shipped with the app (read-only) or added by the clinic. */
  shipped: boolean;
  verify: boolean;
}

export interface ReportCodes {
  /** The CSR Handbook edition the shipped LSC lists follow. */
  edition: string;
  source: string;
  codes: ReportCode[];
}

export interface CaseClosingView {
  caseId: string;
  closedOn: string;
  outcome: string;
  closureCategory: string | null;
  problemCode: string | null;
  funderCodes: Record<string, string>;
  recordedAt: string;
  recordedBy: string;
}

export interface TrainingView {
  id: string;
  date: string;
  place: string;
  organizer: string | null;
  intakes: number;
}

export const EXPORT_KINDS = ['people', 'cases', 'deadlines', 'events', 'fills'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportColumn {
  id: string;
  /** True when the column identifies a person (a name, an A-number, a phone): the UI warns before saving. */
  identifying: boolean;
}

export interface ExportFile {
  fileName: string;
  /** CSV text (UTF-8 with BOM) or an XLSX workbook's bytes. */
  csv?: string;
  xlsx?: Uint8Array;
  counts: Partial<Record<ExportKind, number>>;
  /** Some chosen column names a person. */
  identifying: boolean;
}

export interface SummaryBatchResult {
  kind: 'reports.summaries';
  index: number;
  personId: string | null;
  token: string;
  fileName: string;
  pdf: Uint8Array;
  sha256: string;
}

/** How a case ended, for the closing record and the outcome counts (labels in shared/i18n, reports.outcome.*). */
export const CASE_OUTCOMES = [
  'relief-granted',
  'relief-denied',
  'proceedings-terminated',
  'case-dismissed',
  'administratively-closed',
  'voluntary-departure',
  'removal-ordered',
  'bond-granted',
  'bond-denied',
  'application-filed',
  'advice-only',
  'referred-out',
  'client-withdrew',
  'lost-contact',
  'other',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

// ---- Audit trail (issue 10) ----
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  /** Counts, ids and changed field names; never client text. */
  detail: Record<string, unknown> | null;
  /** audit.history only: the changed person fields whose earlier value can be put back (audit.restoreField). */
  restorable?: Array<{ field: string; historyId: number }>;
}

export interface AuditPage {
  total: number;
  rows: AuditEntryView[];
}

export type AuditBreak = 'hash' | 'link' | 'missing' | 'truncated';

export interface AuditVerifyView {
  ok: boolean;
  entries: number;
  /** The first entry where the chain does not hold. */
  firstBroken?: { seq: number | null; id: string | null; reason: AuditBreak };
}
