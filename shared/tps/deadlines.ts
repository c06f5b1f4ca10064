/**
 * TPS dates for one country, read from the dataset. Every date carries the
 * dataset's as-of date and the entry's verify flag: TPS changes by Federal
 * Register notice and court order faster than any release, so a date is only
 * as good as the day it was researched.
 */
import { AppError } from '../errors';
import { assertDate, daysBetween } from '../deadlines/dates';
import type { Localized } from '../deadlines/rules';
import type { TpsCountry, TpsDataset, TpsStatus } from './schema';

export const STALE_AFTER_DAYS = 90;

export type TpsDeadlineKind = 're-registration-close' | 'ead-auto-extension' | 'designation-end';

export interface TpsDeadline {
  kind: TpsDeadlineKind;
  date: string;
  label: Localized;
  /** Negative once the date has passed. */
  daysLeft: number;
  passed: boolean;
  citation: string | null;
  asOf: string;
  verify: boolean;
}

export interface TpsDeadlineReport {
  country: string;
  name: Localized;
  status: TpsStatus;
  /** A sentence on where the designation stands, shown even when there are no dates. */
  notice: Localized;
  deadlines: TpsDeadline[];
  citation: string | null;
  asOf: string;
  verify: boolean;
  datasetAgeDays: number;
  stale: boolean;
}

const LABELS: Record<TpsDeadlineKind, Localized> = {
  're-registration-close': { en: 'Re-registration period closes', es: 'Cierra el periodo de reinscripción' },
  'ead-auto-extension': {
    en: 'Automatic extension of work permits (EAD) ends',
    es: 'Termina la extensión automática del permiso de trabajo (EAD)',
  },
  'designation-end': { en: 'TPS designation ends', es: 'Termina la designación de TPS' },
};

export function datasetAgeDays(dataset: TpsDataset, today: string): number {
  return daysBetween(dataset.asOf, assertDate(today, 'today'));
}

export function isStale(dataset: TpsDataset, today: string): boolean {
  return datasetAgeDays(dataset, today) > STALE_AFTER_DAYS;
}

export function tpsDeadlinesFor(countryId: string, dataset: TpsDataset, today: string): TpsDeadlineReport {
  assertDate(today, 'today');
  const entry = dataset.countries.find((c) => c.country === countryId);
  if (!entry) throw new AppError('NOT_FOUND', `no TPS entry for '${String(countryId).slice(0, 12)}' in the dataset`);
  const age = datasetAgeDays(dataset, today);
  const stale = age > STALE_AFTER_DAYS;
  return {
    country: entry.country,
    name: entry.name,
    status: entry.status,
    notice: withCaveats(statusNotice(entry), dataset.asOf, entry.verify, stale ? age : null),
    deadlines: entry.status === 'terminated' ? [] : datesOf(entry, dataset.asOf, today),
    citation: entry.citation,
    asOf: dataset.asOf,
    verify: entry.verify,
    datasetAgeDays: age,
    stale,
  };
}

function datesOf(entry: TpsCountry, asOf: string, today: string): TpsDeadline[] {
  const found: [TpsDeadlineKind, string | undefined][] = [
    ['re-registration-close', entry.reRegistration?.end],
    ['ead-auto-extension', entry.eadAutoExtendedTo],
    ['designation-end', entry.endDate],
  ];
  return found
    .filter((pair): pair is [TpsDeadlineKind, string] => pair[1] !== undefined)
    .map(([kind, date]) => {
      const daysLeft = daysBetween(today, date);
      return { kind, date, label: LABELS[kind], daysLeft, passed: daysLeft < 0, citation: entry.citation, asOf, verify: entry.verify };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function cited(entry: TpsCountry): Localized {
  return entry.citation
    ? { en: ` (${entry.citation})`, es: ` (${entry.citation})` }
    : { en: ' (no Federal Register citation in the dataset)', es: ' (sin cita del Federal Register en los datos)' };
}

function effective(entry: TpsCountry): Localized {
  return entry.effectiveDate
    ? { en: `, effective ${entry.effectiveDate}`, es: `, con efecto el ${entry.effectiveDate}` }
    : { en: '', es: '' };
}

function court(entry: TpsCountry): Localized {
  return entry.litigation ? { en: ` Litigation: ${entry.litigation}.`, es: ` Litigio: ${entry.litigation}.` } : { en: '', es: '' };
}

function statusNotice(entry: TpsCountry): Localized {
  const name = entry.name;
  const c = cited(entry);
  const e = effective(entry);
  const l = court(entry);
  switch (entry.status) {
    case 'terminated':
      return {
        en: `TPS for ${name.en} was terminated${e.en}${c.en}.${l.en}`,
        es: `El TPS de ${name.es} fue terminado${e.es}${c.es}.${l.es}`,
      };
    case 'terminated-stayed':
      return {
        en: `The termination of TPS for ${name.en}${e.en}${c.en} is stayed or postponed by a court.${l.en}`,
        es: `La terminación del TPS de ${name.es}${e.es}${c.es} está suspendida o aplazada por un tribunal.${l.es}`,
      };
    case 'litigation':
      return {
        en: `The termination of TPS for ${name.en}${e.en}${c.en} is in litigation.${l.en}`,
        es: `La terminación del TPS de ${name.es}${e.es}${c.es} está en litigio.${l.es}`,
      };
    case 'termination-announced':
      return {
        en: `Termination of TPS for ${name.en} has been announced: ${entry.latestAction}${c.en}.`,
        es: `Se anunció la terminación del TPS de ${name.es}: ${entry.latestAction}${c.es}.`,
      };
    case 'designated':
    case 'extended':
    case 'auto-extended':
      return {
        en: `TPS for ${name.en} is in effect: ${entry.latestAction}${c.en}.`,
        es: `El TPS de ${name.es} está vigente: ${entry.latestAction}${c.es}.`,
      };
  }
}

function withCaveats(notice: Localized, asOf: string, verify: boolean, staleAge: number | null): Localized {
  const en = [notice.en, verify ? `As of ${asOf}; verify before advising.` : `As of ${asOf}.`];
  const es = [notice.es, verify ? `Datos al ${asOf}; verifique antes de asesorar.` : `Datos al ${asOf}.`];
  if (staleAge !== null) {
    en.push(`This TPS dataset is ${staleAge} days old: import an updated file.`);
    es.push(`Estos datos de TPS tienen ${staleAge} días: importe un archivo actualizado.`);
  }
  return { en: en.join(' '), es: es.join(' ') };
}
