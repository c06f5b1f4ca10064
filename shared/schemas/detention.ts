/**
 * A person's detention history (issue 14 §3): the arrest, each facility with
 * its dates (a transfer ends one stay and starts the next), the booking or
 * jail id, the bond, the ankle monitor, the release. It is stored in the
 * person's record (`detention.history`), always with ISO dates, and it decides
 * what used to be typed by hand: whether the person is detained, the current
 * facility and booking number, and (through `detainedOn`) whether a hearing is
 * on the detained or the non-detained docket.
 */
import { z } from 'zod';
import { isValidDate } from '../deadlines/dates';

const date = z.string().max(10).refine(isValidDate, { message: 'date.invalid' });
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\p{Cc}]/u.test(s), { message: 'text.invalidCharacters' });

export const BOND_SETTERS = ['ice', 'ij'] as const;
export const RELEASE_KINDS = ['bond', 'parole', 'recognizance', 'atd', 'order', 'other'] as const;

export const staySchema = z
  .object({
    /** As typed, or the listed facility's name. */
    facility: line(200),
    /** The facility list entry, when the facility was picked from it. */
    facilityId: line(80).optional(),
    from: date,
    /** Missing: still there (only the last stay may be open). */
    to: date.optional(),
    bookingId: line(50).optional(),
  })
  .strict()
  .refine((s) => s.to === undefined || s.to >= s.from, { message: 'detention.stayEndsBeforeStart', path: ['to'] });

export const bondSchema = z
  .object({
    /** US dollars. */
    amount: z.number().int().min(0).max(10_000_000).optional(),
    setBy: z.enum(BOND_SETTERS).optional(),
    date: date.optional(),
    posted: z.boolean(),
    postedDate: date.optional(),
  })
  .strict()
  .refine((b) => b.posted || b.postedDate === undefined, { message: 'detention.postedDateWithoutPosted', path: ['postedDate'] });

export const detentionHistorySchema = z
  .object({
    arrestDate: date.optional(),
    stays: z.array(staySchema).max(50),
    bond: bondSchema.optional(),
    ankleMonitor: z.boolean().default(false),
    releasedOn: date.optional(),
    releaseKind: z.enum(RELEASE_KINDS).optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    h.stays.forEach((s, i) => {
      const prev = h.stays[i - 1];
      if (!prev) return;
      if (prev.to === undefined) issue(['stays', i - 1, 'to'], 'detention.openStayNotLast');
      else if (s.from < prev.to) issue(['stays', i, 'from'], 'detention.staysOverlap');
    });
    const first = h.stays[0];
    const last = h.stays[h.stays.length - 1];
    if (h.arrestDate && first && first.from < h.arrestDate) issue(['arrestDate'], 'detention.arrestAfterStay');
    if (h.releasedOn !== undefined) {
      if (!last) issue(['releasedOn'], 'detention.releaseWithoutStay');
      else if (h.releasedOn < last.from) issue(['releasedOn'], 'detention.releaseBeforeStay');
      else if (last.to !== undefined && last.to > h.releasedOn) issue(['releasedOn'], 'detention.releaseBeforeStay');
    }
    if (h.releaseKind !== undefined && h.releasedOn === undefined) issue(['releaseKind'], 'detention.releaseKindWithoutDate');
  });

export type DetentionStay = z.output<typeof staySchema>;
export type Bond = z.output<typeof bondSchema>;
export type DetentionHistory = z.output<typeof detentionHistorySchema>;
export type DetentionHistoryInput = z.input<typeof detentionHistorySchema>;

/** The last day of a stay, or null while it is open (a release closes the last stay). */
function stayEnd(h: DetentionHistory, i: number): string | null {
  const s = h.stays[i]!;
  if (s.to !== undefined) return s.to;
  return i === h.stays.length - 1 ? (h.releasedOn ?? null) : null;
}

/** What the history says now: detained, where, since when. */
export interface DetentionNow {
  detained: boolean;
  facility: string | undefined;
  facilityId: string | undefined;
  bookingNumber: string | undefined;
  dateDetained: string | undefined;
}

export function detentionNow(h: DetentionHistory): DetentionNow {
  const i = h.stays.length - 1;
  const last = h.stays[i];
  const detained = last !== undefined && stayEnd(h, i) === null;
  // This detention began at the arrest or, without one, at the first stay of the unbroken run of transfers.
  let start = i;
  while (start > 0 && h.stays[start - 1]!.to !== undefined && h.stays[start - 1]!.to === h.stays[start]!.from) start -= 1;
  const began = h.stays[start]?.from;
  return {
    detained,
    facility: detained ? last.facility : undefined,
    facilityId: detained ? last.facilityId : undefined,
    bookingNumber: detained ? last.bookingId : undefined,
    dateDetained: detained ? (h.arrestDate && began && h.arrestDate <= began ? h.arrestDate : began) : undefined,
  };
}

/**
 * Whether the person is (or, for a later date while still held, will be)
 * detained on `date`: a stay covers it. This decides the docket of a hearing
 * on that date.
 */
export function detainedOn(h: DetentionHistory, date: string): boolean {
  return h.stays.some((s, i) => {
    const end = stayEnd(h, i);
    return s.from <= date && (end === null || date <= end);
  });
}

/** The typed detention fields a history decides (the rest of the section, such as the field office, stays as entered). */
export function withHistory<D extends { detained: boolean; history?: DetentionHistory | undefined }>(d: D): D {
  if (!d.history) return d;
  const now = detentionNow(d.history);
  const out: D = { ...d, detained: now.detained };
  const set = (k: 'facility' | 'bookingNumber' | 'dateDetained', v: string | undefined) => {
    if (v === undefined) delete (out as Record<string, unknown>)[k];
    else (out as Record<string, unknown>)[k] = v;
  };
  set('facility', now.facility);
  set('bookingNumber', now.bookingNumber);
  set('dateDetained', now.dateDetained);
  return out;
}
