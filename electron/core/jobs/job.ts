/**
 * Long work with progress and cancel. A job is a function handed a `Job`
 * that reports progress and checks for cancellation at points the work
 * chooses. `runJob` runs one directly (the CLI, tests); `JobRunner`
 * (runner.ts) runs them in the background for the UI, one registry for every
 * kind, with jobs.status / cancel / result / discard.
 *
 * Work that must be atomic (a CSV import) runs its writes in one transaction
 * and calls `checkpoint()` inside it, so a cancel throws out of the
 * transaction and everything rolls back.
 */
import { AppError } from '../../../shared/errors';

export interface Progress {
  /** What the job is doing now, e.g. 'check', 'duplicates', 'write'. */
  phase: string;
  done: number;
  total: number;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** What the user reads when they cancel. */
  cancelMessage?: string;
  /**
   * Set by the runner: waits while another job holds the database in an
   * open transaction, so this job's writes never land inside (and roll back
   * with) someone else's import.
   */
  gate?: () => Promise<void>;
}

export class Job {
  phase = '';
  done = 0;
  total = 0;
  /** How far into the current unit (a person's form fields), 0..1: for a smooth progress bar. */
  fraction = 0;

  constructor(private readonly opts: JobOptions = {}) {}

  get signal(): AbortSignal | undefined {
    return this.opts.signal;
  }

  get cancelled(): boolean {
    return this.opts.signal?.aborted === true;
  }

  /** Throws CANCELLED once the signal has fired. Call it between units of work. */
  checkpoint(): void {
    if (this.cancelled) throw new AppError('CANCELLED', this.opts.cancelMessage ?? 'Cancelled. Nothing was changed.');
  }

  /** Records progress (synchronously, so a listener may cancel right here), then checks for cancel. */
  progress(phase: string, done: number, total: number): void {
    this.phase = phase;
    this.done = Math.min(done, total);
    this.total = total;
    this.fraction = 0;
    this.opts.onProgress?.({ phase, done: this.done, total });
    this.checkpoint();
  }

  /** Progress inside the current unit; never a checkpoint (the unit's own code decides where it may stop). */
  partial(fraction: number): void {
    this.fraction = Math.max(0, Math.min(1, fraction));
  }

  /**
   * Lets the event loop run (IPC, jobs.status, a cancel click) before going
   * on. Inside this job's own open transaction that is safe only because the
   * runner holds every other operation back while it is open (exclusive jobs).
   */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.opts.gate?.();
    this.checkpoint();
  }
}

export async function runJob<T>(opts: JobOptions, work: (job: Job) => T | Promise<T>): Promise<T> {
  const job = new Job(opts);
  job.checkpoint();
  return await work(job);
}
