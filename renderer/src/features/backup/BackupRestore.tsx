/**
 * Settings → Backups, the folder's backups: each with its vault, time, size
 * and whether it was verified when written, and Verify / Restore. Both ask
 * for a passphrase the backup was made under (or its recovery code) and run as jobs of the core
 * (progress and cancel through jobs.status / jobs.cancel). Restore goes into
 * a new folder, or replaces the current vault after an explicit
 * confirmation: the core sets the current vault aside (renamed, never
 * deleted), puts the backup in its place and closes it; the app then locks.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api';
import { coreErrorCode, useCoreQuery } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/i18n/dates';
import type { BackupFileView, BackupReplaced, BackupVerifyReport, JobStarted, JobStatus } from '../../../../shared/views';
import type { Result } from '../../../../shared/errors';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { FolderField } from '../../components/FolderField';

const POLL_MS = 300;

/** Asks the app to lock (App.tsx listens): after a replace the core has already closed the vault. */
export const LOCK_REQUEST_EVENT = 'amparo:lock-request';

type Action = { kind: 'verify' | 'restore'; backup: BackupFileView };
type Done =
  | { kind: 'verified'; report: BackupVerifyReport }
  | { kind: 'restoredNew'; dbPath: string; from: number; to: number }
  | { kind: 'replaced'; replaced: BackupReplaced; createdAt: string };

/** Polls a job until it stops, handing each status to `onStatus`. */
async function follow(jobId: string, onStatus: (s: JobStatus) => void): Promise<JobStatus | null> {
  for (;;) {
    const r = await call('jobs.status', { jobId });
    if (!r.ok) return null;
    onStatus(r.value);
    if (r.value.state !== 'running') return r.value;
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
  }
}

/** The list follows the backup writes (Back up now, a new folder): they refetch the `backup` reads. */
export function BackupRestore({ folder }: { folder: string | null }) {
  const { t, lang } = useI18n();
  const list = useCoreQuery('backup.list', {}, { enabled: folder !== null });
  const listCode = coreErrorCode(list.error);
  const rows: BackupFileView[] | null = listCode ? null : (list.data ?? null);
  const listError = listCode ? t(errorKey(listCode)) : null;
  const [action, setAction] = useState<Action | null>(null);
  const load = () => void list.refetch();

  if (folder === null) return null;
  const mb = (n: number) => (n / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const when = (b: BackupFileView) => (b.createdAt ? formatDateTime(b.createdAt, lang) : t('backup.list.unknownTime'));
  return (
    <section aria-labelledby="backup-list-title" className="backup-list" data-testid="backup-list">
      <h3 id="backup-list-title">{t('backup.list.title')}</h3>
      <FormAlert id="backup-list-alert" message={listError} />
      <button type="button" className="btn" onClick={load}>
        {t('backup.list.refresh')}
      </button>
      {rows && rows.length === 0 ? <p>{t('backup.list.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('backup.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.list.made')}</th>
              <th scope="col">{t('backup.list.vault')}</th>
              <th scope="col">{t('backup.list.size')}</th>
              <th scope="col">{t('backup.list.status')}</th>
              <th scope="col">{t('backup.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.file}>
                <td>{when(b)}</td>
                <td>
                  {b.vaultId === null
                    ? t('backup.list.unknownVault')
                    : t('backup.list.vaultId', { id: b.vaultId.slice(0, 8), mine: String(b.mine === true) })}
                </td>
                <td>{t('backup.list.mb', { mb: mb(b.size) })}</td>
                <td>{t('backup.list.state', { status: b.status })}</td>
                <td className="actions actions--start">
                  <button
                    type="button"
                    className="btn"
                    aria-label={t('backup.verify.for', { date: when(b) })}
                    onClick={() => setAction({ kind: 'verify', backup: b })}
                  >
                    {t('backup.verify.button')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-label={t('backup.restore.for', { date: when(b) })}
                    onClick={() => setAction({ kind: 'restore', backup: b })}
                  >
                    {t('backup.restore.button')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {action ? (
        <ActionForm
          key={`${action.kind}:${action.backup.file}`}
          action={action}
          when={when(action.backup)}
          onClose={() => setAction(null)}
        />
      ) : null}
    </section>
  );
}

function ActionForm({ action, when, onClose }: { action: Action; when: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  // A backup also opens with the recovery code the vault had when it was made (for a forgotten passphrase).
  const [useRecovery, setUseRecovery] = useState(false);
  const [target, setTarget] = useState<'new' | 'replace'>('new');
  const [folder, setFolder] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [lockedUnchanged, setLockedUnchanged] = useState(false);
  const restore = action.kind === 'restore';
  const running = job?.state === 'running';

  async function run(started: Result<JobStarted>): Promise<boolean> {
    if (!started.ok) {
      setError(t(errorKey(started.error.code)));
      return false;
    }
    const end = await follow(started.value.jobId, setJob);
    setJob(null);
    if (end?.state === 'done') return true;
    if (end?.state === 'cancelled') setError(t(restore ? 'backup.restore.cancelled' : 'backup.verify.cancelled'));
    else setError(t(errorKey(end?.error?.code ?? 'INTERNAL')));
    return false;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (passphrase.trim() === '') return setError(t(useRecovery ? 'backup.action.recoveryRequired' : 'backup.action.passphraseRequired'));
    const file = action.backup.file;
    const secret = useRecovery ? { recoveryCode: passphrase } : { passphrase };
    if (!restore) {
      const started = await call('backup.verify', { file, ...secret });
      if (!(await run(started)) || !started.ok) return;
      const r = await call('jobs.result', { jobId: started.value.jobId });
      if (r.ok && r.value.kind === 'backup.verify') setDone({ kind: 'verified', report: r.value.result });
      return;
    }
    if (target === 'new' && folder.trim() === '') return setError(t('backup.restore.folderRequired'));
    if (target === 'replace' && !confirmed) return setError(t('backup.restore.confirmRequired'));
    const started = await call('backup.restore', {
      file,
      ...secret,
      target: target === 'new' ? { kind: 'new', folder: folder.trim() } : { kind: 'replace' },
    });
    if (!(await run(started)) || !started.ok) return;
    const r = await call('jobs.result', { jobId: started.value.jobId });
    if (!r.ok || r.value.kind !== 'backup.restore') return setError(t(errorKey(r.ok ? 'INTERNAL' : r.error.code)));
    const restored = r.value.result;
    if (restored.target === 'new') return setDone({ kind: 'restoredNew', dbPath: restored.dbPath, from: restored.from, to: restored.to });
    const replaced = await call('backup.replaceVault', { jobId: started.value.jobId });
    if (!replaced.ok) {
      setError(t(errorKey(replaced.error.code)));
      // The vault may have been closed before the swap failed (another program had it open): it is unchanged, and locked.
      const status = await call('vault.status', {});
      if (status.ok && !status.value.unlocked) setLockedUnchanged(true);
      return;
    }
    setDone({ kind: 'replaced', replaced: replaced.value, createdAt: restored.createdAt });
  }

  const pct = Math.round((job?.progress ?? 0) * 100);
  const verified = done?.kind === 'verified' ? done.report : null;
  return (
    <form className="form-narrow backup-action" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="backup-action-title">
      <h4 id="backup-action-title">{t(restore ? 'backup.restore.title' : 'backup.verify.title', { date: when })}</h4>
      <FormAlert id="backup-action-alert" message={error} />
      <div className="checkbox">
        <input
          id="backup-action-use-recovery"
          type="checkbox"
          checked={useRecovery}
          onChange={(e) => {
            setUseRecovery(e.target.checked);
            setPassphrase('');
          }}
        />
        <label htmlFor="backup-action-use-recovery">{t('backup.action.useRecovery')}</label>
      </div>
      <div className="field">
        <label htmlFor="backup-action-passphrase">{t(useRecovery ? 'backup.action.recoveryCode' : 'backup.action.passphrase')}</label>
        <input
          id="backup-action-passphrase"
          type={useRecovery ? 'text' : 'password'}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-describedby="backup-action-passphrase-hint"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize={useRecovery ? 'characters' : 'off'}
        />
        <p id="backup-action-passphrase-hint" className="hint">
          {t(useRecovery ? 'backup.action.recoveryHint' : 'backup.action.passphraseHint')}
        </p>
      </div>
      {restore ? (
        <>
          <fieldset className="radio-group">
            <legend>{t('backup.restore.into')}</legend>
            <div className="radio-row">
              <label className="radio">
                <input type="radio" name="backup-target" checked={target === 'new'} onChange={() => setTarget('new')} />
                {t('backup.restore.new')}
              </label>
              <label className="radio">
                <input type="radio" name="backup-target" checked={target === 'replace'} onChange={() => setTarget('replace')} />
                {t('backup.restore.replace')}
              </label>
            </div>
          </fieldset>
          {target === 'new' ? (
            <FolderField
              id="backup-restore-folder"
              label={t('backup.restore.folder')}
              hint={t('backup.restore.folderHint')}
              value={folder}
              onChange={setFolder}
            />
          ) : (
            <>
              <p className="warning" id="backup-replace-warning">
                {t('backup.restore.replaceWarning', { date: when })}
              </p>
              <div className="checkbox">
                <input
                  id="backup-replace-confirm"
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                  aria-describedby="backup-replace-warning"
                />
                <label htmlFor="backup-replace-confirm">{t('backup.restore.confirm')}</label>
              </div>
            </>
          )}
        </>
      ) : null}
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={running || done?.kind === 'replaced'}>
          {t(restore ? (target === 'replace' ? 'backup.restore.submitReplace' : 'backup.restore.submit') : 'backup.verify.submit')}
        </button>
        {running && job ? (
          <button type="button" className="btn" onClick={() => void call('jobs.cancel', { jobId: job.jobId })}>
            {t(restore ? 'backup.restore.cancel' : 'backup.verify.cancel')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={onClose} disabled={done?.kind === 'replaced'}>
            {t('backup.action.close')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {running ? <progress className="progress" aria-label={t('backup.action.progress')} max={100} value={pct} /> : null}
      </div>
      {verified ? <VerifyReport report={verified} /> : null}
      {done?.kind === 'restoredNew' ? (
        <FormStatus
          message={t('backup.restore.doneNew', {
            path: done.dbPath,
            migrated: String(done.from !== done.to),
            from: done.from,
            to: done.to,
          })}
        />
      ) : null}
      {lockedUnchanged ? (
        <>
          <FormStatus message={t('backup.restore.lockedUnchanged')} />
          <button type="button" className="btn btn-primary" onClick={() => window.dispatchEvent(new Event(LOCK_REQUEST_EVENT))}>
            {t('backup.restore.toUnlock')}
          </button>
        </>
      ) : null}
      {done?.kind === 'replaced' ? (
        <>
          <FormStatus
            message={t('backup.restore.doneReplace', {
              aside: done.replaced.setAside ?? '',
              date: formatDateTime(done.createdAt, lang),
            })}
          />
          <button type="button" className="btn btn-primary" onClick={() => window.dispatchEvent(new Event(LOCK_REQUEST_EVENT))}>
            {t('backup.restore.toUnlock')}
          </button>
        </>
      ) : null}
    </form>
  );
}

function VerifyReport({ report }: { report: BackupVerifyReport }) {
  const { t } = useI18n();
  return (
    <div data-testid="backup-verify-report">
      {report.ok ? (
        <FormStatus message={t('backup.verify.good')} />
      ) : (
        <FormAlert
          id="backup-verify-failed"
          message={t('backup.verify.bad', { part: (report.failed?.part ?? 'integrity').replace(/-/g, '_') })}
        />
      )}
      <ul className="check-list">
        {report.checks.map((c) => (
          <li key={c.check}>{t('backup.verify.check', { check: c.check, ok: String(c.ok) })}</li>
        ))}
      </ul>
    </div>
  );
}
