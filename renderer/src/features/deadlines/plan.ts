/**
 * Which rules an event will be computed with, for the live preview in the
 * event form. The core decides for real (electron/core/deadlines/mapping.ts,
 * the one legal mapping); this mirror only chooses which rules to ask
 * `deadlines.preview` about, and the save result (created, updated, skipped)
 * is always shown after saving, so a drift here could only mislabel a
 * preview, never a stored deadline.
 */
import type { MessageKey } from '../../../../shared/i18n';
import type { CaseView } from '../../../../shared/views';

export interface PlanInput {
  kind: string;
  details: Record<string, unknown>;
  /** The person's cases, for the asylum one-year rule when not decided explicitly. */
  cases: readonly Pick<CaseView, 'type' | 'status'>[];
}

export interface PlannedPreview {
  rule: string;
  mailed?: boolean;
  days?: number;
}

export interface Plan {
  rules: PlannedPreview[];
  /** A date the notice states (TPS re-registration), shown as is. */
  fixed: string | null;
  /** Why an expected deadline will not be created. */
  skipped: MessageKey[];
}

const bool = (v: unknown) => v === true;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function planPreview({ kind, details: d, cases }: PlanInput): Plan {
  const rules: PlannedPreview[] = [];
  const skipped: MessageKey[] = [];
  let fixed: string | null = null;
  const days = num(d.days);
  switch (kind) {
    case 'hearing-scheduled':
    case 'hearing-moved': {
      const detained = bool(d.detained);
      if (d.hearingKind === 'master' && !detained) rules.push({ rule: 'prehearing-filing-master-nondetained' });
      else if (d.hearingKind === 'individual' && !detained) rules.push({ rule: 'prehearing-filing-individual-nondetained' });
      else if (d.hearingKind === 'individual' && detained) {
        if (days === undefined) skipped.push('plan.skip.detainedIndividualNeedsDays');
        else rules.push({ rule: 'prehearing-filing-individual-detained', days });
      } else if (d.hearingKind === 'master' && detained) skipped.push('plan.skip.detainedMaster');
      break;
    }
    case 'ij-decision-oral':
    case 'ij-decision-written':
      rules.push({ rule: 'bia-appeal' }, { rule: 'motion-to-reopen' }, { rule: 'motion-to-reconsider' });
      if (bool(d.inAbsentia)) rules.push({ rule: 'motion-to-reopen-in-absentia' });
      break;
    case 'bia-decision':
      rules.push({ rule: 'petition-for-review' }, { rule: 'motion-to-reopen' }, { rule: 'motion-to-reconsider' });
      break;
    case 'final-order':
      rules.push({ rule: 'motion-to-reopen' }, { rule: 'motion-to-reconsider' });
      if (bool(d.inAbsentia)) rules.push({ rule: 'motion-to-reopen-in-absentia' });
      break;
    case 'uscis-notice': {
      const mailed = bool(d.mailed);
      if (d.subkind === 'rfe' || d.subkind === 'noid') {
        if (days !== undefined) rules.push({ rule: d.subkind === 'rfe' ? 'uscis-rfe' : 'uscis-noid', mailed, days });
      } else if (d.subkind === 'denial') rules.push({ rule: 'i-290b', mailed });
      break;
    }
    case 'last-arrival': {
      const open = cases.filter((c) => c.status !== 'closed');
      const applies =
        d.asylum === true ||
        (d.asylum === undefined && (open.length === 0 || open.some((c) => c.type.startsWith('asylum-') || c.type.startsWith('removal-'))));
      if (applies) rules.push({ rule: 'asylum-one-year' });
      else skipped.push('plan.skip.noAsylum');
      break;
    }
    case 'vd-granted':
      if (days !== undefined) {
        if (d.stage === 'pre-conclusion') rules.push({ rule: 'vd-pre-conclusion', days });
        else rules.push({ rule: 'vd-post-conclusion', days }, { rule: 'vd-bond' });
      }
      break;
    case 'address-changed':
      if (d.inCourt === false) skipped.push('plan.skip.notInCourt');
      else rules.push({ rule: 'eoir-33-change-of-address' });
      rules.push({ rule: 'ar-11-change-of-address' });
      break;
    case 'cfi-negative':
      rules.push({ rule: 'credible-fear-review' });
      break;
    case 'filing-served':
      rules.push({ rule: 'response-to-filing' });
      break;
    case 'asylum-filed':
      // Stops already entered are applied by the core on save; the preview counts from the filing.
      rules.push({ rule: 'asylum-ead-file' }, { rule: 'asylum-ead-eligible' });
      break;
    case 'asylum-clock-stop':
      skipped.push('plan.clockStop');
      break;
    case 'tps-reregistration-opened':
      if (typeof d.closes === 'string') fixed = d.closes;
      else skipped.push('plan.skip.noClosingDate');
      break;
    default:
      skipped.push('plan.skip.timelineOnly');
  }
  return { rules, fixed, skipped };
}
