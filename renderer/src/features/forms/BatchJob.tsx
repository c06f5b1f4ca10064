/**
 * A running or finished batch of forms, shared by the Forms page's batch
 * panel and the TPS drive: useBatchJob starts a forms.batchStart job and
 * polls jobs.status; BatchJobSection shows the progress bar, Cancel (stops
 * after the form being filled now), each result with Save, and "Save all".
 * The PDFs wait in the core's memory and are discarded with the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { JobStatus } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { savePdf, SaveMessage } from './FillPanel';
import { formsErrorText } from './lib';

const POLL_MS = 300;

type SaveState = Awaited<ReturnType<typeof savePdf>>;
export type BatchStartInput = Parameters<typeof call<'forms.batchStart'>>[1];

export function useBatchJob(onError: (e: ErrorInfo) => void) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState<Record<number, SaveState>>({});
  const [savingAll, setSavingAll] = useState<{ done: number; total: number } | null>(null);
  const jobIdRef = useRef<string | null>(null);

  // The PDFs of a finished batch live in the core's memory: let them go with this page.
  useEffect(
    () => () => {
      const jobId = jobIdRef.current;
      if (jobId) void call('jobs.discard', { jobId });
    },
    [],
  );

  // Poll while the job runs.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setTimeout(() => {
      void call('jobs.status', { jobId: job.jobId }).then((res) => {
        if (jobIdRef.current !== job.jobId) return;
        if (res.ok) setJob(res.value);
        else {
          onError(res.error);
          setJob({ ...job, state: 'failed', error: res.error });
        }
      });
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, onError]);

  const discard = useCallback(async () => {
    const jobId = jobIdRef.current;
    jobIdRef.current = null;
    setJob(null);
    setSaved({});
    if (jobId) await call('jobs.discard', { jobId });
  }, []);

  /** Starts a batch; returns the error to show (the caller handles an edition mismatch), or null. */
  const start = async (input: BatchStartInput): Promise<ErrorInfo | null> => {
    await discard();
    const res = await call('forms.batchStart', input);
    if (!res.ok) return res.error;
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
    return null;
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

  return { job, running: job?.state === 'running', cancelling, saved, savingAll, start, cancel, saveOne, saveAll, discard };
}

export type BatchJob = ReturnType<typeof useBatchJob>;

export function BatchJobSection({
  id,
  batch,
  names,
  formName,
  title,
  level = 3,
}: {
  id: string;
  batch: BatchJob;
  names: ReadonlyMap<string, string>;
  /** Which form an item is, when a batch fills more than one per person. */
  formName?: (templateId: string | undefined) => string | undefined;
  title?: string;
  /** Heading level of the section's title, to fit the page's outline (the TPS drive sits under an h5). */
  level?: 3 | 6;
}) {
  const { t } = useI18n();
  const { job, running, cancelling, saved, savingAll } = batch;
  if (!job) return null;
  const pct = Math.round(job.total === 0 ? 100 : (100 * Math.min(job.total, job.done + (running ? job.progress : 0))) / job.total);
  const okCount = job.results.filter((r) => r.ok).length;
  const failed = job.results.filter((r) => !r.ok);
  const label = (personId: string, templateId: string | undefined) =>
    [names.get(personId) ?? personId, formName?.(templateId)].filter(Boolean).join(' — ');

  return (
    <section className="batch-job" aria-labelledby={`${id}-job-title`}>
      {level === 6 ? (
        <h6 id={`${id}-job-title`}>{title ?? t('forms.batch.jobTitle')}</h6>
      ) : (
        <h3 id={`${id}-job-title`}>{title ?? t('forms.batch.jobTitle')}</h3>
      )}
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
          <button type="button" className="btn btn-small" disabled={cancelling} onClick={() => void batch.cancel()}>
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
                    <th scope="row">{label(r.personId, r.templateId)}</th>
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
                            onClick={() => void batch.saveOne(r.index)}
                            aria-label={t('forms.batch.saveNamed', { name: label(r.personId, r.templateId) })}
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
              onClick={() => void batch.saveAll()}
            >
              {savingAll
                ? t('forms.batch.savingAll', { done: savingAll.done, total: savingAll.total })
                : t('forms.batch.saveAll', { count: okCount })}
            </button>
            <button type="button" className="btn" disabled={running || savingAll !== null} onClick={() => void batch.discard()}>
              {t('forms.batch.discard')}
            </button>
          </div>
          <p className="field-hint">{t('forms.batch.memoryNote')}</p>
        </>
      ) : null}
    </section>
  );
}
