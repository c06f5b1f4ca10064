/** The deadline engine's public surface. Pure TypeScript: safe in every process. */
export { computeDeadline, listRules, MAX_DAYS } from './engine';
export type { ClockStop, DeadlineFlag, DeadlineInput, DeadlineOptions, DeadlineResult } from './engine';
export { describeClosure, diffClosures, sortedClosures } from './closures';
export { parseClosuresDataset, closuresDatasetSchema } from './closures-schema';
export type { ClosuresDataset, ClosuresImportPreview, ClosuresImportResult, ClosuresStatusView, DeclaredClosure } from './closures';
export { federalHolidays, isBusinessDay, holidayOn, dcInaugurationDay } from './holidays';
export type { Holiday } from './holidays';
export { DATASET_RULES, findDatasetRule, findRule, RULES, TRIGGER_LABELS } from './rules';
export type { DatasetRule, DeadlineRule, Localized, Period, RollPolicy, TriggerKind } from './rules';
export { isValidDate, addDays, daysBetween, weekday } from './dates';
