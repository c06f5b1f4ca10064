/**
 * The core: one object per running app, shared by every transport.
 * `dispatch` is the single entry point: it parses the raw input with the
 * contract's schema, runs the handler, and turns any failure into a coded
 * error value. Nothing thrown here ever carries client data into a log.
 */
import { dirname, resolve } from 'node:path';
import { contract, isOpName, type OpName, type OpOutput } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { Vault, type VaultOptions } from './vault/vault';
import { defaultActor, localToday, type Ctx } from './context';
import type { Handlers } from './handlers';
import { readPrefs, writePrefs } from './prefs';
import { intakeHandlers, peopleHandlers } from './intake/handlers';
import { importHandlers } from './intake/csv/handlers';
import { deadlineHandlers } from './deadlines/handlers';
import { detentionHandlers } from './detention/handlers';
import { formHandlers } from './forms/service/handlers';
import { changesOf, DEFAULT_BUSY_RETRY, retryWhileBusy, type BusyRetry } from './busy';
import { errorKind, storageError } from './db/connection';
import { JobRunner } from './jobs';
import { jobHandlers } from './jobs/handlers';
import { reportHandlers } from './reports/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { sealingOnFieldDevice } from './exchange/field';
import { catchUpTps } from './deadlines/tps-job';
import { backupHandlers, maybeStartScheduled, type BackupDeps } from './backup/handlers';
import { backupNow, getSettings } from './backup/service';
import { settleRestores } from './backup/restore';
import { userNameSchema } from '../../shared/users';
import { authorize, narrow, type Session } from './users/access';
import { userHandlers } from './users/handlers';
import { auditHandlers } from './audit/handlers';
import { chainHead } from './audit/chain';
import { auditedKeyChange, personData, recordFieldChanges, recordOp } from './audit/service';

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
  /**
   * The first user's name when `vault.create` is given none, and the lead a
   * version-1 vault's passphrase becomes at its first unlock; the OS user name
   * by default. Who acts afterwards is the unlocked user.
   */
  actor?: string;
  /** false for the audit benchmark's baseline only: no audit entries at all. */
  auditTrail?: boolean;
  /** The longest the audit chain's head goes unrecorded in the key file while it moves (tests shorten it). Default CHECKPOINT_MS. */
  auditCheckpointMs?: number;
  /** For tests: a fixed "today" in YYYY-MM-DD. */
  today?: () => string;
  /** How long dispatch keeps trying while another process holds the write lock (tests shorten or lengthen it). */
  busyRetry?: Partial<BusyRetry>;
  /** Automatic backups (at lock, at unlock and on a timer when due); the CLI turns them off. Default true. */
  autoBackup?: boolean;
}

/** A restore killed half-way is settled before the vault is looked at (backup/restore.ts); a failure here never stops the app. */
function settleKilledRestores(dbPath: string): void {
  try {
    for (const s of settleRestores(dirname(resolve(dbPath)))) console.warn(`[amparo] an interrupted restore was ${s.outcome}`);
  } catch (e) {
    console.warn(`[amparo] an interrupted restore could not be settled (${e instanceof AppError ? e.code : errorKind(e)})`);
  }
}

export interface Core {
  vault: Vault;
  dispatch(name: string, rawInput: unknown): Promise<Result<unknown>>;
  call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>>;
  /** The service context over the open vault (VAULT_LOCKED when locked). */
  ctx(): Ctx;
  /**
   * The role policy for `name`, for callers that use a service directly
   * instead of dispatch (CLI commands streaming files): FORBIDDEN etc.
   */
  authorize(name: OpName, input: unknown): void;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  settleKilledRestores(opts.dbPath);
  const vault = new Vault(opts);
  const fallbackName = asUserName(opts.actor ?? defaultActor());
  const today = opts.today ?? localToday;
  const clock = opts.clock ?? (() => new Date());
  const auditTrail = opts.auditTrail !== false;
  const ctx = (): Ctx => {
    const db = vault.db;
    const user = vault.user;
    return { db, actor: user.name, role: user.role, today, now: () => clock().toISOString(), ...(auditTrail ? {} : { auditTrail: false }) };
  };
  const session = (): Session | null => {
    if (!vault.unlocked) return null;
    const u = vault.user;
    return { name: u.name, role: u.role, expiresAt: u.expiresAt };
  };
  /**
   * The audit chain's head goes into the key file's MAC-protected body at
   * lock and close, and in between at most every checkpointMs while it moves
   * (after a write, and on a timer when the vault goes quiet), so that
   * deleting the newest entries is detected (audit/chain.ts). By time rather
   * than by count: a key-file write is two fsyncs, which a count of 100 made
   * a few percent of every save in bulk work, while at a person's pace 100
   * entries left an hour of work unrecorded.
   */
  const checkpointMs = opts.auditCheckpointMs ?? CHECKPOINT_MS;
  let checkpointedSeq = 0;
  let checkpointedAt = -Infinity;
  const checkpoint = (force: boolean) => {
    // Never from inside a job's open transaction: its entries may still roll back.
    if (!vault.unlocked || vault.db.inTransaction) return;
    const head = chainHead(vault.db);
    if (!head || (!force && (head.seq === checkpointedSeq || performance.now() - checkpointedAt < checkpointMs))) return;
    try {
      vault.recordState({ auditHead: head });
      checkpointedSeq = head.seq;
      checkpointedAt = performance.now();
    } catch (e) {
      console.warn(`[amparo] audit head not recorded (${e instanceof AppError ? e.code : 'unknown'})`);
    }
  };
  const jobs = new JobRunner(() => vault.db);
  /** TPS deadlines follow writes: the queue of changed people is caught up after each write and each job. */
  const followTps = () => {
    if (vault.status().unlocked) catchUpTps(jobs, ctx);
  };
  jobs.onSettled = (kind) => {
    if (kind !== 'tps.reconcile') followTps();
  };
  /** Changes made on this connection so far; a read leaves it as it was. */
  const backupDeps: BackupDeps = {
    ctx,
    jobs,
    dbPath: opts.dbPath,
    keyslotsPath: vault.keyslotsPath,
    // A restore replacing this vault closes it as a lock does; the transport's own lock follows (a fresh host).
    closeVault: async () => {
      await jobs.stopAll();
      checkpoint(true);
      vault.lock();
    },
  };
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
  // Records the last entries once the vault goes quiet (see checkpoint).
  const checkpointTimer = setInterval(() => checkpoint(false), checkpointMs);
  checkpointTimer.unref();
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
    'vault.create': async ({ passphrase, userName, displayName }) => {
      const created = await vault.create(passphrase, { userName: userName ?? fallbackName, ...(displayName ? { displayName } : {}) });
      followTps();
      return created;
    },
    'vault.unlock': async ({ userName, passphrase }) => {
      await vault.unlock(passphrase, userName, fallbackName);
      // A new shipped dataset, or people queued by the last session: the TPS job starts now, in the background.
      followTps();
      scheduledBackup();
      return vault.status();
    },
    'vault.unlockWithRecovery': async ({ recoveryCode, newPassphrase, userName }) => {
      await vault.unlockWithRecovery(recoveryCode, newPassphrase, userName ?? (vault.exists() ? undefined : fallbackName));
      followTps();
      scheduledBackup();
      return vault.status();
    },
    'vault.lock': async () => {
      // Stop jobs first: an import rolls back cleanly instead of meeting a closed connection.
      if (vault.status().unlocked) {
        await jobs.stopAll();
        await backupAtLock();
        checkpoint(true);
      }
      vault.lock();
      return vault.status();
    },
    'vault.changePassphrase': async ({ userName, current, next }) => {
      // Unlocked, it is your own passphrase only; a lead resets someone else's with users.resetPassphrase.
      if (vault.unlocked && userName !== undefined && userName !== vault.user.name) {
        throw new AppError('FORBIDDEN', 'You can change only your own passphrase.');
      }
      const change = () => vault.changePassphrase(current, next, userName, fallbackName);
      await (vault.unlocked ? auditedKeyChange(ctx(), 'vault.changePassphrase', 'user', vault.user.name, change) : change());
      return { changed: true as const };
    },
    'vault.rekey': async () => {
      await jobs.stopAll();
      // Recorded before it starts: PRAGMA rekey cannot run inside the transaction that would hold its entry.
      recordOp(ctx(), 'vault.rekey', {});
      return vault.rekey();
    },
    'vault.newRecoveryCode': async () => {
      return auditedKeyChange(ctx(), 'vault.newRecoveryCode', 'vault', null, () => vault.newRecoveryCode());
    },
    'prefs.get': () => readPrefs(opts.dbPath),
    'prefs.set': (p) => writePrefs(opts.dbPath, p),
    ...sealingOnFieldDevice(intakeHandlers(ctx), ctx),
    ...peopleHandlers(ctx),
    ...importHandlers(ctx, { jobs }),
    ...deadlineHandlers(ctx, jobs),
    ...detentionHandlers(ctx),
    ...formHandlers(ctx, jobs),
    ...jobHandlers(jobs),
    ...reportHandlers(ctx, jobs),
    ...backupHandlers(backupDeps),
    ...exchangeHandlers(ctx, jobs),
    ...userHandlers(vault, ctx, clock),
    ...auditHandlers(vault, ctx),
  };

  async function call<K extends OpName>(name: K, rawInput: unknown): Promise<OpOutput<K>> {
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', 'Some fields are not valid.', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const handler = handlers[name] as (input: unknown) => Promise<OpOutput<K>> | OpOutput<K>;
    // The role policy (users/policy.ts): FORBIDDEN, ACCOUNT_EXPIRED or VAULT_LOCKED before anything runs.
    const policy = authorize(name, parsed.data, session(), vault.unlocked ? vault.db : null, clock());
    const shaped = (value: OpOutput<K>) => narrow(policy, value, session(), vault.unlocked ? vault.db : null, clock()) as OpOutput<K>;
    if (passesThrough(name)) return shaped(await handler(parsed.data));
    // Wait while an import holds the database, so nothing lands inside (and rolls back with) its transaction.
    const leave = await jobs.enter();
    try {
      const before = changes();
      const headBefore = vault.unlocked ? (chainHead(vault.db)?.seq ?? 0) : null;
      const personId = name === 'people.update' ? (parsed.data as { id: string }).id : null;
      const personBefore = personId ? personData(vault.db, personId) : null;
      const value = await handler(parsed.data);
      const changed = before !== null && changes() !== before;
      if (vault.unlocked) auditCall(name, parsed.data, policy.auditedRead === true || changed, headBefore, personId, personBefore);
      if (changed) followTps();
      return shaped(value);
    } finally {
      leave();
    }
  }

  /**
   * Every write, and every audited read (a whole person record, a form fill,
   * an export), leaves an entry: the service's own when it wrote one, else one
   * naming the operation and the record ids of its input. A person update
   * also records which fields changed (names in the trail, old values in field_history).
   */
  function auditCall(
    name: string,
    input: unknown,
    due: boolean,
    headBefore: number | null,
    personId: string | null,
    personBefore: ReturnType<typeof personData>,
  ) {
    const c = ctx();
    if (personId && personBefore) {
      const after = personData(c.db, personId);
      if (after) recordFieldChanges(c, personId, personBefore, after);
    }
    if (due && !UNAUDITED_WRITES.has(name) && headBefore !== null && (chainHead(c.db)?.seq ?? 0) === headBefore) recordOp(c, name, input);
    checkpoint(false);
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
    clearInterval(checkpointTimer);
    checkpoint(true);
    vault.lock();
  };
  const authorizeOp = (name: OpName, input: unknown) => {
    authorize(name, input, session(), vault.unlocked ? vault.db : null, clock());
  };
  return { vault, dispatch, call: callWhileBusy, ctx, authorize: authorizeOp, close };
}

/**
 * Writes with no entry of their own: a draft is the scratch copy of an open
 * form, saved every few seconds while someone types; the record it becomes is.
 */
const UNAUDITED_WRITES = new Set<string>(['drafts.save']);

/** The longest the chain's head goes unrecorded in the key file while entries are written. */
const CHECKPOINT_MS = 10_000;

/** The OS user name as a user name, or "lead" when it is not one (spaces, say). */
function asUserName(name: string): string {
  const r = userNameSchema.safeParse(name);
  return r.success ? r.data : 'lead';
}

export function toErrorInfo(e: unknown) {
  if (e instanceof AppError) return e.toInfo();
  // A full disk or a held lock is not a mystery: say so (the codes carry no client data).
  const known = storageError(e);
  if (known) return known.toInfo();
  // Unknown failures may quote client data (SQL constraint text, file paths): say nothing specific.
  return { code: 'INTERNAL' as const, message: 'Something went wrong inside Amparo. Your saved data is unchanged.' };
}
