/**
 * TPS dates for one country, read from the dataset. Every date carries the
 * dataset's as-of date and the entry's verify flag: TPS changes by Federal
 * Register notice and court order faster than any release, so a date is only
 * as good as the day it was researched.
 */
import { AppError } from '../errors';
import { assertDate, daysBetween } from '../deadlines/dates';
import type { Localized } from '../deadlines/rules';
import { formatDate } from '../i18n/dates';
import { tpsText, type TpsCountry, type TpsDataset, type TpsStatus, type TpsText } from './schema';

export const STALE_AFTER_DAYS = 90;

export type TpsDeadlineKind = 're-registration-open' | 're-registration-close' | 'ead-auto-extension' | 'designation-end';

/** The engine rule (shared/deadlines DATASET_RULES) the re-registration window's two dates belong to. */
export const TPS_REREGISTRATION_RULE = 'tps-reregistration';

export interface TpsDeadline {
  kind: TpsDeadlineKind;
  date: string;
  label: Localized;
  /** Negative once the date has passed. */
  daysLeft: number;
  passed: boolean;
  citation: string | null;
  /** The entry has no Federal Register citation: shown as a "no citation on file" flag. */
  noCitation: boolean;
  asOf: string;
  verify: boolean;
}

export interface TpsDeadlineReport {
  country: string;
  name: Localized;
  status: TpsStatus;
  /** A sentence on where the designation stands, shown even when there are no dates. */
  notice: Localized;
  /** The dataset's notes on the entry (sources, caveats), or null. */
  notes: Localized | null;
  /**
   * Part of the Spanish text is the dataset's English, because the file has no
   * Spanish for it. The Spanish notice then says so; the UI marks the text.
   */
  untranslated: boolean;
  deadlines: TpsDeadline[];
  citation: string | null;
  /** The entry has no Federal Register citation: shown as a "no citation on file" flag. */
  noCitation: boolean;
  asOf: string;
  verify: boolean;
  datasetAgeDays: number;
  stale: boolean;
}

const LABELS: Record<TpsDeadlineKind, Localized> = {
  're-registration-open': { en: 'Re-registration period opens', es: 'Abre el periodo de reinscripción' },
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
  const untranslated = [entry.latestAction, entry.litigation, entry.notes].some((v) => v !== undefined && tpsText(v, 'es').fallback);
  return {
    country: entry.country,
    name: entry.name,
    status: entry.status,
    notice: withCaveats(statusNotice(entry), dataset.asOf, entry.verify, stale ? age : null, untranslated),
    notes: entry.notes === undefined ? null : both(entry.notes),
    untranslated,
    deadlines: entry.status === 'terminated' ? [] : datesOf(entry, dataset.asOf, today),
    citation: entry.citation,
    noCitation: entry.citation === null,
    asOf: dataset.asOf,
    verify: entry.verify,
    datasetAgeDays: age,
    stale,
  };
}

function datesOf(entry: TpsCountry, asOf: string, today: string): TpsDeadline[] {
  const found: [TpsDeadlineKind, string | undefined][] = [
    ['re-registration-open', entry.reRegistration?.start],
    ['re-registration-close', entry.reRegistration?.end],
    ['ead-auto-extension', entry.eadAutoExtendedTo],
    ['designation-end', entry.endDate],
  ];
  return found
    .filter((pair): pair is [TpsDeadlineKind, string] => pair[1] !== undefined)
    .map(([kind, date]) => {
      const daysLeft = daysBetween(today, date);
      return {
        kind,
        date,
        label: LABELS[kind],
        daysLeft,
        passed: daysLeft < 0,
        citation: entry.citation,
        noCitation: entry.citation === null,
        asOf,
        verify: entry.verify,
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A dataset text in both languages (Spanish falls back to the English text). */
function both(value: TpsText): Localized {
  return { en: tpsText(value, 'en').text, es: tpsText(value, 'es').text };
}

function cited(entry: TpsCountry): Localized {
  return entry.citation
    ? { en: ` (${entry.citation})`, es: ` (${entry.citation})` }
    : {
        en: ' (no citation on file: the dataset has no Federal Register notice for this entry)',
        es: ' (sin cita registrada: los datos no tienen aviso del Federal Register para esta entrada)',
      };
}

function effective(entry: TpsCountry): Localized {
  return entry.effectiveDate
    ? { en: `, effective ${formatDate(entry.effectiveDate, 'en')}`, es: `, con efecto el ${formatDate(entry.effectiveDate, 'es')}` }
    : { en: '', es: '' };
}

function court(entry: TpsCountry): Localized {
  if (!entry.litigation) return { en: '', es: '' };
  const text = both(entry.litigation);
  return { en: ` Litigation: ${text.en}.`, es: ` Litigio: ${text.es}.` };
}

function statusNotice(entry: TpsCountry): Localized {
  const name = entry.name;
  const c = cited(entry);
  const e = effective(entry);
  const l = court(entry);
  const action = both(entry.latestAction);
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
        en: `Termination of TPS for ${name.en} has been announced: ${action.en}${c.en}.`,
        es: `Se anunció la terminación del TPS de ${name.es}: ${action.es}${c.es}.`,
      };
    case 'designated':
    case 'extended':
    case 'auto-extended':
      return {
        en: `TPS for ${name.en} is in effect: ${action.en}${c.en}.`,
        es: `El TPS de ${name.es} está vigente: ${action.es}${c.es}.`,
      };
  }
}

function withCaveats(notice: Localized, asOf: string, verify: boolean, staleAge: number | null, untranslated: boolean): Localized {
  const day = { en: formatDate(asOf, 'en'), es: formatDate(asOf, 'es') };
  const en = [notice.en, verify ? `As of ${day.en}; verify before advising.` : `As of ${day.en}.`];
  const es = [notice.es, verify ? `Datos al ${day.es}; verifique antes de asesorar.` : `Datos al ${day.es}.`];
  if (untranslated) es.push('Parte de este texto está en inglés porque el archivo de datos no trae la traducción al español.');
  if (staleAge !== null) {
    en.push(`This TPS dataset is ${staleAge} days old: import an updated file.`);
    es.push(`Estos datos de TPS tienen ${staleAge} días: importe un archivo actualizado.`);
  }
  return { en: en.join(' '), es: es.join(' ') };
}
