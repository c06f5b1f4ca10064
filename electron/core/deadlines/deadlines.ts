/**
 * Deadlines themselves: read, manual ones, overrides, done, closure days.
 *
 * - An override needs a reason; the computed date stays stored and visible,
 *   and a later recompute that moves the computed date flags the override.
 * - Marking done records who and when; reopening clears it.
 * - Manual deadlines are the clinic's own (a judge's order, a promise to a
 *   client): label, date, optional note and citation, no computation.
 */
import { AppError } from '../../../shared/errors';
import { computeDeadline, listRules, type DeadlineResult, type DeadlineRule } from '../../../shared/deadlines';
import { showEn, showEs } from '../../../shared/deadlines/trail';
import type { DeadlineView, DeadlineViewFlag } from '../../../shared/views';
import type { Ctx } from '../context';
import { audit } from '../audit';
import { recomputeForClosures } from './events';
import { declaredClosures } from './closures';
import {
  copiesFor,
  deadlineRow,
  deadlineView,
  parseFlags,
  personFacts,
  readClosures,
  resolveCase,
  staleWrite,
  withTrail,
  writeClosures,
  type DeadlineRow,
} from './rows';
import { insertDeadline } from './store';

export function getDeadline(ctx: Ctx, id: string): DeadlineView {
  return deadlineView(deadlineRow(ctx, id));
}

export function listDeadlines(ctx: Ctx, personId: string, status: 'open' | 'done' | 'all'): DeadlineView[] {
  personFacts(ctx, personId);
  const rows = (
    status === 'all'
      ? ctx.db.prepare('SELECT * FROM deadlines WHERE person_id = ? ORDER BY due, id').all(personId)
      : ctx.db.prepare('SELECT * FROM deadlines WHERE person_id = ? AND status = ? ORDER BY due, id').all(personId, status)
  ) as DeadlineRow[];
  return rows.map((r) => deadlineView(withTrail(ctx, r)));
}

export function previewDeadline(ctx: Ctx, input: { rule: string; trigger: string; mailed?: boolean; days?: number }): DeadlineResult {
  const closures = readClosures(ctx);
  return computeDeadline({
    rule: input.rule,
    trigger: input.trigger,
    options: {
      ...(input.mailed === undefined ? {} : { mailed: input.mailed }),
      ...(input.days === undefined ? {} : { days: input.days }),
      ...(closures.length ? { closures } : {}),
      declared: declaredClosures(ctx),
    },
  });
}

export const rules = (): DeadlineRule[] => listRules();

interface ManualInput {
  label: string;
  due: string;
  note?: string | undefined;
  citation?: string | undefined;
}

function manualColumns(ctx: Ctx, m: ManualInput) {
  const note = m.note ? m.note : null;
  const en = [`Entered by hand by ${ctx.actor} on ${ctx.today()}.`, `Due: ${showEn(m.due)}.`];
  const es = [`Ingresado a mano por ${ctx.actor} el ${ctx.today()}.`, `Fecha límite: ${showEs(m.due)}.`];
  if (!m.citation) {
    en.push('No rule or citation was entered: check the source of this date.');
    es.push('No se indicó regla ni cita: verifique el origen de esta fecha.');
  }
  return {
    rule_id: null,
    label: JSON.stringify({ en: m.label, es: m.label }),
    computed_due: m.due,
    rule_due: null,
    closure_due: null,
    trail: JSON.stringify({ en, es }),
    citation: m.citation ?? '',
    note: note === null ? null : JSON.stringify({ en: note, es: note }),
    verify: m.citation ? 0 : 1,
    engineFlags: [] as DeadlineViewFlag[],
  };
}

export function addManual(ctx: Ctx, input: ManualInput & { personId: string; caseId?: string | undefined }): DeadlineView {
  return ctx.db.transaction(() => {
    const facts = personFacts(ctx, input.personId);
    const caseId = resolveCase(facts, input.caseId);
    const id = insertDeadline(ctx, {
      ...manualColumns(ctx, input),
      ...copiesFor(facts, caseId),
      person_id: input.personId,
      case_id: caseId,
      event_id: null,
      tps_ref: null,
      source: 'manual',
    });
    audit(ctx, 'deadline.create', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

function checked(ctx: Ctx, id: string, version: number): DeadlineRow {
  const row = deadlineRow(ctx, id);
  if (row.version !== version) throw staleWrite('deadline');
  return row;
}

function write(ctx: Ctx, row: DeadlineRow, sets: Record<string, unknown>): void {
  const names = Object.keys(sets);
  // SQLite reads old values on the right of SET, so the effective date is worked out here.
  const next = { ...row, ...sets } as DeadlineRow;
  const res = ctx.db
    .prepare(
      `UPDATE deadlines SET ${names.map((n) => `${n} = @${n}`).join(', ')}, due = @due,
         version = version + 1, updated_at = @now, updated_by = @actor WHERE id = @id AND version = @version`,
    )
    .run({ ...sets, due: next.override_due ?? next.computed_due, now: ctx.now(), actor: ctx.actor, id: row.id, version: row.version });
  if (res.changes === 0) throw staleWrite('deadline');
}

const without = (flags: string, drop: DeadlineViewFlag) => JSON.stringify(parseFlags(flags).filter((f) => f !== drop));

export function updateManual(ctx: Ctx, id: string, version: number, input: ManualInput): DeadlineView {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    if (row.source !== 'manual')
      throw new AppError('INVALID_INPUT', 'Only manual deadlines are edited directly; override a computed one instead.');
    const { engineFlags: _f, rule_id: _r, ...cols } = manualColumns(ctx, input);
    write(ctx, row, cols);
    audit(ctx, 'deadline.update', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

export function deleteManual(ctx: Ctx, id: string, version: number): { deleted: true } {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    if (row.source !== 'manual') {
      throw new AppError('INVALID_INPUT', 'Only manual deadlines can be deleted; computed ones go with their event or TPS dataset.');
    }
    ctx.db.prepare('DELETE FROM deadlines WHERE id = ?').run(id);
    audit(ctx, 'deadline.delete', 'deadline', id);
    return { deleted: true as const };
  })();
}

export function override(ctx: Ctx, id: string, version: number, due: string, reason: string): DeadlineView {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    if (row.source === 'manual')
      throw new AppError('INVALID_INPUT', 'A manual deadline has no computed date to override: edit it instead.');
    if (!reason.trim()) throw new AppError('INVALID_INPUT', 'An override needs a reason.');
    write(ctx, row, {
      override_due: due,
      override_reason: reason.trim(),
      override_base: row.computed_due,
      override_at: ctx.now(),
      override_by: ctx.actor,
      flags: without(row.flags, 'override-stale'),
    });
    audit(ctx, 'deadline.override', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

export function clearOverride(ctx: Ctx, id: string, version: number): DeadlineView {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    write(ctx, row, {
      override_due: null,
      override_reason: null,
      override_base: null,
      override_at: null,
      override_by: null,
      flags: without(row.flags, 'override-stale'),
    });
    audit(ctx, 'deadline.clearOverride', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

export function markDone(ctx: Ctx, id: string, version: number): DeadlineView {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    if (row.status === 'done') throw new AppError('INVALID_INPUT', 'This deadline is already marked done.');
    write(ctx, row, { status: 'done', done_at: ctx.now(), done_by: ctx.actor, flags: without(row.flags, 'changed-after-done') });
    audit(ctx, 'deadline.done', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

export function reopen(ctx: Ctx, id: string, version: number): DeadlineView {
  return ctx.db.transaction(() => {
    const row = checked(ctx, id, version);
    if (row.status === 'open') throw new AppError('INVALID_INPUT', 'This deadline is already open.');
    write(ctx, row, { status: 'open', done_at: null, done_by: null, flags: without(row.flags, 'changed-after-done') });
    audit(ctx, 'deadline.reopen', 'deadline', id);
    return getDeadline(ctx, id);
  })();
}

export function closures(ctx: Ctx): { dates: string[] } {
  return { dates: readClosures(ctx) };
}

/** Replaces the closure list and recomputes every event with an open deadline. */
export function setClosures(ctx: Ctx, dates: readonly string[]): { dates: string[]; recomputed: number } {
  return ctx.db.transaction(() => {
    const sorted = [...new Set(dates)].sort();
    writeClosures(ctx, sorted);
    const recomputed = recomputeForClosures(ctx, sorted);
    audit(ctx, 'deadline.closures', 'meta', 'deadlines.closures', { dates: sorted.length, recomputed });
    return { dates: sorted, recomputed };
  })();
}
