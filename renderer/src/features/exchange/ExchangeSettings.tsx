/**
 * Settings → Clinic exchange: which clinic this vault belongs to, its role
 * and fingerprints, and "Export changes for…" / "Import changes" through a
 * folder (a USB stick, a share, or a folder Syncthing keeps in step). The
 * core does every check; this panel only shows what it answers, with the
 * summary read aloud by screen readers.
 */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api';
import { followJob } from '../../jobs';
import { CASE_READS, invalidateCore } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import type { ClinicDeviceView, ClinicStatusView, ExchangeImportView } from '../../../../shared/exchange';
import type { JobStatus } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { ClinicDevices } from './ClinicDevices';
import { FolderField } from '../../components/FolderField';

/** How often the import's progress is read while it runs. */
const POLL_MS = 250;

export function ExchangeSettings() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ClinicStatusView | null>(null);
  const [devices, setDevices] = useState<ClinicDeviceView[]>([]);
  const [folder, setFolder] = useState('');
  const [peer, setPeer] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [watched, setWatched] = useState<string | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  const fetchStatus = useCallback(async () => {
    const r = await call('clinic.status', {});
    const d = r.ok && r.value.clinic && r.value.clinic.role !== 'field' ? await call('clinic.devices', {}) : null;
    const w = r.ok && r.value.clinic ? await call('exchange.watchStatus', {}) : null;
    return { r, d, w };
  }, []);
  const apply = useCallback(
    ({ r, d, w }: Awaited<ReturnType<typeof fetchStatus>>) => {
      if (!r.ok) return setError(t(errorKey(r.error.code)));
      setStatus(r.value);
      if (d?.ok) setDevices(d.value);
      if (w?.ok) {
        setWatched(w.value.folder);
        if (w.value.folder) setFolder((f) => f || w.value.folder!);
      }
    },
    [t],
  );
  const load = async () => apply(await fetchStatus());
  useEffect(() => {
    let live = true;
    void fetchStatus().then((x) => live && apply(x));
    return () => {
      live = false;
    };
  }, [fetchStatus, apply]);

  const summary = (s: ExchangeImportView) =>
    t('exchange.summary', { changes: s.changes, devices: s.devices, conflicts: s.conflicts, duplicates: s.duplicates }) +
    (s.refused.length > 0 ? ` ${t('exchange.refused', { count: s.refused.length })}` : '');

  async function run(kind: 'export' | 'import') {
    setError(null);
    setMessage(null);
    if (!folder.trim()) return setError(t('exchange.folderRequired'));
    setBusy(kind);
    setMessage(t(kind === 'export' ? 'exchange.exporting' : 'exchange.importing'));
    try {
      if (kind === 'export') {
        const r = await call('exchange.export', { dir: folder.trim(), ...(peer ? { peer } : {}) });
        if (!r.ok) return setError(t(errorKey(r.error.code)));
        setMessage(t('exchange.exported', { changes: r.value.changes, intakes: r.value.sealedIntakes, file: r.value.file }));
      } else {
        await importJob();
      }
      await load();
    } finally {
      setBusy(null);
    }
  }

  /** The import runs as a core job: progress inside and across bundles, and a cancel applies nothing. */
  async function importJob() {
    const started = await call('exchange.importStart', { paths: [folder.trim()] });
    if (!started.ok) return setError(t(errorKey(started.error.code)));
    const s = await followJob(started.value.jobId, POLL_MS, setJob);
    setJob(null);
    if (s?.state === 'done') {
      const r = await call('jobs.result', { jobId: started.value.jobId });
      if (r.ok && r.value.kind === 'exchange.import') {
        setMessage(summary(r.value.result));
        if (r.value.result.refused.length > 0) setError(t(errorKey(r.value.result.refused[0]!.code as never)));
      }
      // The bundles brought other devices' changes to people and cases: refetch what shows them.
      await invalidateCore(CASE_READS);
    } else if (s?.state === 'cancelled') setMessage(t('exchange.importCancelled'));
    else if (s?.error) setError(t(errorKey(s.error.code)));
  }

  async function watch(on: boolean) {
    setError(null);
    if (on && !folder.trim()) return setError(t('exchange.folderRequired'));
    const r = await call('exchange.setWatchFolder', { dir: on ? folder.trim() : null });
    if (!r.ok) return setError(t(errorKey(r.error.code)));
    setWatched(r.value.folder);
    setMessage(r.value.folder ? t('exchange.watching', { folder: r.value.folder }) : t('exchange.notWatching'));
  }

  const clinic = status?.clinic ?? null;
  return (
    <>
      {status ? <ClinicDevices clinic={clinic} onChanged={load} /> : null}
      <section className="panel" aria-labelledby="exchange-title" aria-busy={busy !== null}>
        <h2 id="exchange-title">{t('exchange.title')}</h2>
        {status && !clinic ? <p>{t('exchange.notInClinic')}</p> : null}
        {clinic ? (
          <dl className="facts">
            <dt>{t('exchange.role')}</dt>
            <dd>{t(`exchange.role.${clinic.role}`)}</dd>
            <dt>{t('exchange.fingerprint')}</dt>
            <dd className="mono">{clinic.fingerprint}</dd>
            <dt>{t('exchange.deviceFingerprint')}</dt>
            <dd className="mono">{clinic.deviceFingerprint}</dd>
            {clinic.role === 'field' ? (
              <>
                <dt>{t('exchange.sealed')}</dt>
                <dd>{t('exchange.sealedCount', { sealed: status!.sealed.sealed, undelivered: status!.sealed.undelivered })}</dd>
              </>
            ) : (
              <>
                <dt>{t('exchange.conflicts')}</dt>
                <dd>{status!.openConflicts}</dd>
              </>
            )}
          </dl>
        ) : null}
        <FormAlert id="exchange-alert" message={error} />
        <FormStatus message={message} />
        {clinic ? (
          <div className="form-narrow">
            <FolderField
              id="exchange-folder"
              label={t('exchange.folder')}
              hint={t('exchange.folderHint')}
              value={folder}
              onChange={setFolder}
            />
            {clinic.role !== 'field' ? (
              <div className="field">
                <label htmlFor="exchange-peer">{t('exchange.for')}</label>
                <select id="exchange-peer" value={peer} onChange={(e) => setPeer(e.target.value)}>
                  <option value="">{t('exchange.forAll')}</option>
                  {devices
                    .filter((d) => !d.self && !d.revokedAt && d.role !== 'field')
                    .map((d) => (
                      <option key={d.deviceId} value={d.deviceId}>
                        {d.label ?? d.deviceId.slice(0, 8)} ({t(`exchange.role.${d.role}`)})
                      </option>
                    ))}
                </select>
              </div>
            ) : null}
            <div className="actions actions--start">
              <button type="button" className="btn btn-primary" onClick={() => void run('export')} disabled={busy !== null}>
                {t('exchange.export')}
              </button>
              {clinic.role !== 'field' ? (
                <button type="button" className="btn" onClick={() => void run('import')} disabled={busy !== null}>
                  {t('exchange.import')}
                </button>
              ) : null}
              {watched ? (
                <button type="button" className="btn" onClick={() => void watch(false)}>
                  {t('exchange.stopWatching')}
                </button>
              ) : (
                <button type="button" className="btn" onClick={() => void watch(true)}>
                  {t('exchange.watch')}
                </button>
              )}
            </div>
            <p className="hint">{watched ? t('exchange.watching', { folder: watched }) : t('exchange.notWatching')}</p>
            {busy === 'import' && job ? (
              <div className="actions actions--start" data-testid="exchange-import-job">
                <progress
                  aria-label={t('exchange.importing')}
                  max={1}
                  // The runner's overall fraction: it moves inside a bundle too (every few hundred changes), not only between bundles.
                  value={job.progress}
                  aria-valuetext={t('exchange.importProgress', { done: job.done, total: job.total })}
                />
                <span>{t('exchange.importProgress', { done: job.done, total: job.total })}</span>
                <button type="button" className="btn" onClick={() => void call('jobs.cancel', { jobId: job.jobId })}>
                  {t('exchange.cancelImport')}
                </button>
              </div>
            ) : busy ? (
              <progress aria-label={t(busy === 'export' ? 'exchange.exporting' : 'exchange.importing')} />
            ) : null}
          </div>
        ) : null}
      </section>
    </>
  );
}
