/**
 * The docket: open deadlines and scheduled hearings from overdue up to the
 * range asked for (30 days by default; 90, 365 or every open one), grouped
 * overdue / today / next 7 days / next 30 days / later; within a group
 * detained people first, then by date. Each group is paged (offset, limit):
 * per group one count and two ordered, limited range scans (detained, not
 * detained) of the covering partial index on open deadlines' due dates, so a
 * page costs the same with a thousand or a million deadlines in the range.
 * Hearings come from their copy kept by triggers (migration 0022), paged the
 * same way, and are never overdue: a hearing that has passed is history. A
 * TPS designation whose end date has passed is a notice, not an overdue
 * deadline.
 */
import { addDays } from '../../../shared/deadlines';
import type { Localized } from '../../../shared/deadlines';
import type { DocketGroup, DocketGroupKey, DocketRow, DocketView, ReminderList } from '../../../shared/views';
import type { Ctx } from '../context';
import { sql, sqlArrays } from '../db/statements';
import { parseFlags, personName } from './rows';
import { hearingLabel } from './hearings';
import { foldForSearch } from '../../../shared/intake/normalize';
import { facilityNamed } from '../../../shared/facilities';
import { activeFacilities } from '../detention/facilities';

/**
 * A docket deadline as SQLite answers it: the columns of COLS, in that order.
 * Arrays, not objects (sqlArrays): a page reads thousands of these, and naming
 * each row's seventeen keys cost the driver as much as reading the rows.
 */
type Row = [
  id: string,
  personId: string,
  personName: string,
  detained: number,
  assignee: string | null,
  caseType: string | null,
  caseId: string | null,
  ruleId: string | null,
  source: DocketRow['source'],
  label: string,
  due: string,
  computedDue: string,
  ruleDue: string | null,
  overrideDue: string | null,
  citation: string,
  verify: number,
  flags: string,
];
const ID = 0;
const DETAINED = 3;
const LABEL = 9;

export interface DocketQuery {
  assignee?: string | undefined;
  caseType?: string | undefined;
  today?: string | undefined;
  /** Days after today; null: every open deadline. Default 30. */
  days?: number | null | undefined;
  limit: number;
  offset?: number | undefined;
  /** Only this group (paging one group further). */
  group?: DocketGroupKey | undefined;
  /** Tests only: the size up to which a group is read in one scan (default: the page's offset + limit). */
  oneScan?: number | undefined;
  /** People held now at this facility (issue 14 §3). */
  facility?: string | undefined;
  /** People held in this ICE field office's area (a listed facility of it, or the field office entered). */
  fieldOffice?: string | undefined;
}

// The columns of Row, in its order.
const COLS = `id, person_id, person_name, detained, assignee, case_type, case_id, rule_id, source, label,
         due, computed_due, rule_due, override_due, citation, verify, flags`;

// Every column read is in the covering partial index deadlines_docket, in its order (due, id);
// `status = 'open'` is written literally so SQLite can use that index.
const DOCKET_SQL = (filters: string) => `
  SELECT ${COLS}
  FROM deadlines
  WHERE status = 'open' AND due <= @end${filters}
  ORDER BY due, id`;

/**
 * Row to view, one docket call's worth. A rule's label is the same JSON text on
 * every deadline of that rule, so it is parsed once per call, not once per row
 * (a thousand-row page holds a handful of distinct labels).
 */
function rowReader(): (r: Row) => DocketRow {
  const labels = new Map<string, Localized>();
  const labelOf = (text: string) => {
    let l = labels.get(text);
    if (!l) labels.set(text, (l = JSON.parse(text) as Localized));
    return l;
  };
  return (r) => toRow(r, labelOf(r[LABEL]));
}

function toRow(r: Row, label: Localized): DocketRow {
  const [
    id,
    personId,
    personName,
    detained,
    assignee,
    caseType,
    caseId,
    ruleId,
    source,
    ,
    due,
    computedDue,
    ruleDue,
    overrideDue,
    citation,
    verify,
    flags,
  ] = r;
  return {
    id,
    kind: 'deadline',
    personId,
    personName,
    detained: detained === 1,
    caseId,
    caseType,
    assignee,
    source,
    ruleId,
    label,
    due,
    computedDue,
    ruleDue,
    overridden: overrideDue !== null,
    citation,
    verify: verify === 1,
    flags: parseFlags(flags),
    hearing: null,
  };
}

interface Span {
  key: DocketGroupKey;
  from: string | null;
  to: string | null;
}

/** The groups a range covers, each clipped to the range's end (none: every open deadline). */
export function docketSpans(today: string, days: number | null): Span[] {
  const end = days === null ? null : addDays(today, days);
  const spans: Span[] = [
    { key: 'overdue', from: null, to: addDays(today, -1) },
    { key: 'today', from: today, to: today },
    { key: 'next7', from: addDays(today, 1), to: addDays(today, 7) },
    { key: 'next30', from: addDays(today, 8), to: addDays(today, 30) },
    { key: 'later', from: addDays(today, 31), to: null },
  ];
  return spans
    .filter((s) => end === null || s.from === null || s.from <= end)
    .map((s) => ({ ...s, to: end === null ? s.to : s.to === null || s.to > end ? end : s.to }));
}

interface Filters {
  assignee?: string | undefined;
  caseType?: string | undefined;
  /** Only these people (the facility and field-office filters, resolved to the people held there). */
  people?: string[] | undefined;
}

/** The WHERE clause of one group's deadlines; `status = 'open'` literally, for the partial index. */
function rangeWhere(span: Span, f: Filters, excluded: boolean): string {
  let w = "status = 'open'";
  if (span.from !== null) w += ' AND due >= @from';
  if (span.to !== null) w += ' AND due <= @to';
  if (f.assignee !== undefined) w += ' AND assignee = @assignee';
  if (f.caseType !== undefined) w += ' AND case_type = @caseType';
  if (f.people !== undefined) w += ' AND person_id IN (SELECT value FROM json_each(@people))';
  if (excluded) w += ' AND id NOT IN (SELECT value FROM json_each(@excluded))';
  return w;
}

/** Deadline rows first in date order, then hearings of the same date, then by id. */
const byDate = (a: DocketRow, b: DocketRow) =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind !== b.kind ? (a.kind === 'hearing' ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A group's deadlines: its total and, detained and not, the rows its page can
 * show. Counted first from the covering index (no row leaves SQLite); a group
 * of at most `oneScan` rows (by default all of it fits the page) is then read
 * in one scan and split in memory, a bigger one as two limited scans: the
 * first `want` detained rows (from their own index, deadlines_docket_detained),
 * and only as many others as the page has room for after every detained row
 * of the group (deadlines and `detainedHearings`),
 * since detained rows come first. So a page reads about the rows it shows,
 * however many the range holds (3 480 in the 30-day group of the million-deadline bench).
 */
function deadlineStreams(
  ctx: Ctx,
  where: string,
  params: Record<string, unknown>,
  want: number,
  oneScan: number,
  detainedHearings: number,
) {
  const select = (index: string, extra: string, n: number) =>
    n <= 0
      ? []
      : (sqlArrays(ctx.db, `SELECT ${COLS} FROM deadlines INDEXED BY ${index} WHERE ${where}${extra} ORDER BY due, id LIMIT @n`).all({
          ...params,
          n,
        }) as Row[]);
  const count = (index: string, extra: string) =>
    (sql(ctx.db, `SELECT count(*) AS n FROM deadlines INDEXED BY ${index} WHERE ${where}${extra}`).get(params) as { n: number }).n;
  const total = count('deadlines_docket', '');
  if (total <= oneScan) {
    const all = select('deadlines_docket', '', total);
    const detained = all.filter((r) => r[DETAINED] === 1);
    return { total, detainedTotal: detained.length, detained, free: all.filter((r) => r[DETAINED] !== 1) };
  }
  // Detained rows from their own index (migration 0020), the others from the docket's, skipping the detained.
  const detained = count('deadlines_docket_detained', ' AND detained = 1');
  return {
    total,
    detainedTotal: detained,
    detained: detained > 0 ? select('deadlines_docket_detained', ' AND detained = 1', want) : [],
    free: total > detained ? select('deadlines_docket', ' AND detained = 0', want - detained - detainedHearings) : [],
  };
}

interface Page {
  offset: number;
  limit: number;
  /** Tests only (DocketQuery.oneScan); by default offset + limit. */
  oneScan?: number | undefined;
}

/** A hearing of the docket's copy (migration 0022), as SQLite answers it: the columns of HEARING_COLS, in that order. */
type HearingTuple = [
  id: string,
  personId: string,
  caseId: string | null,
  date: string,
  hearingKind: 'master' | 'individual' | null,
  givenName: string,
  familyName: string,
  detained: number,
  assignee: string | null,
  caseType: string | null,
  court: string | null,
  judge: string | null,
  time: string | null,
];
const HEARING_COLS =
  'id, person_id, case_id, date, hearing_kind, given_name, family_name, detained, assignee, case_type, court, judge, time';

function hearingRow([
  id,
  personId,
  caseId,
  date,
  hearingKind,
  given,
  family,
  detained,
  assignee,
  caseType,
  court,
  judge,
  time,
]: HearingTuple): DocketRow {
  const hearing = { hearingKind, time, court, judge };
  return {
    id,
    kind: 'hearing',
    personId,
    personName: personName(given, family),
    detained: detained === 1,
    caseId,
    caseType,
    assignee,
    source: 'hearing',
    ruleId: null,
    label: hearingLabel(hearing),
    due: date,
    computedDue: date,
    ruleDue: null,
    overridden: false,
    citation: '',
    verify: false,
    flags: [],
    hearing,
  };
}

/**
 * A group's hearings, from the docket's copy of them (migration 0022), whose
 * index holds them in the docket's order, detained first, with every filter's
 * column: each stream is counted and then read up to the rows the page can
 * show, as deadlines are. Hearings are never overdue: from today on.
 */
function hearingStreams(ctx: Ctx, span: Span, today: string, f: Filters) {
  const from = span.from === null || span.from < today ? today : span.from;
  if (span.to !== null && span.to < from) return null;
  let where = 'date >= @from';
  if (span.to !== null) where += ' AND date <= @to';
  if (f.assignee !== undefined) where += ' AND assignee = @assignee';
  if (f.caseType !== undefined) where += ' AND case_type = @caseType';
  if (f.people !== undefined) where += ' AND person_id IN (SELECT value FROM json_each(@people))';
  const params = { from, to: span.to, assignee: f.assignee, caseType: f.caseType, people: JSON.stringify(f.people ?? []) };
  const count = (detained: 0 | 1) =>
    (
      sql(
        ctx.db,
        `SELECT count(*) AS n FROM docket_hearings INDEXED BY docket_hearings_order WHERE detained = ${detained} AND ${where}`,
      ).get(params) as { n: number }
    ).n;
  const counts = { detained: count(1), free: count(0) };
  const rows = (detained: 0 | 1, n: number) =>
    n <= 0 || counts[detained === 1 ? 'detained' : 'free'] === 0
      ? []
      : (sqlArrays(
          ctx.db,
          `SELECT ${HEARING_COLS} FROM docket_hearings INDEXED BY docket_hearings_order
             WHERE detained = ${detained} AND ${where} ORDER BY date, id LIMIT @n`,
        ).all({ ...params, n }) as HearingTuple[]);
  return { counts, rows };
}

function pageOf(
  ctx: Ctx,
  span: Span,
  today: string,
  f: Filters,
  excluded: string[],
  { offset, limit, oneScan }: Page,
  read: (r: Row) => DocketRow,
): DocketGroup {
  const where = rangeWhere(span, f, excluded.length > 0);
  const params = {
    from: span.from,
    to: span.to,
    assignee: f.assignee,
    caseType: f.caseType,
    people: JSON.stringify(f.people ?? []),
    excluded: JSON.stringify(excluded),
  };
  // Any row of the page is among the first offset + limit of its own stream (detained or not, deadline or hearing).
  const want = offset + limit;
  const h = hearingStreams(ctx, span, today, f);
  const detainedHearings = h?.counts.detained ?? 0;
  const d = deadlineStreams(ctx, where, params, want, oneScan ?? want, detainedHearings);
  // Every detained row of the group comes before any other: the others fill what room is left.
  const room = want - d.detainedTotal - detainedHearings;
  const detained = [...d.detained.map(read), ...(h?.rows(1, want) ?? []).map(hearingRow)].sort(byDate);
  const free = [...d.free.map(read), ...(h?.rows(0, room) ?? []).map(hearingRow)].sort(byDate);
  return {
    key: span.key,
    from: span.from,
    to: span.to,
    total: d.total + detainedHearings + (h?.counts.free ?? 0),
    offset,
    rows: [...detained, ...free].slice(offset, want),
  };
}

/** Open TPS "designation ends" deadlines whose date has passed: shown as notices, never as overdue. */
function endedDesignations(ctx: Ctx, today: string, f: Filters): Row[] {
  let where = `status = 'open' AND due < @today AND source = 'tps' AND tps_ref LIKE '%:designation-end'`;
  if (f.assignee !== undefined) where += ' AND assignee = @assignee';
  if (f.caseType !== undefined) where += ' AND case_type = @caseType';
  if (f.people !== undefined) where += ' AND person_id IN (SELECT value FROM json_each(@people))';
  return sqlArrays(ctx.db, `SELECT ${COLS} FROM deadlines INDEXED BY deadlines_docket WHERE ${where} ORDER BY detained DESC, due, id`).all({
    today,
    assignee: f.assignee,
    caseType: f.caseType,
    people: JSON.stringify(f.people ?? []),
  }) as Row[];
}

/**
 * Everyone with open work on the docket in the range asked for, whatever the
 * assignee and case-type filters: the choices of the assignee filter, so
 * choosing one name does not hide the others. A skip scan of the assignee
 * index (migration 0019): from each name straight to the next, and one probe
 * per name for open work due by the range's end.
 */
function docketAssignees(ctx: Ctx, today: string, end: string | null): string[] {
  const rows = sql(
    ctx.db,
    `WITH RECURSIVE named(assignee) AS (
       SELECT min(assignee) FROM deadlines INDEXED BY deadlines_open_assignee WHERE status = 'open' AND assignee IS NOT NULL
       UNION ALL
       SELECT (SELECT min(d.assignee) FROM deadlines d INDEXED BY deadlines_open_assignee
               WHERE d.status = 'open' AND d.assignee IS NOT NULL AND d.assignee > named.assignee)
       FROM named WHERE named.assignee IS NOT NULL)
     SELECT assignee FROM named WHERE assignee IS NOT NULL${
       end === null
         ? ''
         : ` AND EXISTS (SELECT 1 FROM deadlines d INDEXED BY deadlines_open_assignee
                        WHERE d.status = 'open' AND d.assignee IS NOT NULL AND d.assignee = named.assignee AND d.due <= @end)`
     }
     UNION
     -- The hearings' from their copy's index alone (migration 0022): the range's entries, no row read.
     SELECT DISTINCT assignee FROM docket_hearings INDEXED BY docket_hearings_order
       WHERE detained IN (0, 1) AND date >= @today${end === null ? '' : ' AND date <= @end'} AND assignee IS NOT NULL AND assignee <> ''`,
  ).all({ today, end }) as Array<{ assignee: string }>;
  return rows.map((r) => r.assignee).sort((a, b) => a.localeCompare(b));
}

/**
 * The facilities where someone is held now, as entered on the person: the
 * facility filter's choices. Not the whole facility list, which has hundreds
 * of entries where nobody on the docket is held. Spellings that fold to the
 * same name (the filter folds them too) are offered once.
 */
function heldAtFacilities(ctx: Ctx): string[] {
  // A skip scan of people_report_detained, from one facility straight to the next: a DISTINCT
  // walked every detained person's entry and read each one's row (142 858 at a million people).
  const rows = sql(
    ctx.db,
    `WITH RECURSIVE held(facility) AS (
       SELECT min(facility) FROM people INDEXED BY people_report_detained
       WHERE merged_into IS NULL AND detained = 1 AND facility IS NOT NULL
       UNION ALL
       SELECT (SELECT min(p.facility) FROM people p INDEXED BY people_report_detained
               WHERE p.merged_into IS NULL AND p.detained = 1 AND p.facility > held.facility)
       FROM held WHERE held.facility IS NOT NULL)
     SELECT facility FROM held WHERE facility IS NOT NULL`,
  ).all() as Array<{ facility: string }>;
  const byFolded = new Map<string, string>();
  for (const r of rows) if (!byFolded.has(foldForSearch(r.facility))) byFolded.set(foldForSearch(r.facility), r.facility);
  return [...byFolded.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The people the facility and field-office filters keep: held now at that
 * facility (its name as stored on the person), or at any listed facility of
 * that field office, or with that field office entered. Undefined: no such filter.
 */
function heldPeople(ctx: Ctx, q: DocketQuery): string[] | undefined {
  if (q.facility === undefined && q.fieldOffice === undefined) return undefined;
  const list = activeFacilities(ctx).dataset.facilities;
  const namesOf = (fs: typeof list) => fs.flatMap((f) => [f.name, ...f.aliases]).map(foldForSearch);
  // A listed facility is found under any of its names; a typed one under what was typed.
  const facility =
    q.facility === undefined
      ? null
      : new Set([foldForSearch(q.facility), ...namesOf(list.filter((f) => f.id === facilityNamed(list, q.facility!)?.id))]);
  const office = q.fieldOffice === undefined ? null : new Set(namesOf(list.filter((f) => f.fieldOffice === q.fieldOffice)));
  const rows = sql(
    ctx.db,
    `SELECT id, facility, json_extract(data, '$.detention.iceFieldOffice') AS office FROM people
       WHERE merged_into IS NULL AND detained = 1 AND facility IS NOT NULL`,
  ).all() as Array<{ id: string; facility: string; office: string | null }>;
  return rows
    .filter((r) => {
      const here = foldForSearch(r.facility);
      if (facility && !facility.has(here)) return false;
      return !office || office.has(here) || r.office === q.fieldOffice;
    })
    .map((r) => r.id);
}

export function docket(ctx: Ctx, q: DocketQuery): DocketView {
  const today = q.today ?? ctx.today();
  const days = q.days === undefined ? 30 : q.days;
  const people = heldPeople(ctx, q);
  const f: Filters = { assignee: q.assignee, caseType: q.caseType, people };
  const spans = docketSpans(today, days).filter((s) => q.group === undefined || s.key === q.group);
  const ended = endedDesignations(ctx, today, f);
  const excluded = ended.map((r) => r[ID]);
  const read = rowReader();
  const page: Page = { offset: q.offset ?? 0, limit: q.limit, oneScan: q.oneScan };
  const groups = spans.map((s) => pageOf(ctx, s, today, f, s.key === 'overdue' ? excluded : [], page, read));
  const end = days === null ? null : addDays(today, days);
  return {
    today,
    days,
    groups,
    notices: ended.map(read),
    assignees: docketAssignees(ctx, today, end),
    facilities: heldAtFacilities(ctx),
  };
}

/**
 * What a desktop notification or banner needs: counts, and the items without
 * client names unless the caller asks for them. Overdue items are counted
 * apart from those due within the window, and an ended TPS designation is
 * neither (it is a notice on the docket).
 */
export function remindersDue(ctx: Ctx, withinDays: number, includeNames: boolean, today = ctx.today()): ReminderList {
  const end = addDays(today, withinDays);
  const ended = new Set(endedDesignations(ctx, today, {}).map((r) => r[ID]));
  const rows = (sqlArrays(ctx.db, DOCKET_SQL('')).all({ end }) as Row[]).filter((r) => !ended.has(r[ID]));
  const items = rows.map(([id, personId, personName, detained, , , , , , label, due]) => ({
    id,
    personId,
    due,
    label: JSON.parse(label) as Localized,
    detained: detained === 1,
    overdue: due < today,
    ...(includeNames ? { personName } : {}),
  }));
  items.sort((a, b) => Number(b.detained) - Number(a.detained) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return {
    withinDays,
    count: items.length,
    dueSoon: items.filter((i) => !i.overdue).length,
    overdue: items.filter((i) => i.overdue).length,
    detained: items.filter((i) => i.detained).length,
    items,
  };
}
