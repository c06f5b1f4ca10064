/**
 * TPS: the dataset in use (as-of date, age, where it came from), a warning
 * once it is more than 90 days old, and each country's status, dates,
 * citation and verify flag. A newer dataset file can be imported: first a
 * preview of whose deadlines change, then Apply, which stores the dataset
 * and starts the core's 'tps.reconcile' job; its progress is shown here, as
 * is that of the job started at unlock.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api';
import { CASE_READS, coreErrorCode, invalidateCore, useCoreQuery } from '../../query';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import type { ErrorInfo } from '../../../../shared/errors';
import type {
  JobStatus,
  TpsAffectedCountry,
  TpsAffectedView,
  TpsImportPreview,
  TpsReconcileResult,
  TpsStatusView,
} from '../../../../shared/views';
import type { TpsDeadlineReport } from '../../../../shared/tps/deadlines';
import { tpsText } from '../../../../shared/tps/schema';
import { tpsBadge } from '../../../../shared/tps/badge';
import { useNavigation } from '../people/navigation';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { dueDate, fullName, instant } from '../deadlines/format';
import { TpsDrive } from '../forms/TpsDrive';

/** Largest dataset file accepted (the contract's limit on the JSON text). */
const MAX_JSON = 5_000_000;
/** How often a running reconcile is asked how far it is. */
const POLL_MS = 300;
/** People listed per country on this page; the rest are counted ("Showing 200 of 950"). */
const AFFECTED_SHOWN = 200;

/** Polls the job until it ends; its result when it finished, or null. */
async function followReconcile(jobId: string, onStatus: (s: JobStatus) => void): Promise<TpsReconcileResult | null> {
  for (;;) {
    const s = await call('jobs.status', { jobId });
    if (!s.ok) return null;
    onStatus(s.value);
    if (s.value.state !== 'running') break;
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
  }
  const r = await call('jobs.result', { jobId });
  return r.ok && r.value.kind === 'tps.reconcile' ? r.value.result : null;
}

/** "Updating TPS deadlines… 40%" while a reconcile runs (the one started at unlock, or after Apply). */
function ReconcileProgress({ job }: { job: JobStatus | null }) {
  const { t } = useI18n();
  const running = job?.state === 'running';
  const pct = Math.round((job?.progress ?? 0) * 100);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      {running ? (
        <>
          <progress className="progress" aria-label={t('tps.reconcile.running')} max={100} value={pct} />
          <span>{t('tps.reconcile.running')}</span>
          <span aria-hidden="true">{t('importer.percent', { percent: pct })}</span>
        </>
      ) : null}
    </div>
  );
}

/**
 * The reconcile job already running when this mounts (the one started at
 * unlock), followed until it ends. Its end changes TPS deadlines for many
 * people without any write from this window, so every case read is refetched.
 */
export function useRunningReconcile(): JobStatus | null {
  const [job, setJob] = useState<JobStatus | null>(null);
  const jobs = useCoreQuery('jobs.list', { kind: 'tps.reconcile' });
  const runningId = jobs.data?.find((j) => j.state === 'running')?.jobId ?? null;
  useEffect(() => {
    if (!runningId) return;
    // Progress polling is a job's own flow, not a cached read.
    let live = true;
    void followReconcile(runningId, (s) => live && setJob(s)).then(() => invalidateCore([...CASE_READS, 'jobs']));
    return () => {
      live = false;
    };
  }, [runningId]);
  return job;
}

export function TpsPage() {
  const { t } = useI18n();
  const statusQuery = useCoreQuery('tps.status', {});
  const status = statusQuery.data ?? null;
  const affected = useCoreQuery('tps.affected', { limit: AFFECTED_SHOWN }).data ?? null;
  const error = coreErrorCode(statusQuery.error);
  const reconciling = useRunningReconcile();

  return (
    <div className="tps-page">
      <FormAlert id="tps-alert" message={error ? t(errorKey(error)) : null} />
      <ReconcileProgress job={reconciling} />
      {status ? (
        <>
          <DatasetPanel status={status} />
          <ImportPanel />
          <CountryList entries={status.entries} affected={affected} />
        </>
      ) : !error ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('tps.loading')}
        </p>
      ) : null}
    </div>
  );
}

function DatasetPanel({ status }: { status: TpsStatusView }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="tps-dataset-title">
      <h2 id="tps-dataset-title">{t('tps.datasetTitle')}</h2>
      {status.stale ? (
        <div className="warning tps-stale" role="alert">
          <strong>{t('tps.staleTitle', { days: status.ageDays })}</strong> {t('tps.staleBody')}
        </div>
      ) : null}
      <dl className="kv kv--grid">
        <div>
          <dt>{t('tps.asOf')}</dt>
          <dd>
            <strong>{dueDate(status.asOf, lang)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('tps.age')}</dt>
          <dd>{t('tps.ageDays', { days: status.ageDays })}</dd>
        </div>
        <div>
          <dt>{t('tps.source')}</dt>
          <dd>
            {status.source === 'shipped'
              ? t('tps.shipped')
              : t('tps.imported', { who: status.importedBy ?? '?', when: status.importedAt ? instant(status.importedAt, lang) : '?' })}
          </dd>
        </div>
      </dl>
      <SourceNote note={status.sourceNote} />
    </section>
  );
}

/** The dataset's description of its sources; English, marked as such, when the file has no Spanish. */
function SourceNote({ note }: { note: TpsStatusView['sourceNote'] }) {
  const { t, lang } = useI18n();
  const { text, fallback } = tpsText(note, lang);
  return (
    <p className="field-hint tps-note">
      <span lang={fallback ? 'en' : lang}>{text}</span>
      {fallback ? <span className="pill pill--info tps-untranslated">{t('tps.untranslated')}</span> : null}
    </p>
  );
}

function CountryList({ entries, affected }: { entries: TpsDeadlineReport[]; affected: TpsAffectedView | null }) {
  const { t, lang } = useI18n();
  const byCountry = new Map((affected?.countries ?? []).map((c) => [c.country, c]));
  const sorted = [...entries].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  return (
    <section aria-labelledby="tps-countries-title">
      <h2 id="tps-countries-title">{t('tps.countriesTitle', { count: entries.length })}</h2>
      <ul className="tps-list">
        {sorted.map((e) => (
          <li key={e.country} className="tps-card" aria-labelledby={`tps-${e.country}`}>
            <div className="tps-card-head">
              <h3 id={`tps-${e.country}`}>{e.name[lang]}</h3>
              <StatusBadge entry={e} />
              {e.verify ? (
                <span className="pill pill--warning" title={t('badge.verifyTitle')}>
                  {t('badge.verify')}
                </span>
              ) : null}
            </div>
            <p className="tps-notice" lang={lang}>
              {e.notice[lang]}
            </p>
            {e.notes ? (
              <p className="tps-notes">
                <span className="muted">{t('tps.notes')}:</span>{' '}
                <span lang={lang === 'es' && e.untranslated ? undefined : lang}>{e.notes[lang]}</span>
              </p>
            ) : null}
            {lang === 'es' && e.untranslated ? <p className="pill pill--info tps-untranslated">{t('tps.untranslated')}</p> : null}
            {e.deadlines.length ? (
              <ul className="tps-dates">
                {e.deadlines.map((d) => (
                  <li key={d.kind} className={d.passed ? 'tps-date--passed' : undefined}>
                    <span className="tps-date-label">{d.label[lang]}</span> <strong>{dueDate(d.date, lang)}</strong>{' '}
                    <span className="muted">
                      {d.daysLeft === 0
                        ? t('tps.today')
                        : d.daysLeft === 1
                          ? t('tps.tomorrow')
                          : d.daysLeft === -1
                            ? t('tps.yesterday')
                            : d.passed
                              ? t('tps.passed', { days: -d.daysLeft })
                              : t('tps.daysLeft', { days: d.daysLeft })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('tps.noDates')}</p>
            )}
            <p className="tps-meta">
              <span>
                {t('deadline.citation')}:{' '}
                {e.citation ? (
                  <cite className="citation">{e.citation}</cite>
                ) : (
                  <span className="pill pill--warning">{t('tps.noCitation')}</span>
                )}
              </span>
              <span className="muted"> · {t('tps.entryAsOf', { date: dueDate(e.asOf, lang) })}</span>
            </p>
            <AffectedPeople entry={e} affected={byCountry.get(e.country) ?? null} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The dataset's status, except that a passed end date is never shown as "Extended" (shared/tps/badge). */
function StatusBadge({ entry }: { entry: TpsDeadlineReport }) {
  const { t } = useI18n();
  const { badge, tone } = tpsBadge(entry);
  return <span className={`pill pill--${tone} tps-status`}>{t(`tps.status.${badge}` as MessageKey)}</span>;
}

/** The people in the vault this country affects, with their dates and a link to each record. */
function AffectedPeople({ entry, affected }: { entry: TpsDeadlineReport; affected: TpsAffectedCountry | null }) {
  const { t, lang } = useI18n();
  const { openPerson } = useNavigation();
  if (!affected) return null;
  const titleId = `tps-${entry.country}-people`;
  const date = (iso: string | null) => (iso ? dueDate(iso, lang) : <span className="muted">{t('tps.affected.noDate')}</span>);
  return (
    <section className="tps-affected" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('tps.affected.title', { count: affected.total, country: entry.name[lang] })}</h4>
      {affected.people.length ? (
        <div className="table-wrap">
          <table className="data-table tps-affected-table">
            <thead>
              <tr>
                <th scope="col">{t('tps.affected.name')}</th>
                <th scope="col">{t('tps.affected.reRegistration')}</th>
                <th scope="col">{t('tps.affected.workPermit')}</th>
                <th scope="col">{t('tps.affected.autoExtended')}</th>
              </tr>
            </thead>
            <tbody>
              {affected.people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">
                    <button type="button" className="btn-link" onClick={() => openPerson(p.personId)}>
                      {fullName(p)}
                    </button>
                    {p.detained ? <span className="pill pill--danger">{t('people.detained')}</span> : null}
                  </th>
                  <td>{date(p.reRegistrationDue)}</td>
                  <td>{date(p.eadExpiry)}</td>
                  <td>{date(p.eadAutoExtendedTo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {affected.truncated ? (
        <p className="field-hint">{t('tps.import.truncated', { shown: affected.people.length, total: affected.total })}</p>
      ) : null}
      {affected.people.length ? <TpsDrive country={entry.name[lang]} people={affected.people} /> : null}
    </section>
  );
}

interface Names {
  [personId: string]: string;
}

function importProblem(
  err: ErrorInfo,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  lang: 'en' | 'es',
): { message: string; lines: string[] } {
  const d = err.details as { asOf?: string; currentAsOf?: string; issues?: Array<{ path: string; message: string }> } | undefined;
  if (d?.asOf && d.currentAsOf)
    return { message: t('tps.import.older', { asOf: dueDate(d.asOf, lang), current: dueDate(d.currentAsOf, lang) }), lines: [] };
  if (d?.issues) return { message: t('tps.import.invalid'), lines: d.issues.map((i) => `${i.path}: ${i.message}`) };
  return { message: t(errorKey(err.code)), lines: [] };
}

function ImportPanel() {
  const { t, lang } = useI18n();
  const prefix = useId();
  const [json, setJson] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<TpsImportPreview | null>(null);
  const [names, setNames] = useState<Names>({});
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const [done, setDone] = useState<TpsReconcileResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const reset = () => {
    setJson(null);
    setPreview(null);
    setNames({});
    if (fileRef.current) fileRef.current.value = '';
  };

  const onFile = async (file: File | undefined) => {
    setProblem(null);
    setDone(null);
    setPreview(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_JSON) return setProblem({ message: t('tps.import.tooLarge'), lines: [] });
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      return setProblem({ message: t('tps.import.notJson'), lines: [] });
    }
    setBusy(true);
    const res = await call('tps.previewImport', { json: text, limit: 200 });
    setBusy(false);
    if (!res.ok) return setProblem(importProblem(res.error, t, lang));
    setJson(text);
    setPreview(res.value);
    focusWhenReady(() => previewRef.current);
    // Names for the list (first 50): looked up one by one, shown as they arrive.
    const ids = res.value.people.slice(0, 50).map((p) => p.personId);
    const found: Names = {};
    await Promise.all(
      ids.map(async (id) => {
        const p = await call('people.get', { id });
        if (p.ok) found[id] = fullName(p.value.person);
      }),
    );
    setNames(found);
  };

  const apply = async () => {
    if (!json) return;
    setBusy(true);
    setProblem(null);
    const res = await call('tps.applyImport', { json });
    setBusy(false);
    if (!res.ok) return setProblem(importProblem(res.error, t, lang));
    reset();
    const result = await followReconcile(res.value.jobId, setJob);
    setJob(null);
    if (result) setDone(result);
    else setProblem({ message: t('tps.reconcile.stopped'), lines: [] });
    // A new dataset changes TPS deadlines, the docket and the reminders for everyone it covers.
    await invalidateCore([...CASE_READS, 'jobs']);
  };

  return (
    <section className="panel" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t('tps.import.title')}</h2>
      <p className="field-hint">{t('tps.import.intro')}</p>
      <div className="field">
        <label htmlFor={`${prefix}-file`}>{t('tps.import.file')}</label>
        <input
          ref={fileRef}
          id={`${prefix}-file`}
          className="file-input"
          type="file"
          accept=".json,application/json"
          aria-describedby={problem ? `${prefix}-problem` : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <ReconcileProgress job={job} />
      {busy ? (
        <p className="loading-inline" role="status">
          <span className="spinner" aria-hidden="true" /> {t('tps.import.checking')}
        </p>
      ) : null}
      <div id={`${prefix}-problem`} role="alert" className={problem ? 'form-alert import-errors' : 'form-alert form-alert--empty'}>
        {problem ? (
          <>
            <p>{problem.message}</p>
            {problem.lines.length ? (
              <ul>
                {problem.lines.map((l, i) => (
                  <li key={i} className="mono">
                    {l}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <FormStatus
        message={
          done
            ? t('tps.import.done', {
                asOf: dueDate(done.asOf, lang),
                people: done.peopleAffected,
                created: done.created,
                updated: done.updated,
                removed: done.removed,
              })
            : null
        }
      />
      {preview ? (
        <div className="subgroup tps-preview">
          <h3 ref={previewRef} tabIndex={-1}>
            {t('tps.import.previewTitle', { file: fileName })}
          </h3>
          <p>
            {t('tps.import.previewAsOf', {
              asOf: dueDate(preview.asOf, lang),
              current: dueDate(preview.currentAsOf, lang),
              countries: preview.countries,
            })}
          </p>
          <p>
            <strong>{t('tps.import.peopleChange', { people: preview.peopleAffected, deadlines: preview.deadlinesChanged })}</strong>
          </p>
          {preview.byChange.length ? (
            <ul className="tps-by-change" aria-label={t('tps.import.byChangeTitle')}>
              {preview.byChange.map((c, i) => (
                <li key={i}>
                  {t(`tps.kind.${c.kind}` as MessageKey)} ({c.country}): {c.before ? dueDate(c.before, lang) : t('tps.import.none')} →{' '}
                  {c.after ? dueDate(c.after, lang) : t('tps.import.removed')} —{' '}
                  <strong>{t('tps.import.changePeople', { people: c.people })}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.people.length ? (
            <ul className="tps-change-list">
              {preview.people.map((p) => (
                <li key={p.personId}>
                  <span className="tps-change-name">{names[p.personId] ?? t('tps.import.person')}</span>
                  <ul>
                    {p.changes.map((c, i) => (
                      <li key={i}>
                        {t(`tps.kind.${c.kind}` as MessageKey)} ({c.country}): {c.before ? dueDate(c.before, lang) : t('tps.import.none')} →{' '}
                        {c.after ? dueDate(c.after, lang) : t('tps.import.removed')}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.truncated ? (
            <p className="field-hint">{t('tps.import.truncated', { shown: preview.people.length, total: preview.peopleAffected })}</p>
          ) : null}
          <div className="actions actions--start">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void apply()}>
              {t('tps.import.apply')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                reset();
                fileRef.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
