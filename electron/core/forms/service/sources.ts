/**
 * What the mapper UI offers: every FormView path a PDF field can read from,
 * labelled in English and Spanish, and every transform. Derived from
 * VIEW_PATHS, so a path added to the view shows up here (and a missing label
 * fails the unit test rather than showing a bare path).
 */
import type { Transform } from '../../../../shared/forms/map-schema';
import type { FieldType } from '../../../../shared/forms/types';
import { VIEW_PATHS } from '../../../../shared/forms/view';
import type { FormSources, SourcePath, TransformInfo } from '../../../../shared/views';

type L = { en: string; es: string };
const l = (en: string, es: string): L => ({ en, es });

/** Entries listed for `history.entries.#`: the I-589 asks for the last three. */
export const ENTRY_SLOTS = 3;

/** Labels by full path (indices as `#`) first, then by last segment. */
const BY_PATH: Record<string, L> = {
  person: l('Client', 'Cliente'),
  attorney: l('Attorney', 'Abogado(a)'),
  case: l('Case', 'Caso'),
  detention: l('Detention', 'Detención'),
  history: l('Immigration history', 'Historial migratorio'),
  'person.address': l('Residence address', 'Dirección de residencia'),
  'attorney.address': l('Address', 'Dirección'),
  'person.passport.country': l('Country of issue', 'País de emisión'),
  'person.passport.number': l('Passport number', 'Número de pasaporte'),
  'person.passport.expires': l('Expiration date', 'Fecha de vencimiento'),
  'person.languages': l('Other languages', 'Otros idiomas'),
  'case.type': l('Case type', 'Tipo de caso'),
  'attorney.kind': l('Attorney or accredited representative', 'Abogado(a) o representante acreditado(a)'),
  'attorney.subjectToOrders': l(
    'Subject to an order restricting the practice of law',
    'Sujeto(a) a una orden que restringe el ejercicio de la abogacía',
  ),
  'detention.since': l('Detained since', 'Detenido(a) desde'),
  'history.entries.#.date': l('Date', 'Fecha'),
  'person.aliases.#': l('Name #', 'Nombre #'),
};

const BY_SEGMENT: Record<string, L> = {
  givenName: l('Given name', 'Nombre'),
  familyName: l('Family name', 'Apellidos'),
  middleName: l('Middle name', 'Segundo nombre'),
  aliases: l('Other names used', 'Otros nombres usados'),
  dob: l('Date of birth', 'Fecha de nacimiento'),
  sex: l('Sex', 'Sexo'),
  cityOfBirth: l('City of birth', 'Ciudad de nacimiento'),
  countryOfBirth: l('Country of birth', 'País de nacimiento'),
  nationality: l('Nationality', 'Nacionalidad'),
  nationalityAtBirth: l('Nationality at birth', 'Nacionalidad al nacer'),
  aNumber: l('A-Number', 'Número A'),
  uscisAccountNumber: l('USCIS online account number', 'Número de cuenta en línea de USCIS'),
  phone: l('Phone', 'Teléfono'),
  mobilePhone: l('Mobile phone', 'Teléfono celular'),
  email: l('Email', 'Correo electrónico'),
  mailingAddress: l('Mailing address', 'Dirección postal'),
  previousAddress: l('Previous residence address', 'Dirección de residencia anterior'),
  street: l('Street and number', 'Calle y número'),
  unitType: l('Apt., Ste. or Flr.', 'Apto., suite o piso'),
  unit: l('Apt., Ste. or Flr. number', 'Número de apto., suite o piso'),
  city: l('City or town', 'Ciudad o pueblo'),
  state: l('State', 'Estado'),
  zip: l('ZIP code', 'Código postal (ZIP)'),
  province: l('Province', 'Provincia'),
  postalCode: l('Postal code', 'Código postal'),
  country: l('Country', 'País'),
  inCareOf: l('In care of', 'A cargo de'),
  nativeLanguage: l('Native language', 'Idioma materno'),
  fluentInEnglish: l('Fluent in English', 'Habla inglés con fluidez'),
  maritalStatus: l('Marital status', 'Estado civil'),
  passport: l('Passport', 'Pasaporte'),
  travelDocumentNumber: l('Travel document number', 'Número de documento de viaje'),
  court: l('Immigration court', 'Tribunal de inmigración'),
  proceedings: l('In immigration court proceedings', 'En procedimientos ante el tribunal de inmigración'),
  appearanceBefore: l('Appearance before (agency)', 'Comparecencia ante (agencia)'),
  matter: l('Matter or form numbers', 'Asunto o números de formulario'),
  receiptNumber: l('Receipt number', 'Número de recibo'),
  clientRole: l('Client is the', 'El cliente es'),
  requestsCatWithholding: l(
    'Also asks for protection under the Convention Against Torture',
    'También pide protección bajo la Convención contra la Tortura',
  ),
  licensingAuthority: l('Licensing authority', 'Autoridad que otorga la licencia'),
  barNumber: l('Bar number', 'Número de colegiatura'),
  firm: l('Law firm', 'Bufete'),
  organization: l('Recognized organization', 'Organización reconocida'),
  accreditationExpires: l('Accreditation expires', 'Vencimiento de la acreditación'),
  fax: l('Fax', 'Fax'),
  detained: l('Detained', 'Detenido(a)'),
  facility: l('Facility', 'Centro de detención'),
  lastLeftCountryDate: l('Last left home country', 'Última salida del país de origen'),
  i94Number: l('I-94 number', 'Número de I-94'),
  place: l('Place or port of entry', 'Lugar o puerto de entrada'),
  status: l('Status at entry', 'Estatus al entrar'),
  statusExpires: l('Status expires', 'Vencimiento del estatus'),
  eadCategory: l('Work permit eligibility category', 'Categoría del permiso de trabajo'),
  arrestedOrConvicted: l('Ever arrested or convicted', 'Alguna vez arrestado(a) o condenado(a)'),
  currentStatus: l('Current immigration status', 'Estatus migratorio actual'),
};

const DATES = new Set(['dob', 'expires', 'accreditationExpires', 'since', 'lastLeftCountryDate', 'date', 'statusExpires']);
const BOOLEANS = new Set(['fluentInEnglish', 'requestsCatWithholding', 'detained', 'arrestedOrConvicted']);
const CHOICES: Record<string, string[]> = {
  sex: ['M', 'F', 'X'],
  maritalStatus: ['single', 'married', 'divorced', 'widowed', 'separated'],
  unitType: ['apt', 'ste', 'flr'],
  proceedings: ['never', 'now', 'past'],
  appearanceBefore: ['uscis', 'ice', 'cbp'],
  clientRole: ['applicant', 'petitioner', 'requestor', 'beneficiary', 'respondent'],
  kind: ['attorney', 'accredited-representative'],
};
const LISTS = new Set(['person.aliases', 'person.languages']);
/** Objects worth offering as a source: name holders, for the name-* transforms. */
const NAME_HOLDERS = new Set(['person', 'attorney']);
const OBJECTS = new Set(['case', 'detention', 'history', 'history.entries', 'history.entries.#', 'person.passport']);

export function labelFor(pattern: string): L | undefined {
  const parts = pattern.split('.');
  const out: L[] = [];
  for (let i = 0; i < parts.length; i++) {
    const sub = parts.slice(0, i + 1).join('.');
    const seg = parts[i]!;
    if (seg === 'entries') continue;
    const label = BY_PATH[sub] ?? (seg === '#' ? l('Entry #', 'Entrada #') : BY_SEGMENT[seg]);
    if (!label) return undefined;
    out.push(label);
  }
  return { en: out.map((x) => x.en).join(' › '), es: out.map((x) => x.es).join(' › ') };
}

function kindOf(pattern: string): SourcePath['kind'] {
  const last = pattern.split('.').pop()!;
  if (NAME_HOLDERS.has(pattern)) return 'object';
  if (LISTS.has(pattern)) return 'list';
  if (DATES.has(last)) return 'date';
  if (BOOLEANS.has(last)) return 'boolean';
  if (CHOICES[last]) return 'choice';
  return 'text';
}

export function sourcePaths(): SourcePath[] {
  const usable = VIEW_PATHS.filter(
    // Whole objects read as no text; only name holders serve (the name-* transforms take them).
    (p) => !OBJECTS.has(p) && !/\.(address|mailingAddress|previousAddress)$/.test(p),
  );
  const out = usable.filter((p) => !p.includes('#')).map((p) => sourcePath(p, null));
  // Entries slot by slot: everything about the last entry, then the one before.
  for (let slot = 0; slot < ENTRY_SLOTS; slot++) {
    for (const p of usable) if (p.includes('#')) out.push(sourcePath(p, slot));
  }
  return out;
}

function sourcePath(pattern: string, slot: number | null): SourcePath {
  const label = labelFor(pattern);
  if (!label) throw new Error(`no label for view path ${pattern}`);
  const n = slot === null ? '' : String(slot + 1);
  const item: SourcePath = {
    path: slot === null ? pattern : pattern.replace('#', String(slot)),
    label: { en: label.en.replace('#', n), es: label.es.replace('#', n) },
    kind: kindOf(pattern),
  };
  const values = CHOICES[pattern.split('.').pop()!];
  if (item.kind === 'choice' && values) item.values = values;
  return item;
}

const TEXTUAL: FieldType[] = ['text', 'dropdown', 'list', 'radio'];
const CHECKABLE: FieldType[] = ['checkbox', 'radio'];

const TRANSFORMS: Record<Transform, Omit<TransformInfo, 'id'>> = {
  text: { label: l('Text as entered', 'Texto tal cual'), fieldTypes: TEXTUAL, takes: 'source' },
  upper: { label: l('UPPER CASE', 'MAYÚSCULAS'), fieldTypes: TEXTUAL, takes: 'source' },
  'date-mdy': { label: l('Date, mm/dd/yyyy', 'Fecha, mm/dd/aaaa'), fieldTypes: TEXTUAL, takes: 'source' },
  'a-number': { label: l('A-Number, 9 digits', 'Número A, 9 dígitos'), fieldTypes: TEXTUAL, takes: 'source' },
  'phone-area': { label: l('Phone: area code', 'Teléfono: código de área'), fieldTypes: TEXTUAL, takes: 'source' },
  'phone-number': {
    label: l('Phone: number without area code', 'Teléfono: número sin código de área'),
    fieldTypes: TEXTUAL,
    takes: 'source',
  },
  'phone-digits': { label: l('Phone: 10 digits', 'Teléfono: 10 dígitos'), fieldTypes: TEXTUAL, takes: 'source' },
  zip5: { label: l('ZIP code, 5 digits', 'Código postal, 5 dígitos'), fieldTypes: TEXTUAL, takes: 'source' },
  'ead-category-1': {
    label: l('Eligibility category: letter, e.g. c of (c)(8)', 'Categoría: letra, p. ej. c de (c)(8)'),
    fieldTypes: TEXTUAL,
    takes: 'source',
  },
  'ead-category-2': {
    label: l('Eligibility category: number, e.g. 8 of (c)(8)', 'Categoría: número, p. ej. 8 de (c)(8)'),
    fieldTypes: TEXTUAL,
    takes: 'source',
  },
  'ead-category-3': {
    label: l('Eligibility category: third part, e.g. C of (c)(3)(C)', 'Categoría: tercera parte, p. ej. C de (c)(3)(C)'),
    fieldTypes: TEXTUAL,
    takes: 'source',
  },
  'name-given': {
    label: l('Given name (FNU for one-name people)', 'Nombre (FNU si tiene un solo nombre)'),
    fieldTypes: TEXTUAL,
    takes: 'object',
  },
  'name-family': {
    label: l('Family name (the only name for one-name people)', 'Apellido (el único nombre si tiene uno solo)'),
    fieldTypes: TEXTUAL,
    takes: 'object',
  },
  'name-middle': { label: l('Middle name', 'Segundo nombre'), fieldTypes: TEXTUAL, takes: 'object' },
  'checkbox-if': { label: l('Check when a value is…', 'Marcar cuando un valor es…'), fieldTypes: CHECKABLE, takes: 'condition' },
  constant: { label: l('Always the same value', 'Siempre el mismo valor'), fieldTypes: [...TEXTUAL, 'checkbox'], takes: 'value' },
};

export function formSources(): FormSources {
  return {
    paths: sourcePaths(),
    transforms: (Object.entries(TRANSFORMS) as Array<[Transform, Omit<TransformInfo, 'id'>]>).map(([id, info]) => ({ id, ...info })),
  };
}
