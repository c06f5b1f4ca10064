/**
 * The caseload dashboard: the numbers of reports.caseload, one chart each,
 * labelled here in the UI language (the core sends codes and stored text).
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api';
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
  const [view, setView] = useState<CaseloadView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [countries, setCountries] = useState<CountryNames>(new Map());

  useEffect(() => {
    let live = true;
    void call('reports.caseload', {}).then((res) => {
      if (!live) return;
      if (res.ok) setView(res.value);
      else setError(res.error.code);
    });
    // TPS countries are stored as codes: their names come with the TPS dataset.
    void call('tps.status', {}).then((res) => {
      if (live && res.ok) setCountries(new Map(res.value.entries.map((e) => [e.country, e.name])));
    });
    return () => {
      live = false;
    };
  }, []);

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
