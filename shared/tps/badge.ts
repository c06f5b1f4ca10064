/**
 * The status badge a TPS country shows. The dataset's status is what the
 * research found on its as-of date; once the designation's end date has
 * passed, "Extended" (or "Designated") beside that date would tell a
 * volunteer that TPS still runs when nobody has checked. The badge then says
 * the end date passed and asks to verify, until a newer dataset says more.
 */
import type { TpsDeadlineReport } from './deadlines';

export type TpsBadge = TpsDeadlineReport['status'] | 'end-passed';
export type TpsBadgeTone = 'danger' | 'warning' | 'info' | 'ok';

const IN_EFFECT: ReadonlySet<string> = new Set(['designated', 'extended', 'auto-extended']);

const TONE: Record<TpsBadge, TpsBadgeTone> = {
  designated: 'ok',
  extended: 'ok',
  'auto-extended': 'info',
  'termination-announced': 'danger',
  terminated: 'danger',
  'terminated-stayed': 'warning',
  litigation: 'warning',
  'end-passed': 'warning',
};

export function tpsBadge(report: Pick<TpsDeadlineReport, 'status' | 'deadlines'>): { badge: TpsBadge; tone: TpsBadgeTone } {
  const endPassed = report.deadlines.some((d) => d.kind === 'designation-end' && d.passed);
  const badge: TpsBadge = endPassed && IN_EFFECT.has(report.status) ? 'end-passed' : report.status;
  return { badge, tone: TONE[badge] };
}
