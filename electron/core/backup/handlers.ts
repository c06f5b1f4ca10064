import type { FeatureHandlers } from '../handlers';
import type { Ctx } from '../context';
import type { JobRunner } from '../jobs/runner';
import type { JobStarted } from '../../../shared/views';
import { listBackups } from './list';
import { backupNow, backupStatus, getSettings, isDue, setSettings, type BackupTarget } from './service';
import { folderUnavailable, WRITE_PHASES } from './write';
import type { BackupProblem } from '../../../shared/views';

export interface BackupDeps {
  ctx: () => Ctx;
  jobs: JobRunner;
  dbPath: string;
  keyslotsPath: string;
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

export function backupHandlers(deps: BackupDeps): FeatureHandlers<'backup'> {
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
      return listBackups(folder);
    },
  };
}
