/**
 * The CSV columns Amparo understands: canonical names, synonyms (English and
 * Spanish), how a header is matched, how yes/no and sex cells are read, and
 * the spreadsheet-formula escape used by export and undone by import.
 */
import { CSV_FIELDS, type CsvField } from '../../../../shared/contract';

export { CSV_FIELDS, type CsvField };

/**
 * Headers are matched after folding: lower case, accents removed, and runs
 * of spaces, hyphens, underscores and dots read as one underscore. So
 * "Given Name", "given-name" and "GIVEN_NAME" are the same column.
 */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s\-_.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Every accepted header (already folded) for each field. The canonical name comes first. */
export const HEADER_SYNONYMS: Record<CsvField, readonly string[]> = {
  given_name: ['given_name', 'given', 'givenname', 'first_name', 'firstname', 'first', 'nombre', 'nombres', 'nombre(s)', 'primer_nombre'],
  family_name: [
    'family_name',
    'family',
    'familyname',
    'last_name',
    'lastname',
    'surname',
    'surnames',
    'apellido',
    'apellidos',
    'apellido(s)',
  ],
  aliases: ['aliases', 'alias', 'aka', 'other_names', 'otros_nombres'],
  dob: ['dob', 'date_of_birth', 'birth_date', 'birthdate', 'fecha_nacimiento', 'fecha_de_nacimiento', 'nacimiento'],
  approx_age: ['approx_age', 'approximate_age', 'age', 'edad', 'edad_aproximada'],
  sex: ['sex', 'sexo'],
  country_of_birth: ['country_of_birth', 'birth_country', 'pais_nacimiento', 'pais_de_nacimiento'],
  nationality: ['nationality', 'citizenship', 'nacionalidad'],
  language: ['language', 'languages', 'idioma', 'idiomas', 'lengua'],
  interpreter_needed: ['interpreter_needed', 'interpreter', 'necesita_interprete', 'interprete'],
  a_number: ['a_number', 'anumber', 'a#', 'a_#', 'alien_number', 'a_no', 'numero_a', 'numero_de_a'],
  phone: ['phone', 'phone_number', 'telephone', 'tel', 'cell', 'telefono', 'celular'],
  email: ['email', 'e_mail', 'correo', 'correo_electronico'],
  detained: ['detained', 'in_detention', 'detenido', 'detenida', 'detenido_a'],
  facility: ['facility', 'detention_facility', 'centro', 'centro_de_detencion', 'centro_detencion'],
  booking_number: ['booking_number', 'booking', 'booking_no', 'numero_de_reserva'],
  next_hearing: ['next_hearing', 'next_hearing_date', 'hearing_date', 'hearing', 'proxima_audiencia', 'fecha_de_audiencia', 'audiencia'],
  arrested: ['arrested', 'arrests', 'arrested_or_convicted', 'ever_arrested', 'arrestado', 'arrestos', 'arrestado_o_condenado'],
  arrest_details: [
    'arrest_details',
    'arrests_details',
    'criminal_history',
    'detalles_arresto',
    'detalles_de_arrestos',
    'antecedentes_penales',
  ],
  urgent_needs: ['urgent_needs', 'urgent', 'necesidades_urgentes', 'urgente'],
  notes: ['notes', 'note', 'comments', 'notas', 'comentarios'],
};

const BY_HEADER = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const h of HEADER_SYNONYMS[field]) BY_HEADER.set(h, field);

export function fieldForHeader(header: string): CsvField | null {
  return BY_HEADER.get(foldHeader(header)) ?? null;
}

/** English labels for error lines (CLI, fallback messages); the UI localizes by code. */
export const FIELD_LABELS: Record<CsvField, string> = {
  given_name: 'given name',
  family_name: 'family name',
  aliases: 'aliases',
  dob: 'date of birth',
  approx_age: 'approximate age',
  sex: 'sex',
  country_of_birth: 'country of birth',
  nationality: 'nationality',
  language: 'language',
  interpreter_needed: 'interpreter needed',
  a_number: 'A-number',
  phone: 'phone',
  email: 'email',
  detained: 'detained',
  facility: 'facility',
  booking_number: 'booking number',
  next_hearing: 'next hearing',
  arrested: 'ever arrested or convicted',
  arrest_details: 'arrest details',
  urgent_needs: 'urgent needs',
  notes: 'notes',
};

const YES = new Set(['yes', 'y', 'true', '1', 'si', 'sí', 's', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);

/** yes/no, sí/si/no, true/false, y/n, 1/0 in any case; blank is undefined; anything else null (an error). */
export function parseYesNo(cell: string): boolean | undefined | null {
  const v = cell.trim().toLowerCase().normalize('NFC');
  if (v === '') return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const SEX: Record<string, 'male' | 'female'> = {
  m: 'male',
  male: 'male',
  man: 'male',
  h: 'male',
  hombre: 'male',
  masculino: 'male',
  f: 'female',
  female: 'female',
  woman: 'female',
  mujer: 'female',
  femenino: 'female',
};

/** Common spellings to the schema's values; anything else passes through for the schema to refuse. */
export function parseSex(cell: string): string {
  return SEX[cell.trim().toLowerCase()] ?? cell;
}

/** Cells holding lists (aliases, languages) separate items with semicolons. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * OWASP CSV injection: a cell starting with = + - @ TAB or CR may run as a
 * formula in Excel or LibreOffice, so export puts an apostrophe in front.
 * Leading apostrophes before such a character count too, so that import can
 * take exactly one apostrophe off and every value comes back unchanged
 * ("O'Neil" and "'quoted'" are never touched).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
