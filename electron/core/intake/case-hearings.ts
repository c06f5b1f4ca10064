/**
 * A case's "next hearing", typed at intake or on the case, is a hearing event
 * like any other: it creates the pre-hearing filing deadline on the docket,
 * and changing the date moves exactly that deadline.
 */
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { Ctx } from '../context';
import { enterEvent, updateEvent } from '../deadlines/events';
import { sql } from '../db/statements';

export function syncCaseHearing(ctx: Ctx, personId: string, caseId: string, c: CaseRecord, previousDate: string | null = null): void {
  const hearing = c.nextHearing;
  if (!hearing?.date || !hearing.kind || c.status === 'closed') return;
  // The event the case showed (its previous date) is the one that moves; else the latest entered.
  const existing = sql(
    ctx.db,
    `SELECT id, version, date, details FROM events WHERE case_id = ? AND kind = 'hearing-scheduled'
       ORDER BY date IS ? DESC, created_at DESC LIMIT 1`,
  ).get(caseId, previousDate) as { id: string; version: number; date: string; details: string } | undefined;
  if (!existing) {
    // Always inside the case write's transaction; the event's result (its deadlines as views) is not needed here.
    enterEvent(ctx, personId, { kind: 'hearing-scheduled', date: hearing.date, caseId, details: { hearingKind: hearing.kind } });
    return;
  }
  // Keep what the event already knows (the judge's filing days, detention at
  // the time): the case only says the date and kind, and losing the rest would
  // drop the deadlines that depend on it.
  const { hearingKind, detained, days } = JSON.parse(existing.details) as { hearingKind?: string; detained?: boolean; days?: number };
  // A hearing that was removed from the case keeps its deadlines: dropping a deadline silently is the one thing we never do.
  if (existing.date === hearing.date && hearingKind === hearing.kind) return;
  const details = { hearingKind: hearing.kind, ...(detained === undefined ? {} : { detained }), ...(days === undefined ? {} : { days }) };
  updateEvent(ctx, existing.id, existing.version, { kind: 'hearing-scheduled', date: hearing.date, caseId, details });
}
