/**
 * The sentences of a deadline trail, in English and Spanish. Each phrase is a
 * pair so the two trails can never drift apart in length or order.
 */
import { formatDate } from '../i18n/dates';
import { describeClosure } from './closures';
import type { NonBusinessReason } from './holidays';
import type { Localized } from './rules';

/** "Mon, Oct 16, 2023": the app's one date format (shared/i18n/dates.ts), with the weekday. */
export function showEn(date: string): string {
  return formatDate(date, 'en', 'weekday');
}

/** "lun 16 oct 2023". */
export function showEs(date: string): string {
  return formatDate(date, 'es', 'weekday');
}

export function reason(r: NonBusinessReason): Localized {
  switch (r.kind) {
    case 'weekend':
      return r.weekday === 'Saturday' ? { en: 'a Saturday', es: 'sábado' } : { en: 'a Sunday', es: 'domingo' };
    case 'holiday':
      return { en: `${r.holiday.name} (federal holiday)`, es: `${r.holiday.es} (feriado federal)` };
    case 'closure':
      return { en: 'a court closure day you entered', es: 'un día de cierre del tribunal que ustedes indicaron' };
    case 'declared':
      return describeClosure(r.closure);
  }
}

/** "Sun 2026-01-18 is a Sunday and Mon 2026-01-19 is Birthday of …" */
export function whyNotBusiness(days: readonly { date: string; reason: NonBusinessReason }[]): Localized {
  const en = days.map((d) => `${showEn(d.date)} is ${reason(d.reason).en}`);
  const es = days.map((d) => `${showEs(d.date)} es ${reason(d.reason).es}`);
  return { en: joinAnd(en, 'and'), es: joinAnd(es, 'y') };
}

/** "Thu 2025-11-27, Thanksgiving Day (federal holiday)" for each day, joined. */
export function listDays(days: readonly { date: string; reason: NonBusinessReason }[]): Localized {
  const en = days.map((d) => `${showEn(d.date)}, ${reason(d.reason).en}`);
  const es = days.map((d) => `${showEs(d.date)}, ${reason(d.reason).es}`);
  return { en: joinAnd(en, 'and'), es: joinAnd(es, 'y') };
}

function joinAnd(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

export class TrailBuilder {
  private readonly lines: Localized[] = [];

  /** Lines may begin with a lower-case Spanish weekday; sentences start upper-case. */
  add(line: Localized): void {
    this.lines.push({ en: capitalize(line.en), es: capitalize(line.es) });
  }

  build(): { en: string[]; es: string[] } {
    return { en: this.lines.map((l) => l.en), es: this.lines.map((l) => l.es) };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
