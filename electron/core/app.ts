/**
 * The core: one object per running app, shared by every transport.
 * `dispatch` is the single entry point: it parses the raw input with the
 * contract's schema, runs the handler, and turns any failure into a coded
 * error value. Nothing thrown here ever carries client data into a log.
 */
import { contract, isOpName, type OpName, type OpOutput } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { Vault, type VaultOptions } from './vault/vault';
import { defaultActor, localToday, type Ctx } from './context';
import type { Handlers } from './handlers';
import { readPrefs, writePrefs } from './prefs';
import { intakeHandlers, peopleHandlers } from './intake/handlers';
import { importHandlers } from './intake/csv/handlers';
import { deadlineHandlers } from './deadlines/handlers';
import { formHandlers } from './forms/service/handlers';
import { changesOf, DEFAULT_BUSY_RETRY, retryWhileBusy, type BusyRetry } from './busy';
import { storageError } from './db/connection';
import { JobRunner } from './jobs';
import { jobHandlers } from './jobs/handlers';
import { reportHandlers } from './reports/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { catchUpTps } from './deadlines/tps-job';
import { backupHandlers, maybeStartScheduled, type BackupDeps } from './backup/handlers';
import { backupNow, getSettings } from './backup/service';

/** How often the core checks whether an interval backup is due (the interval itself is the lead's setting). */
const BACKUP_CHECK_MS = 10 * 60_000;

/**
 * Operations that never wait for an import holding the database (see
 * jobs/runner.ts) and never touch client data: following and stopping jobs,
 * the lock itself.
 */
const PASS_THROUGH = new Set<string>(['vault.status', 'vault.lock', 'prefs.get', 'prefs.set']);
const passesThrough = (name: string) => PASS_THROUGH.has(name) || name.startsWith('jobs.');

export interface CoreOptions extends VaultOptions {
  /** Who is acting, recorded in created_by/updated_by; the OS user name by default. */
  actor?: string;
  /** For tests: a fixed "today" in YYYY-MM-DD. */
  today?: () => string;
  /** How long dispatch keeps trying while another process holds the write lock (tests shorten or lengthen it). */
  busyRetry?: Partial<BusyRetry>;
  /** Automatic backups (at lock, at unlock and on a timer when due); the CLI turns them off. Default true. */
  autoBackup?: boolean;
}

export interface Core {
  vault: Vault;
  dispatch(name: string, rawInput: unknown): Promise<Result<unknown>>;
  call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>>;
  /** The service context over the open vault (VAULT_LOCKED when locked). */
  ctx(): Ctx;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const vault = new Vault(opts);
  const actor = opts.actor ?? defaultActor();
  const today = opts.today ?? localToday;
  const ctx = (): Ctx => ({ db: vault.db, actor, today, now: () => new Date().toISOString() });
  const jobs = new JobRunner(() => vault.db);
  /** TPS deadlines follow writes: the queue of changed people is caught up after each write and each job. */
  const followTps = () => {
    if (vault.status().unlocked) catchUpTps(jobs, ctx);
  };
  jobs.onSettled = (kind) => {
    if (kind !== 'tps.reconcile') followTps();
  };
  /** Changes made on this connection so far; a read leaves it as it was. */
  const backupDeps: BackupDeps = { ctx, jobs, dbPath: opts.dbPath, keyslotsPath: vault.keyslotsPath };
  const autoBackup = opts.autoBackup !== false;
  /** Never lets a scheduled backup break what triggered it (an unlock): its own failure is recorded for Settings. */
  const scheduledBackup = () => {
    if (!autoBackup || !vault.status().unlocked) return;
    try {
      maybeStartScheduled(backupDeps);
    } catch (e) {
      console.warn(`[amparo] scheduled backup not started (${e instanceof AppError ? e.code : 'unknown'})`);
    }
  };
  const backupTimer = autoBackup ? setInterval(scheduledBackup, BACKUP_CHECK_MS) : null;
  backupTimer?.unref();
  /**
   * The backup at lock and quit, before the database closes. It never fails
   * the lock: a missing folder or a full stick is recorded in the vault and
   * shown at the next unlock (backup.status).
   */
  const backupAtLock = async () => {
    if (!autoBackup || getSettings(vault.db).folder === null) return;
    try {
      await backupNow({ db: vault.db, keyslotsPath: vault.keyslotsPath }, 'lock');
    } catch (e) {
      console.warn(`[amparo] backup at lock did not happen (${e instanceof AppError ? e.code : 'unknown'})`);
    }
  };
  const changes = (): number | null =>
    vault.status().unlocked ? (vault.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n : null;

  const handlers: Handlers = {
    'vault.status': () => vault.status(),
    'vault.create': async ({ passphrase }) => {
      const created = await vault.create(passphrase);
      followTps();
      return created;
    },
    'vault.unlock': async ({ passphrase }) => {
      await vault.unlock(passphrase);
      // A new shipped dataset, or people queued by the last session: the TPS job starts now, in the background.
      followTps();
      scheduledBackup();
      return vault.status();
    },
    'vault.unlockWithRecovery': async ({ recoveryCode, newPassphrase }) => {
      await vault.unlockWithRecovery(recoveryCode, newPassphrase);
      followTps();
      scheduledBackup();
      return vault.status();
    },
    'vault.lock': async () => {
      // Stop jobs first: an import rolls back cleanly instead of meeting a closed connection.
      if (vault.status().unlocked) {
        await jobs.stopAll();
        await backupAtLock();
      }
      vault.lock();
      return vault.status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return { changed: true as const };
    },
    'prefs.get': () => readPrefs(opts.dbPath),
    'prefs.set': (p) => writePrefs(opts.dbPath, p),
    ...intakeHandlers(ctx),
    ...peopleHandlers(ctx),
    ...importHandlers(ctx, { jobs }),
    ...deadlineHandlers(ctx, jobs),
    ...formHandlers(ctx, jobs),
    ...jobHandlers(jobs),
    ...reportHandlers(ctx, jobs),
    ...backupHandlers(backupDeps),
    ...exchangeHandlers(ctx),
  };

  async function call<K extends OpName>(name: K, rawInput: unknown): Promise<OpOutput<K>> {
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', 'Some fields are not valid.', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const handler = handlers[name] as (input: unknown) => Promise<OpOutput<K>> | OpOutput<K>;
    if (passesThrough(name)) return handler(parsed.data);
    // Wait while an import holds the database, so nothing lands inside (and rolls back with) its transaction.
    const leave = await jobs.enter();
    try {
      const before = changes();
      const value = await handler(parsed.data);
      if (before !== null && changes() !== before) followTps();
      return value;
    } finally {
      leave();
    }
  }

  /** `call`, tried again on a timer while another process holds the write lock (see busy.ts): every transport and the CLI. */
  const busyRetry = { ...DEFAULT_BUSY_RETRY, ...opts.busyRetry };
  const callWhileBusy = <K extends OpName>(name: K, rawInput: unknown): Promise<OpOutput<K>> =>
    retryWhileBusy(() => call(name, rawInput), changesOf(vault), busyRetry);

  async function dispatch(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isOpName(name)) return { ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown operation.' } };
    try {
      return { ok: true, value: await callWhileBusy(name, rawInput) };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) };
    }
  }

  const close = () => {
    if (backupTimer) clearInterval(backupTimer);
    vault.lock();
  };
  return { vault, dispatch, call: callWhileBusy, ctx, close };
}

export function toErrorInfo(e: unknown) {
  if (e instanceof AppError) return e.toInfo();
  // A full disk or a held lock is not a mystery: say so (the codes carry no client data).
  const known = storageError(e);
  if (known) return known.toInfo();
  // Unknown failures may quote client data (SQL constraint text, file paths): say nothing specific.
  return { code: 'INTERNAL' as const, message: 'Something went wrong inside Amparo. Your saved data is unchanged.' };
}
