import type { CaseType } from '../schemas/intake';
import { addYears, daysBetween, isValidIsoDate } from '../schemas/dates';
import { medicalTerms } from './medical';

/**
 * Urgency flags shown on intake and in lists: the situations where a clinic
 * loses a client's case by waiting. Pure date math on ISO strings; "today" is
 * passed in by whoever owns the clock.
 */

export const URGENCY_CODES = [
  'detained',
  'medical',
  'hearing-soon',
  'asylum-one-year-passed',
  'asylum-one-year-within-60-days',
  'work-permit-expired',
  'work-permit-expiring',
] as const;
export type UrgencyCode = (typeof URGENCY_CODES)[number];

export interface UrgencyFlag {
  code: UrgencyCode;
  /** Days from today to `date` (0 = today, negative = passed); null when no date applies. */
  daysLeft: number | null;
  /** The date the flag counts towards (hearing date, one-year deadline, work permit expiry). */
  date?: string;
  /** 'medical': the words that named a medical need, as typed. */
  terms?: string[];
}

export interface UrgencyInput {
  detained: boolean;
  nextHearingDate?: string | null;
  lastEntryDate?: string | null;
  /** Types of the person's open cases. */
  caseTypes: readonly CaseType[];
  /** Once the I-589 is filed the one-year deadline is met. */
  asylumFiled?: boolean;
  /** What the volunteer typed about needs and notes, read for medical needs (Spanish and English). */
  needsText?: string;
  /** The work permit (EAD) expiry on the record. */
  eadExpiry?: string | null;
}

/** A hearing this close needs a lawyer now (a detained master calendar hearing can come within three weeks). */
export const HEARING_WINDOW_DAYS = 21;
/** A work permit this close to expiring needs its renewal (or proof of an automatic extension) now. */
export const WORK_PERMIT_WARNING_DAYS = 90;
export const ASYLUM_WARNING_DAYS = 60;

const ASYLUM_CASE_TYPES: ReadonlySet<CaseType> = new Set(['asylum-affirmative', 'asylum-defensive']);

/**
 * The asylum one-year filing deadline (INA 208(a)(2)(B), 8 CFR 208.4(a)(2)):
 * the anniversary of the last arrival. An arrival on 29 February is due on
 * 28 February, the earlier and so the safe reading.
 */
export function asylumOneYearDeadline(lastEntryDate: string): string {
  return addYears(lastEntryDate, 1);
}

const validDate = (d: string | null | undefined): d is string => typeof d === 'string' && isValidIsoDate(d);

function hearingFlag(nextHearingDate: string | null | undefined, today: string): UrgencyFlag[] {
  if (!validDate(nextHearingDate)) return [];
  const daysLeft = daysBetween(today, nextHearingDate);
  return daysLeft >= 0 && daysLeft <= HEARING_WINDOW_DAYS ? [{ code: 'hearing-soon', daysLeft, date: nextHearingDate }] : [];
}

function medicalFlag(text: string | undefined): UrgencyFlag[] {
  const terms = medicalTerms(text ?? '');
  return terms.length ? [{ code: 'medical', daysLeft: null, terms }] : [];
}

function workPermitFlag(eadExpiry: string | null | undefined, today: string): UrgencyFlag[] {
  if (!validDate(eadExpiry)) return [];
  const daysLeft = daysBetween(today, eadExpiry);
  if (daysLeft < 0) return [{ code: 'work-permit-expired', daysLeft, date: eadExpiry }];
  return daysLeft <= WORK_PERMIT_WARNING_DAYS ? [{ code: 'work-permit-expiring', daysLeft, date: eadExpiry }] : [];
}

function asylumFlag(input: UrgencyInput, today: string): UrgencyFlag[] {
  const seekingAsylum = input.caseTypes.some((t) => ASYLUM_CASE_TYPES.has(t));
  if (!seekingAsylum || input.asylumFiled === true || !validDate(input.lastEntryDate)) return [];
  const date = asylumOneYearDeadline(input.lastEntryDate);
  const daysLeft = daysBetween(today, date);
  // Passed is still flagged: exceptions (changed or extraordinary circumstances) need argument, fast.
  if (daysLeft < 0) return [{ code: 'asylum-one-year-passed', daysLeft, date }];
  return daysLeft <= ASYLUM_WARNING_DAYS ? [{ code: 'asylum-one-year-within-60-days', daysLeft, date }] : [];
}

/** Flags in URGENCY_CODES order. Throws RangeError when `today` is not an ISO date. */
export function urgencyFlags(input: UrgencyInput, today: string): UrgencyFlag[] {
  if (!isValidIsoDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  const detained: UrgencyFlag[] = input.detained ? [{ code: 'detained', daysLeft: null }] : [];
  return [
    ...detained,
    ...medicalFlag(input.needsText),
    ...hearingFlag(input.nextHearingDate, today),
    ...asylumFlag(input, today),
    ...workPermitFlag(input.eadExpiry, today),
  ];
}
