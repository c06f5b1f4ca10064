export { parseTpsDataset, tpsDatasetSchema, tpsCountrySchema, tpsText, TPS_STATUSES } from './schema';
export type { TpsCountry, TpsDataset, TpsStatus, TpsText } from './schema';
export { tpsDeadlinesFor, datasetAgeDays, isStale, STALE_AFTER_DAYS, TPS_REREGISTRATION_RULE } from './deadlines';
export type { TpsDeadline, TpsDeadlineKind, TpsDeadlineReport } from './deadlines';
