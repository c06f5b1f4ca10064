/**
 * Case summaries for many people as one background job (reports.summaryBatch):
 * narrow the people list with the People filters (detained, hearing within
 * N days, assignee) and a name filter, tick people, choose one combined PDF
 * or one per person. A progress bar follows jobs.status; Cancel stops after
 * the summary being drawn now. The PDFs wait in the core's memory until they
 * are saved here; the job is discarded when this page closes.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { call } from '../../api';
import { LANG_NAMES, LANGS, type Lang } from '../../../../shared/i18n';
import type { ErrorInfo } from '../../../../shared/errors';
import type { JobStatus, PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { SaveMessage } from '../forms/FillPanel';
import { formsErrorText, personLabel, showDate } from '../forms/lib';
import { saveSummary, type SaveState } from './CaseSummaryButton';

/** The contract's maxBatchPeople. */
const MAX_PEOPLE = 100;
const POLL_MS = 300;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function SummaryBatch() {
  const { t, lang } = useI18n();
  const id = useId();
  const [detained, setDetained] = useState(false);
  const [within, setWithin] = useState('');
  const [assignee, setAssignee] = useState('');
  const [filter, setFilter] = useState('');
  const [people, setPeople] = useState<{ total: number; rows: PersonSummary[] } | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<'combined' | 'each'>('combined');
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [jobMode, setJobMode] = useState<'combined' | 'each'>('combined');
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState<Record<number, SaveState>>({});
  const [fileNames, setFileNames] = useState<Record<number, string>>({});
  const jobIdRef = useRef<string | null>(null);

  const days = /^\d{1,4}$/.test(within.trim()) ? Number(within.trim()) : undefined;
  useEffect(() => {
    let live = true;
    const input = {
      sort: 'name' as const,
      dir: 'asc' as const,
      limit: 500,
      offset: 0,
      ...(detained ? { detained: true } : {}),
      ...(days !== undefined ? { hearingWithinDays: Math.min(days, 3650) } : {}),
      ...(assignee.trim() ? { assignedTo: assignee.trim() } : {}),
    };
    void call('people.list', input).then((res) => {
      if (!live) return;
      if (res.ok) setPeople(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [detained, days, assignee]);

  // The PDFs of a finished batch live in the core's memory: let them go with this page.
  useEffect(
    () => () => {
      const jobId = jobIdRef.current;
      if (jobId) void call('jobs.discard', { jobId });
    },
    [],
  );

  const running = job?.state === 'running';
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setTimeout(() => {
      void call('jobs.status', { jobId: job.jobId }).then((res) => {
        if (jobIdRef.current !== job.jobId) return;
        if (res.ok) setJob(res.value);
        else setJob({ ...job, state: 'failed', error: res.error });
      });
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job]);

  const names = useMemo(() => new Map((people?.rows ?? []).map((p) => [p.id, personLabel(p)])), [people]);
  const shown = useMemo(() => {
    const q = fold(filter.trim());
    const rows = people?.rows ?? [];
    return q ? rows.filter((p) => fold(`${p.givenName} ${p.familyName} ${p.aNumber ?? ''}`).includes(q)) : rows;
  }, [people, filter]);
  const allShown = shown.length > 0 && shown.every((p) => picked.has(p.id));
  const setMany = (ids: string[], on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      for (const p of ids) {
        if (on) next.add(p);
        else next.delete(p);
      }
      return next;
    });

  const discardJob = useCallback(async () => {
    const jobId = jobIdRef.current;
    jobIdRef.current = null;
    setJob(null);
    setSaved({});
    if (jobId) await call('jobs.discard', { jobId });
  }, []);

  const start = async () => {
    if (picked.size === 0 || picked.size > MAX_PEOPLE) return;
    await discardJob();
    setError(null);
    const res = await call('reports.summaryBatch', { personIds: [...picked], lang: summaryLang, mode });
    if (!res.ok) return setError(res.error);
    jobIdRef.current = res.value.jobId;
    setJobMode(mode);
    setJob({
      jobId: res.value.jobId,
      kind: 'reports.summaries',
      state: 'running',
      phase: 'summary',
      done: 0,
      total: res.value.total,
      progress: 0,
      results: [],
    });
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    const res = await call('jobs.cancel', { jobId: job.jobId });
    setCancelling(false);
    if (res.ok && jobIdRef.current === job.jobId) setJob(res.value);
  };

  const saveOne = async (index: number) => {
    const jobId = jobIdRef.current;
    if (!jobId) return;
    const res = await call('jobs.result', { jobId, index });
    const ok = res.ok && res.value.kind === 'reports.summaries' ? res.value : null;
    const state: SaveState = ok ? await saveSummary(ok.fileName, ok.pdf, ok.token) : { kind: 'failed' };
    if (ok) setFileNames((cur) => ({ ...cur, [index]: ok.fileName }));
    setSaved((cur) => ({ ...cur, [index]: state }));
  };

  const pct = job
    ? Math.round(job.total === 0 ? 100 : (100 * Math.min(job.total, job.done + (running ? job.progress : 0))) / job.total)
    : 0;
  const okCount = job?.results.filter((r) => r.ok).length ?? 0;
  const finished = job && !running;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.tab.summaries')}</h2>
      <p>{t('reports.batch.intro')}</p>
      <div className="field-row field-row--end">
        <div className="field field--medium">
          <label htmlFor={`${id}-filter`}>{t('forms.batch.filter')}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
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
      {!people ? (
        <p className="muted">{t('forms.batch.loading')}</p>
      ) : people.rows.length === 0 ? (
        <p className="muted">{t('forms.batch.noPeople')}</p>
      ) : (
        <div className="table-wrap batch-people">
          <table className="data-table">
            <caption className="visually-hidden">{t('reports.batch.people')}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-check">
                  <input
                    type="checkbox"
                    checked={allShown}
                    disabled={running || shown.length === 0}
                    aria-label={t('forms.batch.selectAll', { count: shown.length })}
                    onChange={(e) =>
                      setMany(
                        shown.map((p) => p.id),
                        e.target.checked,
                      )
                    }
                  />
                </th>
                <th scope="col">{t('forms.batch.name')}</th>
                <th scope="col">{t('forms.batch.dob')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td className="col-check">
                    <input
                      id={`${id}-p-${p.id}`}
                      type="checkbox"
                      checked={picked.has(p.id)}
                      disabled={running}
                      onChange={(e) => setMany([p.id], e.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <label htmlFor={`${id}-p-${p.id}`}>{personLabel(p)}</label>
                  </th>
                  <td>{showDate(p.dob, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people && people.total > people.rows.length ? (
        <p className="field-hint">{t('forms.batch.more', { shown: people.rows.length, total: people.total })}</p>
      ) : null}
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
        <div className="field field--medium">
          <label htmlFor={`${id}-lang`}>{t('reports.summary.lang')}</label>
          <select
            id={`${id}-lang`}
            className="select"
            value={summaryLang}
            disabled={running}
            onChange={(e) => setSummaryLang(e.target.value as Lang)}
          >
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions actions--start">
        <button
          type="button"
          className="btn btn-primary"
          disabled={picked.size === 0 || picked.size > MAX_PEOPLE || running}
          onClick={() => void start()}
        >
          {t('reports.batch.start', { count: picked.size })}
        </button>
        <span className={picked.size > MAX_PEOPLE ? 'field-error' : 'field-hint'} aria-live="polite">
          {picked.size > MAX_PEOPLE
            ? t('forms.batch.tooMany', { max: MAX_PEOPLE })
            : t('forms.batch.picked', { count: picked.size, max: MAX_PEOPLE })}
        </span>
      </div>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      {job ? (
        <section className="batch-job" aria-labelledby={`${id}-job`}>
          <h3 id={`${id}-job`}>{t('forms.batch.jobTitle')}</h3>
          <div className="batch-progress">
            <div
              className="progressbar"
              role="progressbar"
              aria-label={t('forms.batch.progressLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              aria-valuetext={t('forms.batch.progressText', { done: job.done, total: job.total })}
            >
              <span className="progressbar-fill" style={{ width: `${pct}%` }} />
            </div>
            <span>{t('forms.batch.progressText', { done: job.done, total: job.total })}</span>
            {running ? (
              <button type="button" className="btn btn-small" disabled={cancelling} onClick={() => void cancel()}>
                {cancelling ? t('forms.batch.cancelling') : t('forms.batch.cancel')}
              </button>
            ) : null}
          </div>
          <p role="status" className={job.state === 'failed' ? 'field-error' : undefined}>
            {job.state === 'running'
              ? ''
              : job.state === 'done'
                ? t('reports.batch.done', { ok: okCount, failed: job.results.length - okCount })
                : job.state === 'cancelled'
                  ? t('reports.batch.cancelled', { ok: okCount, total: job.total })
                  : t('forms.batch.failed', { message: job.error ? formsErrorText(t, job.error) : '' })}
          </p>
          {finished && okCount > 0 && jobMode === 'combined' ? (
            <p className="actions actions--start">
              <button type="button" className="btn btn-primary" onClick={() => void saveOne(0)}>
                {t('reports.batch.saveCombined')}
              </button>{' '}
              <SaveMessage state={saved[0] ?? null} fileName={fileNames[0] ?? ''} />
            </p>
          ) : null}
          {jobMode === 'each' && job.results.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('forms.batch.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('forms.batch.name')}</th>
                    <th scope="col">{t('forms.batch.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.results.map((r) => (
                    <tr key={r.index}>
                      <th scope="row">{names.get(r.personId) ?? r.personId}</th>
                      <td>
                        {r.ok ? (
                          <>
                            <button
                              type="button"
                              className="btn btn-small"
                              onClick={() => void saveOne(r.index)}
                              aria-label={t('reports.batch.saveNamed', { name: names.get(r.personId) ?? '' })}
                            >
                              {t('forms.batch.save')}
                            </button>{' '}
                            <SaveMessage state={saved[r.index] ?? null} fileName={r.fileName ?? ''} short />
                          </>
                        ) : (
                          <span className="field-error">{r.error ? formsErrorText(t, r.error) : t('error.INTERNAL')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {finished ? (
            <>
              <div className="actions actions--start">
                <button type="button" className="btn" onClick={() => void discardJob()}>
                  {t('forms.batch.discard')}
                </button>
              </div>
              <p className="field-hint">{t('forms.batch.memoryNote')}</p>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
