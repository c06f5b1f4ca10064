/**
 * Display helpers for legal dates. Dates stay 'YYYY-MM-DD' strings; they are
 * shown through the one shared formatter (shared/i18n/dates.ts), with the
 * weekday and the month as a word, so "12/02" can never be read as 12 February
 * by one reader and 2 December by another.
 */
import type { Lang, MessageKey, Translate } from '../../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../../shared/i18n/dates';
import { daysBetween, isValidDate } from '../../../../shared/deadlines/dates';
import { isoDateFromLocal, parseUsDate } from '../../../../shared/schemas/dates';

/** "Wed, Dec 2, 2026" / "mié 2 dic 2026". */
export function dueDate(iso: string, lang: Lang): string {
  return formatDate(iso, lang, 'weekday');
}

/** "Wed, Dec 2" / "mié 2 dic" (inside a range whose year shows elsewhere). */
export function shortDate(iso: string, lang: Lang): string {
  return formatDate(iso, lang, 'weekdayShort');
}

/** A recorded instant (done at, overridden at) in local time. */
export function instant(iso: string, lang: Lang): string {
  return formatDateTime(iso, lang);
}

/** MM/DD/YYYY for an input's value. */
export function usInput(iso: string | null | undefined): string {
  if (!iso || !isValidDate(iso)) return '';
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/** MM/DD/YYYY (or ISO) typed by a person -> ISO within the engine's years, or null. */
export function parseDateInput(text: string): string | null {
  const iso = parseUsDate(text.trim());
  return iso !== null && isValidDate(iso) ? iso : null;
}

export const localToday = (): string => isoDateFromLocal(new Date());

/** "today", "tomorrow", "in 6 days", "3 days overdue". */
export function relative(due: string, today: string, t: Translate): string {
  if (!isValidDate(due) || !isValidDate(today)) return '';
  const n = daysBetween(today, due);
  if (n === 0) return t('when.today');
  if (n === 1) return t('when.tomorrow');
  if (n === -1) return t('when.yesterday');
  return n > 0 ? t('when.inDays', { n }) : t('when.daysAgo', { n: -n });
}

/** Whole number of days as typed, or an error key (negative, zero, decimals and words are refused). */
export function parseDays(text: string, max = 3650): { days: number } | { error: MessageKey } {
  const s = text.trim();
  if (s === '') return { error: 'deadlines.days.required' };
  if (!/^[+-]?\d+$/.test(s)) return { error: 'deadlines.days.whole' };
  const n = Number(s);
  if (n < 1) return { error: 'deadlines.days.positive' };
  if (n > max) return { error: 'deadlines.days.tooMany' };
  return { days: n };
}

/** "María Núñez" from a summary's parts. */
export const fullName = (p: { givenName: string; familyName: string }): string => `${p.givenName} ${p.familyName}`.trim();
