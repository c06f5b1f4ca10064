/**
 * Federal legal holidays (5 U.S.C. 6103(a)) and the business-day test.
 *
 * Inauguration Day (5 U.S.C. 6103(c)) is left out on purpose: it is a day off
 * only for federal employees in the District of Columbia area, so it is not a
 * "legal holiday" for courts and agencies elsewhere. The Board of Immigration
 * Appeals sits in Falls Church, Virginia, inside that area: a clinic filing
 * there can enter the day as a closure (see `dcInaugurationDay`).
 *
 * The rules are today's: Monday holidays since 1971, Veterans Day back on
 * November 11 since 1978, Martin Luther King Jr. Day since 1986, Juneteenth
 * since 2021. Older years are not historically exact; no deadline computed
 * now runs through them.
 */
import { AppError } from '../errors';
import { formatYmd, isWeekend, parseYmd, weekday, addDays, daysInMonth } from './dates';
import type { DeclaredClosure } from './closures';

export interface Holiday {
  /** The day off, which is the observed date when the holiday falls on a weekend. */
  date: string;
  /** The name used in 5 U.S.C. 6103(a). */
  name: string;
  /** Spanish name for display. */
  es: string;
  /** The calendar date of the holiday itself, present only when the day off differs. */
  actual?: string;
}

interface HolidayDef {
  name: string;
  es: string;
  firstYear?: number;
  /** Fixed-date holidays move to a weekday when they fall on a weekend; Monday holidays never do. */
  fixed: boolean;
  dateIn: (year: number) => string;
}

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

function nthWeekday(year: number, month: number, wd: number, n: number): string {
  const first = formatYmd({ year, month, day: 1 });
  const offset = (wd - weekday(first) + 7) % 7;
  return formatYmd({ year, month, day: 1 + offset + 7 * (n - 1) });
}

function lastWeekday(year: number, month: number, wd: number): string {
  const last = formatYmd({ year, month, day: daysInMonth(year, month) });
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

const fixedDay = (month: number, day: number) => (year: number) => formatYmd({ year, month, day });

const HOLIDAYS: readonly HolidayDef[] = [
  { name: "New Year's Day", es: 'Año Nuevo', fixed: true, dateIn: fixedDay(1, 1) },
  {
    name: 'Birthday of Martin Luther King, Jr.',
    es: 'Natalicio de Martin Luther King, Jr.',
    firstYear: 1986,
    fixed: false,
    dateIn: (y) => nthWeekday(y, 1, MONDAY, 3),
  },
  { name: "Washington's Birthday", es: 'Natalicio de Washington', fixed: false, dateIn: (y) => nthWeekday(y, 2, MONDAY, 3) },
  { name: 'Memorial Day', es: 'Día de los Caídos', fixed: false, dateIn: (y) => lastWeekday(y, 5, MONDAY) },
  {
    name: 'Juneteenth National Independence Day',
    es: 'Día Nacional de la Independencia de Juneteenth',
    firstYear: 2021,
    fixed: true,
    dateIn: fixedDay(6, 19),
  },
  { name: 'Independence Day', es: 'Día de la Independencia', fixed: true, dateIn: fixedDay(7, 4) },
  { name: 'Labor Day', es: 'Día del Trabajo', fixed: false, dateIn: (y) => nthWeekday(y, 9, MONDAY, 1) },
  { name: 'Columbus Day', es: 'Día de Colón', fixed: false, dateIn: (y) => nthWeekday(y, 10, MONDAY, 2) },
  { name: 'Veterans Day', es: 'Día de los Veteranos', fixed: true, dateIn: fixedDay(11, 11) },
  { name: 'Thanksgiving Day', es: 'Día de Acción de Gracias', fixed: false, dateIn: (y) => nthWeekday(y, 11, THURSDAY, 4) },
  { name: 'Christmas Day', es: 'Navidad', fixed: true, dateIn: fixedDay(12, 25) },
];

/** Saturday holidays are observed the Friday before, Sunday holidays the Monday after (5 U.S.C. 6103(b), E.O. 11582). */
function observedDate(actual: string): string {
  const wd = weekday(actual);
  if (wd === SATURDAY) return addDays(actual, -1);
  if (wd === SUNDAY) return addDays(actual, 1);
  return actual;
}

function holidaysOfYear(year: number): Holiday[] {
  return HOLIDAYS.filter((def) => def.firstYear === undefined || year >= def.firstYear).map((def) => {
    const actual = def.dateIn(year);
    const date = def.fixed ? observedDate(actual) : actual;
    return date === actual ? { date, name: def.name, es: def.es } : { date, name: def.name, es: def.es, actual };
  });
}

const cache = new Map<number, readonly Holiday[]>();

/**
 * The federal holiday days off that fall in `year`, sorted. A holiday observed
 * in a neighbouring year is listed under the year of its day off: New Year's
 * Day 2022 (a Saturday) appears in 2021 as Friday 2021-12-31.
 */
export function federalHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1800 || year > 2400) {
    throw new AppError('INVALID_INPUT', 'year must be an integer between 1800 and 2400');
  }
  let list = cache.get(year);
  if (!list) {
    const prefix = `${String(year).padStart(4, '0')}-`;
    list = [...holidaysOfYear(year), ...holidaysOfYear(year + 1)]
      .filter((h) => h.date.startsWith(prefix))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    cache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

export function holidayOn(date: string): Holiday | undefined {
  const ymd = parseYmd(date);
  if (!ymd) return undefined;
  return federalHolidays(ymd.year).find((h) => h.date === date);
}

export type NonBusinessReason =
  | { kind: 'weekend'; weekday: 'Saturday' | 'Sunday' }
  | { kind: 'holiday'; holiday: Holiday }
  | { kind: 'closure' }
  /** A federal closure by executive order (shared/deadlines/closures.ts). */
  | { kind: 'declared'; closure: DeclaredClosure };

const NO_DECLARED: ReadonlyMap<string, DeclaredClosure> = new Map();

/**
 * Why a day is not a business day, or null when it is one. `closures` are
 * the clinic's own closure days; `declared` the executive-order closures the
 * caller wants counted for this question.
 */
export function nonBusinessReason(
  date: string,
  closures: ReadonlySet<string> = new Set(),
  declared: ReadonlyMap<string, DeclaredClosure> = NO_DECLARED,
): NonBusinessReason | null {
  if (isWeekend(date)) return { kind: 'weekend', weekday: weekday(date) === SATURDAY ? 'Saturday' : 'Sunday' };
  const holiday = holidayOn(date);
  if (holiday) return { kind: 'holiday', holiday };
  const closure = declared.get(date);
  if (closure) return { kind: 'declared', closure };
  if (closures.has(date)) return { kind: 'closure' };
  return null;
}

/** A weekday that is neither a federal holiday (observed dates included) nor one of `closures`. */
export function isBusinessDay(date: string, closures: readonly string[] = []): boolean {
  if (!parseYmd(date)) throw new AppError('BAD_DATE', 'date is not a real calendar date (expected YYYY-MM-DD)', { field: 'date' });
  return nonBusinessReason(date, new Set(closures)) === null;
}

/** The D.C.-area Inauguration Day for `year`, or null in years without one (5 U.S.C. 6103(c)). */
export function dcInaugurationDay(year: number): string | null {
  if (!Number.isInteger(year) || (year - 1) % 4 !== 0) return null;
  const jan20 = formatYmd({ year, month: 1, day: 20 });
  return weekday(jan20) === SUNDAY ? addDays(jan20, 1) : jan20;
}
