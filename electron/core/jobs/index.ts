/**
 * Long work with progress and cancel (ARCHITECTURE.md, principle 6), kept tiny:
 * a job is a function handed a `Job` that reports progress and checks for
 * cancellation at points the work chooses. Work that must be atomic (an
 * import) runs its writes in one transaction and calls `checkpoint()` inside
 * it, so a cancel throws out of the transaction and everything rolls back.
 */
import { AppError } from '../../../shared/errors';

export interface Progress {
  /** What the job is doing now, e.g. 'read', 'check', 'write'. */
  phase: string;
  done: number;
  total: number;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** What the user reads when they cancel. */
  cancelMessage?: string;
}

export class Job {
  constructor(private readonly opts: JobOptions = {}) {}

  get cancelled(): boolean {
    return this.opts.signal?.aborted === true;
  }

  /** Throws CANCELLED once the signal has fired. Call it between units of work. */
  checkpoint(): void {
    if (this.cancelled) throw new AppError('CANCELLED', this.opts.cancelMessage ?? 'Cancelled. Nothing was changed.');
  }

  /** Reports progress (synchronously, so a listener may cancel right here), then checks for cancel. */
  progress(phase: string, done: number, total: number): void {
    this.opts.onProgress?.({ phase, done, total });
    this.checkpoint();
  }

  /** Lets the event loop run (IPC, a cancel click) before going on; only outside transactions. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.checkpoint();
  }
}

export async function runJob<T>(opts: JobOptions, work: (job: Job) => T | Promise<T>): Promise<T> {
  const job = new Job(opts);
  job.checkpoint();
  return await work(job);
}
