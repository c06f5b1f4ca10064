/**
 * The docket: open deadlines up to 30 days ahead, grouped overdue / today /
 * next 7 days / next 30 days; within a group detained people first, then by
 * due date. One range scan of the partial index on open deadlines' due dates.
 */
import { addDays } from '../../../shared/deadlines';
import type { Localized } from '../../../shared/deadlines';
import type { DocketGroup, DocketRow, DocketView, ReminderList } from '../../../shared/views';
import type { Ctx } from '../context';
import { parseFlags } from './rows';
import { syncTps } from './tps';

interface Row {
  id: string;
  person_id: string;
  case_id: string | null;
  rule_id: string | null;
  source: DocketRow['source'];
  label: string;
  due: string;
  computed_due: string;
  rule_due: string | null;
  override_due: string | null;
  citation: string;
  verify: number;
  flags: string;
  detained: number;
  assignee: string | null;
  case_type: string | null;
  person_name: string;
}

export interface DocketQuery {
  assignee?: string | undefined;
  caseType?: string | undefined;
  today?: string | undefined;
  limit: number;
}

// Every column read is in the covering partial index deadlines_docket, in its order (due, id);
// `status = 'open'` is written literally so SQLite can use that index.
const DOCKET_SQL = (filters: string) => `
  SELECT id, person_id, person_name, detained, assignee, case_type, case_id, rule_id, source, label,
         due, computed_due, rule_due, override_due, citation, verify, flags
  FROM deadlines
  WHERE status = 'open' AND due <= @end${filters}
  ORDER BY due, id`;

function toRow(r: Row): DocketRow {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    detained: r.detained === 1,
    caseId: r.case_id,
    caseType: r.case_type,
    assignee: r.assignee,
    source: r.source,
    ruleId: r.rule_id,
    label: JSON.parse(r.label) as Localized,
    due: r.due,
    computedDue: r.computed_due,
    ruleDue: r.rule_due,
    overridden: r.override_due !== null,
    citation: r.citation,
    verify: r.verify === 1,
    flags: parseFlags(r.flags),
  };
}

export function docket(ctx: Ctx, q: DocketQuery): DocketView {
  syncTps(ctx);
  const today = q.today ?? ctx.today();
  const in7 = addDays(today, 7);
  const in30 = addDays(today, 30);
  let filters = '';
  if (q.assignee !== undefined) filters += ' AND assignee = @assignee';
  if (q.caseType !== undefined) filters += ' AND case_type = @caseType';
  const rows = ctx.db.prepare(DOCKET_SQL(filters)).all({ end: in30, assignee: q.assignee, caseType: q.caseType }) as Row[];

  const groups: DocketGroup[] = [
    { key: 'overdue', from: null, to: addDays(today, -1), total: 0, rows: [] },
    { key: 'today', from: today, to: today, total: 0, rows: [] },
    { key: 'next7', from: addDays(today, 1), to: in7, total: 0, rows: [] },
    { key: 'next30', from: addDays(today, 8), to: in30, total: 0, rows: [] },
  ];
  // Rows arrive by due date: a stable split per group puts detained first and keeps date order.
  const split = groups.map(() => ({ detained: [] as Row[], free: [] as Row[] }));
  for (const r of rows) {
    const g = r.due < today ? 0 : r.due === today ? 1 : r.due <= in7 ? 2 : 3;
    (r.detained === 1 ? split[g]!.detained : split[g]!.free).push(r);
  }
  groups.forEach((group, i) => {
    const s = split[i]!;
    group.total = s.detained.length + s.free.length;
    group.rows = [...s.detained, ...s.free].slice(0, q.limit).map(toRow);
  });
  return { today, groups };
}

/**
 * What a desktop notification or banner needs: counts, and the items without
 * client names unless the caller asks for them.
 */
export function remindersDue(ctx: Ctx, withinDays: number, includeNames: boolean, today = ctx.today()): ReminderList {
  syncTps(ctx);
  const end = addDays(today, withinDays);
  const rows = ctx.db.prepare(DOCKET_SQL('')).all({ end }) as Row[];
  const items = rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    due: r.due,
    label: JSON.parse(r.label) as Localized,
    detained: r.detained === 1,
    overdue: r.due < today,
    ...(includeNames ? { personName: r.person_name } : {}),
  }));
  items.sort((a, b) => Number(b.detained) - Number(a.detained) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return {
    withinDays,
    count: items.length,
    overdue: items.filter((i) => i.overdue).length,
    detained: items.filter((i) => i.detained).length,
    items,
  };
}
