/** The deadline engine's public surface. Pure TypeScript: safe in every process. */
export { computeDeadline, listRules, MAX_DAYS } from './engine';
export type { DeadlineFlag, DeadlineInput, DeadlineOptions, DeadlineResult } from './engine';
export { federalHolidays, isBusinessDay, holidayOn, dcInaugurationDay } from './holidays';
export type { Holiday } from './holidays';
export { findRule, RULES, TRIGGER_LABELS } from './rules';
export type { DeadlineRule, Localized, Period, RollPolicy, TriggerKind } from './rules';
export { isValidDate, addDays, daysBetween, weekday } from './dates';
