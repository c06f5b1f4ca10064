export { previewImport, checkImport, commitImport, type CommitInput, type PreviewInput, type DefaultChoice } from './import';
export { exportPeopleCsv, csvCell, csvLine } from './export';
export { importTemplate, TEMPLATE_FILE_NAME } from './template';
export { importHandlers, type ImportHandlerOptions } from './handlers';
export { decodeCsvBytes, assertEncodingName } from './decode';
export { checkGuessedEncoding } from './encoding-check';
export { readCsvFile } from './read';
export { CSV_FIELDS, HEADER_SYNONYMS, fieldForHeader, foldHeader, escapeFormula, unescapeFormula, type CsvField } from './fields';
export { issueText, issuesSummary, FILE_FATAL_CODES } from './messages';
