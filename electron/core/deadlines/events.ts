/**
 * Case events: entering one creates the deadlines its rules imply; editing
 * one recomputes exactly those deadlines; deleting one removes them.
 *
 * Facts that depend on the person at the time of entry (is the person
 * detained for this hearing? does the one-year asylum rule apply?) are
 * resolved once and stored in the event's details, so a later recompute (a
 * closure day added, a correction) depends on the event alone and never
 * adds or drops a deadline because something else in the record changed.
 */
import { AppError } from '../../../shared/errors';
import type { OpParsedInput } from '../../../shared/contract';
import type { EventResult, EventView } from '../../../shared/views';
import { newId, type Ctx } from '../context';
import { audit } from '../audit';
import { detainedOn } from '../../../shared/schemas/detention';
import { asylumApplies, hearingDetained, planFor, type EventForPlan } from './mapping';
import {
  deadlineView,
  eventRow,
  eventView,
  personFacts,
  readClosures,
  resolveCase,
  staleWrite,
  type DeadlineRow,
  type EventRow,
  type PersonFacts,
} from './rows';
import { noChanges, syncEventDeadlines, type Changes } from './store';
import { followAdd, followDelete, followMove, hearingOf } from './case-follow';
import { sql } from '../db/statements';

export type EventInput = OpParsedInput<'events.add'>['event'];

function resolvedDetails(ev: EventForPlan, facts: PersonFacts): Record<string, unknown> {
  const d = { ...ev.details };
  if ((ev.kind === 'hearing-scheduled' || ev.kind === 'hearing-moved') && d.hearingEventId === undefined && d.detained === undefined) {
    d.detained = hearingDetained(ev, facts);
  }
  if (ev.kind === 'last-arrival' && d.asylum === undefined) d.asylum = asylumApplies(ev, facts).applies;
  return d;
}

function dependents(ctx: Ctx, eventIds: string | readonly string[]) {
  const ids = typeof eventIds === 'string' ? [eventIds] : eventIds;
  if (ids.length === 0) return [];
  // One statement text for any number of ids, so it is compiled once per connection.
  const rows = sql(ctx.db, 'SELECT * FROM deadlines WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY due, id').all(
    JSON.stringify(ids),
  ) as DeadlineRow[];
  return rows.map(deadlineView);
}

function merge(a: Changes, b: Changes): Changes {
  return {
    created: [...a.created, ...b.created],
    updated: [...a.updated, ...b.updated],
    removed: [...a.removed, ...b.removed],
    unchanged: [...a.unchanged, ...b.unchanged],
  };
}

/**
 * A clock stop was entered, edited or deleted: the person's asylum filings it
 * may extend are recomputed (exactly their EAD deadlines; nothing else is read
 * or written). Returns the filings and what changed.
 */
export function recomputeAsylumClocks(ctx: Ctx, personId: string): { events: string[]; changes: Changes } {
  const facts = personFacts(ctx, personId);
  const filings = sql(ctx.db, `SELECT * FROM events WHERE person_id = ? AND kind = 'asylum-filed' ORDER BY date, id`).all(
    personId,
  ) as EventRow[];
  let changes = noChanges();
  for (const ev of filings) changes = merge(changes, syncEventDeadlines(ctx, ev, facts, readClosures(ctx)));
  return { events: filings.map((e) => e.id), changes };
}

/**
 * The person's detention history changed: each hearing (a hearing-scheduled
 * event or an unlinked hearing-moved one) is put on the docket the history
 * gives for its date, and only the hearings whose docket changed are written
 * and have their deadlines recomputed.
 */
export function redocketHearings(ctx: Ctx, personId: string): { events: string[]; changes: Changes } {
  const facts = personFacts(ctx, personId);
  const history = facts.detention;
  if (!history) return { events: [], changes: noChanges() };
  const hearings = sql(
    ctx.db,
    `SELECT * FROM events WHERE person_id = ? AND kind IN ('hearing-scheduled', 'hearing-moved') ORDER BY date, id`,
  ).all(personId) as EventRow[];
  const events: string[] = [];
  let changes = noChanges();
  for (const ev of hearings) {
    const details = detailsOf(ev);
    if (typeof details.hearingEventId === 'string') continue;
    const want = detainedOn(history, ev.date);
    if (details.detained === want) continue;
    // The judge's filing days belong to the detained docket; off it, the Practice Manual's fixed period applies.
    const { days: _days, ...rest } = details;
    const next = want ? { ...details, detained: true } : { ...rest, detained: false };
    const updated = writeEvent(ctx, ev, ev.version, ev.case_id, ev.date, next);
    changes = merge(changes, syncEventDeadlines(ctx, updated, facts, readClosures(ctx)));
    events.push(ev.id);
  }
  return { events, changes };
}

function result(
  ctx: Ctx,
  ev: EventRow,
  depsOf: string | readonly string[],
  changes: Changes,
  skipped: EventResult['skipped'],
  caseUpdated: string | null,
): EventResult {
  return { event: eventView(ev), deadlines: dependents(ctx, depsOf), ...changes, skipped, caseUpdated };
}

const detailsOf = (ev: EventRow) => JSON.parse(ev.details) as Record<string, unknown>;

/** The case follows a hearing event that changed date or kind (see case-follow.ts). */
function followEvent(ctx: Ctx, before: EventRow, after: EventRow): string | null {
  const was = hearingOf(before.kind, before.date, detailsOf(before));
  const now = hearingOf(after.kind, after.date, detailsOf(after));
  if (!was || !now || before.case_id !== after.case_id) return null;
  return followMove(ctx, after.case_id, after.id, was, now);
}

const LINKED_SKIP = (date: string): EventResult['skipped'][number] => ({
  rule: null,
  reason: {
    en: `The hearing was moved to ${date}: its deadlines were recomputed on the hearing event.`,
    es: `La audiencia se trasladó al ${date}: sus plazos se recalcularon en el evento de la audiencia.`,
  },
});

function insertEvent(
  ctx: Ctx,
  personId: string,
  caseId: string | null,
  kind: string,
  date: string,
  details: Record<string, unknown>,
): EventRow {
  const now = ctx.now();
  const row: EventRow = {
    id: newId(),
    person_id: personId,
    case_id: caseId,
    kind: kind as EventRow['kind'],
    date,
    details: JSON.stringify(details),
    version: 1,
    created_at: now,
    created_by: ctx.actor,
    updated_at: now,
    updated_by: ctx.actor,
  };
  // The row is exactly what was written (no trigger changes an event as it is inserted), so it is not read back.
  sql(
    ctx.db,
    `INSERT INTO events(id, person_id, case_id, kind, date, details, version, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @person_id, @case_id, @kind, @date, @details, @version, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
  return row;
}

function writeEvent(
  ctx: Ctx,
  row: EventRow,
  version: number,
  caseId: string | null,
  date: string,
  details: Record<string, unknown>,
): EventRow {
  const res = sql(
    ctx.db,
    'UPDATE events SET case_id = ?, date = ?, details = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?',
  ).run(caseId, date, JSON.stringify(details), ctx.now(), ctx.actor, row.id, version);
  if (res.changes === 0) throw staleWrite('event');
  return eventRow(ctx, row.id);
}

/** The hearing a linked hearing-moved event moves: same person, a hearing that was itself entered as one. */
function hearingTarget(ctx: Ctx, personId: string, hearingEventId: string): EventRow {
  const target = sql(ctx.db, 'SELECT * FROM events WHERE id = ?').get(hearingEventId) as EventRow | undefined;
  const details = target ? (JSON.parse(target.details) as Record<string, unknown>) : {};
  const isHearing =
    target && (target.kind === 'hearing-scheduled' || (target.kind === 'hearing-moved' && details.hearingEventId === undefined));
  if (!target || target.person_id !== personId || !isHearing) {
    throw new AppError('INVALID_INPUT', 'hearingEventId must name a hearing event of the same person.');
  }
  return target;
}

/** Moves the linked hearing to `date`, recomputing exactly its deadlines. */
function moveHearing(
  ctx: Ctx,
  target: EventRow,
  date: string,
  moved: Record<string, unknown>,
  facts: PersonFacts,
): { target: EventRow; changes: Changes; caseUpdated: string | null } {
  const details = { ...(JSON.parse(target.details) as Record<string, unknown>) };
  for (const k of ['hearingKind', 'detained', 'days'] as const) if (moved[k] !== undefined) details[k] = moved[k];
  const updated = writeEvent(ctx, target, target.version, target.case_id, date, details);
  const changes = syncEventDeadlines(ctx, updated, facts, readClosures(ctx));
  return { target: updated, changes, caseUpdated: followEvent(ctx, target, updated) };
}

/** What entering an event wrote, before its deadlines are read back for the caller. */
interface Entered {
  ev: EventRow;
  /** The events whose deadlines the result lists. */
  depsOf: string | readonly string[];
  changes: Changes;
  skipped: EventResult['skipped'];
  caseUpdated: string | null;
}

export function addEvent(ctx: Ctx, personId: string, input: EventInput): EventResult {
  return ctx.db.transaction((): EventResult => {
    const e = enterEvent(ctx, personId, input);
    return result(ctx, e.ev, e.depsOf, e.changes, e.skipped, e.caseUpdated);
  })();
}

/**
 * addEvent inside the caller's transaction, without reading the deadlines
 * back as views: a case's hearing entered at intake (case-hearings.ts) needs
 * no result, and a bulk load enters one per person.
 */
export function enterEvent(ctx: Ctx, personId: string, input: EventInput): Entered {
  // Its writes are only all-or-nothing inside a transaction.
  if (!ctx.db.inTransaction) throw new Error('enterEvent runs inside a transaction');
  const facts = personFacts(ctx, personId);
  const details = input.details as Record<string, unknown>;
  if (input.kind === 'hearing-moved' && typeof details.hearingEventId === 'string') {
    const target = hearingTarget(ctx, personId, details.hearingEventId);
    const previousDate = target.date;
    const moved = moveHearing(ctx, target, input.date, details, facts);
    const ev = insertEvent(ctx, personId, target.case_id, input.kind, input.date, { ...details, previousDate });
    audit(ctx, 'event.create', 'event', ev.id, { moved: target.id, updated: moved.changes.updated.length });
    return { ev, depsOf: target.id, changes: moved.changes, skipped: [LINKED_SKIP(input.date)], caseUpdated: moved.caseUpdated };
  }
  const caseId = resolveCase(facts, input.caseId);
  const plain: EventForPlan = { kind: input.kind, date: input.date, caseId, details };
  const plan = planFor(plain, facts);
  const ev = insertEvent(ctx, personId, caseId, input.kind, input.date, resolvedDetails(plain, facts));
  if (ev.kind === 'asylum-clock-stop') {
    const clocks = recomputeAsylumClocks(ctx, personId);
    audit(ctx, 'event.create', 'event', ev.id, { updated: clocks.changes.updated.length });
    return { ev, depsOf: clocks.events, changes: clocks.changes, skipped: [], caseUpdated: null };
  }
  const changes = syncEventDeadlines(ctx, ev, facts, readClosures(ctx));
  const hearing = hearingOf(ev.kind, ev.date, detailsOf(ev));
  const caseUpdated = hearing ? followAdd(ctx, ev.case_id, ev.id, hearing) : null;
  audit(ctx, 'event.create', 'event', ev.id, { deadlines: changes.created.length });
  return { ev, depsOf: ev.id, changes, skipped: plan.skipped, caseUpdated };
}

export function updateEvent(ctx: Ctx, id: string, version: number, input: EventInput): EventResult {
  return ctx.db.transaction((): EventResult => {
    const row = eventRow(ctx, id);
    if (row.version !== version) throw staleWrite('event');
    if (row.kind !== input.kind) throw new AppError('INVALID_INPUT', 'The kind of an event cannot change: delete it and enter a new one.');
    const facts = personFacts(ctx, row.person_id);
    const old = JSON.parse(row.details) as Record<string, unknown>;
    const details = input.details as Record<string, unknown>;
    if (row.kind === 'hearing-moved' && typeof old.hearingEventId === 'string') {
      if (details.hearingEventId !== old.hearingEventId)
        throw new AppError('INVALID_INPUT', 'A hearing move cannot be relinked to another hearing.');
      const target = hearingTarget(ctx, row.person_id, old.hearingEventId);
      const moved = moveHearing(ctx, target, input.date, details, facts);
      const ev = writeEvent(ctx, row, version, row.case_id, input.date, { ...details, previousDate: old.previousDate });
      audit(ctx, 'event.update', 'event', id, { moved: target.id, updated: moved.changes.updated.length });
      return result(ctx, ev, target.id, moved.changes, [LINKED_SKIP(input.date)], moved.caseUpdated);
    }
    if (details.hearingEventId !== undefined) throw new AppError('INVALID_INPUT', 'A hearing move cannot be linked after it was entered.');
    const caseId = input.caseId === undefined ? row.case_id : resolveCase(facts, input.caseId);
    const plain: EventForPlan = { kind: input.kind, date: input.date, caseId, details };
    const plan = planFor(plain, facts);
    const ev = writeEvent(ctx, row, version, caseId, input.date, resolvedDetails(plain, facts));
    if (ev.kind === 'asylum-clock-stop') {
      const clocks = recomputeAsylumClocks(ctx, row.person_id);
      audit(ctx, 'event.update', 'event', id, { updated: clocks.changes.updated.length });
      return result(ctx, ev, clocks.events, clocks.changes, [], null);
    }
    const changes = syncEventDeadlines(ctx, ev, facts, readClosures(ctx));
    const caseUpdated = followEvent(ctx, row, ev);
    audit(ctx, 'event.update', 'event', id, {
      updated: changes.updated.length,
      created: changes.created.length,
      removed: changes.removed.length,
    });
    return result(ctx, ev, ev.id, changes, plan.skipped, caseUpdated);
  })();
}

/** Deleting an event entered in error removes its deadlines too (done ones included: they were derived from the error). */
export function deleteEvent(ctx: Ctx, id: string, version: number): { deleted: true; removed: string[]; caseUpdated: string | null } {
  return ctx.db.transaction(() => {
    const row = eventRow(ctx, id);
    if (row.version !== version) throw staleWrite('event');
    const removed = (sql(ctx.db, 'SELECT id FROM deadlines WHERE event_id = ? ORDER BY id').all(id) as { id: string }[]).map((r) => r.id);
    sql(ctx.db, 'DELETE FROM deadlines WHERE event_id = ?').run(id);
    sql(ctx.db, 'DELETE FROM events WHERE id = ?').run(id);
    if (row.kind === 'asylum-clock-stop') recomputeAsylumClocks(ctx, row.person_id);
    const hearing = hearingOf(row.kind, row.date, detailsOf(row));
    const caseUpdated = hearing ? followDelete(ctx, row.case_id, id, hearing) : null;
    audit(ctx, 'event.delete', 'event', id, { removed: removed.length });
    return { deleted: true as const, removed, caseUpdated };
  })();
}

export function listEvents(ctx: Ctx, personId: string): EventView[] {
  personFacts(ctx, personId);
  return (sql(ctx.db, 'SELECT * FROM events WHERE person_id = ? ORDER BY date, id').all(personId) as EventRow[]).map(eventView);
}

/**
 * Closure days changed: every event with an open deadline is recomputed.
 * Rows whose result is unchanged are not written.
 */
export function recomputeForClosures(ctx: Ctx, closures: readonly string[]): number {
  // Walks open deadlines only (the docket index), not every deadline ever computed.
  const events = sql(
    ctx.db,
    `SELECT * FROM events WHERE id IN (
         SELECT event_id FROM deadlines INDEXED BY deadlines_docket WHERE status = 'open' AND event_id IS NOT NULL) ORDER BY id`,
  ).all() as EventRow[];
  let updated = 0;
  const facts = new Map<string, PersonFacts>();
  for (const ev of events) {
    let f = facts.get(ev.person_id);
    if (!f) facts.set(ev.person_id, (f = personFacts(ctx, ev.person_id)));
    updated += syncEventDeadlines(ctx, ev, f, closures).updated.length;
  }
  return updated;
}
