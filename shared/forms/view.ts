/**
 * The case data view: the one flat-ish shape every form map reads from.
 *
 * Field maps (resources/forms/<form>/<edition>.json) point into this view with
 * dotted paths such as `person.familyName` or `history.entries.0.date`. An
 * adapter builds a FormView from database records; the fill engine never
 * sees the records themselves. Rules for the adapter:
 *
 * - Leave a property out (or `undefined`) when unknown. Never put placeholders
 *   such as "N/A" here: forms have their own conventions and the maps apply them.
 * - Dates are legal dates, `YYYY-MM-DD` strings. Maps reformat them.
 * - Strings are NFC-normalised and already trimmed.
 * - Phone numbers: digits only, U.S. numbers as 10 digits (a leading `1` is tolerated).
 * - A-Numbers: 9 digits, no `A` (the project's stored form).
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

export interface AddressView {
  /** Street number and name, e.g. "1200 Main St". */
  street: string;
  unitType?: 'apt' | 'ste' | 'flr';
  /** Apartment, suite or floor number, without the type word. */
  unit?: string;
  city: string;
  /** Two-letter USPS code for U.S. addresses. */
  state?: string;
  /** U.S. ZIP (5 digits or ZIP+4). */
  zip?: string;
  /** Non-U.S. addresses only. */
  province?: string;
  postalCode?: string;
  /** Leave out for U.S. addresses. */
  country?: string;
  /** "In care of" name, for mailing addresses. */
  inCareOf?: string;
}

export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed' | 'separated';

export interface PersonView {
  /** All given names, as the person writes them ("José María"). May be the only name. */
  givenName: string;
  /** All family names ("García López"). Empty string for a mononym: maps apply USCIS's FNU rule. */
  familyName: string;
  middleName?: string;
  /** Other names used: maiden names, aliases, other spellings. */
  aliases?: string[];
  dob: IsoDate;
  sex?: 'M' | 'F' | 'X';
  cityOfBirth?: string;
  countryOfBirth?: string;
  /** Present nationality (citizenship). */
  nationality?: string;
  nationalityAtBirth?: string;
  /** 9 digits, no `A`. */
  aNumber?: string;
  uscisAccountNumber?: string;
  phone?: string;
  mobilePhone?: string;
  email?: string;
  /** Where the person physically lives. */
  address?: AddressView;
  /** Only when different from `address`. */
  mailingAddress?: AddressView;
  /** Where the person lived before the last address change (the AR-11's previous physical address). */
  previousAddress?: AddressView;
  nativeLanguage?: string;
  /** Other languages spoken fluently. */
  languages?: string[];
  fluentInEnglish?: boolean;
  maritalStatus?: MaritalStatus;
  passport?: { country?: string; number?: string; expires?: IsoDate };
  travelDocumentNumber?: string;
}

export interface AttorneyView {
  givenName: string;
  familyName: string;
  middleName?: string;
  kind?: 'attorney' | 'accredited-representative';
  /** E.g. "State Bar of California". */
  licensingAuthority?: string;
  barNumber?: string;
  /** G-28 Part 2 item 1.c: subject to an order restricting the practice of law (explained in Part 6). */
  subjectToOrders?: boolean;
  firm?: string;
  /** Recognized organization, for accredited representatives. */
  organization?: string;
  accreditationExpires?: IsoDate;
  uscisAccountNumber?: string;
  address?: AddressView;
  phone?: string;
  mobilePhone?: string;
  fax?: string;
  email?: string;
}

export interface CaseView {
  /** Free-form case type from the case record, e.g. "asylum-affirmative". */
  type: string;
  /** Immigration court, when in proceedings. */
  court?: string;
  /** I-589 item 18: has the person been in immigration court proceedings? */
  proceedings?: 'never' | 'now' | 'past';
  /** Agency a G-28 appearance is entered before. */
  appearanceBefore?: 'uscis' | 'ice' | 'cbp';
  /** Form numbers or matter the appearance concerns (e.g. "I-589"). */
  matter?: string;
  receiptNumber?: string;
  /** G-28 Part 3 item 5: on whose request the representative appears. */
  clientRole?: 'applicant' | 'petitioner' | 'requestor' | 'beneficiary' | 'respondent';
  /** I-589: also apply for withholding under the Convention Against Torture. */
  requestsCatWithholding?: boolean;
  /**
   * I-765 item 27, the work-permit eligibility category, as USCIS writes it:
   * "(c)(8)" (pending asylum), "(a)(12)" (TPS granted), "(c)(19)" (TPS
   * applied for, I-821 pending). Absent when the case does not say.
   */
  eadCategory?: string;
  /** I-765 item 30, for (c)(8) only: ever arrested for or convicted of a crime. Absent when unknown (never a guess). */
  arrestedOrConvicted?: boolean;
}

export interface DetentionView {
  detained: boolean;
  facility?: string;
  since?: IsoDate;
}

export interface EntryView {
  date?: IsoDate;
  /** Port or place of entry, e.g. "San Ysidro, CA". */
  place?: string;
  /** Status or manner of entry, e.g. "EWI", "B-2", "parole". */
  status?: string;
  statusExpires?: IsoDate;
}

export interface HistoryView {
  /** When the person last left their country. */
  lastLeftCountryDate?: IsoDate;
  i94Number?: string;
  /** Entries into the U.S., most recent first: `entries.0` is the last entry. */
  entries?: EntryView[];
  /** Immigration status or category now, as forms ask for it ("TPS", "Asylum applicant"). */
  currentStatus?: string;
}

export interface FormView {
  person: PersonView;
  case?: CaseView;
  attorney?: AttorneyView;
  detention?: DetentionView;
  history?: HistoryView;
}

type Obj = Record<string, unknown>;

/**
 * Every dotted path a map may name; array elements are written with a number
 * (`history.entries.0.date`). Computed from the types so a renamed property
 * breaks the build of every path list that names it.
 */
export type ViewPath = PathsOf<FormView>;

type PathsOf<T> = {
  [K in keyof T & string]-?: K | SubPaths<K, NonNullable<T[K]>>;
}[keyof T & string];

type SubPaths<K extends string, V> = V extends readonly (infer E)[]
  ? `${K}.${number}` | (E extends object ? `${K}.${number}.${PathsOf<E>}` : never)
  : V extends object
    ? `${K}.${PathsOf<V>}`
    : never;

/** Runtime twin of ViewPath, with `#` standing for an array index. */
export const VIEW_PATHS = [
  'person',
  'person.givenName',
  'person.familyName',
  'person.middleName',
  'person.aliases',
  'person.aliases.#',
  'person.dob',
  'person.sex',
  'person.cityOfBirth',
  'person.countryOfBirth',
  'person.nationality',
  'person.nationalityAtBirth',
  'person.aNumber',
  'person.uscisAccountNumber',
  'person.phone',
  'person.mobilePhone',
  'person.email',
  ...addressPaths('person.address'),
  ...addressPaths('person.mailingAddress'),
  ...addressPaths('person.previousAddress'),
  'person.nativeLanguage',
  'person.languages',
  'person.fluentInEnglish',
  'person.maritalStatus',
  'person.passport',
  'person.passport.country',
  'person.passport.number',
  'person.passport.expires',
  'person.travelDocumentNumber',
  'case',
  'case.type',
  'case.court',
  'case.proceedings',
  'case.appearanceBefore',
  'case.matter',
  'case.receiptNumber',
  'case.clientRole',
  'case.requestsCatWithholding',
  'case.eadCategory',
  'case.arrestedOrConvicted',
  'attorney',
  'attorney.givenName',
  'attorney.familyName',
  'attorney.middleName',
  'attorney.kind',
  'attorney.licensingAuthority',
  'attorney.barNumber',
  'attorney.subjectToOrders',
  'attorney.firm',
  'attorney.organization',
  'attorney.accreditationExpires',
  'attorney.uscisAccountNumber',
  ...addressPaths('attorney.address'),
  'attorney.phone',
  'attorney.mobilePhone',
  'attorney.fax',
  'attorney.email',
  'detention',
  'detention.detained',
  'detention.facility',
  'detention.since',
  'history',
  'history.lastLeftCountryDate',
  'history.i94Number',
  'history.entries',
  'history.entries.#',
  'history.entries.#.date',
  'history.entries.#.place',
  'history.entries.#.status',
  'history.entries.#.statusExpires',
  'history.currentStatus',
] as const;

function addressPaths<P extends string>(prefix: P) {
  const keys = [
    'street',
    'unitType',
    'unit',
    'city',
    'state',
    'zip',
    'province',
    'postalCode',
    'country',
    'inCareOf',
  ] as const satisfies readonly (keyof AddressView)[];
  return [prefix, ...keys.map((k) => `${prefix}.${k}` as const)] as const;
}

// Compile-time guard: each runtime path, with `#` read as an index, is a real path.
type Indexed<S extends string> = S extends `${infer A}.#${infer B}` ? Indexed<`${A}.${number}${B}`> : S;
type _PathsAreReal = Indexed<(typeof VIEW_PATHS)[number]> extends ViewPath ? true : never;
const _pathsAreReal: _PathsAreReal = true;
void _pathsAreReal;

const KNOWN = new Set<string>(VIEW_PATHS);

/** Whether a dotted path (numbers for indices) names something in FormView. */
export function isViewPath(path: string): boolean {
  return KNOWN.has(path.replace(/\.\d+(?=\.|$)/g, '.#'));
}

/** Reads a dotted path; missing links give `undefined`, never a throw. */
export function readPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[key];
  }
  return cur;
}
