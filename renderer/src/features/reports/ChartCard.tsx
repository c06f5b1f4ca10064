/**
 * One dashboard chart (chart.js on a canvas) with its table one click away.
 * The canvas is an image to assistive technology (role="img" with the chart's
 * title); the table, a real <table> with a caption, carries the same numbers
 * for screen readers and for copying into a report. chart.js only sets
 * properties of the canvas's style object (CSSOM) and never inserts a style
 * element or attribute, so the app's `style-src 'self'` holds.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useI18n } from '../../i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito), darkened for contrast on white. */
const PALETTE = ['#0060a8', '#c45a00', '#007a5a', '#b0306a', '#6a4ca0', '#8a6d00', '#4d4d4d'];

export interface ChartData {
  id: string;
  title: string;
  keyHeader: string;
  series: string[];
  rows: Array<{ label: string; values: number[] }>;
  /** Bars drawn across (long labels: facilities, trainings) rather than up. */
  horizontal?: boolean;
}

export function ChartCard({ data }: { data: ChartData }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const empty = data.rows.length === 0 || data.rows.every((r) => r.values.every((v) => v === 0));
  const total = data.rows.reduce((a, r) => a + r.values.reduce((b, v) => b + v, 0), 0);
  return (
    <section
      className={`panel report-card${showTable && data.series.length > 2 ? ' report-card--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      data-chart={data.id}
    >
      <div className="report-card-head">
        <h3 id={`${id}-title`}>{data.title}</h3>
        {empty ? null : (
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={showTable}
            aria-controls={`${id}-body`}
            aria-describedby={`${id}-title`}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? t('reports.chart.showChart') : t('reports.chart.showTable')}
          </button>
        )}
      </div>
      <div id={`${id}-body`}>
        {empty ? (
          <p className="muted">{t('reports.chart.empty')}</p>
        ) : showTable ? (
          // Focusable, so a table wider than its card can be scrolled with the keyboard.
          <div className="table-wrap" tabIndex={0} role="region" aria-label={data.title}>
            <table className="data-table report-table">
              {/* The card's heading already shows the title: the caption names the table for screen readers and copies. */}
              <caption className="visually-hidden">{data.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{data.keyHeader}</th>
                  {data.series.map((s) => (
                    <th scope="col" key={s} className="num">
                      {s}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{r.label}</th>
                    {r.values.map((v, j) => (
                      <td key={j} className="num">
                        {v.toLocaleString(lang)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {data.series.length > 1 || data.rows.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row">{t('reports.chart.total')}</th>
                    {data.series.map((s, j) => (
                      <td key={s} className="num">
                        {data.rows.reduce((a, r) => a + (r.values[j] ?? 0), 0).toLocaleString(lang)}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        ) : (
          <BarChart data={data} label={`${data.title}: ${t('reports.chart.total')} ${total.toLocaleString(lang)}`} />
        )}
      </div>
    </section>
  );
}

function BarChart({ data, label }: { data: ChartData; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { lang } = useI18n();
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const stacked = data.series.length > 1;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: data.rows.map((r) => r.label),
        datasets: data.series.map((s, j) => ({
          label: s,
          data: data.rows.map((r) => r.values[j] ?? 0),
          backgroundColor: PALETTE[j % PALETTE.length],
          borderWidth: 0,
        })),
      },
      options: {
        indexAxis: data.horizontal ? 'y' : 'x',
        // No animation: the numbers are the point, and motion helps nobody read them.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: lang === 'es' ? 'es-US' : 'en-US',
        plugins: { legend: { display: stacked, position: 'bottom' }, tooltip: { enabled: true } },
        scales: {
          x: { stacked, ticks: { precision: 0 }, beginAtZero: true },
          y: { stacked, ticks: { precision: 0 }, beginAtZero: true },
        },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [data, lang]);
  const tall = data.horizontal ? Math.max(160, 28 * data.rows.length + (data.series.length > 1 ? 60 : 30)) : 240;
  return (
    // React sets this height through the style object (CSSOM), which the CSP allows; a style attribute in markup it would not.
    <div className="report-chart" style={{ height: `${tall}px` }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
