/**
 * A case's "next hearing" and its hearing event are one hearing: the case
 * makes the event (intake/case-hearings.ts), and when the event is moved,
 * entered or deleted here, the case follows inside the same transaction.
 * Otherwise a later save of the case (say, a new assignee) would put the old
 * date back on the hearing and its deadlines, and the CLI or a second window
 * would leave the two apart.
 *
 * Only a case that still shows the hearing being changed is touched: a case
 * whose next hearing someone set to another date keeps it.
 */
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { Ctx } from '../context';
import { audit } from '../audit';
import { sql } from '../db/statements';

export interface HearingAt {
  date: string;
  kind: 'master' | 'individual';
}

interface CaseRow {
  id: string;
  status: string;
  hearing_date: string | null;
  data: string;
}

/** What the event says about its hearing, or null when the event is not a hearing of its own. */
export function hearingOf(kind: string, date: string, details: Record<string, unknown>): HearingAt | null {
  const own = kind === 'hearing-scheduled' || (kind === 'hearing-moved' && details.hearingEventId === undefined);
  if (!own) return null;
  const k = details.hearingKind;
  // The contract requires a kind on every hearing of its own; a case hearing needs one too.
  return k === 'master' || k === 'individual' ? { date, kind: k } : null;
}

function caseRow(ctx: Ctx, caseId: string | null): CaseRow | null {
  if (!caseId) return null;
  const row = sql(ctx.db, 'SELECT id, status, hearing_date, data FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  return row && row.status !== 'closed' ? row : null;
}

/** Writes the case's next hearing (or clears it); returns the case id. */
function writeCaseHearing(ctx: Ctx, row: CaseRow, next: HearingAt | null, eventId: string): string {
  const data = JSON.parse(row.data) as CaseRecord;
  // The time belongs to the hearing the clinic was told about; a new date keeps it until someone corrects it, as the case form would.
  const nextHearing: CaseRecord['nextHearing'] = next ? { time: data.nextHearing?.time, date: next.date, kind: next.kind } : undefined;
  const record: CaseRecord = { ...data, nextHearing };
  if (!nextHearing) delete record.nextHearing;
  sql(
    ctx.db,
    `UPDATE cases SET hearing_date = @hd, hearing_time = @ht, hearing_kind = @hk, data = @data, version = version + 1,
         updated_at = @now, updated_by = @actor WHERE id = @id`,
  ).run({
    id: row.id,
    hd: nextHearing?.date ?? null,
    ht: nextHearing?.time ?? null,
    hk: nextHearing?.kind ?? null,
    data: JSON.stringify(record),
    now: ctx.now(),
    actor: ctx.actor,
  });
  audit(ctx, 'case.update', 'case', row.id, { followedEvent: eventId });
  return row.id;
}

/** A hearing event moved (date or kind): the case that showed its old date shows the new one. */
export function followMove(ctx: Ctx, caseId: string | null, eventId: string, before: HearingAt, after: HearingAt): string | null {
  if (before.date === after.date && before.kind === after.kind) return null;
  const row = caseRow(ctx, caseId);
  if (!row || row.hearing_date !== before.date) return null;
  return writeCaseHearing(ctx, row, after, eventId);
}

/**
 * A new hearing for a case: it becomes the case's next hearing when the case
 * has none, when the case's hearing has passed, or when the new one comes
 * sooner. A hearing entered after the fact (in the past) never replaces one to come.
 */
export function followAdd(ctx: Ctx, caseId: string | null, eventId: string, added: HearingAt): string | null {
  const row = caseRow(ctx, caseId);
  if (!row) return null;
  const today = ctx.today();
  const current = row.hearing_date;
  const replaces = current === null || (added.date >= today && (current < today || added.date < current));
  return replaces ? writeCaseHearing(ctx, row, added, eventId) : null;
}

/**
 * A hearing event deleted (entered in error): the case that showed it shows
 * the case's next remaining hearing to come, or none.
 */
export function followDelete(ctx: Ctx, caseId: string | null, eventId: string, deleted: HearingAt): string | null {
  const row = caseRow(ctx, caseId);
  if (!row || row.hearing_date !== deleted.date) return null;
  const rest = sql(
    ctx.db,
    `SELECT kind, date, details FROM events WHERE case_id = ? AND id <> ? AND date >= ?
         AND (kind = 'hearing-scheduled' OR (kind = 'hearing-moved' AND json_extract(details, '$.hearingEventId') IS NULL))
       ORDER BY date, id LIMIT 1`,
  ).get(row.id, eventId, ctx.today()) as { kind: string; date: string; details: string } | undefined;
  const next = rest ? hearingOf(rest.kind, rest.date, JSON.parse(rest.details) as Record<string, unknown>) : null;
  return writeCaseHearing(ctx, row, next, eventId);
}
