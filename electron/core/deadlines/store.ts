/**
 * Writing computed deadlines. An event's deadlines are identified by
 * (event_id, rule_id): recomputing keeps each row's id, writes a row only when
 * something in it changed, and never touches any other row.
 */
import { computeDeadline, type DeclaredClosure } from '../../../shared/deadlines';
import { showEn, showEs } from '../../../shared/deadlines/trail';
import type { DeadlineViewFlag } from '../../../shared/views';
import { newId, type Ctx } from '../context';
import { declaredClosures } from './closures';
import { planFor, type Plan, type PlannedRule } from './mapping';
import { copiesFor, parseFlags, type DeadlineRow, type EventRow, type PersonFacts } from './rows';
import { sql } from '../db/statements';

/** The columns a computation decides. */
export interface Computed {
  rule_id: string | null;
  label: string;
  computed_due: string;
  rule_due: string | null;
  closure_due: string | null;
  trail: string;
  citation: string;
  note: string | null;
  verify: number;
  /** Engine flags only; the app flags are added against the stored row. */
  engineFlags: DeadlineViewFlag[];
}

export function computeRule(
  p: PlannedRule,
  trigger: string,
  closures: readonly string[],
  declared: readonly DeclaredClosure[] = [],
): Computed {
  const r = computeDeadline({
    rule: p.rule,
    trigger,
    options: { ...p.options, ...(closures.length ? { closures } : {}), ...(declared.length ? { declared } : {}) },
  });
  const trail = p.preface ? { en: [p.preface.en, ...r.trail.en], es: [p.preface.es, ...r.trail.es] } : r.trail;
  return {
    rule_id: r.rule,
    label: JSON.stringify(r.label),
    computed_due: r.due,
    rule_due: r.ruleDue ?? null,
    closure_due: r.closureDue ?? null,
    trail: JSON.stringify(trail),
    citation: r.citation,
    // The rule's note is read from the rule when shown: it is the same for every deadline of the rule.
    note: null,
    verify: r.verify ? 1 : 0,
    engineFlags: r.flags,
  };
}

export function computeFixed(f: NonNullable<Plan['fixed']>): Computed {
  const trail = [...f.trail, { en: `Due: ${showEn(f.date)}.`, es: `Fecha límite: ${showEs(f.date)}.` }];
  return {
    rule_id: null,
    label: JSON.stringify(f.label),
    computed_due: f.date,
    rule_due: null,
    closure_due: null,
    trail: JSON.stringify({ en: trail.map((l) => l.en), es: trail.map((l) => l.es) }),
    citation: f.citation,
    note: f.note ? JSON.stringify(f.note) : null,
    verify: f.verify ? 1 : 0,
    engineFlags: [],
  };
}

/** Engine flags plus the app's: a computation that moved under an override, or after the deadline was done. */
export function flagsFor(
  c: Computed,
  prev: Pick<DeadlineRow, 'override_due' | 'override_base' | 'status' | 'computed_due' | 'flags'> | null,
): string {
  const flags: DeadlineViewFlag[] = [...c.engineFlags];
  if (prev) {
    if (prev.override_due !== null && prev.override_base !== c.computed_due) flags.push('override-stale');
    if (prev.status === 'done' && (prev.computed_due !== c.computed_due || parseFlags(prev.flags).includes('changed-after-done'))) {
      flags.push('changed-after-done');
    }
  }
  return JSON.stringify(flags);
}

export interface NewDeadline extends Computed {
  person_id: string;
  case_id: string | null;
  event_id: string | null;
  tps_ref: string | null;
  source: 'rule' | 'manual' | 'tps';
  person_name: string;
  detained: number;
  assignee: string | null;
  case_type: string | null;
}

const INSERT_SQL = `INSERT INTO deadlines(id, person_id, case_id, event_id, rule_id, tps_ref, source, label, due, computed_due, rule_due, closure_due,
    trail, citation, note, verify, flags, status, person_name, detained, assignee, case_type, version, created_at, created_by, updated_at, updated_by)
  VALUES (@id, @person_id, @case_id, @event_id, @rule_id, @tps_ref, @source, @label, @computed_due, @computed_due, @rule_due, @closure_due,
    @trail, @citation, @note, @verify, @flags, 'open', @person_name, @detained, @assignee, @case_type, 1, @now, @actor, @now, @actor)`;

export function insertDeadline(ctx: Ctx, d: NewDeadline, now = ctx.now()): string {
  const id = newId();
  const { engineFlags, ...cols } = d;
  sql(ctx.db, INSERT_SQL).run({ ...cols, flags: JSON.stringify(engineFlags), id, now, actor: ctx.actor });
  return id;
}

/** Columns compared and rewritten on recompute. */
const RECOMPUTED = [
  'case_id',
  'label',
  'computed_due',
  'rule_due',
  'closure_due',
  'trail',
  'citation',
  'note',
  'verify',
  'flags',
  'person_name',
  'detained',
  'assignee',
  'case_type',
] as const;
type Recomputed = Pick<DeadlineRow, (typeof RECOMPUTED)[number]>;

/** Rewrites a row with new computed columns if any differ; the override, status and id stay. Returns whether it wrote. */
export function updateComputed(ctx: Ctx, prev: DeadlineRow, next: Recomputed, now = ctx.now()): boolean {
  if (!RECOMPUTED.some((k) => prev[k] !== next[k])) return false;
  sql(
    ctx.db,
    `UPDATE deadlines SET ${RECOMPUTED.map((k) => `${k} = @${k}`).join(', ')}, due = @due, version = version + 1, updated_at = @now, updated_by = @actor WHERE id = @id`,
  ).run({ ...next, due: prev.override_due ?? next.computed_due, id: prev.id, now, actor: ctx.actor });
  return true;
}

export interface Changes {
  created: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

export const noChanges = (): Changes => ({ created: [], updated: [], removed: [], unchanged: [] });

export function planOf(ev: EventRow, facts: PersonFacts): Plan {
  return planFor({ kind: ev.kind, date: ev.date, caseId: ev.case_id, details: JSON.parse(ev.details) as Record<string, unknown> }, facts);
}

/**
 * Brings an event's deadlines in line with the event: computes every rule the
 * event implies, updates rows that changed (keeping their ids, overrides and
 * done status), creates missing ones and removes ones the event no longer implies.
 */
export function syncEventDeadlines(
  ctx: Ctx,
  ev: EventRow,
  facts: PersonFacts,
  closures: readonly string[],
  plan = planOf(ev, facts),
): Changes {
  const changes = noChanges();
  const existing = sql(ctx.db, 'SELECT * FROM deadlines WHERE event_id = ?').all(ev.id) as DeadlineRow[];
  const byKey = new Map(existing.map((r) => [r.rule_id ?? '', r]));
  const declared = declaredClosures(ctx);
  const desired: Array<{ key: string; c: Computed }> = plan.rules.map((p) => ({
    key: p.rule,
    c: computeRule(p, ev.date, closures, declared),
  }));
  if (plan.fixed) desired.push({ key: '', c: computeFixed(plan.fixed) });
  const copies = copiesFor(facts, ev.case_id);
  const now = ctx.now();
  for (const { key, c } of desired) {
    const prev = byKey.get(key);
    byKey.delete(key);
    if (!prev) {
      const id = insertDeadline(
        ctx,
        {
          ...c,
          ...copies,
          person_id: ev.person_id,
          case_id: ev.case_id,
          event_id: ev.id,
          tps_ref: null,
          source: c.rule_id ? 'rule' : 'tps',
        },
        now,
      );
      changes.created.push(id);
      continue;
    }
    const { engineFlags: _e, rule_id: _r, ...cols } = c;
    const wrote = updateComputed(ctx, prev, { ...cols, ...copies, case_id: ev.case_id, flags: flagsFor(c, prev) }, now);
    (wrote ? changes.updated : changes.unchanged).push(prev.id);
  }
  for (const stale of byKey.values()) {
    sql(ctx.db, 'DELETE FROM deadlines WHERE id = ?').run(stale.id);
    changes.removed.push(stale.id);
  }
  return changes;
}
