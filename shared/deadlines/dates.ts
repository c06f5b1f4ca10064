/**
 * Legal dates are 'YYYY-MM-DD' strings. All arithmetic goes through an integer
 * day number (days since 1970-01-01, UTC) so no local time zone or daylight
 * saving shift can ever move a deadline by a day.
 */
import { AppError } from '../errors';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a string that looks like a real calendar date, or returns null. */
export function parseYmd(text: unknown): YMD | null {
  if (typeof text !== 'string') return null;
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidDate(text: unknown): text is string {
  const ymd = parseYmd(text);
  return ymd !== null && ymd.year >= MIN_YEAR && ymd.year <= MAX_YEAR;
}

/** `field` names the input in the error; the value itself stays out of the message. */
export function assertDate(text: unknown, field: string): string {
  if (!isValidDate(text)) {
    throw new AppError('BAD_DATE', `${field} is not a real calendar date (expected YYYY-MM-DD, years ${MIN_YEAR} to ${MAX_YEAR})`, {
      field,
    });
  }
  return text;
}

export function toDayNumber(date: string): number {
  const ymd = parseYmd(date);
  if (!ymd) throw new AppError('BAD_DATE', 'not a real calendar date (expected YYYY-MM-DD)');
  return Date.UTC(ymd.year, ymd.month - 1, ymd.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return formatYmd({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function formatYmd({ year, month, day }: YMD): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 dates positive.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}
