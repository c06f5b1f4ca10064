/**
 * Text to header + records, each with the line of the FILE where it starts
 * (header = line 1; a quoted cell spanning lines keeps its row's first line).
 * csv-parse does the quoting; line numbers are counted here from the raw
 * text of each record, which is exact whatever the line endings were.
 */
import { parse as parseCsv, type Options } from 'csv-parse/sync';
import { AppError } from '../../../../shared/errors';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: Delimiter;
  header: CsvRecord;
  records: CsvRecord[];
}

/** A training spreadsheet has dozens or hundreds of rows; past this, split the file. */
export const MAX_ROWS = 20_000;

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

class TooManyRows extends Error {}

const fileError = (line: number, code: string, message: string) =>
  new AppError('CSV_INVALID', message, { errors: [{ line, field: null, code }] });

/** The delimiter used most often outside quotes on the header line; comma on a tie or none. */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',');
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export function parseCsvText(input: string): ParsedCsv {
  // One line ending everywhere ("\r\n" and old-Mac "\r" become "\n"), so lines count the same in every file.
  let text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let lineOffset = 0;
  let delimiter: Delimiter | undefined;
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep && DELIMITERS.includes(sep[1] as Delimiter)) {
    delimiter = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
    lineOffset = 1;
  }
  const firstLine = text.slice(0, Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')));
  delimiter ??= sniffDelimiter(firstLine);

  let linesBefore = 0;
  let records: CsvRecord[];
  try {
    records = parseCsv(text, {
      delimiter,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      bom: false,
      // With `raw`, csv-parse hands on_record { record, raw }; its types do not say so.
      on_record: ((r: { record: string[]; raw: string }, ctx: { records: number }): CsvRecord => {
        if (ctx.records > MAX_ROWS + 1) throw new TooManyRows();
        let leading = 0;
        while (r.raw[leading] === '\n') leading++;
        const line = lineOffset + linesBefore + leading + 1;
        linesBefore += countNewlines(r.raw);
        return { line, cells: r.record };
      }) as unknown as Options['on_record'],
    }) as unknown as CsvRecord[];
  } catch (e) {
    const line = lineOffset + linesBefore + 1;
    if (e instanceof TooManyRows) {
      throw fileError(
        1,
        'csv.tooManyRows',
        `This file has more than ${MAX_ROWS} rows. Split it into smaller files and import them one by one.`,
      );
    }
    const code = (e as { code?: unknown }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw fileError(line, 'csv.unclosedQuote', `Line ${line}: a quoted cell is never closed (a " is missing). Nothing was imported.`);
    }
    throw fileError(line, 'csv.unreadable', `Line ${line}: this line cannot be read as CSV. Nothing was imported.`);
  }
  const [header, ...rows] = records;
  if (!header)
    throw fileError(
      1,
      'csv.noHeader',
      'This file has no header row. The first line must name the columns, e.g. given_name,family_name,dob.',
    );
  return { delimiter, header, records: rows };
}
