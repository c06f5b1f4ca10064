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
import type { ClinicDeviceView, ClinicStatusView, ExchangeImportView } from '../../../../shared/exchange';
import type { JobStatus } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { ClinicDevices } from './ClinicDevices';
import { FolderField } from '../../components/FolderField';
import { errorMsg, msg, say, type Message, type Said } from '../../messages';

/** How often the import's progress is read while it runs. */
const POLL_MS = 250;

export function ExchangeSettings() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ClinicStatusView | null>(null);
  const [devices, setDevices] = useState<ClinicDeviceView[]>([]);
  const [folder, setFolder] = useState('');
  const [peer, setPeer] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  // Kept as catalogue ids and parameters, so what is on screen follows a language switch.
  const [error, setError] = useState<Said>(null);
  const [message, setMessage] = useState<Said>(null);
  const [watched, setWatched] = useState<string | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  const fetchStatus = useCallback(async () => {
    const r = await call('clinic.status', {});
    const d = r.ok && r.value.clinic && r.value.clinic.role !== 'field' ? await call('clinic.devices', {}) : null;
    const w = r.ok && r.value.clinic ? await call('exchange.watchStatus', {}) : null;
    return { r, d, w };
  }, []);
  const apply = useCallback(({ r, d, w }: Awaited<ReturnType<typeof fetchStatus>>) => {
    if (!r.ok) return setError(errorMsg(r.error.code));
    setStatus(r.value);
    if (d?.ok) setDevices(d.value);
    if (w?.ok) {
      setWatched(w.value.folder);
      if (w.value.folder) setFolder((f) => f || w.value.folder!);
    }
  }, []);
  const load = async () => apply(await fetchStatus());
  useEffect(() => {
    let live = true;
    void fetchStatus().then((x) => live && apply(x));
    return () => {
      live = false;
    };
  }, [fetchStatus, apply]);

  const summary = (s: ExchangeImportView): Message[] => [
    // Only sealed intakes came (a field laptop's bundle): "0 changes from 0 devices" would say nothing true, so it is left out.
    ...(s.changes === 0 && s.conflicts === 0 && s.duplicates === 0 && s.intakes > 0
      ? []
      : [msg('exchange.summary', { changes: s.changes, devices: s.devices, conflicts: s.conflicts, duplicates: s.duplicates })]),
    // Sealed intakes from field laptops are records, not changes: say how many were opened.
    ...(s.intakes > 0 ? [msg('exchange.intakesOpened', { count: s.intakes })] : []),
    ...(s.refused.length > 0 ? [msg('exchange.refused', { count: s.refused.length })] : []),
  ];

  async function run(kind: 'export' | 'import') {
    // The buttons stay focusable while busy (aria-disabled), so a second press lands here and does nothing.
    if (busy !== null) return;
    setError(null);
    setMessage(null);
    if (!folder.trim()) {
      setError(msg('exchange.folderRequired'));
      document.getElementById('exchange-folder')?.focus();
      return;
    }
    setBusy(kind);
    setMessage(msg(kind === 'export' ? 'exchange.exporting' : 'exchange.importing'));
    try {
      if (kind === 'export') {
        const r = await call('exchange.export', { dir: folder.trim(), ...(peer ? { peer } : {}) });
        if (!r.ok) return setError(errorMsg(r.error.code));
        setMessage(msg('exchange.exported', { changes: r.value.changes, intakes: r.value.sealedIntakes, file: r.value.file }));
        // A field device's count screen (here and on the Intake page) reads how many are still undelivered.
        await invalidateCore(['clinic']);
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
    if (!started.ok) return setError(errorMsg(started.error.code));
    const s = await followJob(started.value.jobId, POLL_MS, setJob);
    setJob(null);
    if (s?.state === 'done') {
      const r = await call('jobs.result', { jobId: started.value.jobId });
      if (r.ok && r.value.kind === 'exchange.import') {
        setMessage(summary(r.value.result));
        if (r.value.result.refused.length > 0) setError(errorMsg(r.value.result.refused[0]!.code));
      }
      // The bundles brought other devices' changes to people and cases: refetch what shows them.
      await invalidateCore(CASE_READS);
    } else if (s?.state === 'cancelled') setMessage(msg('exchange.importCancelled'));
    else if (s?.error) setError(errorMsg(s.error.code));
  }

  async function watch(on: boolean) {
    setError(null);
    if (on && !folder.trim()) {
      setError(msg('exchange.folderRequired'));
      document.getElementById('exchange-folder')?.focus();
      return;
    }
    const r = await call('exchange.setWatchFolder', { dir: on ? folder.trim() : null });
    if (!r.ok) return setError(errorMsg(r.error.code));
    setWatched(r.value.folder);
    setMessage(r.value.folder ? msg('exchange.watching', { folder: r.value.folder }) : msg('exchange.notWatching'));
    // The button pressed is replaced by its opposite: keep the keyboard there.
    requestAnimationFrame(() => document.getElementById('exchange-watch')?.focus());
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
                <dd data-testid="exchange-undelivered">{t('field.undelivered', { count: status!.sealed.undelivered })}</dd>
              </>
            ) : (
              <>
                <dt>{t('exchange.conflicts')}</dt>
                <dd>{status!.openConflicts}</dd>
              </>
            )}
          </dl>
        ) : null}
        <FormAlert id="exchange-alert" message={say(t, error)} />
        <FormStatus message={say(t, message)} />
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
              <button type="button" className="btn btn-primary" onClick={() => void run('export')} aria-disabled={busy !== null}>
                {t('exchange.export')}
              </button>
              {clinic.role !== 'field' ? (
                <button type="button" className="btn" onClick={() => void run('import')} aria-disabled={busy !== null}>
                  {t('exchange.import')}
                </button>
              ) : null}
              {watched ? (
                <button id="exchange-watch" type="button" className="btn" onClick={() => void watch(false)}>
                  {t('exchange.stopWatching')}
                </button>
              ) : (
                <button id="exchange-watch" type="button" className="btn" onClick={() => void watch(true)}>
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
