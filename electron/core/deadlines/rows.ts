/**
 * Row <-> view mapping for events and deadlines, and the small shared helpers
 * (closures, person facts) every deadline service needs.
 */
import { AppError } from '../../../shared/errors';
import { findRule, type Localized } from '../../../shared/deadlines';
import type { DeadlineView, DeadlineViewFlag, EventKind, EventView } from '../../../shared/views';
import { stampOf } from '../intake/records';
import type { Ctx } from '../context';
import type { DetentionHistory } from '../../../shared/schemas/detention';
import { sql } from '../db/statements';

export interface EventRow {
  id: string;
  person_id: string;
  case_id: string | null;
  kind: EventKind;
  date: string;
  details: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface DeadlineRow {
  id: string;
  person_id: string;
  case_id: string | null;
  event_id: string | null;
  rule_id: string | null;
  tps_ref: string | null;
  source: 'rule' | 'manual' | 'tps';
  label: string;
  due: string;
  computed_due: string;
  rule_due: string | null;
  closure_due: string | null;
  override_due: string | null;
  override_reason: string | null;
  override_base: string | null;
  override_at: string | null;
  override_by: string | null;
  trail: string;
  citation: string;
  note: string | null;
  verify: number;
  flags: string;
  status: 'open' | 'done';
  done_at: string | null;
  done_by: string | null;
  person_name: string;
  detained: number;
  assignee: string | null;
  case_type: string | null;
  sig: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function eventView(r: EventRow): EventView {
  return {
    ...stampOf(r),
    personId: r.person_id,
    caseId: r.case_id,
    kind: r.kind,
    date: r.date,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

export const parseFlags = (text: string): DeadlineViewFlag[] => (text === '[]' ? [] : (JSON.parse(text) as DeadlineViewFlag[]));

export function deadlineView(r: DeadlineRow): DeadlineView {
  const trail = JSON.parse(r.trail) as { en: string[]; es: string[] };
  const override =
    r.override_due === null
      ? null
      : {
          due: r.override_due,
          reason: r.override_reason ?? '',
          at: r.override_at ?? '',
          by: r.override_by ?? '',
          computedDueWhenSet: r.override_base ?? r.computed_due,
          stale: (r.override_base ?? r.computed_due) !== r.computed_due,
        };
  if (override) {
    trail.en.push(
      `Overridden by ${override.by} on ${override.at.slice(0, 10)}: due ${override.due} instead of the computed ${r.computed_due}. Reason: ${override.reason}`,
    );
    trail.es.push(
      `Modificada por ${override.by} el ${override.at.slice(0, 10)}: vence el ${override.due} en lugar del ${r.computed_due} calculado. Motivo: ${override.reason}`,
    );
    if (override.stale) {
      trail.en.push(
        `The computed date changed after the override was entered (it was ${override.computedDueWhenSet}): review the override.`,
      );
      trail.es.push(`La fecha calculada cambió después de la modificación (era ${override.computedDueWhenSet}): revise la modificación.`);
    }
  }
  return {
    ...stampOf(r),
    personId: r.person_id,
    caseId: r.case_id,
    eventId: r.event_id,
    ruleId: r.rule_id,
    source: r.source,
    label: JSON.parse(r.label) as Localized,
    due: r.due,
    computedDue: r.computed_due,
    ruleDue: r.rule_due,
    closureDue: r.closure_due,
    override,
    trail,
    citation: r.citation,
    note: r.note !== null ? (JSON.parse(r.note) as Localized) : r.rule_id ? (findRule(r.rule_id)?.note ?? null) : null,
    verify: r.verify === 1,
    flags: parseFlags(r.flags),
    status: r.status,
    doneAt: r.done_at,
    doneBy: r.done_by,
    detained: r.detained === 1,
    assignee: r.assignee,
    caseType: r.case_type,
  };
}

export function deadlineRow(ctx: Ctx, id: string): DeadlineRow {
  const row = sql(ctx.db, 'SELECT * FROM deadlines WHERE id = ?').get(id) as DeadlineRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That deadline is not in this vault.');
  return withTrail(ctx, row);
}

/** TPS dataset rows keep their (shared) trail in tps_texts; this puts it back on the row. */
export function withTrail(ctx: Ctx, row: DeadlineRow): DeadlineRow {
  if (row.trail !== '' || row.sig === null) return row;
  const t = sql(ctx.db, 'SELECT trail FROM tps_texts WHERE sig = ?').get(row.sig) as { trail: string } | undefined;
  return { ...row, trail: t?.trail ?? '{"en":[],"es":[]}' };
}

export function eventRow(ctx: Ctx, id: string): EventRow {
  const row = sql(ctx.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That event is not in this vault.');
  return row;
}

export function staleWrite(what: string): AppError {
  return new AppError('STALE_WRITE', `Someone changed this ${what} after you opened it. Reload it, then make your change again.`);
}

/** What the deadline rules need to know about a person: detention and open cases. */
export interface PersonFacts {
  id: string;
  name: string;
  detained: boolean;
  assignedTo: string | null;
  cases: Array<{ id: string; type: string; status: string; assignedTo: string | null }>;
  /** The person's asylum EAD clock stops (asylum-clock-stop events), in date order. */
  clockStops: ClockStopFact[];
  /** The detention history, when one was entered: it decides the detained docket. */
  detention: DetentionHistory | null;
}

export interface ClockStopFact {
  eventId: string;
  caseId: string | null;
  from: string;
  to: string;
  reason?: string;
}

function clockStopsOf(ctx: Ctx, personId: string): ClockStopFact[] {
  const rows = sql(
    ctx.db,
    `SELECT id, case_id, date, details FROM events WHERE person_id = ? AND kind = 'asylum-clock-stop' ORDER BY date, id`,
  ).all(personId) as Array<{ id: string; case_id: string | null; date: string; details: string }>;
  return rows.map((r) => {
    const d = JSON.parse(r.details) as { to: string; reason?: string };
    return { eventId: r.id, caseId: r.case_id, from: r.date, to: d.to, ...(d.reason ? { reason: d.reason } : {}) };
  });
}

export function personFacts(ctx: Ctx, personId: string): PersonFacts {
  const p = sql(
    ctx.db,
    `SELECT id, given_name, family_name, detained, assigned_to, merged_into, json_extract(data, '$.detention.history') AS history
       FROM people WHERE id = ?`,
  ).get(personId) as
    | {
        id: string;
        given_name: string;
        family_name: string;
        detained: number;
        assigned_to: string | null;
        merged_into: string | null;
        history: string | null;
      }
    | undefined;
  if (!p) throw new AppError('NOT_FOUND', 'That person is not in this vault.');
  if (p.merged_into) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
  const cases = sql(ctx.db, 'SELECT id, type, status, assigned_to FROM cases WHERE person_id = ? ORDER BY id').all(personId) as Array<{
    id: string;
    type: string;
    status: string;
    assigned_to: string | null;
  }>;
  return {
    id: p.id,
    name: personName(p.given_name, p.family_name),
    detained: p.detained === 1,
    assignedTo: p.assigned_to,
    cases: cases.map((c) => ({ id: c.id, type: c.type, status: c.status, assignedTo: c.assigned_to })),
    clockStops: clockStopsOf(ctx, p.id),
    detention: p.history ? (JSON.parse(p.history) as DetentionHistory) : null,
  };
}

/** The docket copies for a deadline of this person, linked to this case (or none). */
/** As the people_name_copy trigger writes it. */
export const personName = (given: string, family: string) => `${given} ${family}`.trim();

export function copiesFor(
  facts: PersonFacts,
  caseId: string | null,
): { person_name: string; detained: number; assignee: string | null; case_type: string | null } {
  const c = caseId ? facts.cases.find((x) => x.id === caseId) : undefined;
  return {
    person_name: facts.name,
    detained: facts.detained ? 1 : 0,
    assignee: c?.assignedTo ?? facts.assignedTo,
    case_type: c?.type ?? null,
  };
}

/** A case given by the caller must be this person's; none given and exactly one open case: that one. */
export function resolveCase(facts: PersonFacts, caseId: string | undefined | null): string | null {
  if (caseId) {
    if (!facts.cases.some((c) => c.id === caseId)) throw new AppError('INVALID_INPUT', 'That case does not belong to this person.');
    return caseId;
  }
  const open = facts.cases.filter((c) => c.status !== 'closed');
  return open.length === 1 ? open[0]!.id : null;
}

const CLOSURES_KEY = 'deadlines.closures';

/** Court closure days the clinic entered, used by every computation. */
export function readClosures(ctx: Ctx): string[] {
  const row = sql(ctx.db, 'SELECT value FROM meta WHERE key = ?').get(CLOSURES_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}

export function writeClosures(ctx: Ctx, dates: readonly string[]): void {
  sql(ctx.db, 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    CLOSURES_KEY,
    JSON.stringify(dates),
  );
}
