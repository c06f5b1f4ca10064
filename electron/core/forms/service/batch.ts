/**
 * Batch fills as background jobs: one template, many people. The job yields
 * to the event loop between people (and the engine every 64 fields), so IPC
 * and a cancel click get through while it runs. Each PDF waits in memory
 * until the UI fetches it with jobs.result and saves it where the user
 * chooses; nothing is written to disk. Finished jobs are dropped by
 * jobs.discard, when the vault was locked in between, or when too many pile up.
 */
import { AppError, type ErrorInfo } from '../../../../shared/errors';
import type { BatchItem, JobResult, JobStatus } from '../../../../shared/views';
import { newId, type Ctx } from '../../context';
import type { DB } from '../../db/connection';
import { assertEdition, compareEdition } from '../edition';
import { fillForPerson, type FilledBytes } from './fills';
import { encodeBase64, loadTemplate } from './templates';

/** Finished jobs kept for fetching; the oldest go first. */
const KEEP_FINISHED = 4;
/** One batch at a time: two would only share the same two cores. */
const MAX_RUNNING = 1;

interface BatchJob {
  id: string;
  /** The open database the job belongs to: after a lock and unlock it is another object, and the job is dropped. */
  db: DB;
  state: JobStatus['state'];
  total: number;
  done: number;
  /** Fraction of the current person's fields filled. */
  current: number;
  results: BatchItem[];
  bytes: Map<number, Uint8Array>;
  error?: ErrorInfo;
  controller: AbortController;
  finished: Promise<void>;
  endedAt?: number;
}

export interface BatchInput {
  templateId: string;
  personIds: string[];
  acceptEditionMismatch: boolean;
  flatten: boolean;
}

export class FormJobs {
  private readonly jobs = new Map<string, BatchJob>();

  constructor(private readonly getCtx: () => Ctx) {}

  /** Checks the template and edition up front (so a wrong blank fails at once), then starts the job. */
  startBatch(input: BatchInput): { jobId: string; total: number } {
    const ctx = this.ctx();
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (running >= MAX_RUNNING) {
      throw new AppError('INVALID_INPUT', 'Another batch of forms is still being filled. Wait for it to finish, or cancel it.');
    }
    const template = loadTemplate(ctx, input.templateId);
    const map = template.map;
    if (!map) throw noMap();
    const report = compareEdition(
      map,
      template.fields.map((f) => f.name),
      template.row.blank_sha256,
    );
    assertEdition(map, report, template.row.blank_sha256, input.acceptEditionMismatch);

    const personIds = [...new Set(input.personIds)];
    const job: BatchJob = {
      id: newId(),
      db: ctx.db,
      state: 'running',
      total: personIds.length,
      done: 0,
      current: 0,
      results: [],
      bytes: new Map(),
      controller: new AbortController(),
      finished: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.finished = this.run(job, personIds, async (personId, signal, onProgress) =>
      fillForPerson(this.getCtx, {
        blank: template.blank,
        blankSha256: template.row.blank_sha256,
        map,
        templateId: template.row.id,
        templateName: template.row.name,
        personId,
        kind: 'fill',
        acceptEditionMismatch: input.acceptEditionMismatch,
        flatten: input.flatten,
        signal,
        onProgress,
      }),
    );
    this.evict();
    return { jobId: job.id, total: job.total };
  }

  status(jobId: string): JobStatus {
    return snapshot(this.job(jobId));
  }

  result(jobId: string, index: number): JobResult {
    const job = this.job(jobId);
    const item = job.results.find((r) => r.index === index);
    const bytes = job.bytes.get(index);
    if (!item || !item.ok || !bytes || item.fillId === undefined || item.fileName === undefined || item.sha256 === undefined) {
      throw new AppError('NOT_FOUND', 'There is no finished form for this person in the batch.');
    }
    return {
      index,
      personId: item.personId,
      fillId: item.fillId,
      fileName: item.fileName,
      pdfBase64: encodeBase64(bytes),
      sha256: item.sha256,
    };
  }

  /** Stops a running job after the form being filled now; forms already filled stay fetchable. */
  async cancel(jobId: string): Promise<JobStatus> {
    const job = this.job(jobId);
    job.controller.abort();
    await job.finished;
    return snapshot(job);
  }

  async discard(jobId: string): Promise<void> {
    const job = this.job(jobId);
    job.controller.abort();
    await job.finished;
    this.drop(job);
  }

  private async run(
    job: BatchJob,
    personIds: string[],
    fillOne: (personId: string, signal: AbortSignal, onProgress: (p: { done: number; total: number }) => void) => Promise<FilledBytes>,
  ): Promise<void> {
    const signal = job.controller.signal;
    try {
      for (const [index, personId] of personIds.entries()) {
        // Let IPC, the UI and a cancel in before each person.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal.aborted) break;
        job.current = 0;
        try {
          const { pdf, bytes } = await fillOne(personId, signal, (p) => (job.current = p.total > 0 ? p.done / p.total : 0));
          job.bytes.set(index, bytes);
          job.results.push({
            index,
            personId,
            ok: true,
            fillId: pdf.fillId,
            fileName: pdf.fileName,
            sha256: pdf.sha256,
            pageCount: pdf.pageCount,
            overflowCount: pdf.overflow.length,
            warningCount: pdf.warnings.length,
          });
        } catch (e) {
          const info = errorInfo(e);
          if (info.code === 'CANCELLED') break;
          if (info.code === 'VAULT_LOCKED') throw e;
          job.results.push({ index, personId, ok: false, error: info });
        }
        job.done = index + 1;
        job.current = 0;
      }
      job.state = signal.aborted ? 'cancelled' : 'done';
    } catch (e) {
      job.state = 'failed';
      job.error = errorInfo(e);
      // Locked mid-batch: the filled PDFs must not outlive the session they were made in.
      if (job.error.code === 'VAULT_LOCKED') job.bytes.clear();
    } finally {
      job.endedAt = Date.now();
    }
  }

  /** The open vault's context; a locked vault drops every job and its PDFs. */
  private ctx(): Ctx {
    let ctx: Ctx;
    try {
      ctx = this.getCtx();
    } catch (e) {
      for (const job of [...this.jobs.values()]) this.drop(job);
      throw e;
    }
    for (const job of [...this.jobs.values()]) if (job.db !== ctx.db) this.drop(job);
    return ctx;
  }

  private job(jobId: string): BatchJob {
    this.ctx();
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', 'This job is no longer available. Start it again.');
    return job;
  }

  private drop(job: BatchJob): void {
    job.controller.abort();
    job.bytes.clear();
    this.jobs.delete(job.id);
  }

  private evict(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running').sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    while (finished.length > KEEP_FINISHED) this.drop(finished.shift()!);
  }
}

function snapshot(job: BatchJob): JobStatus {
  const status: JobStatus = {
    jobId: job.id,
    kind: 'forms.batch',
    state: job.state,
    done: job.done,
    total: job.total,
    progress: job.total === 0 ? 1 : Math.min(1, (job.done + (job.state === 'running' ? job.current : 0)) / job.total),
    results: job.results.map((r) => ({ ...r })),
  };
  if (job.error) status.error = job.error;
  return status;
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  // Unknown failures may quote client data: say nothing specific.
  return { code: 'INTERNAL', message: 'Something went wrong inside Amparo while filling this form.' };
}

export function noMap(): AppError {
  return new AppError('INVALID_INPUT', 'This template has no field map yet. Map its fields to case data first, then fill it.');
}
