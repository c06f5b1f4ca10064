import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FeatureHandlers } from '../handlers';
import type { Ctx } from '../context';
import type { JobRunner } from '../jobs/runner';
import type { BackupProblem, BackupRestored, JobStarted } from '../../../shared/views';
import { AppError } from '../../../shared/errors';
import { recordOp } from '../audit/service';
import { parseKeyslots } from '../vault/keyslots';
import { listBackups } from './list';
import { backupNow, backupStatus, getSettings, isDue, setSettings, type BackupTarget } from './service';
import { folderUnavailable, WRITE_PHASES } from './write';
import { VERIFY_PHASES, verifyBackup, type BackupAccess } from './verify';
import { DB_FILE, RESTORE_PHASES, discardRestore, placeRestore, stageRestore, type StagedRestore } from './restore';

export interface BackupDeps {
  ctx: () => Ctx;
  jobs: JobRunner;
  dbPath: string;
  keyslotsPath: string;
  /** Stops the jobs and closes the vault as a lock does (without a backup: the vault is set aside whole). */
  closeVault: () => Promise<void>;
}

/** Starts a backup job (one at a time) through the core's job runner. */
export function startBackupJob(deps: BackupDeps, when: BackupProblem['when']): JobStarted {
  const db = deps.ctx().db;
  const target: BackupTarget = { db, keyslotsPath: deps.keyslotsPath };
  return deps.jobs.start({
    kind: 'backup.create',
    db,
    phases: WRITE_PHASES,
    maxRunning: 1,
    busyMessage: 'A backup is already running.',
    cancelMessage: 'The backup was cancelled. No backup file was written.',
    run: (job) => backupNow(target, when, job),
    result: (_index, value) => ({ kind: 'backup.create', result: value! }),
  });
}

/** The interval check (at unlock and on the core's timer): starts a backup job when one is due and none runs. */
export function maybeStartScheduled(deps: BackupDeps): void {
  const db = deps.ctx().db;
  if (!isDue(db)) return;
  if (deps.jobs.list('backup.create').some((j) => j.state === 'running')) return;
  startBackupJob(deps, 'interval');
}

/** What the UI typed to open a backup: a passphrase of the vault then, or its recovery code (the contract admits exactly one). */
type Secret = { passphrase?: string | undefined; recoveryCode?: string | undefined };
const accessOf = (s: Secret): BackupAccess =>
  s.recoveryCode !== undefined ? { recoveryCode: s.recoveryCode } : { passphrase: s.passphrase ?? '' };

function fullPath(p: string, what: string): string {
  if (!isAbsolute(p)) throw new AppError('INVALID_INPUT', `Give the ${what} as a full path.`);
  return resolve(p);
}

export function backupHandlers(deps: BackupDeps): FeatureHandlers<'backup'> {
  /** Replace restores verified and staged beside the vault, by job id, until backup.replaceVault or the job is dropped. */
  const staged = new Map<string, StagedRestore>();

  const startRestore = (file: string, secret: Secret, target: { kind: 'new'; folder: string } | { kind: 'replace' }): JobStarted => {
    const db = deps.ctx().db;
    const vaultDir = dirname(resolve(deps.dbPath));
    const targetDir = target.kind === 'new' ? fullPath(target.folder, 'folder to restore into') : vaultDir;
    if (target.kind === 'new' && targetDir === vaultDir) {
      throw new AppError('VAULT_EXISTS', 'That folder already holds a vault. Choose an empty folder, or confirm replacing it.');
    }
    const slot: { jobId?: string } = {};
    const started = deps.jobs.start({
      kind: 'backup.restore',
      db,
      phases: RESTORE_PHASES,
      maxRunning: 1,
      busyMessage: 'A restore is already running.',
      cancelMessage: 'The restore was cancelled. Nothing was changed.',
      run: async (job): Promise<BackupRestored> => {
        const s = await stageRestore(fullPath(file, 'backup file'), accessOf(secret), targetDir, {
          replace: target.kind === 'replace',
          job,
        });
        const facts = { createdAt: s.staged.header.createdAt, from: s.from, to: s.to };
        if (target.kind === 'new') return { target: 'new', dbPath: placeRestore(s).dbPath, ...facts };
        staged.set(slot.jobId!, s);
        return { target: 'replace', dbPath: join(targetDir, DB_FILE), ...facts };
      },
      result: (_index, value) => ({ kind: 'backup.restore', result: value! }),
      dispose: () => {
        const s = staged.get(slot.jobId!);
        staged.delete(slot.jobId!);
        if (s) discardRestore(s);
      },
    });
    slot.jobId = started.jobId;
    return started;
  };

  return {
    'backup.status': () => backupStatus(deps.ctx().db),
    'backup.setSettings': (input) => {
      setSettings(deps.ctx(), deps.dbPath, input);
      return backupStatus(deps.ctx().db);
    },
    'backup.start': () => startBackupJob(deps, 'manual'),
    'backup.list': () => {
      const { folder } = getSettings(deps.ctx().db);
      if (folder === null) throw folderUnavailable();
      const mine = deps.ctx().db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).pluck().get();
      return listBackups(folder).map((b) => ({ ...b, mine: b.vaultId !== null && b.vaultId === mine }));
    },
    'backup.verify': ({ file, ...secret }) =>
      deps.jobs.start({
        kind: 'backup.verify',
        db: deps.ctx().db,
        phases: VERIFY_PHASES,
        maxRunning: 1,
        busyMessage: 'A backup is already being checked.',
        cancelMessage: 'The check was cancelled.',
        run: async (job) => (await verifyBackup(fullPath(file, 'backup file'), accessOf(secret), { job })).report,
        result: (_index, value) => ({ kind: 'backup.verify', result: value! }),
      }),
    'backup.restore': ({ file, target, ...secret }) => startRestore(file, secret, target),
    'backup.replaceVault': async ({ jobId }) => {
      const s = staged.get(jobId);
      if (!s) throw new AppError('NOT_FOUND', 'This restore is no longer ready. Run it again.');
      // Refused while the vault is still open and unchanged: only the same vault is replaced in place.
      if (parseKeyslots(readFileSync(deps.keyslotsPath, 'utf8')).vaultId !== s.staged.header.vaultId) {
        throw new AppError('BACKUP_OTHER_VAULT', 'This backup is of another vault. Restore it into a new, empty folder instead.');
      }
      staged.delete(jobId); // Ours now: closing the vault drops the job, and its dispose must not remove the staged copy.
      recordOp(deps.ctx(), 'backup.replaceVault', { createdAt: s.staged.header.createdAt });
      try {
        await deps.closeVault();
      } catch (e) {
        discardRestore(s);
        throw e;
      }
      return placeRestore(s, { replace: true });
    },
  };
}
