import type { PersonSummary } from '../../../../shared/views';
import type { Lang } from '../../../../shared/i18n';
import { formatDateTime, formatInstantDate, formatMaybeDate, formatTime } from '../../../../shared/i18n/dates';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { useI18n } from '../../i18n';

/** "Núñez, María José"; a mononym stays as it is. */
export const personName = (p: { givenName: string; familyName: string }): string =>
  p.familyName ? `${p.familyName}, ${p.givenName}` : p.givenName;

export const displayName = (p: { givenName: string; familyName: string }): string => `${p.givenName} ${p.familyName}`.trim();

/** A calendar date (birth, hearing) in the UI language; empty when there is none. */
export const showDate = (iso: string | null | undefined, lang: Lang): string => formatMaybeDate(iso, lang);

/** Local date and time of an instant, for "updated" lines. */
export const localDateTime = (iso: string, lang: Lang): string => formatDateTime(iso, lang);

export const localDate = (iso: string, lang: Lang): string => formatInstantDate(iso, lang);

export const localTime = (iso: string, lang: Lang): string => formatTime(iso, lang);

export function PersonFacts({ p }: { p: PersonSummary }) {
  const { t, lang } = useI18n();
  const facts = [
    p.dob ? `${t('people.col.dob')} ${showDate(p.dob, lang)}` : null,
    p.aNumber ? formatANumber(p.aNumber) : null,
    p.detained ? t('people.detained') : null,
    p.nextHearing ? `${t('people.col.hearing')} ${showDate(p.nextHearing, lang)}` : null,
  ].filter(Boolean);
  return <span className="person-facts">{facts.join(' · ')}</span>;
}
