/**
 * A running or finished batch of PDFs, shared by the Forms page's batch
 * panel, the TPS drive and the Reports page's case summaries: useJobBatch
 * starts a job (forms.batchStart or reports.summaryBatch) and follows
 * jobs.status through the query cache, polling while it runs;
 * BatchJobSection shows the progress bar, Cancel (stops after the PDF being
 * made now), each result with Save, and "Save all" (or, for one combined
 * file, its one Save). The PDFs wait in the core's memory and are discarded
 * with the page.
 */
import { useEffect, useRef, useState } from 'react';
import { call, saveAndRecord, type DeliveryOp, type DeliveryState } from '../../api';
import { coreKey, queryClient, useCoreQuery } from '../../query';
import type { OpInput } from '../../../../shared/contract';
import type { ErrorInfo, Result } from '../../../../shared/errors';
import type { JobStarted, JobStatus } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { SaveMessage } from './FillPanel';
import { formsErrorText } from './lib';

const POLL_MS = 300;

type SaveState = DeliveryState;
export type BatchStartInput = OpInput<'forms.batchStart'>;

/** Which kind of batch: how it starts, what its status says, and how a saved PDF is recorded. */
export interface BatchSource<I> {
  kind: 'forms.batch' | 'reports.summaries';
  /** The phase a job starts in, shown until its first status arrives. */
  phase: string;
  begin(input: I): Promise<Result<JobStarted>>;
  recordOp: DeliveryOp;
}

export const FORMS_BATCH: BatchSource<BatchStartInput> = {
  kind: 'forms.batch',
  phase: 'fill',
  begin: (input) => call('forms.batchStart', input),
  recordOp: 'forms.recordDelivery',
};

export const SUMMARY_BATCH: BatchSource<OpInput<'reports.summaryBatch'>> = {
  kind: 'reports.summaries',
  phase: 'summary',
  begin: (input) => call('reports.summaryBatch', input),
  recordOp: 'reports.recordDelivery',
};

const statusKey = (jobId: string) => coreKey('jobs.status', { jobId });

export function useJobBatch<I>(onError: (e: ErrorInfo) => void, source: BatchSource<I>) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState<Record<number, SaveState>>({});
  // The file name of each PDF fetched for saving: a combined file has none in the job's results.
  const [fileNames, setFileNames] = useState<Record<number, string>>({});
  const [savingAll, setSavingAll] = useState<{ done: number; total: number } | null>(null);
  // The job this page holds now, read by callbacks that outlive a render (discard on close, a late cancel answer).
  const jobIdRef = useRef<string | null>(null);

  // The PDFs of a finished batch live in the core's memory: let them go with this page.
  useEffect(
    () => () => {
      const held = jobIdRef.current;
      if (held) void call('jobs.discard', { jobId: held });
    },
    [],
  );

  // Polled while the job runs; a failed poll stops the polling and ends the job as failed.
  const status = useCoreQuery(
    'jobs.status',
    { jobId: jobId ?? '' },
    {
      enabled: jobId !== null,
      refetchInterval: (q) => (q.state.error || q.state.data?.state !== 'running' ? false : POLL_MS),
    },
  );
  const pollError = status.error?.info ?? null;
  useEffect(() => {
    if (pollError) onError(pollError);
  }, [pollError, onError]);
  const job: JobStatus | null =
    jobId === null || !status.data ? null : pollError ? { ...status.data, state: 'failed', error: pollError } : status.data;

  const discard = async () => {
    const held = jobIdRef.current;
    jobIdRef.current = null;
    setJobId(null);
    setSaved({});
    setFileNames({});
    if (held) {
      queryClient.removeQueries({ queryKey: statusKey(held) });
      await call('jobs.discard', { jobId: held });
    }
  };

  /** Starts a batch; returns the error to show (the caller handles an edition mismatch), or null. */
  const start = async (input: I): Promise<ErrorInfo | null> => {
    await discard();
    const res = await source.begin(input);
    if (!res.ok) return res.error;
    const started: JobStatus = {
      jobId: res.value.jobId,
      kind: source.kind,
      state: 'running',
      phase: source.phase,
      done: 0,
      total: res.value.total,
      progress: 0,
      results: [],
    };
    // Shown at once; the first poll replaces it.
    queryClient.setQueryData(statusKey(started.jobId), started);
    jobIdRef.current = started.jobId;
    setJobId(started.jobId);
    return null;
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    const res = await call('jobs.cancel', { jobId: job.jobId });
    setCancelling(false);
    if (res.ok && jobIdRef.current === job.jobId) queryClient.setQueryData(statusKey(job.jobId), res.value);
  };

  const saveOne = async (index: number): Promise<SaveState> => {
    const held = jobIdRef.current;
    if (!held) return { kind: 'failed' };
    const res = await call('jobs.result', { jobId: held, index });
    const pdf = res.ok && res.value.kind === source.kind && 'pdf' in res.value ? res.value : null;
    if (pdf) setFileNames((cur) => ({ ...cur, [index]: pdf.fileName }));
    const state: SaveState = pdf ? await saveAndRecord(pdf, source.recordOp) : { kind: 'failed' };
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

  return { job, running: job?.state === 'running', cancelling, saved, fileNames, savingAll, start, cancel, saveOne, saveAll, discard };
}

/** A batch of one form template for many people (the Forms page, the TPS drive). */
export const useBatchJob = (onError: (e: ErrorInfo) => void) => useJobBatch(onError, FORMS_BATCH);

export type BatchJob = Pick<
  ReturnType<typeof useBatchJob>,
  'job' | 'running' | 'cancelling' | 'saved' | 'fileNames' | 'savingAll' | 'cancel' | 'saveOne' | 'saveAll' | 'discard'
>;

/** The words that differ between a batch of forms and a batch of summaries. */
const WORDS = {
  forms: { done: 'forms.batch.done', cancelled: 'forms.batch.cancelled', saveNamed: 'forms.batch.saveNamed' },
  summaries: { done: 'reports.batch.done', cancelled: 'reports.batch.cancelled', saveNamed: 'reports.batch.saveNamed' },
} as const;

export function BatchJobSection({
  id,
  batch,
  names,
  formName,
  title,
  level = 3,
  words = 'forms',
  combined = false,
}: {
  id: string;
  batch: BatchJob;
  names: ReadonlyMap<string, string>;
  /** Which form an item is, when a batch fills more than one per person. */
  formName?: (templateId: string | undefined) => string | undefined;
  title?: string;
  /** Heading level of the section's title, to fit the page's outline (the TPS drive sits under an h5). */
  level?: 3 | 6;
  words?: keyof typeof WORDS;
  /** The job made one file for everyone (a combined summary): one Save for it instead of the table. */
  combined?: boolean;
}) {
  const { t } = useI18n();
  const w = WORDS[words];
  const { job, running, cancelling, saved, fileNames, savingAll } = batch;
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
            ? t(w.done, { ok: okCount, failed: failed.length })
            : job.state === 'cancelled'
              ? t(w.cancelled, { ok: okCount, total: job.total })
              : t('forms.batch.failed', { message: job.error ? formsErrorText(t, job.error) : '' })}
      </p>
      {job.results.length > 0 ? (
        <>
          {combined ? null : (
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
                              aria-label={t(w.saveNamed, { name: label(r.personId, r.templateId) })}
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
          )}
          <div className="actions actions--start">
            {combined ? (
              <>
                <button type="button" className="btn btn-primary" disabled={running || okCount === 0} onClick={() => void batch.saveOne(0)}>
                  {t('reports.batch.saveCombined')}
                </button>
                <SaveMessage state={saved[0] ?? null} fileName={fileNames[0] ?? ''} />
              </>
            ) : (
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
            )}
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
