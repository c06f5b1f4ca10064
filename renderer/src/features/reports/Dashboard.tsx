/**
 * The caseload dashboard: the numbers of reports.caseload, one chart each,
 * labelled here in the UI language (the core sends codes and stored text).
 */
import { useMemo } from 'react';
import { coreErrorCode, useCoreQuery } from '../../query';
import { errorKey, type Lang, type Translate } from '../../../../shared/i18n';
import { formatDate } from '../../../../shared/i18n/dates';
import type { CaseloadView, ChartTable } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { ChartCard, type ChartData } from './ChartCard';
import { keyLabel, seriesLabel, type CountryNames } from './labels';

/** Charts whose labels are long or many read better as bars across. */
const HORIZONTAL = new Set<ChartTable['id']>([
  'openCasesByType',
  'openCasesByAssignee',
  'detainedByFacility',
  'intakesPerTraining',
  'tpsByCountry',
  'tpsWindows',
]);

export function toChartData(t: Translate, lang: Lang, table: ChartTable, countries: CountryNames): ChartData {
  const names = table.id === 'tpsByCountry' || table.id === 'tpsWindows' ? countries : undefined;
  return {
    id: table.id,
    title: t(`reports.chart.${table.id}.title`),
    keyHeader: t(`reports.chart.${table.id}.key`),
    series: table.series.map((s) => seriesLabel(t, s)),
    rows: table.rows.map((r) => ({ label: keyLabel(t, lang, table.keyKind, r.key, names), values: r.values })),
    horizontal: HORIZONTAL.has(table.id),
  };
}

export function Dashboard() {
  const { t, lang } = useI18n();
  const caseload = useCoreQuery('reports.caseload', {});
  const view: CaseloadView | null = caseload.data ?? null;
  const error = coreErrorCode(caseload.error);
  // TPS countries are stored as codes: their names come with the TPS dataset.
  const tps = useCoreQuery('tps.status', {}).data;
  const countries: CountryNames = useMemo(() => new Map(tps?.entries.map((e) => [e.country, e.name]) ?? []), [tps]);

  const charts = useMemo(() => (view ? view.tables.map((tb) => toChartData(t, lang, tb, countries)) : []), [view, t, lang, countries]);

  if (error) return <FormAlert id="reports-dash-alert" message={t(errorKey(error))} />;
  if (!view) return <p className="muted">{t('reports.dash.loading')}</p>;
  return (
    <>
      <p className="field-hint">{t('reports.dash.asOf', { date: formatDate(view.today, lang) })}</p>
      <div className="report-grid">
        {charts.map((c) => (
          <ChartCard key={c.id} data={c} />
        ))}
      </div>
    </>
  );
}
