/**
 * One template for many people, as a background job: tick people (from the
 * people list, narrowed by a filter), choose the template, start. A progress
 * bar follows jobs.status; Cancel stops after the form being filled now.
 * Each finished PDF waits in the core's memory until it is saved here, one
 * by one or with "Save all" (one save dialog or download after another);
 * the job and its PDFs are discarded when this page closes.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { JobStatus, PersonSummary, TemplateSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { EditionDiff } from './EditionDiff';
import { fillableTemplates, savePdf, SaveMessage, templateOptionLabel } from './FillPanel';
import { editionDetails, formsErrorText, personLabel, showDate, type EditionDetails } from './lib';

/** The contract's MAX_BATCH_PEOPLE. */
const MAX_PEOPLE = 100;
const POLL_MS = 300;

type SaveState = Awaited<ReturnType<typeof savePdf>>;

export function BatchPanel({ templates }: { templates: TemplateSummary[] | null }) {
  const { t, lang } = useI18n();
  const id = useId();
  const fillable = fillableTemplates(templates);
  const [templateId, setTemplateId] = useState('');
  const chosen = fillable.find((x) => x.id === templateId) ?? fillable[0];
  const [people, setPeople] = useState<{ total: number; rows: PersonSummary[] } | null>(null);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [edition, setEdition] = useState<EditionDetails | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState<Record<number, SaveState>>({});
  const [savingAll, setSavingAll] = useState<{ done: number; total: number } | null>(null);
  const jobIdRef = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('people.list', { sort: 'name', dir: 'asc', limit: 500, offset: 0 }).then((res) => {
      if (!live) return;
      if (res.ok) setPeople(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, []);

  // The PDFs of a finished batch live in the core's memory: let them go with this page.
  useEffect(
    () => () => {
      const jobId = jobIdRef.current;
      if (jobId) void call('jobs.discard', { jobId });
    },
    [],
  );

  const running = job?.state === 'running';
  const names = useMemo(() => new Map((people?.rows ?? []).map((p) => [p.id, personLabel(p)])), [people]);

  // Poll while the job runs.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setTimeout(() => {
      void call('jobs.status', { jobId: job.jobId }).then((res) => {
        if (jobIdRef.current !== job.jobId) return;
        if (res.ok) setJob(res.value);
        else {
          setError(res.error);
          setJob({ ...job, state: 'failed', error: res.error });
        }
      });
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job]);

  const shown = useMemo(() => {
    const q = filter.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const rows = people?.rows ?? [];
    if (!q) return rows;
    return rows.filter((p) =>
      `${p.givenName} ${p.familyName} ${p.aNumber ?? ''}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(q),
    );
  }, [people, filter]);

  const toggle = (personId: string, on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  const allShown = shown.length > 0 && shown.every((p) => picked.has(p.id));
  const toggleAll = (on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      for (const p of shown) {
        if (on) next.add(p.id);
        else next.delete(p.id);
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

  const start = async (accept: boolean) => {
    if (!chosen || picked.size === 0 || picked.size > MAX_PEOPLE) return;
    await discardJob();
    setStarting(true);
    setError(null);
    setEdition(null);
    const personIds = [...picked];
    const res = await call('forms.batchStart', { templateId: chosen.id, personIds, acceptEditionMismatch: accept, flatten: false });
    setStarting(false);
    if (!res.ok) {
      const diff = editionDetails(res.error);
      if (diff) {
        setEdition(diff);
        focusWhenReady(() => document.getElementById(`${id}-edition`));
      } else setError(res.error);
      return;
    }
    jobIdRef.current = res.value.jobId;
    setJob({
      jobId: res.value.jobId,
      kind: 'forms.batch',
      state: 'running',
      phase: 'fill',
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

  const saveOne = async (index: number): Promise<SaveState> => {
    const jobId = jobIdRef.current;
    if (!jobId) return { kind: 'failed' };
    const res = await call('jobs.result', { jobId, index });
    const state: SaveState =
      res.ok && res.value.kind === 'forms.batch' ? await savePdf(res.value.fileName, res.value.pdf, res.value.token) : { kind: 'failed' };
    setSaved((cur) => ({ ...cur, [index]: state }));
    return state;
  };

  const saveAll = async () => {
    if (!job) return;
    const todo = job.results.filter((r) => r.ok && saved[r.index]?.kind !== 'saved');
    setSavingAll({ done: 0, total: todo.length });
    for (const [i, r] of todo.entries()) {
      const state = await saveOne(r.index);
      setSavingAll({ done: i + 1, total: todo.length });
      // A closed dialog stops "Save all": the rest stay here, ready to save.
      if (state.kind === 'notSaved') break;
      // Give the browser a moment between downloads.
      await new Promise((r2) => setTimeout(r2, 150));
    }
    setSavingAll(null);
  };

  const pct = job
    ? Math.round(job.total === 0 ? 100 : (100 * Math.min(job.total, job.done + (running ? job.progress : 0))) / job.total)
    : 0;
  const okCount = job?.results.filter((r) => r.ok).length ?? 0;
  const failed = job?.results.filter((r) => !r.ok) ?? [];

  if (templates && fillable.length === 0) return <p className="muted">{t('forms.fill.noTemplates')}</p>;

  return (
    <div className="batch">
      <div className="field-row">
        <div className="field field--grow">
          <label htmlFor={`${id}-template`}>{t('forms.fill.template')}</label>
          <select
            id={`${id}-template`}
            className="select"
            value={chosen?.id ?? ''}
            disabled={running}
            onChange={(e) => setTemplateId(e.target.value)}
          >
            {fillable.map((x) => (
              <option key={x.id} value={x.id}>
                {templateOptionLabel(t, x)}
              </option>
            ))}
          </select>
        </div>
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
      </div>

      {!people ? (
        <p className="muted">{t('forms.batch.loading')}</p>
      ) : people.rows.length === 0 ? (
        <p className="muted">{t('forms.batch.noPeople')}</p>
      ) : (
        <div className="table-wrap batch-people">
          <table className="data-table" aria-label={t('forms.batch.people')}>
            <thead>
              <tr>
                <th scope="col" className="col-check">
                  <input
                    type="checkbox"
                    checked={allShown}
                    disabled={running || shown.length === 0}
                    aria-label={t('forms.batch.selectAll', { count: shown.length })}
                    onChange={(e) => toggleAll(e.target.checked)}
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
                      onChange={(e) => toggle(p.id, e.target.checked)}
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

      <div className="actions actions--start">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!chosen || picked.size === 0 || picked.size > MAX_PEOPLE || running || starting}
          onClick={() => void start(false)}
        >
          {starting ? <span className="spinner" aria-hidden="true" /> : null}
          {t('forms.batch.start', { count: picked.size })}
        </button>
        <span className={picked.size > MAX_PEOPLE ? 'field-error' : 'field-hint'} aria-live="polite">
          {picked.size > MAX_PEOPLE
            ? t('forms.batch.tooMany', { max: MAX_PEOPLE })
            : t('forms.batch.picked', { count: picked.size, max: MAX_PEOPLE })}
        </span>
      </div>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      {edition ? (
        <EditionDiff id={`${id}-edition`} form={edition.form} edition={edition.edition} missing={edition.missing} added={edition.added}>
          <button type="button" className="btn btn-primary" onClick={() => void start(true)}>
            {t('forms.edition.accept')}
          </button>
          <button type="button" className="btn" onClick={() => setEdition(null)}>
            {t('forms.edition.cancel')}
          </button>
        </EditionDiff>
      ) : null}

      {job ? (
        <section className="batch-job" aria-labelledby={`${id}-job-title`}>
          <h3 id={`${id}-job-title`}>{t('forms.batch.jobTitle')}</h3>
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
                ? t('forms.batch.done', { ok: okCount, failed: failed.length })
                : job.state === 'cancelled'
                  ? t('forms.batch.cancelled', { ok: okCount, total: job.total })
                  : t('forms.batch.failed', { message: job.error ? formsErrorText(t, job.error) : '' })}
          </p>
          {job.results.length > 0 ? (
            <>
              <div className="table-wrap">
                <table className="data-table" aria-label={t('forms.batch.results')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('forms.batch.name')}</th>
                      <th scope="col">{t('forms.batch.result')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('forms.templates.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {job.results.map((r) => (
                      <tr key={r.index} className={r.ok ? undefined : 'row--error'}>
                        <th scope="row">{names.get(r.personId) ?? r.personId}</th>
                        <td>
                          {r.ok ? (
                            <>
                              <span className="mono">{r.fileName}</span>
                              {r.overflowCount ? (
                                <span className="field-hint block">{t('forms.fill.overflow', { count: r.overflowCount })}</span>
                              ) : null}
                              {r.warningCount ? (
                                <span className="field-hint block">{t('forms.fill.warnings', { count: r.warningCount })}</span>
                              ) : null}
                            </>
                          ) : (
                            <span className="field-error">{r.error ? formsErrorText(t, r.error) : t('error.INTERNAL')}</span>
                          )}
                        </td>
                        <td>
                          {r.ok ? (
                            <>
                              <button
                                type="button"
                                className="btn btn-small"
                                disabled={savingAll !== null}
                                onClick={() => void saveOne(r.index)}
                                aria-label={t('forms.batch.saveNamed', { name: names.get(r.personId) ?? '' })}
                              >
                                {t('forms.batch.save')}
                              </button>{' '}
                              <SaveMessage state={saved[r.index] ?? null} fileName={r.fileName ?? ''} short />
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actions actions--start">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={running || okCount === 0 || savingAll !== null}
                  onClick={() => void saveAll()}
                >
                  {savingAll
                    ? t('forms.batch.savingAll', { done: savingAll.done, total: savingAll.total })
                    : t('forms.batch.saveAll', { count: okCount })}
                </button>
                <button type="button" className="btn" disabled={running || savingAll !== null} onClick={() => void discardJob()}>
                  {t('forms.batch.discard')}
                </button>
              </div>
              <p className="field-hint">{t('forms.batch.memoryNote')}</p>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
