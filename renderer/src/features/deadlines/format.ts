/**
 * Display helpers for legal dates. Dates stay 'YYYY-MM-DD' strings; they are
 * shown with the weekday and the month spelled out, so "12/02" can never be
 * read as 12 February by one reader and 2 December by another.
 */
import type { Lang, MessageKey, MessageParams } from '../../../../shared/i18n';
import { daysBetween, isValidDate } from '../../../../shared/deadlines/dates';
import { isoDateFromLocal, parseUsDate } from '../../../../shared/schemas/dates';

const locale = (lang: Lang) => (lang === 'es' ? 'es-US' : 'en-US');

function utc(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** "Wed, Dec 2, 2026" / "mié, 2 de dic de 2026". */
export function dueDate(iso: string, lang: Lang): string {
  if (!isValidDate(iso)) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(utc(iso));
}

/** "Wed, Dec 2" (same year as today). */
export function shortDate(iso: string, lang: Lang): string {
  if (!isValidDate(iso)) return iso;
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utc(iso));
}

/** A recorded instant (done at, overridden at) in local time. */
export function instant(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(lang), { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
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

type T = (key: MessageKey, params?: MessageParams) => string;

/** "today", "tomorrow", "in 6 days", "3 days overdue". */
export function relative(due: string, today: string, t: T): string {
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
