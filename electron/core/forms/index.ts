export { decryptPdf } from './decrypt';
export { loadBlank, sha256Hex, type LoadedBlank } from './blank';
export { listFields } from './fields';
export { fillForm, type FillOptions, type FillProgress, type FillResult } from './fill';
export { fillFormToFile } from './output';
export { compareEdition } from './edition';
export { loadFieldMap, defaultResourcesDir } from './resources';
export { renderSummary, type SummaryOptions } from './summary';
export { validateMap, parseFieldMap, type FieldMap } from '../../../shared/forms/map-schema';
