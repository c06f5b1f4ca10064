/**
 * A case's "next hearing", typed at intake or on the case, is a hearing event
 * like any other: it creates the pre-hearing filing deadline on the docket,
 * and changing the date moves exactly that deadline.
 */
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { Ctx } from '../context';
import { addEvent, updateEvent } from '../deadlines/events';

export function syncCaseHearing(ctx: Ctx, personId: string, caseId: string, c: CaseRecord): void {
  const hearing = c.nextHearing;
  if (!hearing?.date || !hearing.kind || c.status === 'closed') return;
  const existing = ctx.db
    .prepare(`SELECT id, version, date, details FROM events WHERE case_id = ? AND kind = 'hearing-scheduled' ORDER BY created_at DESC LIMIT 1`)
    .get(caseId) as { id: string; version: number; date: string; details: string } | undefined;
  const event = { kind: 'hearing-scheduled' as const, date: hearing.date, caseId, details: { hearingKind: hearing.kind } };
  if (!existing) {
    addEvent(ctx, personId, event);
    return;
  }
  const details = JSON.parse(existing.details) as { hearingKind?: string };
  // A hearing that was removed from the case keeps its deadlines: dropping a deadline silently is the one thing we never do.
  if (existing.date !== hearing.date || details.hearingKind !== hearing.kind) updateEvent(ctx, existing.id, existing.version, event);
}
