/**
 * Funder statistics for a date range (reports.stats). Suppression happens in
 * the core before anything reaches this page: a hidden cell arrives without
 * its number, as { suppressed, small }, and is shown "< 5" when it is small,
 * or "hidden" when it is hidden only so that a small one cannot be worked out.
 */
import { useId, useMemo, useState } from 'react';
import { call } from '../../api';
import { useCoreQuery } from '../../query';
import { errorKey, isMessageKey } from '../../../../shared/i18n';
import { formatDate } from '../../../../shared/i18n/dates';
import type { ErrorInfo } from '../../../../shared/errors';
import { formatUsDate, parseUsDate } from '../../../../shared/schemas/dates';
import type { StatCell, StatsTable, StatsView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { DateInput, todayLocal } from './fields';
import { keyLabel, type CodeNames } from './labels';

const firstOfYear = (iso: string) => `${iso.slice(0, 4)}-01-01`;

export function StatsPanel() {
  const { t, lang } = useI18n();
  const id = useId();
  const today = todayLocal();
  const [from, setFrom] = useState(formatUsDate(firstOfYear(today)));
  const [to, setTo] = useState(formatUsDate(today));
  const [minCell, setMinCell] = useState('5');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [view, setView] = useState<StatsView | null>(null);
  const lists = useCoreQuery('reports.codes', {}).data;
  const codes: CodeNames = useMemo(
    () => new Map(lists?.codes.filter((c) => c.funder === 'LSC').map((c) => [c.code, c.label]) ?? []),
    [lists],
  );

  const fromIso = parseUsDate(from);
  const toIso = parseUsDate(to);
  const min = /^\d{1,2}$/.test(minCell.trim()) ? Number(minCell.trim()) : NaN;
  const minOk = Number.isInteger(min) && min >= 1 && min <= 20;

  const run = async () => {
    setTried(true);
    if (!fromIso || !toIso || !minOk) return;
    setBusy(true);
    setError(null);
    const res = await call('reports.stats', { from: fromIso, to: toIso, minCell: min });
    setBusy(false);
    if (res.ok) setView(res.value);
    else setError(res.error);
  };

  const errorText = (e: ErrorInfo) => {
    const issue = (e.details as { issues?: Array<{ message?: unknown }> } | undefined)?.issues?.map((i) => i.message).find(isMessageKey);
    return issue ? t(issue) : t(errorKey(e.code));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.stats.title')}</h2>
      <p>{t('reports.stats.intro', { min: minOk ? min : 5 })}</p>
      <form
        className="field-row field-row--end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <DateInput
          label={t('reports.stats.from')}
          value={from}
          onChange={setFrom}
          error={tried && !fromIso ? t('reports.stats.dateInvalid') : null}
        />
        <DateInput
          label={t('reports.stats.to')}
          value={to}
          onChange={setTo}
          error={tried && !toIso ? t('reports.stats.dateInvalid') : null}
        />
        <div className="field field--small">
          <label htmlFor={`${id}-min`}>{t('reports.stats.minCell')}</label>
          <input
            id={`${id}-min`}
            type="number"
            min={1}
            max={20}
            step={1}
            value={minCell}
            aria-invalid={tried && !minOk ? true : undefined}
            aria-describedby={`${id}-min-hint${tried && !minOk ? ` ${id}-min-err` : ''}`}
            onChange={(e) => setMinCell(e.target.value)}
          />
          <p id={`${id}-min-hint`} className="field-hint">
            {t('reports.stats.minCellHint')}
          </p>
          {tried && !minOk ? (
            <p id={`${id}-min-err`} className="field-error">
              {t('reports.stats.minCellInvalid')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('reports.stats.run')}
          </button>
        </div>
      </form>
      <FormAlert id={`${id}-alert`} message={error ? errorText(error) : null} />
      {view ? (
        <div className="stats-result" aria-live="polite">
          <p role="status">
            {t('reports.stats.period', { from: formatDate(view.from, lang), to: formatDate(view.to, lang), min: view.minCell })}
          </p>
          <p className="field-hint">{t('reports.stats.legend', { min: view.minCell })}</p>
          <div className="report-grid">
            {view.tables.map((tb) => (
              <StatsTableView key={tb.id} table={tb} minCell={view.minCell} codes={codes} />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function StatsTableView({ table, minCell, codes }: { table: StatsTable; minCell: number; codes: CodeNames }) {
  const { t, lang } = useI18n();
  const cell = (c: StatCell) =>
    typeof c === 'number' ? c.toLocaleString(lang) : c.small ? t('reports.stats.small', { min: minCell }) : t('reports.stats.hidden');
  const twoWay = table.columnKind !== null;
  const title = t(`reports.stats.table.${table.id}`);
  return (
    <div className="panel report-card" data-stats={table.id}>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
        <table className="data-table report-table">
          <caption>{title}</caption>
          {table.rows.length === 0 ? null : (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('reports.stats.key')}</th>
                  {twoWay
                    ? table.columns.map((c) => (
                        <th scope="col" key={c} className="num">
                          {keyLabel(t, lang, table.columnKind!, c, undefined, codes)}
                        </th>
                      ))
                    : null}
                  <th scope="col" className="num">
                    {twoWay ? t('reports.chart.total') : t('reports.series.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{keyLabel(t, lang, table.keyKind, r.key, undefined, codes)}</th>
                    {twoWay
                      ? r.cells.map((c, j) => (
                          <td key={j} className="num">
                            {cell(c)}
                          </td>
                        ))
                      : null}
                    <td className="num">{cell(r.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('reports.chart.total')}</th>
                  {twoWay
                    ? table.columnTotals.map((c, j) => (
                        <td key={j} className="num">
                          {cell(c)}
                        </td>
                      ))
                    : null}
                  <td className="num">{cell(table.total)}</td>
                </tr>
              </tfoot>
            </>
          )}
        </table>
      </div>
      {table.rows.length === 0 ? <p className="muted">{t('reports.stats.noRows')}</p> : null}
    </div>
  );
}
