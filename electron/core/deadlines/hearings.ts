/**
 * Scheduled hearings, for the calendar export, and the rule the docket's copy
 * of them follows (migration 0022 keeps it by triggers, with this same SQL; a
 * test holds the two equal). A hearing is an
 * event: `hearing-scheduled`, or a `hearing-moved` entered on its own (a move
 * linked to a hearing event changes that event's date instead, so it is not a
 * hearing of its own). A hearing that an unlinked move replaced (same person
 * and case, the move's previous date) is not shown twice. Hearings of closed
 * cases and of merged-away records are left out. Time, court and judge come
 * from the case when it has them; the time only when the case's hearing is on
 * that same date.
 *
 * Read through the partial index events_hearings (migration 0005), which holds
 * every event column read here (migration 0019): no event row is read.
 */
import type { Localized } from '../../../shared/deadlines';
import type { DocketHearing } from '../../../shared/views';
import type { Ctx } from '../context';
import { sqlArrays } from '../db/statements';

export interface HearingRow {
  id: string;
  person_id: string;
  case_id: string | null;
  date: string;
  details: string;
  version: number;
  updated_at: string;
  given_name: string;
  family_name: string;
  detained: number;
  assignee: string | null;
  case_type: string | null;
  court: string | null;
  judge: string | null;
  case_hearing_date: string | null;
  case_hearing_time: string | null;
}

export interface HearingQuery {
  /** Inclusive; null: no bound. */
  from: string | null;
  to: string | null;
  assignee?: string | undefined;
  caseType?: string | undefined;
  personId?: string | undefined;
}

export const HEARING_LABELS: Record<'master' | 'individual' | 'other', Localized> = {
  master: { en: 'Master calendar hearing', es: 'Audiencia de calendario maestro' },
  individual: { en: 'Individual (merits) hearing', es: 'Audiencia individual (de fondo)' },
  other: { en: 'Hearing', es: 'Audiencia' },
};

// The docket copies' rule (rows.ts copiesFor): the case's assignee, else the person's.
const SQL = (where: string) => `
  SELECT e.id, e.person_id, e.case_id, e.date, e.details, e.version, e.updated_at,
         p.given_name, p.family_name, p.detained, coalesce(c.assigned_to, p.assigned_to) AS assignee,
         c.type AS case_type, c.court, c.judge, c.hearing_date AS case_hearing_date, c.hearing_time AS case_hearing_time
  FROM events e INDEXED BY events_hearings
  JOIN people p ON p.id = e.person_id
  LEFT JOIN cases c ON c.id = e.case_id
  WHERE e.kind IN ('hearing-scheduled', 'hearing-moved')
    AND NOT (e.kind = 'hearing-moved' AND json_extract(e.details, '$.hearingEventId') IS NOT NULL)
    AND p.merged_into IS NULL
    AND (c.id IS NULL OR c.status <> 'closed')
    AND NOT EXISTS (
      -- The small index of moves (0005): a probe that usually finds nothing, where the person's
      -- events (events_person) would be a random read of each of them under SQLCipher.
      SELECT 1 FROM events m INDEXED BY events_moves
      WHERE m.person_id = e.person_id AND m.kind = 'hearing-moved' AND m.case_id IS e.case_id AND m.id <> e.id
        AND json_extract(m.details, '$.hearingEventId') IS NULL AND json_extract(m.details, '$.previousDate') = e.date)${where}
  ORDER BY e.date, e.id`;

export function findHearings(ctx: Ctx, q: HearingQuery): HearingRow[] {
  let where = '';
  if (q.from !== null) where += ' AND e.date >= @from';
  if (q.to !== null) where += ' AND e.date <= @to';
  if (q.assignee !== undefined) where += ' AND coalesce(c.assigned_to, p.assigned_to) = @assignee';
  if (q.caseType !== undefined) where += ' AND c.type = @caseType';
  if (q.personId !== undefined) where += ' AND e.person_id = @personId';
  const rows = sqlArrays(ctx.db, SQL(where)).all({
    from: q.from,
    to: q.to,
    assignee: q.assignee,
    caseType: q.caseType,
    personId: q.personId,
  }) as HearingTuple[];
  // Named here, not by the driver: a JS literal per row costs a fraction of the driver's per-key object (sqlArrays).
  return rows.map((r) => ({
    id: r[0],
    person_id: r[1],
    case_id: r[2],
    date: r[3],
    details: r[4],
    version: r[5],
    updated_at: r[6],
    given_name: r[7],
    family_name: r[8],
    detained: r[9],
    assignee: r[10],
    case_type: r[11],
    court: r[12],
    judge: r[13],
    case_hearing_date: r[14],
    case_hearing_time: r[15],
  }));
}

/** SQL's columns in order. */
type HearingTuple = [
  id: string,
  person_id: string,
  case_id: string | null,
  date: string,
  details: string,
  version: number,
  updated_at: string,
  given_name: string,
  family_name: string,
  detained: number,
  assignee: string | null,
  case_type: string | null,
  court: string | null,
  judge: string | null,
  case_hearing_date: string | null,
  case_hearing_time: string | null,
];

export function hearingOf(r: HearingRow): DocketHearing {
  const kind = (JSON.parse(r.details) as { hearingKind?: string }).hearingKind;
  return {
    hearingKind: kind === 'master' || kind === 'individual' ? kind : null,
    time: r.case_hearing_date === r.date ? r.case_hearing_time : null,
    court: r.court,
    judge: r.judge,
  };
}

export const hearingLabel = (h: DocketHearing): Localized => HEARING_LABELS[h.hearingKind ?? 'other'];
