import { z } from 'zod';
import {
  choice,
  flag,
  optionalChoice,
  optionalGroup,
  optionalParsedString,
  optionalText,
  requiredText,
  text,
  textList,
  type Parsed,
} from '../intake/fields';
import { optionalANumberSchema } from './anumber';
import { detentionHistorySchema } from './detention';
import { dateSchema, optionalDateSchema, type DateInput, type Today } from './dates';

/**
 * Intake schemas: the one source for form validation (react-hook-form's
 * zodResolver in the renderer) and for IPC validation (main process).
 *
 * They are built by `createIntakeSchemas` because two things differ by caller:
 * forms type dates as MM/DD/YYYY while IPC and storage carry ISO, and "today"
 * (for "not in the future") belongs to whoever owns a clock. Both variants
 * produce identical output types: ISO dates, 9-digit A-numbers, trimmed NFC
 * strings, blank optionals as undefined. Unknown keys are stripped.
 */

export const LIMITS = {
  name: 200,
  aliases: 20,
  shortText: 100,
  phone: 40,
  email: 254,
  street: 200,
  unit: 50,
  zip: 20,
  facility: 200,
  bookingNumber: 50,
  court: 200,
  outcome: 2000,
  familyNotes: 5000,
  urgentNeeds: 5000,
  notes: 20000,
  languages: 10,
  additionalContacts: 30,
  cases: 50,
  family: 100,
} as const;

export const SEXES = ['male', 'female'] as const;
export const ENTRY_MANNERS = ['EWI', 'visa', 'parole', 'CBP One', 'other'] as const;
/** Clients often do not know whether an order was entered (e.g. in absentia). */
export const PRIOR_ORDER_ANSWERS = ['no', 'yes', 'unknown'] as const;
export const TPS_STATUSES = ['eligible', 'pending', 'granted', 'denied', 'expired'] as const;
export const CASE_TYPES = [
  'removal-detained',
  'removal-nondetained',
  'tps',
  'asylum-affirmative',
  'asylum-defensive',
  'ead',
  'bond',
  'bia-appeal',
  'motion-to-reopen',
  'other',
] as const;
export const CASE_STATUSES = ['open', 'pending', 'closed'] as const;
export const HEARING_KINDS = ['master', 'individual'] as const;
export const CONSENT_METHODS = ['verbal', 'written', 'other'] as const;

export type CaseType = (typeof CASE_TYPES)[number];

/** A record's id (uuidv7, as newId writes): blank means none, anything else shaped like an id or refused. */
const optionalRecordId = () =>
  z
    .string({ error: 'text.invalid' })
    .trim()
    .max(64, { error: 'text.tooLong' })
    .regex(/^[0-9A-Za-z-]*$/, { error: 'text.invalid' })
    .nullish()
    .transform((s) => (s ? s : undefined));

const PHONE_CHARS = /^\+?[\d\s().-]+(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;

/** Loose on purpose: clients give US and foreign numbers in every layout. */
export function isPlausiblePhone(s: string): boolean {
  if (!PHONE_CHARS.test(s)) return false;
  const digits = s.replace(/(?:ext\.?|x)\s*\d+$/i, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

const optionalPhone = () => optionalText(LIMITS.phone).refine((s) => s === undefined || isPlausiblePhone(s), { error: 'phone.invalid' });
const optionalEmail = () => optionalText(LIMITS.email).pipe(z.email({ error: 'email.invalid' }).optional());

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const parseTime = (s: string): Parsed<string> => {
  const m = TIME.exec(s.trim());
  return m ? { value: `${m[1]!.padStart(2, '0')}:${m[2]}` } : { error: 'time.invalid' };
};

const AGE_MAX = 130;
/** Age inputs arrive as numbers (valueAsNumber, IPC) or as typed text. */
const optionalApproxAge = () =>
  z
    .union([z.number(), z.nan(), z.string().max(10)], { error: 'age.invalid' })
    .nullish()
    .transform((v, ctx): number | undefined => {
      if (v == null || (typeof v === 'string' && v.trim() === '') || Number.isNaN(v)) return undefined;
      const n = typeof v === 'number' ? v : Number(v.trim());
      if (Number.isInteger(n) && n >= 0 && n <= AGE_MAX) return n;
      ctx.issues.push({ code: 'custom', message: 'age.invalid', input: v });
      return z.NEVER;
    });

const always = { when: () => true } as const;

export interface IntakeSchemaOptions {
  /** 'us' for forms (MM/DD/YYYY, ISO also accepted); 'iso' for IPC and storage. */
  dates: DateInput;
  /** Today's ISO date, or a function read at each validation. */
  today: Today;
}

export function createIntakeSchemas({ dates, today }: IntakeSchemaOptions) {
  const pastDate = () => dateSchema({ input: dates, notAfter: today });
  const optionalPastDate = () => optionalDateSchema({ input: dates, notAfter: today });
  const optionalAnyDate = () => optionalDateSchema({ input: dates });

  const address = optionalGroup(
    {
      street: optionalText(LIMITS.street),
      unit: optionalText(LIMITS.unit),
      city: optionalText(LIMITS.shortText),
      state: optionalText(LIMITS.shortText),
      zip: optionalText(LIMITS.zip),
      /** County of residence: funders count clients by it (Reports → statistics). */
      county: optionalText(LIMITS.shortText),
      country: optionalText(LIMITS.shortText),
    },
    ['street', 'city', 'state', 'zip'],
  );

  const safeContact = optionalGroup(
    { name: optionalText(LIMITS.name), phone: optionalPhone(), relationship: optionalText(LIMITS.shortText) },
    ['name', 'phone', 'relationship'],
  );

  /**
   * More ways to reach the person than the main phone, email and address:
   * what a merge brings from the other record (a merge never drops one), or a
   * second number a volunteer adds.
   */
  const additionalContact = z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('phone'), phone: requiredText(LIMITS.phone).refine(isPlausiblePhone, { error: 'phone.invalid' }) }),
      z.object({ kind: z.literal('email'), email: requiredText(LIMITS.email).pipe(z.email({ error: 'email.invalid' })) }),
      z.object({
        kind: z.literal('address'),
        address: z.object({
          street: optionalText(LIMITS.street),
          unit: optionalText(LIMITS.unit),
          city: optionalText(LIMITS.shortText),
          state: optionalText(LIMITS.shortText),
          zip: optionalText(LIMITS.zip),
          country: optionalText(LIMITS.shortText),
        }),
      }),
      z.object({
        kind: z.literal('safeContact'),
        safeContact: z.object({
          name: optionalText(LIMITS.name),
          phone: optionalText(LIMITS.phone),
          relationship: optionalText(LIMITS.shortText),
        }),
      }),
    ],
    { error: 'option.invalid' },
  );
  const additionalContacts = z
    .array(additionalContact, { error: 'list.invalid' })
    .max(LIMITS.additionalContacts, { error: 'list.tooLong' })
    .default([]);

  /** Mononyms are common (Afghan records): familyName may be empty. */
  const names = {
    givenName: requiredText(LIMITS.name),
    familyName: text(LIMITS.name).default(''),
  };

  const dobOrAge = { dob: optionalPastDate(), approxAge: optionalApproxAge() };
  const hasDobOrAge = (p: { dob?: unknown; approxAge?: unknown }) => p.dob !== undefined || p.approxAge !== undefined;
  const dobOrAgeRule = { error: 'person.dobOrAgeRequired', path: ['dob'], ...always };

  const person = z
    .object({
      ...names,
      aliases: textList(LIMITS.name, LIMITS.aliases),
      ...dobOrAge,
      sex: optionalChoice(SEXES),
      countryOfBirth: optionalText(LIMITS.shortText),
      nationality: optionalText(LIMITS.shortText),
      languages: textList(LIMITS.shortText, LIMITS.languages),
      interpreterNeeded: flag(),
      aNumber: optionalANumberSchema,
      /** Optional: detained clients have no phone; safeContact reaches them. */
      phone: optionalPhone(),
      email: optionalEmail(),
      address,
      /** The address before the last change: the core keeps it when a save changes `address` (the AR-11 asks for it). */
      previousAddress: address,
      safeContact,
      additionalContacts,
    })
    .refine(hasDobOrAge, dobOrAgeRule);

  const detention = z.object({
    detained: z.boolean({ error: 'option.invalid' }),
    facility: optionalText(LIMITS.facility),
    bookingNumber: optionalText(LIMITS.bookingNumber),
    dateDetained: optionalPastDate(),
    iceFieldOffice: optionalText(LIMITS.shortText),
    /** Entered on the person's detention panel (detention.save); when present it decides the fields above. */
    history: detentionHistorySchema.optional(),
  });

  const history = z.object({
    lastEntryDate: optionalPastDate(),
    lastEntryManner: optionalChoice(ENTRY_MANNERS),
    priorOrders: choice(PRIOR_ORDER_ANSWERS).default('unknown'),
    priorOrdersDetails: optionalText(LIMITS.outcome, { multiline: true }),
    /** Ever arrested, cited, charged or convicted anywhere (the I-765 asks it for (c)(8)); details for the attorney. */
    arrests: choice(PRIOR_ORDER_ANSWERS).default('unknown'),
    arrestsDetails: optionalText(LIMITS.outcome, { multiline: true }),
    tpsCountry: optionalText(LIMITS.shortText),
    tpsStatus: optionalChoice(TPS_STATUSES),
    eadExpiry: optionalAnyDate(),
  });

  const nextHearing = optionalGroup(
    {
      date: optionalAnyDate(),
      time: optionalParsedString(parseTime, 'time.invalid', 10),
      kind: optionalChoice(HEARING_KINDS),
    },
    ['date', 'kind'],
  );

  const caseRecord = z.object({
    type: choice(CASE_TYPES),
    court: optionalText(LIMITS.court),
    judge: optionalText(LIMITS.name),
    nextHearing,
    assignedTo: optionalText(LIMITS.name),
    status: choice(CASE_STATUSES).default('open'),
    outcome: optionalText(LIMITS.outcome, { multiline: true }),
  });

  const familyMember = z.object({
    name: requiredText(LIMITS.name),
    /**
     * The family member's own record in this vault, when they have one: a
     * link kept beside the typed name (which stays, as said at intake). The
     * core checks that the record exists (LINK_NOT_FOUND).
     */
    personId: optionalRecordId(),
    relationship: requiredText(LIMITS.shortText),
    usCitizen: flag(),
    notes: optionalText(LIMITS.familyNotes, { multiline: true }),
  });

  const consent = z.object({
    date: pastDate(),
    how: choice(CONSENT_METHODS),
    language: requiredText(LIMITS.shortText),
  });

  /**
   * The full intake's consent: whether it was given, and only then when, how
   * and in which language (all three required). A record saved without
   * consent stores none. Callers that send no `given` (older ones, the CSV
   * path) record consent as given, so their date, method and language stay required.
   */
  const intakeConsent = z
    .object({
      // A form asks and waits for the answer; an IPC caller that sends none is an older one whose consent was given.
      given: dates === 'us' ? z.boolean({ error: 'option.invalid' }) : z.boolean({ error: 'option.invalid' }).default(true),
      date: optionalPastDate(),
      how: optionalChoice(CONSENT_METHODS),
      language: optionalText(LIMITS.shortText),
    })
    .superRefine((c, ctx) => {
      if (!c.given) return;
      for (const key of ['date', 'how', 'language'] as const) {
        if (c[key] === undefined)
          ctx.addIssue({ code: 'custom', message: key === 'how' ? 'option.invalid' : 'text.required', path: [key] });
      }
    })
    .transform((c): Consent | undefined => (c.given ? { date: c.date!, how: c.how!, language: c.language! } : undefined));

  const quickIntake = z
    .object({
      ...names,
      ...dobOrAge,
      /** Any format ('A 012-345-678', '12345678'); stored as 9 digits and checked against the vault like the full intake's. */
      aNumber: optionalANumberSchema,
      /** Optional: people met in detention often have no phone. */
      phone: optionalPhone(),
      detained: z.boolean({ error: 'option.invalid' }),
      facility: optionalText(LIMITS.facility),
      nextHearingDate: optionalAnyDate(),
      urgentNeeds: text(LIMITS.urgentNeeds, { multiline: true }).default(''),
    })
    .refine(hasDobOrAge, dobOrAgeRule)
    .refine((q) => !q.detained || q.facility !== undefined, {
      error: 'detention.facilityRequired',
      path: ['facility'],
      ...always,
    });

  const fullIntake = z.object({
    person,
    detention,
    history,
    cases: z.array(caseRecord, { error: 'list.invalid' }).max(LIMITS.cases, { error: 'list.tooLong' }).default([]),
    family: z.array(familyMember, { error: 'list.invalid' }).max(LIMITS.family, { error: 'list.tooLong' }).default([]),
    notes: text(LIMITS.notes, { multiline: true }).default(''),
    consent: intakeConsent,
  });

  return { person, detention, history, caseRecord, familyMember, consent, quickIntake, fullIntake };
}

export type IntakeSchemas = ReturnType<typeof createIntakeSchemas>;

/** Parsed values (what the core stores). */
export type Person = z.output<IntakeSchemas['person']>;
export type Address = NonNullable<Person['address']>;
export type SafeContact = NonNullable<Person['safeContact']>;
export type AdditionalContact = Person['additionalContacts'][number];
export type Detention = z.output<IntakeSchemas['detention']>;
export type History = z.output<IntakeSchemas['history']>;
export type CaseRecord = z.output<IntakeSchemas['caseRecord']>;
export type NextHearing = NonNullable<CaseRecord['nextHearing']>;
export type FamilyMember = z.output<IntakeSchemas['familyMember']>;
export interface Consent {
  date: string;
  how: (typeof CONSENT_METHODS)[number];
  language: string;
}
export type QuickIntake = z.output<IntakeSchemas['quickIntake']>;
export type FullIntake = z.output<IntakeSchemas['fullIntake']>;

/** Raw values as a form or an IPC caller supplies them. */
export type PersonInput = z.input<IntakeSchemas['person']>;
export type DetentionInput = z.input<IntakeSchemas['detention']>;
export type HistoryInput = z.input<IntakeSchemas['history']>;
export type CaseRecordInput = z.input<IntakeSchemas['caseRecord']>;
export type FamilyMemberInput = z.input<IntakeSchemas['familyMember']>;
export type ConsentInput = z.input<IntakeSchemas['consent']>;
export type QuickIntakeInput = z.input<IntakeSchemas['quickIntake']>;
export type FullIntakeInput = z.input<IntakeSchemas['fullIntake']>;
