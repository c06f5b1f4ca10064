/**
 * The EOIR status log (issue 14 §4). A paralegal calls EOIR's automated case
 * information (hotline or portal) with the client's A-number and types what it
 * said; Amparo makes no network request. Each check is kept per person:
 * who checked, when, and what EOIR said. When it differs from the docket (the
 * case's next hearing, judge, court), the differences are returned, and
 * `eoir.apply` updates the case and its hearing event in one transaction (the
 * people service moves the hearing event; the deadlines service recomputes
 * exactly its deadlines).
 *
 * Who is due a check: people with an A-number and an open case, detained ones
 * not checked in 7 days and the others in 30 (settable, kept in `meta`).
 */
import { AppError } from '../../../shared/errors';
import type { OpParsedInput } from '../../../shared/contract';
import type { CaseView } from '../../../shared/views';
import type { EoirCheckView, EoirDifference, EoirDueRow, EoirField, EoirIntervals, EoirRecordResult } from '../../../shared/eoir';
import type { CaseRecord } from '../../../shared/schemas/intake';
import { newId, type Ctx } from '../context';
import { audit } from '../audit';
import { getPerson, updateCase } from '../intake/people';

export type EoirCheckInput = OpParsedInput<'eoir.record'>;

interface CheckRow {
  id: string;
  person_id: string;
  a_number: string;
  checked_at: string;
  checked_by: string;
  channel: 'hotline' | 'portal';
  hearing_date: string | null;
  hearing_time: string | null;
  hearing_kind: 'master' | 'individual' | null;
  judge: string | null;
  court: string | null;
  decision: string | null;
  decision_date: string | null;
  appeal_status: string | null;
  notes: string | null;
  applied_at: string | null;
  applied_by: string | null;
  applied_case: string | null;
}

const view = (r: CheckRow): EoirCheckView => ({
  id: r.id,
  personId: r.person_id,
  aNumber: r.a_number,
  checkedAt: r.checked_at,
  checkedBy: r.checked_by,
  channel: r.channel,
  hearing: r.hearing_date ? { date: r.hearing_date, time: r.hearing_time, kind: r.hearing_kind } : null,
  judge: r.judge,
  court: r.court,
  decision: r.decision,
  decisionDate: r.decision_date,
  appealStatus: r.appeal_status,
  notes: r.notes,
  applied: r.applied_at && r.applied_by && r.applied_case ? { at: r.applied_at, by: r.applied_by, caseId: r.applied_case } : null,
});

function checkRow(ctx: Ctx, id: string): CheckRow {
  const row = ctx.db.prepare('SELECT * FROM eoir_checks WHERE id = ?').get(id) as CheckRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That EOIR check is not in this vault.');
  return row;
}

/** The case a check is about: the one named, else the open case with a hearing, else the only open case. */
function caseFor(cases: readonly CaseView[], caseId: string | undefined): CaseView | null {
  if (caseId) {
    const c = cases.find((x) => x.id === caseId);
    if (!c) throw new AppError('INVALID_INPUT', 'That case does not belong to this person.');
    return c;
  }
  const open = cases.filter((c) => c.status !== 'closed');
  return open.find((c) => c.nextHearing?.date) ?? (open.length === 1 ? open[0]! : null);
}

const fold = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/** What EOIR said that the case does not say. Blank on EOIR's side is a difference only for the hearing date. */
export function differences(c: CaseView | null, r: CheckRow): EoirDifference[] {
  const out: EoirDifference[] = [];
  const h = c?.nextHearing;
  const pair = (field: EoirField, docket: string | null, eoir: string | null, blankCounts = false) => {
    if (eoir === null && !blankCounts) return;
    if (fold(docket) !== fold(eoir)) out.push({ field, docket, eoir });
  };
  pair('hearingDate', h?.date ?? null, r.hearing_date, true);
  if (r.hearing_date) {
    pair('hearingTime', h?.time ?? null, r.hearing_time);
    pair('hearingKind', h?.kind ?? null, r.hearing_kind);
  }
  pair('judge', c?.judge ?? null, r.judge);
  pair('court', c?.court ?? null, r.court);
  return out;
}

export function recordCheck(ctx: Ctx, input: EoirCheckInput): EoirRecordResult {
  return ctx.db.transaction((): EoirRecordResult => {
    const person = getPerson(ctx, input.personId);
    if (person.mergedInto) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
    const aNumber = person.person.aNumber;
    if (!aNumber) throw new AppError('INVALID_INPUT', 'This person has no A-number on file: EOIR cannot be checked without one.');
    const c = caseFor(person.cases, input.caseId);
    const id = newId();
    const h = input.hearing;
    ctx.db
      .prepare(
        `INSERT INTO eoir_checks(id, person_id, a_number, checked_at, checked_by, channel, hearing_date, hearing_time, hearing_kind,
           judge, court, decision, decision_date, appeal_status, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        person.id,
        aNumber,
        input.checkedAt ?? ctx.now(),
        ctx.actor,
        input.channel,
        h?.date ?? null,
        h?.time ?? null,
        h?.kind ?? null,
        input.judge ?? null,
        input.court ?? null,
        input.decision ?? null,
        input.decisionDate ?? null,
        input.appealStatus ?? null,
        input.notes ?? null,
      );
    audit(ctx, 'eoir.check', 'person', person.id, { check: id });
    const row = checkRow(ctx, id);
    return { check: view(row), caseId: c?.id ?? null, differences: differences(c, row) };
  })();
}

export function listChecks(ctx: Ctx, personId: string): EoirCheckView[] {
  getPerson(ctx, personId);
  return (
    ctx.db.prepare('SELECT * FROM eoir_checks WHERE person_id = ? ORDER BY checked_at DESC, id DESC').all(personId) as CheckRow[]
  ).map(view);
}

/**
 * Puts what a check said on the case: next hearing (date, time, kind), judge
 * and court. The people service moves the case's hearing event with it and
 * the deadlines service recomputes that event's deadlines, all in this one
 * transaction; the check records that it was applied.
 */
export function applyCheck(
  ctx: Ctx,
  checkId: string,
  caseId: string,
  caseVersion: number,
): { case: CaseView; differences: EoirDifference[] } {
  return ctx.db.transaction(() => {
    const row = checkRow(ctx, checkId);
    const person = getPerson(ctx, row.person_id);
    const c = caseFor(person.cases, caseId)!;
    if (c.version !== caseVersion) {
      throw new AppError('STALE_WRITE', 'Someone saved this case after you opened it. Reload it, then make your change again.');
    }
    const diffs = differences(c, row);
    if (diffs.length === 0) throw new AppError('INVALID_INPUT', 'The case already says what EOIR said: nothing to update.');
    const { id: _id, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, personId: _p, ...record } = c;
    const next: CaseRecord = { ...record };
    if (row.hearing_date) {
      next.nextHearing = {
        date: row.hearing_date,
        time: row.hearing_time ?? c.nextHearing?.time,
        kind: row.hearing_kind ?? c.nextHearing?.kind ?? 'master',
      };
    }
    if (row.judge) next.judge = row.judge;
    if (row.court) next.court = row.court;
    const updated = updateCase(ctx, c.id, caseVersion, next);
    ctx.db
      .prepare('UPDATE eoir_checks SET applied_at = ?, applied_by = ?, applied_case = ? WHERE id = ?')
      .run(ctx.now(), ctx.actor, c.id, checkId);
    audit(ctx, 'eoir.apply', 'case', c.id, { check: checkId, fields: diffs.map((d) => d.field) });
    return { case: updated, differences: diffs };
  })();
}

const INTERVALS_KEY = 'eoir.intervals';
const DEFAULT_INTERVALS: EoirIntervals = { detainedDays: 7, otherDays: 30 };

export function intervals(ctx: Ctx): EoirIntervals {
  const row = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(INTERVALS_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as EoirIntervals) : DEFAULT_INTERVALS;
}

export function setIntervals(ctx: Ctx, next: EoirIntervals): EoirIntervals {
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(INTERVALS_KEY, JSON.stringify(next));
    audit(ctx, 'eoir.intervals', 'meta', INTERVALS_KEY, { ...next });
  })();
  return next;
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** Everyone due a check on `today`: detained first, never checked first, then the longest unchecked. */
export function dueChecks(
  ctx: Ctx,
  q: { today?: string | undefined; detainedDays?: number | undefined; otherDays?: number | undefined },
): {
  today: string;
  intervals: EoirIntervals;
  rows: EoirDueRow[];
} {
  const saved = intervals(ctx);
  const iv = { detainedDays: q.detainedDays ?? saved.detainedDays, otherDays: q.otherDays ?? saved.otherDays };
  const today = q.today ?? ctx.today();
  const rows = ctx.db
    .prepare(
      `SELECT p.id, p.given_name, p.family_name, p.a_number, p.detained, p.facility,
              (SELECT max(checked_at) FROM eoir_checks e WHERE e.person_id = p.id) AS last
       FROM people p
       WHERE p.merged_into IS NULL AND p.a_number IS NOT NULL
         AND EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.status <> 'closed')`,
    )
    .all() as Array<{
    id: string;
    given_name: string;
    family_name: string;
    a_number: string;
    detained: number;
    facility: string | null;
    last: string | null;
  }>;
  const now = dayNumber(today);
  const due: EoirDueRow[] = [];
  for (const r of rows) {
    const days = r.last === null ? null : now - dayNumber(r.last);
    const limit = r.detained === 1 ? iv.detainedDays : iv.otherDays;
    if (days !== null && days < limit) continue;
    due.push({
      personId: r.id,
      name: `${r.given_name} ${r.family_name}`.trim(),
      aNumber: r.a_number,
      detained: r.detained === 1,
      facility: r.facility,
      lastCheckedAt: r.last,
      daysSince: days,
    });
  }
  due.sort(
    (a, b) =>
      Number(b.detained) - Number(a.detained) ||
      (a.daysSince === null ? -1 : 0) - (b.daysSince === null ? -1 : 0) ||
      (b.daysSince ?? 0) - (a.daysSince ?? 0) ||
      a.name.localeCompare(b.name),
  );
  return { today, intervals: iv, rows: due };
}
