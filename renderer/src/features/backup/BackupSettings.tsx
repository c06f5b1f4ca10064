/**
 * Settings → Backups: the folder, the interval and rotation, the last good
 * backup and its age, a warning when it is older than the interval plus one
 * day (decided by the core: backup.status.stale), why the last automatic
 * backup did not happen, and "Back up now" with progress and cancel (a job of
 * the core's runner). Below, the folder's backups with Verify and Restore
 * (BackupRestore.tsx).
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api';
import { followJob } from '../../jobs';
import { coreErrorCode, invalidateCore, setCoreData, useCoreQuery } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/i18n/dates';
import type { BackupStatus, JobStatus } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { BackupRestore } from './BackupRestore';
import { FolderField } from '../../components/FolderField';

const POLL_MS = 300;
const INTERVALS = [6, 12, 24, 168] as const;

function useAge() {
  const { t } = useI18n();
  return (at: string) => {
    const hours = Math.max(0, Math.floor((Date.now() - Date.parse(at)) / 3_600_000));
    return hours < 48 ? t('backup.age.hours', { hours }) : t('backup.age.days', { days: Math.floor(hours / 24) });
  };
}

export function BackupSettings() {
  const { t, lang } = useI18n();
  const age = useAge();
  const query = useCoreQuery('backup.status', {});
  const status: BackupStatus | null = query.data ?? null;
  const [folder, setFolder] = useState('');
  const [interval, setIntervalHours] = useState(24);
  const [keep, setKeep] = useState({ daily: 7, weekly: 4, monthly: 12 });
  // The form takes the stored settings from the first answer only: a refetch (after a backup) never replaces what is typed.
  const [filled, setFilled] = useState(false);
  if (status && !filled) {
    setFilled(true);
    setFolder(status.settings.folder ?? '');
    setIntervalHours(status.settings.intervalHours);
    setKeep(status.settings.keep);
  }
  const [actionError, setError] = useState<string | null>(null);
  const loadCode = coreErrorCode(query.error);
  const error = actionError ?? (loadCode ? t(errorKey(loadCode)) : null);
  const [message, setMessage] = useState<string | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMessage(null);
    const r = await call('backup.setSettings', { folder: folder.trim() === '' ? null : folder.trim(), intervalHours: interval, keep });
    if (!r.ok) return setError(t(errorKey(r.error.code)));
    setCoreData('backup.status', {}, r.value);
    // A new folder has other backups in it.
    await invalidateCore(['backup']);
    setMessage(t('backup.saved'));
  }

  async function backUpNow() {
    setError(null);
    setMessage(null);
    const started = await call('backup.start', {});
    if (!started.ok) return setError(t(errorKey(started.error.code)));
    const s = await followJob(started.value.jobId, POLL_MS, setJob);
    setJob(null);
    if (s?.state === 'done') {
      const r = await call('jobs.result', { jobId: started.value.jobId });
      if (r.ok && r.value.kind === 'backup.create') setMessage(t('backup.done', { file: r.value.result.file }));
    } else if (s?.state === 'cancelled') setMessage(t('backup.cancelled'));
    else if (s?.error) setError(t(errorKey(s.error.code)));
    // The last backup, its age, and the folder's list.
    await invalidateCore(['backup']);
  }

  const running = job?.state === 'running';
  const pct = Math.round((job?.progress ?? 0) * 100);
  const problem = status?.problem;
  const whenProblem = problem ? t('backup.problem', { when: problem.when, reason: t(errorKey(problem.code)) }) : null;
  return (
    <section className="panel" aria-labelledby="settings-backup-title" data-testid="backup-settings">
      <h2 id="settings-backup-title">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <p data-testid="backup-last">
        {status?.last ? t('backup.last', { date: formatDateTime(status.last.at, lang), age: age(status.last.at) }) : t('backup.none')}
      </p>
      <FormAlert id="backup-stale" message={status?.stale ? t('backup.stale') : null} />
      <FormAlert id="backup-problem" message={whenProblem} />
      {status && status.settings.folder === null ? <p>{t('backup.off')}</p> : null}
      <form onSubmit={(e) => void save(e)} noValidate className="form-narrow">
        <FormAlert id="backup-alert" message={error} />
        <FormStatus message={message} />
        <FolderField id="backup-folder" label={t('backup.folder')} hint={t('backup.folderHint')} value={folder} onChange={setFolder} />
        <div className="field">
          <label htmlFor="backup-interval">{t('backup.interval')}</label>
          <select id="backup-interval" value={interval} onChange={(e) => setIntervalHours(Number(e.target.value))}>
            {[...new Set([...INTERVALS, interval])].map((h) => (
              <option key={h} value={h}>
                {t('backup.interval.option', { hours: h })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('backup.keep')}</legend>
          {(['daily', 'weekly', 'monthly'] as const).map((k) => (
            <span key={k} className="inline-field">
              <label htmlFor={`backup-keep-${k}`}>{t(`backup.keep.${k}`)}</label>
              <input
                id={`backup-keep-${k}`}
                type="number"
                min={0}
                max={1200}
                value={keep[k]}
                onChange={(e) => setKeep({ ...keep, [k]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
              />
            </span>
          ))}
        </fieldset>
        <div className="actions actions--start">
          <button type="submit" className="btn btn-primary">
            {t('backup.save')}
          </button>
          <button type="button" className="btn" onClick={() => void backUpNow()} disabled={running || !status?.settings.folder}>
            {t('backup.now')}
          </button>
          {running && job ? (
            <button type="button" className="btn" onClick={() => void call('jobs.cancel', { jobId: job.jobId })}>
              {t('backup.cancel')}
            </button>
          ) : null}
        </div>
        <div role="status" aria-live="polite">
          {running ? <progress className="progress" aria-label={t('backup.progress')} max={100} value={pct} /> : null}
        </div>
      </form>
      <BackupRestore folder={status?.settings.folder ?? null} />
    </section>
  );
}
