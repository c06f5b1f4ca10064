/**
 * The one way Amparo shows a date to a person: in tables, records, deadline
 * trails, TPS texts and PDFs alike, in the UI language.
 *
 *   English  "May 14, 1990"   with weekday "Thu, May 14, 1990"
 *   Spanish  "14 may 1990"    with weekday "jue 14 may 1990"
 *
 * The month is always a word. "05/04/1990" is 4 May to a Salvadoran client and
 * April 5 to a U.S. court clerk; in a bilingual clinic the same paper passes
 * through both, and a misread hearing date means a removal order in absentia.
 * A written month cannot be misread in either language.
 *
 * Typed dates are a separate matter: date fields take MM/DD/YYYY in both
 * languages, as printed on every U.S. notice a volunteer copies from (see
 * shared/schemas/dates.ts and the README).
 *
 * The names are written out here rather than taken from Intl.DateTimeFormat so
 * the core (Node's ICU) and the window (Chromium's ICU) print the very same
 * text, whatever their ICU versions ("sept" or "sep.", narrow no-break spaces).
 */
import type { Lang } from './index';

/** How much of the date to show. */
export type DateStyle =
  /** "May 14, 1990" / "14 may 1990": dates of birth, tables, PDFs. */
  | 'date'
  /** "Thu, May 14, 1990" / "jue 14 may 1990": deadlines and hearings, where the weekday matters. */
  | 'weekday'
  /** "Thu, May 14" / "jue 14 may": inside a range whose year is shown elsewhere. */
  | 'weekdayShort';

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function parts(iso: string): Parts | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2026-02-30 and the like instead of showing 2 March.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return { year, month, day, weekday: utc.getUTCDay() };
}

/**
 * A calendar date ('YYYY-MM-DD') for a person to read. Anything that is not a
 * real date comes back unchanged, so a bad value is visible rather than hidden.
 */
export function formatDate(iso: string, lang: Lang, style: DateStyle = 'date'): string {
  const p = parts(iso);
  if (!p) return iso;
  const month = MONTHS[lang][p.month - 1]!;
  const weekday = WEEKDAYS[lang][p.weekday]!;
  if (lang === 'es') {
    const dayMonth = `${p.day} ${month}`;
    if (style === 'weekdayShort') return `${weekday} ${dayMonth}`;
    const date = `${dayMonth} ${p.year}`;
    return style === 'weekday' ? `${weekday} ${date}` : date;
  }
  const monthDay = `${month} ${p.day}`;
  if (style === 'weekdayShort') return `${weekday}, ${monthDay}`;
  const date = `${monthDay}, ${p.year}`;
  return style === 'weekday' ? `${weekday}, ${date}` : date;
}

/** `formatDate` for optional values: empty text when there is no date. */
export function formatMaybeDate(iso: string | null | undefined, lang: Lang, style: DateStyle = 'date'): string {
  return iso ? formatDate(iso, lang, style) : '';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The calendar date this computer's clock shows at an instant. */
export function localIsoDate(instant: Date): string {
  return `${String(instant.getFullYear()).padStart(4, '0')}-${pad2(instant.getMonth() + 1)}-${pad2(instant.getDate())}`;
}

function toDate(instant: string | Date): Date | null {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The local clock time of an instant: "3:05 PM" / "15:05". */
export function formatTime(instant: string | Date, lang: Lang): string {
  const d = toDate(instant);
  if (!d) return '';
  const h = d.getHours();
  const m = pad2(d.getMinutes());
  if (lang === 'es') return `${pad2(h)}:${m}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * A recorded instant (saved at, filled at, done at) in local time:
 * "May 14, 1990, 3:05 PM" / "14 may 1990, 15:05". An unreadable value comes
 * back unchanged.
 */
export function formatDateTime(instant: string, lang: Lang): string {
  const d = toDate(instant);
  if (!d) return instant;
  return `${formatDate(localIsoDate(d), lang)}, ${formatTime(d, lang)}`;
}

/** The local calendar date of a recorded instant, in the UI language. */
export function formatInstantDate(instant: string, lang: Lang): string {
  const d = toDate(instant);
  return d ? formatDate(localIsoDate(d), lang) : instant;
}
