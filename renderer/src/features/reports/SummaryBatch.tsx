/**
 * Case summaries for many people as one background job (reports.summaryBatch):
 * narrow the people list with the People filters (detained, hearing within
 * N days, assignee) and a name filter, tick people, choose one combined PDF
 * or one per person. A progress bar follows jobs.status; Cancel stops after
 * the summary being drawn now. The PDFs wait in the core's memory until they
 * are saved here; the job is discarded when this page closes.
 */
import { useId, useMemo, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { Lang } from '../../../../shared/i18n';
import type { ErrorInfo } from '../../../../shared/errors';
import { useI18n } from '../../i18n';
import { useCoreQuery } from '../../query';
import { FormAlert } from '../../components/FormAlert';
import { BatchJobSection, SUMMARY_BATCH, useJobBatch } from '../forms/BatchJob';
import { BatchPeopleTable, FilterField, PickedCount, useBatchPeople } from '../forms/BatchPeople';
import { LangSelect } from '../forms/FillPanel';
import { formsErrorText, personLabel } from '../forms/lib';

type Mode = 'combined' | 'each';

export function SummaryBatch() {
  const { t, lang } = useI18n();
  const id = useId();
  const [detained, setDetained] = useState(false);
  const [within, setWithin] = useState('');
  const [assignee, setAssignee] = useState('');
  const [mode, setMode] = useState<Mode>('combined');
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // The mode of the job on screen, which the radios may have moved away from since it started.
  const [jobMode, setJobMode] = useState<Mode>('combined');
  const batch = useJobBatch(setError, SUMMARY_BATCH);
  const running = batch.running;

  const days = /^\d{1,4}$/.test(within.trim()) ? Number(within.trim()) : undefined;
  const peopleQuery = useCoreQuery(
    'people.list',
    {
      sort: 'name',
      dir: 'asc',
      limit: 500,
      offset: 0,
      ...(detained ? { detained: true } : {}),
      ...(days !== undefined ? { hearingWithinDays: Math.min(days, 3650) } : {}),
      ...(assignee.trim() ? { assignedTo: assignee.trim() } : {}),
    },
    // The list stays on screen while a changed filter is asked for.
    { placeholderData: keepPreviousData },
  );
  const people = peopleQuery.data;
  const pick = useBatchPeople(people?.rows);
  const names = useMemo(() => new Map((people?.rows ?? []).map((p) => [p.id, personLabel(p)])), [people]);
  const shownError = error ?? peopleQuery.error?.info ?? null;

  const start = async () => {
    if (!pick.canStart) return;
    setError(null);
    setJobMode(mode);
    const failure = await batch.start({ personIds: [...pick.picked], lang: summaryLang, mode });
    if (failure) setError(failure);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.tab.summaries')}</h2>
      <p>{t('reports.batch.intro')}</p>
      <div className="field-row field-row--end">
        <FilterField id={`${id}-filter`} label={t('forms.batch.filter')} value={pick.filter} onChange={pick.setFilter} />
        <div className="field field--small">
          <label htmlFor={`${id}-within`}>{t('reports.batch.hearingWithin')}</label>
          <input id={`${id}-within`} type="number" min={0} max={3650} value={within} onChange={(e) => setWithin(e.target.value)} />
        </div>
        <div className="field field--medium">
          <label htmlFor={`${id}-assignee`}>{t('reports.batch.assignedTo')}</label>
          <input id={`${id}-assignee`} type="text" value={assignee} autoComplete="off" onChange={(e) => setAssignee(e.target.value)} />
        </div>
        <div className="checkbox">
          <input id={`${id}-detained`} type="checkbox" checked={detained} onChange={(e) => setDetained(e.target.checked)} />
          <label htmlFor={`${id}-detained`}>{t('reports.batch.detained')}</label>
        </div>
      </div>
      <BatchPeopleTable id={id} people={people} pick={pick} disabled={running} caption={t('reports.batch.people')} />
      <div className="field-row field-row--end">
        <fieldset className="radio-group">
          <legend>{t('reports.batch.mode')}</legend>
          {(['combined', 'each'] as const).map((m) => (
            <div className="checkbox" key={m}>
              <input
                id={`${id}-mode-${m}`}
                type="radio"
                name={`${id}-mode`}
                checked={mode === m}
                disabled={running}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`${id}-mode-${m}`}>{t(m === 'combined' ? 'reports.batch.modeCombined' : 'reports.batch.modeEach')}</label>
            </div>
          ))}
        </fieldset>
        <LangSelect id={`${id}-lang`} label={t('reports.summary.lang')} value={summaryLang} onChange={setSummaryLang} disabled={running} />
      </div>
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={!pick.canStart || running} onClick={() => void start()}>
          {t('reports.batch.start', { count: pick.picked.size })}
        </button>
        <PickedCount pick={pick} />
      </div>
      <FormAlert id={`${id}-alert`} message={shownError ? formsErrorText(t, shownError) : null} />
      <BatchJobSection id={id} batch={batch} names={names} words="summaries" combined={jobMode === 'combined'} />
    </section>
  );
}
