/**
 * What the EOIR status log (issue 14 §4) shows: a check as typed from EOIR's
 * automated case information, how it differs from the docket, and who is due
 * a check. The service is electron/core/detention/eoir.ts.
 */

export interface EoirCheckView {
  id: string;
  personId: string;
  aNumber: string;
  checkedAt: string;
  checkedBy: string;
  channel: 'hotline' | 'portal';
  hearing: { date: string; time: string | null; kind: 'master' | 'individual' | null } | null;
  judge: string | null;
  court: string | null;
  decision: string | null;
  decisionDate: string | null;
  appealStatus: string | null;
  notes: string | null;
  applied: { at: string; by: string; caseId: string } | null;
}

export type EoirField = 'hearingDate' | 'hearingTime' | 'hearingKind' | 'judge' | 'court';

export interface EoirDifference {
  field: EoirField;
  docket: string | null;
  eoir: string | null;
}

export interface EoirRecordResult {
  check: EoirCheckView;
  /** The case the check was compared with (null: the person has no open case). */
  caseId: string | null;
  differences: EoirDifference[];
}

export interface EoirDueRow {
  personId: string;
  name: string;
  aNumber: string;
  detained: boolean;
  facility: string | null;
  lastCheckedAt: string | null;
  /** Whole days since the last check (null: never checked). */
  daysSince: number | null;
}

export interface EoirIntervals {
  detainedDays: number;
  otherDays: number;
}
