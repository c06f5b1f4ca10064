/**
 * The forms service: templates stored in the vault, fills recorded in the
 * case history, the attorney block, batch jobs. Over the engine in ../ (which
 * knows nothing of the database).
 */
export { formHandlers } from './handlers';
export { importBlank, getTemplate, listTemplates, loadTemplate, saveTemplate, deleteTemplate, templateIdForForm } from './templates';
export {
  fillForPerson,
  summaryFor,
  fillHistory,
  fileNameFor,
  recordFill,
  type FillRequest,
  type FilledBytes,
  type FillRecord,
} from './fills';
export { getAttorney, setAttorney } from './settings';
export { formSources, sourcePaths, labelFor } from './sources';
export { detectMap, shippedMaps, shippedMapFor } from './shipped';
export { plainPdfError, withPlainPdfErrors } from './errors';
export { startBatch } from './batch';
export { PendingFills } from './deliveries';
