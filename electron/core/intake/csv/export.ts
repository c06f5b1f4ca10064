/**
 * People to CSV, with the import's own headers so an export imports back
 * unchanged. UTF-8 with a byte-order mark (Excel then shows accents right),
 * CRLF line ends, and every cell that a spreadsheet could run as a formula
 * gets a leading apostrophe (OWASP CSV injection), which import takes off.
 */
import { AppError } from '../../../../shared/errors';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { newId, type Ctx } from '../../context';
import { audit } from '../../audit';
import { NEXT_HEARING_SQL, type ListedPersonRow, type PersonData } from '../records';
import { CSV_FIELDS, escapeFormula, type CsvField } from './fields';

const BOM = '\uFEFF';

export function csvCell(value: string): string {
  const v = escapeFormula(value);
  return /[",;\r\n\t]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(',');

function cellsOf(row: ListedPersonRow): Record<CsvField, string> {
  const d = JSON.parse(row.data) as PersonData;
  const p = d.person;
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  return {
    given_name: p.givenName,
    family_name: p.familyName,
    aliases: p.aliases.join('; '),
    dob: p.dob ?? '',
    approx_age: p.approxAge === undefined ? '' : String(p.approxAge),
    sex: p.sex ?? '',
    country_of_birth: p.countryOfBirth ?? '',
    nationality: p.nationality ?? '',
    language: p.languages.join('; '),
    interpreter_needed: yesNo(p.interpreterNeeded),
    a_number: p.aNumber ? formatANumber(p.aNumber) : '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    detained: yesNo(d.detention.detained),
    facility: d.detention.facility ?? '',
    booking_number: d.detention.bookingNumber ?? '',
    next_hearing: row.upcoming_hearing ?? '',
    // Records saved before intake asked have no answer: blank, as "does not know" is.
    arrested: d.history.arrests === 'yes' ? 'yes' : d.history.arrests === 'no' ? 'no' : '',
    arrest_details: d.history.arrestsDetails ?? '',
    urgent_needs: d.urgentNeeds,
    notes: d.notes,
  };
}

/** The given people (all current ones when `ids` is absent), sorted by name. */
export function exportPeopleCsv(ctx: Ctx, ids?: readonly string[]): { csv: string; count: number } {
  let rows: ListedPersonRow[];
  const today = ctx.today();
  const select = `SELECT p.*, ${NEXT_HEARING_SQL('p.id')} AS upcoming_hearing FROM people p`;
  if (ids) {
    const get = ctx.db.prepare(`${select} WHERE p.id = @id`);
    rows = ids.map((id) => {
      const r = get.get({ id, today }) as ListedPersonRow | undefined;
      if (!r) throw new AppError('NOT_FOUND', 'One of the people to export is not in this vault.');
      return r;
    });
  } else {
    rows = ctx.db
      .prepare(`${select} WHERE p.merged_into IS NULL ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`)
      .all({ today }) as ListedPersonRow[];
  }
  const lines = [csvLine(CSV_FIELDS), ...rows.map((r) => csvLine(CSV_FIELDS.map((f) => cellsOf(r)[f])))];
  audit(ctx, 'people.exportCsv', 'people', newId(), { count: rows.length });
  return { csv: BOM + lines.join('\r\n') + '\r\n', count: rows.length };
}
