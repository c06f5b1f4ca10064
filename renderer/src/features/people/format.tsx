import type { PersonSummary } from '../../../../shared/views';
import { formatUsDate } from '../../../../shared/schemas/dates';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { useI18n } from '../../i18n';

/** "Núñez, María José"; a mononym stays as it is. */
export const personName = (p: { givenName: string; familyName: string }): string =>
  p.familyName ? `${p.familyName}, ${p.givenName}` : p.givenName;

export const displayName = (p: { givenName: string; familyName: string }): string => `${p.givenName} ${p.familyName}`.trim();

export const usDate = (iso: string | null | undefined): string => (iso ? formatUsDate(iso) : '');

/** Local date and time of an instant, for "updated" columns. */
export function localDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'es' ? 'es-US' : 'en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function localDate(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function localTime(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(lang === 'es' ? 'es-US' : 'en-US', { hour: '2-digit', minute: '2-digit' });
}

export function PersonFacts({ p }: { p: PersonSummary }) {
  const { t } = useI18n();
  const facts = [
    p.dob ? `${t('people.col.dob')} ${usDate(p.dob)}` : null,
    p.aNumber ? formatANumber(p.aNumber) : null,
    p.detained ? t('people.detained') : null,
    p.nextHearing ? `${t('people.col.hearing')} ${usDate(p.nextHearing)}` : null,
  ].filter(Boolean);
  return <span className="person-facts">{facts.join(' · ')}</span>;
}
