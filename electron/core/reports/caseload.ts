/**
 * The caseload dashboard's numbers: counts only, each from one grouped query
 * that an index answers (migrations 0006 and 0010), so the page costs the same at 100
 * people as at 100 000 (see `npm run bench -- reports`). Keys are codes or
 * stored text; the UI labels them.
 */
import { addDays, daysBetween, toDayNumber, fromDayNumber } from '../../../shared/deadlines/dates';
import { CASE_STATUSES, CASE_TYPES } from '../../../shared/schemas/intake';
import type { CaseloadView, ChartTable } from '../../../shared/views';
import type { Ctx } from '../context';

type Count = { k: string | null; n: number };

/** Open and pending cases by type (series: the two statuses). */
function openCasesByType(ctx: Ctx): ChartTable {
  const rows = ctx.db
    .prepare(`SELECT type AS t, status AS s, count(*) AS n FROM cases WHERE status IN ('open', 'pending') GROUP BY status, type`)
    .all() as Array<{ t: string; s: string; n: number }>;
  const series = CASE_STATUSES.filter((s) => s !== 'closed');
  const types = [
    ...CASE_TYPES.filter((t) => rows.some((r) => r.t === t)),
    ...new Set(rows.map((r) => r.t).filter((t) => !CASE_TYPES.includes(t as never))),
  ];
  return {
    id: 'openCasesByType',
    keyKind: 'caseType',
    series: [...series],
    rows: types.map((t) => ({ key: t, values: series.map((s) => rows.find((r) => r.t === t && r.s === s)?.n ?? 0) })),
  };
}

function single(id: ChartTable['id'], keyKind: ChartTable['keyKind'], series: string, rows: Count[]): ChartTable {
  return { id, keyKind, series: [series], rows: rows.map((r) => ({ key: r.k ?? '', values: [r.n] })) };
}

const byCountDesc = (a: Count, b: Count) => b.n - a.n || (a.k ?? '').localeCompare(b.k ?? '');

function openCasesByAssignee(ctx: Ctx): ChartTable {
  const rows = ctx.db
    .prepare(`SELECT assigned_to AS k, count(*) AS n FROM cases WHERE status IN ('open', 'pending') GROUP BY assigned_to`)
    .all() as Count[];
  return single('openCasesByAssignee', 'text', 'cases', rows.sort(byCountDesc));
}

function detainedByFacility(ctx: Ctx): ChartTable {
  const rows = ctx.db
    .prepare(`SELECT facility AS k, count(*) AS n FROM people WHERE merged_into IS NULL AND detained = 1 GROUP BY facility`)
    .all() as Count[];
  return single('detainedByFacility', 'text', 'people', rows.sort(byCountDesc));
}

export const DETENTION_BUCKETS = ['0-30', '31-90', '91-180', '181-365', '366+', 'unknown'] as const;

function bucketOf(days: number | null): (typeof DETENTION_BUCKETS)[number] {
  if (days === null || days < 0) return 'unknown';
  if (days <= 30) return '0-30';
  if (days <= 90) return '31-90';
  if (days <= 180) return '91-180';
  if (days <= 365) return '181-365';
  return '366+';
}

function daysInDetention(ctx: Ctx, today: string): ChartTable {
  const rows = ctx.db
    .prepare(
      `SELECT json_extract(data, '$.detention.dateDetained') AS k, count(*) AS n FROM people
       WHERE merged_into IS NULL AND detained = 1 GROUP BY json_extract(data, '$.detention.dateDetained')`,
    )
    .all() as Count[];
  const counts = new Map<string, number>(DETENTION_BUCKETS.map((b) => [b, 0]));
  for (const r of rows) {
    const b = bucketOf(r.k && /^\d{4}-\d{2}-\d{2}$/.test(r.k) ? daysBetween(r.k, today) : null);
    counts.set(b, counts.get(b)! + r.n);
  }
  return {
    id: 'daysInDetention',
    keyKind: 'bucket',
    series: ['people'],
    rows: DETENTION_BUCKETS.map((b) => ({ key: b, values: [counts.get(b)!] })),
  };
}

export const HEARING_WINDOWS = [7, 30, 90] as const;
export const HEARING_SERIES = ['individual-detained', 'master-detained', 'individual', 'master', 'other'] as const;

/** Hearings of open cases from today through 7, 30 and 90 days ahead (each window includes the shorter ones), detained first. */
function hearings(ctx: Ctx, today: string): ChartTable {
  const rows = ctx.db
    .prepare(
      // The detained people's ids are read once from an index (people_report_detained_ids) rather than
      // each case's person row; a merge moves the cases to the kept record, so no case has a merged person.
      `SELECT c.hearing_date AS d, c.hearing_kind AS kind,
         c.person_id IN (SELECT id FROM people WHERE detained = 1 AND merged_into IS NULL) AS detained, count(*) AS n
       FROM cases c
       WHERE c.hearing_date >= @today AND c.hearing_date <= @last AND c.status <> 'closed'
       GROUP BY 1, 2, 3`,
    )
    .all({ today, last: addDays(today, 90) }) as Array<{ d: string; kind: string | null; detained: number; n: number }>;
  const seriesOf = (kind: string | null, detained: number): (typeof HEARING_SERIES)[number] =>
    kind === 'individual' || kind === 'master' ? (detained ? `${kind}-detained` : kind) : 'other';
  return {
    id: 'hearings',
    keyKind: 'bucket',
    series: [...HEARING_SERIES],
    rows: HEARING_WINDOWS.map((w) => {
      const last = addDays(today, w);
      const inWindow = rows.filter((r) => r.d <= last);
      return {
        key: `next${w}`,
        values: HEARING_SERIES.map((s) => inWindow.filter((r) => seriesOf(r.kind, r.detained) === s).reduce((a, r) => a + r.n, 0)),
      };
    }),
  };
}

/** Open deadlines overdue, open ones due in the next 7 days (today included), and deadlines marked done after their date. */
function deadlines(ctx: Ctx, today: string): ChartTable {
  const one = (sql: string, p: object) => (ctx.db.prepare(sql).get(p) as { n: number }).n;
  const overdue = one(`SELECT count(*) AS n FROM deadlines WHERE status = 'open' AND due < @today`, { today });
  const week = one(`SELECT count(*) AS n FROM deadlines WHERE status = 'open' AND due >= @today AND due <= @last`, {
    today,
    last: addDays(today, 6),
  });
  // done_at is a UTC instant: its date part is compared with the due date, so a deadline done on its day late in the evening west of UTC may count as late.
  // Written as "(…) = 1" so that it is the key of deadlines_report_late (migration 0010): only the late entries are read.
  const late = one(`SELECT count(*) AS n FROM deadlines WHERE status = 'done' AND (substr(done_at, 1, 10) > due) = 1`, {});
  return {
    id: 'deadlines',
    keyKind: 'bucket',
    series: ['deadlines'],
    rows: [
      { key: 'overdue', values: [overdue] },
      { key: 'dueThisWeek', values: [week] },
      { key: 'doneLate', values: [late] },
    ],
  };
}

export const INTAKE_WEEKS = 12;

/** Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const n = toDayNumber(date);
  // Day number 0 is 1970-01-01, a Thursday: (n + 3) % 7 is 0 on Mondays.
  return fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
}

function intakesPerWeek(ctx: Ctx, today: string): ChartTable {
  const first = addDays(weekStart(today), -7 * (INTAKE_WEEKS - 1));
  // One range count per week on people_report_created (created_at is an ISO instant, so a date compares
  // as its day's start): no grouping of the rows through a temporary tree.
  const count = ctx.db.prepare(`SELECT count(*) AS n FROM people WHERE merged_into IS NULL AND created_at >= @from AND created_at < @to`);
  const weeks = Array.from({ length: INTAKE_WEEKS }, (_, i) => addDays(first, 7 * i));
  return {
    id: 'intakesPerWeek',
    keyKind: 'week',
    series: ['people'],
    rows: weeks.map((w) => ({ key: w, values: [(count.get({ from: w, to: addDays(w, 7) }) as { n: number }).n] })),
  };
}

/** The 20 latest trainings; key "date|place". */
function intakesPerTraining(ctx: Ctx): ChartTable {
  const rows = ctx.db
    .prepare(
      `SELECT t.date || '|' || t.place AS k, (SELECT count(*) FROM people p WHERE p.training_id = t.id AND p.merged_into IS NULL) AS n
       FROM trainings t ORDER BY t.date DESC, t.id DESC LIMIT 20`,
    )
    .all() as Count[];
  return single('intakesPerTraining', 'training', 'people', rows);
}

function tpsByCountry(ctx: Ctx): ChartTable {
  const rows = ctx.db
    .prepare(
      `SELECT json_extract(data, '$.history.tpsCountry') AS k, count(*) AS n FROM people
       WHERE merged_into IS NULL AND json_extract(data, '$.history.tpsCountry') IS NOT NULL
       GROUP BY json_extract(data, '$.history.tpsCountry')`,
    )
    .all() as Count[];
  return single('tpsByCountry', 'text', 'people', rows.sort(byCountDesc));
}

/** People per re-registration window still to close: key "country|closing date". */
function tpsWindows(ctx: Ctx, today: string): ChartTable {
  const rows = ctx.db
    .prepare(
      `SELECT substr(tps_ref, 1, instr(tps_ref, ':') - 1) || '|' || due AS k, count(DISTINCT person_id) AS n FROM deadlines
       WHERE tps_ref IS NOT NULL AND status = 'open' AND tps_ref LIKE '%:re-registration-close' AND due >= @today
       GROUP BY tps_ref, due ORDER BY due, tps_ref`,
    )
    .all({ today }) as Count[];
  return single('tpsWindows', 'tpsWindow', 'people', rows);
}

export function caseload(ctx: Ctx, today = ctx.today()): CaseloadView {
  return {
    today,
    tables: [
      openCasesByType(ctx),
      openCasesByAssignee(ctx),
      detainedByFacility(ctx),
      daysInDetention(ctx, today),
      hearings(ctx, today),
      deadlines(ctx, today),
      intakesPerWeek(ctx, today),
      intakesPerTraining(ctx),
      tpsByCountry(ctx),
      tpsWindows(ctx, today),
    ],
  };
}
