/**
 * The one job runner of a core: CSV imports, form batches, TPS reconciles
 * (and backups and exchanges to come) all start here and are followed with
 * the same operations, jobs.status / cancel / result / discard / list.
 *
 * - A job runs in the background of the core's event loop and yields between
 *   units of work, so other operations and a cancel get through.
 * - A job belongs to the open database it started on: a lock drops it, and
 *   whatever it holds in memory (filled PDFs) with it.
 * - An exclusive job (a CSV import) holds one write transaction open across
 *   its yields. While it does, every other operation (`enter`) and every
 *   other job (`gate`) waits, and it begins only when no operation is in
 *   flight: nothing else can land inside its transaction and be rolled back
 *   with it by a cancel.
 */
import { AppError, ERROR_CODES, type ErrorInfo } from '../../../shared/errors';
import type { BatchItem, JobKind, JobResult, JobStarted, JobState, JobStatus } from '../../../shared/views';
import { newId } from '../context';
import type { DB } from '../db/connection';
import { Job } from './job';

/** Finished jobs kept for jobs.status/result; the oldest go first. */
const KEEP_FINISHED = 8;

export interface JobSpec<R> {
  kind: JobKind;
  /** The open database the job belongs to. */
  db: DB;
  /** Units known at the start (people in a batch). */
  total?: number;
  /** Phases in the order they run, so `progress` counts the whole job; one phase when left out. */
  phases?: readonly string[];
  /** Holds one transaction open across yields (see above). */
  exclusive?: boolean;
  /** At most this many jobs of this kind at once; another start is refused with `busyMessage`. */
  maxRunning?: number;
  busyMessage?: string;
  cancelMessage?: string;
  run(job: Job): Promise<R>;
  /** jobs.result. `value` is set once the job is done; a batch may hand out finished items before that. */
  result?(index: number | undefined, value: R | undefined): JobResult;
  /** Rows for jobs.status (a batch's people). */
  items?(): BatchItem[];
  /** Lets go of what the job holds in memory. */
  dispose?(): void;
}

interface Entry {
  id: string;
  spec: JobSpec<unknown>;
  job: Job;
  controller: AbortController;
  state: JobState;
  value?: unknown;
  error?: ErrorInfo;
  finished: Promise<void>;
  endedAt?: number;
  /** Highest progress reported, so a status never shows less than one before it. */
  shown: number;
}

export class JobRunner {
  private readonly jobs = new Map<string, Entry>();
  private inflight = 0;
  private idle: Array<() => void> = [];
  private exclusive: { jobId: string; released: Promise<void> } | null = null;
  /** Called after every job ends (the core uses it to catch up TPS deadlines after an import). */
  onSettled?: (kind: JobKind) => void;

  /** @param currentDb the open database, throwing VAULT_LOCKED when locked. */
  constructor(private readonly currentDb: () => DB) {}

  start<R>(spec: JobSpec<R>): JobStarted {
    this.sweep();
    if (spec.maxRunning !== undefined) {
      const running = [...this.jobs.values()].filter((e) => e.spec.kind === spec.kind && e.state === 'running').length;
      if (running >= spec.maxRunning) throw new AppError('INVALID_INPUT', spec.busyMessage ?? 'This work is already running.');
    }
    const id = newId();
    const controller = new AbortController();
    const job = new Job({
      signal: controller.signal,
      ...(spec.cancelMessage ? { cancelMessage: spec.cancelMessage } : {}),
      gate: () => this.gate(id),
    });
    job.total = spec.total ?? 0;
    job.phase = spec.phases?.[0] ?? '';
    const entry: Entry = { id, spec: spec as JobSpec<unknown>, job, controller, state: 'running', finished: Promise.resolve(), shown: 0 };
    this.jobs.set(id, entry);
    let release = () => {};
    if (spec.exclusive) {
      // Claimed now, synchronously: operations arriving from here on wait for the job.
      this.exclusive = { jobId: id, released: new Promise<void>((r) => (release = r)) };
    }
    entry.finished = this.run(entry, release);
    this.evict();
    return { jobId: id, kind: spec.kind, total: job.total };
  }

  status(jobId: string): JobStatus {
    return this.snapshot(this.entry(jobId));
  }

  list(kind?: JobKind): JobStatus[] {
    this.sweep();
    return [...this.jobs.values()].filter((e) => kind === undefined || e.spec.kind === kind).map((e) => this.snapshot(e));
  }

  result(jobId: string, index: number | undefined): JobResult {
    const e = this.entry(jobId);
    if (e.state === 'failed' && e.error) throw new AppError(e.error.code, e.error.message, e.error.details);
    if (e.spec.result && (e.state === 'done' || index !== undefined)) return e.spec.result(index, e.state === 'done' ? e.value : undefined);
    if (e.state === 'running') throw new AppError('INVALID_INPUT', 'This job is still running. Wait for it to finish.');
    if (e.state === 'cancelled') throw new AppError('CANCELLED', e.spec.cancelMessage ?? 'This job was cancelled.');
    throw new AppError('NOT_FOUND', 'This job has no result to fetch.');
  }

  /** Stops the job at its next checkpoint and waits until it has (an atomic job has rolled back by then). */
  async cancel(jobId: string): Promise<JobStatus> {
    const e = this.entry(jobId);
    e.controller.abort();
    await e.finished;
    return this.snapshot(e);
  }

  async discard(jobId: string): Promise<void> {
    const e = this.entry(jobId);
    e.controller.abort();
    await e.finished;
    this.drop(e);
  }

  /** Before a lock: stops every job and waits for them, then forgets them. */
  async stopAll(): Promise<void> {
    const all = [...this.jobs.values()];
    for (const e of all) e.controller.abort();
    await Promise.all(all.map((e) => e.finished));
    for (const e of all) this.drop(e);
  }

  /**
   * Every operation but the pass-through ones (status, cancel) enters here:
   * it waits while an exclusive job holds the database, and is counted so an
   * exclusive job begins only once the operations before it are finished.
   */
  async enter(): Promise<() => void> {
    while (this.exclusive) await this.exclusive.released;
    this.inflight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inflight--;
      if (this.inflight === 0) for (const wake of this.idle.splice(0)) wake();
    };
  }

  /** Resolves once no operation is in flight, or at once when the job is cancelled while it waits. */
  private noneInFlight(signal: AbortSignal): Promise<void> {
    if (this.inflight === 0 || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.idle.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /** Between a non-exclusive job's units: wait while another job holds the database. */
  private async gate(self: string): Promise<void> {
    while (this.exclusive && this.exclusive.jobId !== self) await this.exclusive.released;
  }

  private async run(e: Entry, release: () => void): Promise<void> {
    try {
      if (e.spec.exclusive) {
        // Let the operation that started the job (and any other in flight) finish first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.noneInFlight(e.controller.signal);
      } else {
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.gate(e.id);
      }
      e.job.checkpoint();
      e.value = await e.spec.run(e.job);
      e.state = 'done';
    } catch (err) {
      const info = errorInfo(err);
      if (info.code === 'CANCELLED' && e.controller.signal.aborted) e.state = 'cancelled';
      else {
        e.state = 'failed';
        e.error = info;
      }
    } finally {
      e.endedAt = Date.now();
      if (this.exclusive?.jobId === e.id) this.exclusive = null;
      release();
    }
    try {
      this.onSettled?.(e.spec.kind);
    } catch {
      // A follow-up that fails (the vault was locked meanwhile) must not turn a finished job into a failed one.
    }
  }

  private snapshot(e: Entry): JobStatus {
    const { job, spec } = e;
    const phases = spec.phases ?? [job.phase];
    const at = Math.max(0, phases.indexOf(job.phase));
    const within = job.total > 0 ? Math.min(1, (job.done + (e.state === 'running' ? job.fraction : 0)) / job.total) : 0;
    const computed = e.state === 'done' ? 1 : (at + within) / Math.max(1, phases.length);
    e.shown = Math.max(e.shown, computed);
    const status: JobStatus = {
      jobId: e.id,
      kind: spec.kind,
      state: e.state,
      phase: e.state === 'done' ? 'done' : job.phase,
      done: job.done,
      total: job.total,
      progress: e.shown,
      results: spec.items?.() ?? [],
    };
    if (e.error) status.error = e.error;
    return status;
  }

  /** The job, if it still exists in this session; a locked vault drops every job. */
  private entry(jobId: string): Entry {
    this.sweep();
    const e = this.jobs.get(jobId);
    if (!e) throw new AppError('NOT_FOUND', 'This job is no longer available. Start it again.');
    return e;
  }

  /** Drops the jobs of another session (a lock and unlock since); throws VAULT_LOCKED when locked. */
  private sweep(): void {
    let db: DB;
    try {
      db = this.currentDb();
    } catch (err) {
      for (const e of [...this.jobs.values()]) this.drop(e);
      throw err;
    }
    for (const e of [...this.jobs.values()]) if (e.spec.db !== db) this.drop(e);
  }

  private drop(e: Entry): void {
    e.controller.abort();
    e.spec.dispose?.();
    this.jobs.delete(e.id);
  }

  private evict(): void {
    const finished = [...this.jobs.values()].filter((e) => e.state !== 'running').sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    while (finished.length > KEEP_FINISHED) this.drop(finished.shift()!);
  }
}

/**
 * One write transaction across awaits, for exclusive jobs: BEGIN IMMEDIATE
 * takes the write lock at once; any throw (a bad row, a cancel) rolls back.
 * Nested `db.transaction()` calls inside become savepoints (better-sqlite3).
 */
export async function inTransaction<T>(db: DB, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = await fn();
    db.exec('COMMIT');
    return value;
  } catch (err) {
    // A lock closes the connection, and SQLite rolls the transaction back itself.
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError && (ERROR_CODES as readonly string[]).includes(e.code)) return e.toInfo();
  // Unknown failures may quote client data: say nothing specific.
  return { code: 'INTERNAL', message: 'Something went wrong inside Amparo while doing this work.' };
}
