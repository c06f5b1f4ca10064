/**
 * The Reports page: the caseload dashboard (charts with their tables),
 * funder statistics, case summaries in batches, exports, and trainings.
 * One part shows at a time, chosen with the buttons on top (Tab and Enter).
 */
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { Dashboard } from './Dashboard';
import { ExportPanel } from './ExportPanel';
import { StatsPanel } from './StatsPanel';
import { SummaryBatch } from './SummaryBatch';
import { TrainingsPanel } from './Trainings';

const PARTS = ['dashboard', 'stats', 'summaries', 'exports', 'trainings'] as const;
type Part = (typeof PARTS)[number];

export function ReportsPage() {
  const { t } = useI18n();
  const [part, setPart] = useState<Part>('dashboard');
  return (
    <div className="reports-page">
      <p>{t('reports.page.intro')}</p>
      <div className="segmented reports-parts" role="group" aria-label={t('reports.section')}>
        {PARTS.map((p) => (
          <button key={p} type="button" className="segmented-btn" aria-pressed={part === p} onClick={() => setPart(p)}>
            {t(`reports.tab.${p}`)}
          </button>
        ))}
      </div>
      {part === 'dashboard' ? (
        <section aria-label={t('reports.tab.dashboard')}>
          <Dashboard />
        </section>
      ) : part === 'stats' ? (
        <StatsPanel />
      ) : part === 'summaries' ? (
        <SummaryBatch />
      ) : part === 'exports' ? (
        <ExportPanel />
      ) : (
        <TrainingsPanel />
      )}
    </div>
  );
}
