/**
 * Labels for the keys and series the core's report tables carry. The core
 * sends codes and stored text only (a case type, a bucket id, a date, a
 * facility as typed); everything a person reads is made here, in the UI
 * language, so a chart and its table always say the same thing.
 */
import type { Lang, MessageKey, Translate } from '../../../../shared/i18n';
import { isMessageKey } from '../../../../shared/i18n';
import { formatDate } from '../../../../shared/i18n/dates';
import type { ReportKeyKind } from '../../../../shared/views';

/** TPS country code -> its name in each language (from tps.status). */
export type CountryNames = ReadonlyMap<string, { en: string; es: string }>;
/** LSC closure category or problem code -> its label (from reports.codes). */
export type CodeNames = ReadonlyMap<string, { en: string; es: string }>;

const known = (key: string): MessageKey | null => (isMessageKey(key) ? key : null);

/** The label of one row (or column) key of a report table. */
export function keyLabel(t: Translate, lang: Lang, kind: ReportKeyKind, key: string, countries?: CountryNames, codes?: CodeNames): string {
  if (key === '') return t('reports.notRecorded');
  switch (kind) {
    case 'caseType': {
      const k = known(`enum.caseType.${key}`);
      return k ? t(k as 'enum.caseType.other') : key;
    }
    case 'caseStatus': {
      const k = known(`enum.caseStatus.${key}`);
      return k ? t(k as 'enum.caseStatus.open') : key;
    }
    case 'outcome': {
      const k = known(`reports.outcome.${key}`);
      return k ? t(k as 'reports.outcome.other') : key;
    }
    case 'bucket': {
      const k = known(`reports.bucket.${key}`);
      return k ? t(k as 'reports.bucket.new') : key;
    }
    case 'week':
      return formatDate(key, lang);
    case 'training': {
      const [date = '', ...place] = key.split('|');
      return t('reports.trainingKey', { date: formatDate(date, lang), place: place.join('|') });
    }
    case 'tpsWindow': {
      const [country = '', date = ''] = key.split('|');
      return t('reports.tpsWindowKey', { country: countries?.get(country)?.[lang] ?? country, date: formatDate(date, lang) });
    }
    case 'code': {
      // A funder code with its label ("A · Counsel and advice"): the code is what the funder's form asks for.
      const name = codes?.get(key)?.[lang];
      return name ? `${key} · ${name}` : key;
    }
    case 'text':
      return countries?.get(key)?.[lang] ?? key;
  }
}

/** A series (a column of a chart's table): a status, a hearing kind, or what is counted. */
export function seriesLabel(t: Translate, series: string): string {
  if (series === 'open' || series === 'pending') return t(`reports.series.${series}`);
  const k = known(`reports.series.${series}`);
  return k ? t(k as 'reports.series.people') : series;
}
