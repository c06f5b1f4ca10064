/**
 * Closing a case: the outcome and closing date, and where the clinic reports
 * to LSC its CSR closure category and problem code (plus any other funder's
 * codes). The case's status becomes 'closed' through the intake service's
 * own update, in the same transaction, so the version check, the hearing
 * sync and the audit entry are the ones every case edit gets.
 */
import { AppError } from '../../../shared/errors';
import type { CaseOutcome, CaseClosingView } from '../../../shared/views';
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { Ctx } from '../context';
import { audit } from '../audit';
import { updateCase } from '../intake/people';
import { knownCode, LSC } from './codes';

export interface CloseInput {
  caseId: string;
  version: number;
  closedOn: string;
  outcome: CaseOutcome;
  closureCategory?: string | undefined;
  problemCode?: string | undefined;
  funderCodes: Record<string, string>;
}

interface ClosingRow {
  case_id: string;
  closed_on: string;
  outcome: string;
  closure_category: string | null;
  problem_code: string | null;
  funder_codes: string;
  recorded_at: string;
  recorded_by: string;
}

export function closeCase(ctx: Ctx, input: CloseInput): CaseClosingView {
  if (input.closedOn > ctx.today()) throw new AppError('INVALID_INPUT', 'The closing date cannot be in the future.');
  if (input.closureCategory !== undefined && !knownCode(ctx, LSC, 'closure', input.closureCategory)) {
    throw new AppError('INVALID_INPUT', 'That closure category is not in the list. Choose one from the list, or add it under Codes.');
  }
  if (input.problemCode !== undefined && !knownCode(ctx, LSC, 'problem', input.problemCode)) {
    throw new AppError('INVALID_INPUT', 'That problem code is not in the list. Choose one from the list, or add it under Codes.');
  }
  for (const [funder, code] of Object.entries(input.funderCodes)) {
    if (!knownCode(ctx, funder, 'closure', code) && !knownCode(ctx, funder, 'problem', code)) {
      throw new AppError('INVALID_INPUT', 'One of the funder codes is not in its list. Add it under Codes first.');
    }
  }
  ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT data FROM cases WHERE id = ?').get(input.caseId) as { data: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That case is not in this vault.');
    const record = JSON.parse(row.data) as CaseRecord;
    updateCase(ctx, input.caseId, input.version, { ...record, status: 'closed' });
    ctx.db
      .prepare(
        `INSERT INTO case_closings(case_id, closed_on, outcome, closure_category, problem_code, funder_codes, recorded_at, recorded_by)
         VALUES (@caseId, @closedOn, @outcome, @closure, @problem, @funders, @now, @actor)
         ON CONFLICT(case_id) DO UPDATE SET closed_on = excluded.closed_on, outcome = excluded.outcome,
           closure_category = excluded.closure_category, problem_code = excluded.problem_code, funder_codes = excluded.funder_codes,
           recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
      )
      .run({
        caseId: input.caseId,
        closedOn: input.closedOn,
        outcome: input.outcome,
        closure: input.closureCategory ?? null,
        problem: input.problemCode ?? null,
        funders: JSON.stringify(input.funderCodes),
        now: ctx.now(),
        actor: ctx.actor,
      });
    audit(ctx, 'case.close', 'case', input.caseId, { outcome: input.outcome });
  })();
  return getClosing(ctx, input.caseId)!;
}

export function getClosing(ctx: Ctx, caseId: string): CaseClosingView | null {
  const r = ctx.db.prepare('SELECT * FROM case_closings WHERE case_id = ?').get(caseId) as ClosingRow | undefined;
  if (!r) return null;
  return {
    caseId: r.case_id,
    closedOn: r.closed_on,
    outcome: r.outcome,
    closureCategory: r.closure_category,
    problemCode: r.problem_code,
    funderCodes: JSON.parse(r.funder_codes) as Record<string, string>,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}
