/**
 * The intake forms' data: the form-facing schemas (MM/DD/YYYY dates, built
 * from the same shared schemas the core validates with), blank values, and
 * conversions between a stored record and what the form fields hold.
 * Nothing here touches storage: values live in React state and, as drafts,
 * only in the encrypted vault.
 */
import { z } from 'zod';
import { createIntakeSchemas, type CaseType } from '../../../../shared/schemas/intake';
import { formatUsDate, isoDateFromLocal, parseUsDate } from '../../../../shared/schemas/dates';
import { formatANumber, normalizeANumber } from '../../../../shared/schemas/anumber';
import { urgencyFlags, type UrgencyFlag } from '../../../../shared/intake/urgency';
import type { CaseView, PersonView } from '../../../../shared/views';

/** Today's date on this computer's clock, read at each validation. */
export const todayIso = (): string => isoDateFromLocal(new Date());

export const formSchemas = createIntakeSchemas({ dates: 'us', today: todayIso });

const blankGroup = (v: unknown): boolean =>
  v == null ||
  (typeof v === 'object' &&
    Object.values(v as Record<string, unknown>).every((x) => x === undefined || x === null || String(x).trim() === ''));

/** A stored record may have no consent yet (quick intakes): an all-blank consent group means "none". */
const optionalConsent = z.preprocess((v) => (blankGroup(v) ? undefined : v), formSchemas.consent.optional());

/** Editing a saved person: the same shape `people.update` takes, with form dates. */
export const editSchema = z.object({
  person: formSchemas.person,
  detention: formSchemas.detention,
  history: formSchemas.history,
  family: z.array(formSchemas.familyMember, { error: 'list.invalid' }).max(100, { error: 'list.tooLong' }),
  notes: z.string().max(20000, { error: 'text.tooLong' }),
  urgentNeeds: z.string().max(5000, { error: 'text.tooLong' }),
  consent: optionalConsent,
});

export type QuickValues = z.input<typeof formSchemas.quickIntake>;
export type QuickOutput = z.output<typeof formSchemas.quickIntake>;
export type FullValues = z.input<typeof formSchemas.fullIntake>;
export type FullOutput = z.output<typeof formSchemas.fullIntake>;
export type EditValues = z.input<typeof editSchema>;
export type EditOutput = z.output<typeof editSchema>;
export type CaseValues = z.input<typeof formSchemas.caseRecord>;
export type CaseOutput = z.output<typeof formSchemas.caseRecord>;
export type PersonValues = z.input<typeof formSchemas.person>;

export type IntakeMode = 'quick' | 'full';

const s = (v: string | null | undefined): string => v ?? '';
const us = (iso: string | null | undefined): string => (iso ? formatUsDate(iso) : '');

export function emptyQuick(): QuickValues {
  return {
    givenName: '',
    familyName: '',
    dob: '',
    approxAge: '',
    aNumber: '',
    phone: '',
    // No default: detained or not is a fact to ask, never to assume.
    detained: undefined as unknown as boolean,
    facility: '',
    nextHearingDate: '',
    urgentNeeds: '',
  };
}

export function emptyPerson(): PersonValues {
  return {
    givenName: '',
    familyName: '',
    aliases: [],
    dob: '',
    approxAge: '',
    sex: '',
    countryOfBirth: '',
    nationality: '',
    languages: [''],
    interpreterNeeded: false,
    aNumber: '',
    phone: '',
    email: '',
    address: { street: '', unit: '', city: '', state: '', zip: '', country: '' },
    safeContact: { name: '', phone: '', relationship: '' },
  };
}

export function emptyCase(): CaseValues {
  return {
    type: '' as CaseType,
    court: '',
    judge: '',
    nextHearing: { date: '', time: '', kind: '' },
    assignedTo: '',
    status: 'open',
    outcome: '',
  };
}

export const emptyFamilyMember = () => ({ name: '', personId: '', relationship: '', usCitizen: false, notes: '' });

const emptyDetention = (): FullValues['detention'] => ({
  detained: undefined as unknown as boolean,
  facility: '',
  bookingNumber: '',
  dateDetained: '',
  iceFieldOffice: '',
});

const emptyHistory = (): FullValues['history'] => ({
  lastEntryDate: '',
  lastEntryManner: '',
  priorOrders: 'unknown',
  priorOrdersDetails: '',
  arrests: 'unknown',
  arrestsDetails: '',
  tpsCountry: '',
  tpsStatus: '',
  eadExpiry: '',
});

export function emptyFull(): FullValues {
  return {
    person: emptyPerson(),
    detention: emptyDetention(),
    history: emptyHistory(),
    cases: [],
    family: [],
    notes: '',
    // Given or not is asked, never assumed.
    consent: { given: undefined as unknown as boolean, date: formatUsDate(todayIso()), how: '' as 'verbal', language: '' },
  };
}

/** Switching a half-typed quick intake to the full form keeps everything typed. */
export function quickToFull(q: QuickValues): FullValues {
  const full = emptyFull();
  full.person = {
    ...full.person,
    givenName: q.givenName,
    familyName: q.familyName,
    dob: q.dob,
    approxAge: q.approxAge,
    aNumber: q.aNumber ?? '',
    phone: q.phone ?? '',
  };
  full.detention = { ...full.detention, detained: q.detained, facility: q.facility };
  if (q.nextHearingDate) {
    full.cases = [
      {
        ...emptyCase(),
        type: q.detained ? 'removal-detained' : 'removal-nondetained',
        nextHearing: { date: q.nextHearingDate, time: '', kind: 'master' },
      },
    ];
  }
  full.notes = q.urgentNeeds ?? '';
  return full;
}

/** The stored record as the edit form shows it: MM/DD/YYYY dates, A-number with dashes, blanks as ''. */
export function toEditValues(v: PersonView): EditValues {
  const p = v.person;
  return {
    person: {
      givenName: p.givenName,
      familyName: p.familyName,
      aliases: [...p.aliases],
      dob: us(p.dob),
      approxAge: p.approxAge === undefined ? '' : String(p.approxAge),
      sex: s(p.sex),
      countryOfBirth: s(p.countryOfBirth),
      nationality: s(p.nationality),
      languages: p.languages.length > 0 ? [...p.languages] : [''],
      interpreterNeeded: p.interpreterNeeded,
      aNumber: p.aNumber ? formatANumber(p.aNumber) : '',
      phone: s(p.phone),
      email: s(p.email),
      address: {
        street: s(p.address?.street),
        unit: s(p.address?.unit),
        city: s(p.address?.city),
        state: s(p.address?.state),
        zip: s(p.address?.zip),
        country: s(p.address?.country),
      },
      safeContact: { name: s(p.safeContact?.name), phone: s(p.safeContact?.phone), relationship: s(p.safeContact?.relationship) },
      // Not edited on the form, but carried through a save: records stored before the list existed have none.
      additionalContacts: [...(p.additionalContacts ?? [])],
    },
    detention: {
      detained: v.detention.detained,
      facility: s(v.detention.facility),
      bookingNumber: s(v.detention.bookingNumber),
      dateDetained: us(v.detention.dateDetained),
      iceFieldOffice: s(v.detention.iceFieldOffice),
    },
    history: {
      lastEntryDate: us(v.history.lastEntryDate),
      lastEntryManner: s(v.history.lastEntryManner),
      priorOrders: v.history.priorOrders,
      priorOrdersDetails: s(v.history.priorOrdersDetails),
      arrests: v.history.arrests ?? 'unknown',
      arrestsDetails: s(v.history.arrestsDetails),
      tpsCountry: s(v.history.tpsCountry),
      tpsStatus: s(v.history.tpsStatus),
      eadExpiry: us(v.history.eadExpiry),
    },
    family: v.family.map((f) => ({
      name: f.name,
      personId: s(f.personId),
      relationship: f.relationship,
      usCitizen: f.usCitizen,
      notes: s(f.notes),
    })),
    notes: v.notes,
    urgentNeeds: v.urgentNeeds,
    consent: v.consent
      ? { date: us(v.consent.date), how: v.consent.how, language: v.consent.language }
      : { date: '', how: '' as 'verbal', language: '' },
  };
}

export function toCaseValues(c: CaseView): CaseValues {
  return {
    type: c.type,
    court: s(c.court),
    judge: s(c.judge),
    nextHearing: { date: us(c.nextHearing?.date), time: s(c.nextHearing?.time), kind: s(c.nextHearing?.kind) },
    assignedTo: s(c.assignedTo),
    status: c.status,
    outcome: s(c.outcome),
  };
}

/** A date as typed, if it is a real date; otherwise nothing (flags wait for a valid date). */
export const isoOrNull = (typed: unknown): string | null => (typeof typed === 'string' && typed.trim() ? parseUsDate(typed) : null);

function earliestUpcoming(dates: Array<string | null>, today: string): string | null {
  return dates.filter((d): d is string => !!d && d >= today).sort()[0] ?? null;
}

interface CaseLike {
  type?: unknown;
  status?: unknown;
  nextHearing?: { date?: unknown } | null | undefined;
}

const openCases = (cases: readonly CaseLike[] | undefined) => (cases ?? []).filter((c) => c.status !== 'closed');

/** Live urgency flags for what the form holds, by the shared rules. */
export function urgencyOf(
  input: {
    detained: unknown;
    hearingDates: unknown[];
    lastEntryDate?: unknown;
    cases?: readonly CaseLike[];
    needsText?: unknown;
    eadExpiry?: unknown;
  },
  today = todayIso(),
): UrgencyFlag[] {
  const caseTypes = openCases(input.cases)
    .map((c) => c.type)
    .filter((x): x is CaseType => typeof x === 'string' && x !== '');
  return urgencyFlags(
    {
      detained: input.detained === true,
      nextHearingDate: earliestUpcoming(input.hearingDates.map(isoOrNull), today),
      lastEntryDate: isoOrNull(input.lastEntryDate),
      caseTypes,
      needsText: typeof input.needsText === 'string' ? input.needsText : '',
      eadExpiry: isoOrNull(input.eadExpiry),
    },
    today,
  );
}

export const urgencyOfQuick = (v: Partial<QuickValues>) =>
  urgencyOf({ detained: v.detained, hearingDates: [v.nextHearingDate], needsText: v.urgentNeeds });

export const urgencyOfFull = (v: Partial<FullValues>) =>
  urgencyOf({
    detained: v.detention?.detained,
    hearingDates: openCases(v.cases).map((c) => c.nextHearing?.date),
    lastEntryDate: v.history?.lastEntryDate,
    cases: v.cases,
    needsText: v.notes,
    eadExpiry: v.history?.eadExpiry,
  });

/** What the duplicate check needs, from whatever is typed so far. */
export interface NameProbe {
  given: string;
  family: string;
  dob?: string;
  aNumber?: string;
}

export function probeOf(given: unknown, family: unknown, dob: unknown, aNumber: unknown): NameProbe | null {
  const g = typeof given === 'string' ? given.trim() : '';
  const f = typeof family === 'string' ? family.trim() : '';
  if (!g && !f) return null;
  const probe: NameProbe = { given: g, family: f };
  const d = isoOrNull(dob);
  if (d) probe.dob = d;
  const a = typeof aNumber === 'string' ? normalizeANumber(aNumber) : null;
  if (a) probe.aNumber = a;
  return probe;
}

/** True when nothing worth keeping has been typed (the blank form needs no draft). */
export function isBlank(values: unknown, ignore: ReadonlySet<string> = new Set()): boolean {
  const walk = (v: unknown, key: string): boolean => {
    if (ignore.has(key)) return true;
    if (v === undefined || v === null || v === false) return true;
    if (typeof v === 'string') return v.trim() === '' || v === 'unknown' || v === 'open';
    if (typeof v === 'number') return Number.isNaN(v);
    if (Array.isArray(v)) return v.every((x) => walk(x, key));
    if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).every(([k, x]) => walk(x, k));
    return false;
  };
  return walk(values, '');
}

export const fullName = (given: string, family: string): string => `${given} ${family}`.trim();
