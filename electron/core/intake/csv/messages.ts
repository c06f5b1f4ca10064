/**
 * Plain-English lines for import problems: the CLI prints them and they are
 * the fallback `message` of CSV_INVALID errors. They name lines, columns and
 * rules, never the cell contents, so they can reach a terminal or a log
 * without carrying client data. The UI localizes from the codes instead.
 */
import type { ImportIssue } from '../../../../shared/contract';
import { FIELD_LABELS } from './fields';

const PHRASES: Record<string, string> = {
  'text.required': 'is missing',
  'text.tooLong': 'is too long',
  'text.invalid': 'is not text',
  'text.invalidCharacters': 'contains control characters',
  'date.invalid': 'is not a real date (use YYYY-MM-DD or MM/DD/YYYY)',
  'date.future': 'is in the future',
  'date.tooEarly': 'is before 1900',
  'date.tooLate': 'is after 2199',
  'aNumber.invalid': 'is not an A-number (A followed by 8 or 9 digits)',
  'phone.invalid': 'is not a phone number',
  'email.invalid': 'is not an email address',
  'option.invalid': 'is not one of the accepted values',
  'age.invalid': 'is not an age in whole years',
  'person.dobOrAgeRequired': 'is missing: give a date of birth or an approximate age',
  'list.tooLong': 'has too many entries',
  'list.invalid': 'is not a list',
  'time.invalid': 'is not a time',
  'csv.missingColumn': 'column is missing (map a column to it)',
  'csv.columnTwice': 'is filled by two columns: keep one, ignore the other',
};

const ROW_PHRASES: Record<string, string> = {
  'csv.tooManyCells': 'has more cells than the header (an unquoted comma or semicolon inside a cell?)',
  'csv.noRows': 'the file has a header but no rows',
  'csv.unclosedQuote': 'a quoted cell is never closed',
};

/** Problems that stop the file being read at all; their error message already says everything. */
export const FILE_FATAL_CODES: ReadonlySet<string> = new Set([
  'csv.notText',
  'csv.tooLarge',
  'csv.empty',
  'csv.noHeader',
  'csv.unclosedQuote',
  'csv.unreadable',
  'csv.tooManyRows',
  'csv.isFolder',
  'csv.notAFile',
  'csv.unknownEncoding',
  'csv.encodingUnsure',
]);

export function issueText(issue: ImportIssue): string {
  if (issue.field === null) return `Line ${issue.line}: ${ROW_PHRASES[issue.code] ?? `this row cannot be read (${issue.code})`}`;
  return `Line ${issue.line}: ${FIELD_LABELS[issue.field]} ${PHRASES[issue.code] ?? `is not valid (${issue.code})`}`;
}

/** "Line 7: …; Line 12: …", cut after `max` problems. */
export function issuesSummary(issues: ImportIssue[], max = 10): string {
  const shown = issues.slice(0, max).map(issueText);
  if (issues.length > max) shown.push(`and ${issues.length - max} more`);
  return shown.join('; ');
}

export function linesList(lines: number[], max = 20): string {
  const shown = lines.slice(0, max).join(', ');
  return lines.length > max ? `${shown} and ${lines.length - max} more` : shown;
}
