/**
 * Funder statistics for a date range, de-identified: only counts, with
 * small-cell suppression (suppression.ts) applied before anything leaves
 * the core, so no caller (UI, CLI, export) can get a small number.
 *
 * Who is counted: cases closed in the range (closing date from..to, case
 * still closed) for the case tables; people with an intake in the range or a
 * case closed in it for the people tables. "New" people had their intake in
 * the range; "returning" ones before it.
 */
import type { StatsTable, StatsView } from '../../../shared/views';
import type { Ctx } from '../context';
import { protect, withMargins } from './suppression';

interface ClosedCase {
  type: string;
  outcome: string;
  closure: string | null;
  problem: string | null;
}

interface ServedPerson {
  country: string | null;
  language: string | null;
  county: string | null;
  detained: number;
  created: string;
}

/** Key for a value not recorded; the UI labels it "Not recorded". */
export const NOT_RECORDED = '';

function oneWay(id: StatsTable['id'], keyKind: StatsTable['keyKind'], values: Array<string | null>, minCell: number): StatsTable {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v ?? NOT_RECORDED, (counts.get(v ?? NOT_RECORDED) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (a === NOT_RECORDED ? 1 : b === NOT_RECORDED ? -1 : a.localeCompare(b)));
  return table(
    id,
    keyKind,
    null,
    keys,
    ['count'],
    keys.map((k) => [counts.get(k)!]),
    minCell,
  );
}

function twoWay(
  id: StatsTable['id'],
  keyKind: StatsTable['keyKind'],
  columnKind: StatsTable['keyKind'],
  pairs: Array<[string | null, string | null]>,
  minCell: number,
): StatsTable {
  const key = (v: string | null) => v ?? NOT_RECORDED;
  const sorted = (s: Set<string>) => [...s].sort((a, b) => (a === NOT_RECORDED ? 1 : b === NOT_RECORDED ? -1 : a.localeCompare(b)));
  const rows = sorted(new Set(pairs.map((p) => key(p[0]))));
  const cols = sorted(new Set(pairs.map((p) => key(p[1]))));
  const counts = rows.map((r) => cols.map((c) => pairs.filter((p) => key(p[0]) === r && key(p[1]) === c).length));
  return table(id, keyKind, columnKind, rows, cols, counts, minCell);
}

export function table(
  id: StatsTable['id'],
  keyKind: StatsTable['keyKind'],
  columnKind: StatsTable['columnKind'],
  rowKeys: string[],
  columns: string[],
  counts: number[][],
  minCell: number,
): StatsTable {
  const grid = protect(withMargins(counts, columns.length), minCell);
  const last = grid[grid.length - 1]!;
  return {
    id,
    keyKind,
    columnKind,
    columns,
    rows: rowKeys.map((key, r) => ({ key, cells: grid[r]!.slice(0, columns.length), total: grid[r]![columns.length]! })),
    columnTotals: last.slice(0, columns.length),
    total: last[columns.length]!,
  };
}

export function statistics(ctx: Ctx, q: { from: string; to: string; minCell: number }): StatsView {
  const cases = ctx.db
    .prepare(
      `SELECT c.type AS type, k.outcome AS outcome, k.closure_category AS closure, k.problem_code AS problem
       FROM case_closings k JOIN cases c ON c.id = k.case_id
       WHERE k.closed_on >= @from AND k.closed_on <= @to AND c.status = 'closed'`,
    )
    .all(q) as ClosedCase[];
  const people = ctx.db
    .prepare(
      `SELECT json_extract(p.data, '$.person.countryOfBirth') AS country, json_extract(p.data, '$.person.languages[0]') AS language,
              json_extract(p.data, '$.person.address.county') AS county, p.detained AS detained, substr(p.created_at, 1, 10) AS created
       FROM people p
       WHERE p.merged_into IS NULL AND (
         (substr(p.created_at, 1, 10) >= @from AND substr(p.created_at, 1, 10) <= @to)
         OR EXISTS (SELECT 1 FROM cases c JOIN case_closings k ON k.case_id = c.id
                    WHERE c.person_id = p.id AND c.status = 'closed' AND k.closed_on >= @from AND k.closed_on <= @to))`,
    )
    .all(q) as ServedPerson[];
  const m = q.minCell;
  return {
    from: q.from,
    to: q.to,
    minCell: m,
    tables: [
      oneWay(
        'caseType',
        'caseType',
        cases.map((c) => c.type),
        m,
      ),
      oneWay(
        'problemCode',
        'code',
        cases.map((c) => c.problem),
        m,
      ),
      oneWay(
        'closureCategory',
        'code',
        cases.map((c) => c.closure),
        m,
      ),
      oneWay(
        'outcome',
        'outcome',
        cases.map((c) => c.outcome),
        m,
      ),
      twoWay(
        'caseTypeByClosure',
        'caseType',
        'code',
        cases.map((c) => [c.type, c.closure]),
        m,
      ),
      oneWay(
        'countryOfBirth',
        'text',
        people.map((p) => p.country),
        m,
      ),
      oneWay(
        'language',
        'text',
        people.map((p) => p.language),
        m,
      ),
      oneWay(
        'county',
        'text',
        people.map((p) => p.county),
        m,
      ),
      oneWay(
        'detained',
        'bucket',
        people.map((p) => (p.detained ? 'detained' : 'notDetained')),
        m,
      ),
      oneWay(
        'newOrReturning',
        'bucket',
        people.map((p) => (p.created >= q.from ? 'new' : 'returning')),
        m,
      ),
    ],
  };
}
