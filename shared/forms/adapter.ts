/**
 * Builds the fill engine's FormView from a stored person record. Pure: no
 * database, no clock. The rules of shared/forms/view.ts apply: unknown values
 * are left out (never "N/A"), dates stay YYYY-MM-DD, strings are trimmed NFC,
 * phones are digits, A-Numbers are 9 digits.
 *
 * What the intake record does not hold (middle name, passport, marital
 * status, entries before the last) is simply absent; the form keeps those
 * fields empty for the preparer to complete by hand.
 */
import type { CaseType } from '../schemas/intake';
import type { CaseView as CaseRecordView, PersonView as PersonRecord } from '../views';
import type { AddressView, AttorneyView, CaseView, DetentionView, FormView, HistoryView, PersonView } from './view';

export interface AdapterOptions {
  /** The case the form is about; by default the most recently updated open case. */
  caseId?: string;
  /** The clinic's attorney or accredited representative (settings), for G-28. */
  attorney?: AttorneyInput | null;
  /**
   * Which work permit the I-765 asks for, when the caller knows (a TPS drive
   * says 'tps'); otherwise it follows the chosen case, then any open asylum
   * case, then a TPS record. See eadCategoryOf.
   */
  eadBasis?: EadBasis | undefined;
}

export type EadBasis = 'tps' | 'asylum';

export function formViewFromPerson(record: PersonRecord, opts: AdapterOptions = {}): FormView {
  const view: FormView = { person: personView(record) };
  const chosen = pickCase(record.cases, opts.caseId);
  const kase = caseView(record, chosen);
  if (kase) view.case = kase;
  const attorney = opts.attorney ? attorneyView(opts.attorney) : undefined;
  if (attorney) view.attorney = attorney;
  const detention = detentionView(record);
  if (detention) view.detention = detention;
  const history = historyView(record);
  if (history) view.history = history;
  addWorkPermitBasis(view, record, chosen, opts.eadBasis);
  return view;
}

const ASYLUM_TYPES: ReadonlySet<CaseType> = new Set<CaseType>(['asylum-affirmative', 'asylum-defensive']);

/**
 * The I-765 eligibility category and the current status that goes with it:
 * (c)(8) for a pending asylum application; for TPS, (c)(19) while the I-821
 * is pending (or about to be filed with this I-765: "eligible"), (a)(12) once
 * granted, or when re-registering after it expired or with no status typed.
 * A denied TPS application gives no category: the preparer decides.
 */
export function eadCategoryOf(record: PersonRecord, chosen: CaseRecordView | undefined, basis: EadBasis | undefined): EadChoice {
  const open = record.cases.filter((c) => c.status !== 'closed');
  const asylum = open.some((c) => ASYLUM_TYPES.has(c.type));
  const h = record.history;
  const tps = open.some((c) => c.type === 'tps') || h.tpsCountry !== undefined || h.tpsStatus !== undefined;
  const useTps =
    basis === 'tps' || (basis === undefined && (chosen?.type === 'tps' || (!(chosen && ASYLUM_TYPES.has(chosen.type)) && !asylum && tps)));
  if (useTps) {
    const category = tpsEadCategory(h.tpsStatus ?? null);
    if (!category) return {};
    const status = h.tpsStatus === 'pending' ? 'TPS applicant' : h.tpsStatus === 'granted' ? 'TPS' : undefined;
    return { category, ...(status ? { status } : {}) };
  }
  return asylum ? { category: '(c)(8)', status: 'Asylum applicant' } : {};
}

/** The TPS work-permit category for a TPS status as the intake stores it (the TPS page shows it beside each person). */
export function tpsEadCategory(tpsStatus: string | null): '(a)(12)' | '(c)(19)' | null {
  if (tpsStatus === 'pending' || tpsStatus === 'eligible') return '(c)(19)';
  if (tpsStatus === 'denied') return null;
  return '(a)(12)';
}

export interface EadChoice {
  category?: string;
  status?: string;
}

function addWorkPermitBasis(view: FormView, record: PersonRecord, chosen: CaseRecordView | undefined, basis: EadBasis | undefined): void {
  const { category, status } = eadCategoryOf(record, chosen, basis);
  if (category) view.case = { ...(view.case ?? { type: chosen?.type ?? '' }), eadCategory: category };
  // The I-765's arrest question (item 30, asked for (c)(8) only: the map checks the category). Records saved
  // before intake asked it have no answer, and "does not know" leaves both boxes empty for the attorney.
  const arrests = (record.history as { arrests?: string }).arrests;
  if (view.case && (arrests === 'yes' || arrests === 'no')) view.case = { ...view.case, arrestedOrConvicted: arrests === 'yes' };
  if (status) view.history = { ...view.history, currentStatus: status };
}

function personView(record: PersonRecord): PersonView {
  const p = record.person;
  const languages = p.languages.map(clean).filter(isText);
  const out: PersonView = {
    givenName: clean(p.givenName) ?? '',
    familyName: clean(p.familyName) ?? '',
    // An approximate age is no date of birth: the date fields stay empty (an empty
    // string reads as "no value" to every transform, without a warning).
    dob: p.dob ?? '',
  };
  const aliases = p.aliases.map(clean).filter(isText);
  if (aliases.length > 0) out.aliases = aliases;
  if (p.sex === 'male') out.sex = 'M';
  else if (p.sex === 'female') out.sex = 'F';
  set(out, 'countryOfBirth', clean(p.countryOfBirth));
  set(out, 'nationality', clean(p.nationality));
  set(out, 'aNumber', p.aNumber);
  set(out, 'phone', phoneDigits(p.phone));
  set(out, 'email', clean(p.email));
  const address = addressView(p.address);
  if (address) out.address = address;
  const previous = addressView(p.previousAddress);
  if (previous) out.previousAddress = previous;
  // The intake keeps languages in the order the client gave them: the first is
  // the one they speak best; the rest are the other languages they speak.
  if (languages[0] !== undefined) out.nativeLanguage = languages[0];
  if (languages.length > 1) out.languages = languages.slice(1);
  const fluent = englishFluency(languages, p.interpreterNeeded);
  if (fluent !== undefined) out.fluentInEnglish = fluent;
  return out;
}

/** Fluent when English is among the languages and no interpreter is needed; not fluent when one is needed. */
function englishFluency(languages: string[], interpreterNeeded: boolean): boolean | undefined {
  const speaksEnglish = languages.some((l) => /^(en|eng|english|ingl[eé]s)$/i.test(l));
  if (speaksEnglish && !interpreterNeeded) return true;
  if (interpreterNeeded) return false;
  return undefined;
}

/** Case types heard in immigration court (EOIR) or on appeal from it. */
const COURT_TYPES: ReadonlySet<CaseType> = new Set<CaseType>([
  'removal-detained',
  'removal-nondetained',
  'asylum-defensive',
  'bond',
  'bia-appeal',
  'motion-to-reopen',
]);

/** Who a G-28 goes to for each case type, and what it concerns. Court cases before EOIR use the EOIR-28 instead. */
const G28_TARGET: Partial<Record<CaseType, Pick<CaseView, 'appearanceBefore' | 'matter' | 'clientRole'>>> = {
  'asylum-affirmative': { appearanceBefore: 'uscis', matter: 'I-589', clientRole: 'applicant' },
  tps: { appearanceBefore: 'uscis', matter: 'I-821', clientRole: 'applicant' },
  ead: { appearanceBefore: 'uscis', matter: 'I-765', clientRole: 'applicant' },
  // Part 3 item 2.b asks for the specific matter before ICE: left blank, the G-28 may be rejected.
  'removal-detained': { appearanceBefore: 'ice', matter: 'Custody, detention and removal', clientRole: 'respondent' },
  'removal-nondetained': { appearanceBefore: 'ice', matter: 'Removal proceedings and reporting', clientRole: 'respondent' },
  bond: { appearanceBefore: 'ice', matter: 'Custody and bond', clientRole: 'respondent' },
};

function pickCase(cases: readonly CaseRecordView[], caseId: string | undefined): CaseRecordView | undefined {
  if (caseId !== undefined) return cases.find((c) => c.id === caseId);
  // Closed cases are history: with none open, the form carries no case.
  const open = cases.filter((c) => c.status !== 'closed');
  return open.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0];
}

function caseView(record: PersonRecord, chosen: CaseRecordView | undefined): CaseView | undefined {
  const proceedings = proceedingsOf(record);
  if (!chosen && proceedings === undefined) return undefined;
  const out: CaseView = { type: chosen?.type ?? '' };
  if (chosen) {
    set(out, 'court', clean(chosen.court));
    Object.assign(out, G28_TARGET[chosen.type] ?? {});
  }
  if (proceedings !== undefined) out.proceedings = proceedings;
  return out;
}

/** I-589 item 18 is about the person, not one case: any open court case means "now". */
function proceedingsOf(record: PersonRecord): CaseView['proceedings'] {
  const court = record.cases.filter((c) => COURT_TYPES.has(c.type));
  if (court.some((c) => c.status !== 'closed')) return 'now';
  if (court.length > 0 || record.history.priorOrders === 'yes') return 'past';
  if (record.history.priorOrders === 'no') return 'never';
  return undefined;
}

function detentionView(record: PersonRecord): DetentionView | undefined {
  const d = record.detention;
  const out: DetentionView = { detained: d.detained };
  set(out, 'facility', clean(d.facility));
  set(out, 'since', d.dateDetained);
  return out;
}

function historyView(record: PersonRecord): HistoryView | undefined {
  const h = record.history;
  const status = h.lastEntryManner === 'EWI' ? 'EWI' : h.lastEntryManner === 'parole' ? 'Parole' : undefined;
  if (h.lastEntryDate === undefined && status === undefined) return undefined;
  const entry: NonNullable<HistoryView['entries']>[number] = {};
  set(entry, 'date', h.lastEntryDate);
  set(entry, 'status', status);
  return { entries: [entry] };
}

/** The attorney block as the settings store it: as typed, any part of the address may be missing. */
export type AttorneyInput = Omit<AttorneyView, 'address'> & { address?: LooseAddress | undefined };

/** The attorney block normalised the way the view wants it. */
export function attorneyView(a: AttorneyInput): AttorneyView | undefined {
  const givenName = clean(a.givenName) ?? '';
  const familyName = clean(a.familyName) ?? '';
  if (givenName === '' && familyName === '') return undefined;
  const out: AttorneyView = { givenName, familyName };
  set(out, 'middleName', clean(a.middleName));
  set(out, 'kind', a.kind);
  set(out, 'licensingAuthority', clean(a.licensingAuthority));
  set(out, 'barNumber', clean(a.barNumber));
  set(out, 'subjectToOrders', a.subjectToOrders);
  set(out, 'firm', clean(a.firm));
  set(out, 'organization', clean(a.organization));
  set(out, 'accreditationExpires', a.accreditationExpires);
  set(out, 'uscisAccountNumber', clean(a.uscisAccountNumber)?.replace(/\D/g, ''));
  const address = a.address ? addressView(a.address) : undefined;
  if (address) out.address = address;
  set(out, 'phone', phoneDigits(a.phone));
  set(out, 'mobilePhone', phoneDigits(a.mobilePhone));
  set(out, 'fax', phoneDigits(a.fax));
  set(out, 'email', clean(a.email));
  return out;
}

export type LooseAddress = {
  street?: string | undefined;
  unit?: string | undefined;
  unitType?: AddressView['unitType'] | undefined;
  city?: string | undefined;
  state?: string | undefined;
  zip?: string | undefined;
  province?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
  inCareOf?: string | undefined;
};

const US_NAMES = /^(us|usa|u\.\s?s\.?(\s?a\.?)?|united states( of america)?|estados unidos( de am[eé]rica)?|ee\.?\s?uu\.?)$/i;

/** Intake addresses are free text; the view splits the unit type out and keeps the country only when not the U.S. */
export function addressView(a: LooseAddress | undefined): AddressView | undefined {
  if (!a) return undefined;
  const country = clean(a.country);
  const domestic = country === undefined || US_NAMES.test(country);
  const out: AddressView = { street: clean(a.street) ?? '', city: clean(a.city) ?? '' };
  const unit = splitUnit(clean(a.unit));
  const unitType = a.unitType ?? unit.type;
  if (unitType) out.unitType = unitType;
  set(out, 'unit', unit.number);
  const state = clean(a.state ?? a.province);
  const zip = clean(a.zip ?? a.postalCode);
  if (domestic) {
    set(out, 'state', state && /^[a-z]{2}$/i.test(state) ? state.toUpperCase() : state);
    set(out, 'zip', zip);
  } else {
    set(out, 'province', state);
    set(out, 'postalCode', zip);
    set(out, 'country', country);
  }
  set(out, 'inCareOf', clean(a.inCareOf));
  const hasAny = Object.entries(out).some(([, v]) => v !== '' && v !== undefined);
  return hasAny ? out : undefined;
}

const UNIT_WORDS: Array<[RegExp, NonNullable<AddressView['unitType']>]> = [
  [/^(apt\.?|apartment|apartamento|depto\.?|departamento|#)\s*/i, 'apt'],
  [/^(ste\.?|suite)\s*/i, 'ste'],
  [/^(fl\.?|flr\.?|floor|piso)\s*/i, 'flr'],
];

/** "Apt 4B" -> apt + "4B"; "4B" -> no type + "4B". */
export function splitUnit(unit: string | undefined): { type?: AddressView['unitType']; number?: string } {
  if (!unit) return {};
  for (const [re, type] of UNIT_WORDS) {
    if (re.test(unit)) {
      const number = unit
        .replace(re, '')
        .replace(/^[#\s.-]+/, '')
        .trim();
      return number ? { type, number } : { type };
    }
  }
  return { number: unit };
}

/** Digits only, extension dropped. Foreign numbers keep their digits (the form's U.S. phone fields will flag them). */
export function phoneDigits(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\s*(?:ext\.?|x)\s*\d{1,6}\s*$/i, '').replace(/\D/g, '');
  return digits === '' ? undefined : digits;
}

function clean(s: string | undefined | null): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.normalize('NFC').trim();
  return t === '' ? undefined : t;
}

const isText = (s: string | undefined): s is string => s !== undefined;

/** Sets an optional property only when there is a value (exactOptionalPropertyTypes-safe). */
function set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') obj[key] = value;
}
