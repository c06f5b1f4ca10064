/**
 * TPS reconciliation as a job of the core's runner ('tps.reconcile'), never
 * inside a read. It runs after unlock (a new shipped dataset, or a queue
 * left by the last session), after a dataset import, and after a write that
 * queued more people than `catchUp` handles at once.
 *
 * A whole pass goes through everyone in pages of people (by id), one short
 * transaction per page, yielding between pages so the app answers meanwhile.
 * It is idempotent: a page brings its people in step with the dataset,
 * whatever they had before. A cancel or a lock part-way leaves some people
 * done and the dataset not marked applied, so the next unlock starts over.
 * People edited during the pass are queued by the trigger and caught up at
 * its end, in the transaction that marks the dataset applied.
 */
import { AppError } from '../../../shared/errors';
import type { JobStarted, TpsReconcileResult } from '../../../shared/views';
import type { Ctx } from '../context';
import type { JobRunner, Job } from '../jobs';
import { activeDataset, activeOrNull, bulkCache, catchUpDirty, markApplied, reconcileRange, tpsBehind, type ReconcileCounts } from './tps';

/** People per transaction: a page takes a few tens of milliseconds. */
const PAGE = 2000;
/** A queue up to this size is caught up inside the write that made it; a longer one (a big CSV import) becomes a job. */
const INLINE_QUEUE = 500;

/** Starts the job, replacing one already running (a newer dataset makes its work moot). */
export async function startTpsReconcile(runner: JobRunner, getCtx: () => Ctx): Promise<JobStarted> {
  for (const j of runner.list('tps.reconcile')) if (j.state === 'running') await runner.cancel(j.jobId);
  const ctx = getCtx();
  return runner.start({
    kind: 'tps.reconcile',
    db: ctx.db,
    phases: ['reconcile'],
    cancelMessage: 'Updating TPS deadlines was stopped; it starts again at the next unlock.',
    run: (job) => reconcileJob(getCtx, job),
    result: (_index, value) => {
      if (!value) throw new AppError('INVALID_INPUT', 'The TPS deadlines are still being updated.');
      return { kind: 'tps.reconcile', result: value };
    },
  });
}

/**
 * After a write: the queue of changed people is caught up at once when
 * short, or by a job when long (or when a whole pass is due). Never called
 * after a read.
 */
export function catchUpTps(runner: JobRunner, getCtx: () => Ctx): void {
  const ctx = getCtx();
  const behind = tpsBehind(ctx);
  if (!behind) return;
  if (runner.list('tps.reconcile').some((j) => j.state === 'running')) {
    // A running whole pass catches the queue up at its end.
    if (behind.kind === 'all') return;
  }
  const active = activeOrNull(ctx);
  if (behind.kind === 'all' && active && !ctx.db.prepare('SELECT 1 FROM people LIMIT 1').get()) {
    // A new vault: nobody to reconcile, the dataset applies as it is.
    markApplied(ctx, active.key, { peopleAffected: 0, created: 0, updated: 0, removed: 0 });
    return;
  }
  if (behind.kind === 'dirty' && behind.queued <= INLINE_QUEUE && active) {
    catchUpDirty(ctx, active.dataset, INLINE_QUEUE);
    return;
  }
  void startTpsReconcile(runner, getCtx).catch(() => {
    // Locked meanwhile: the next unlock starts it again.
  });
}

async function reconcileJob(getCtx: () => Ctx, job: Job): Promise<TpsReconcileResult> {
  const ctx = getCtx();
  const active = activeDataset(ctx);
  const counts: ReconcileCounts = { peopleAffected: 0, created: 0, updated: 0, removed: 0 };
  const restore = bulkCache(ctx);
  try {
    if (tpsBehind(ctx)?.kind === 'all') {
      const total = (ctx.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
      const upper = ctx.db.prepare('SELECT max(id) AS id FROM (SELECT id FROM people WHERE id > ? ORDER BY id LIMIT ?)');
      let after = '';
      let done = 0;
      job.progress('reconcile', 0, total);
      for (;;) {
        const page = upper.get(after, PAGE) as { id: string | null };
        if (page.id === null) break;
        reconcileRange(getCtx(), active.dataset, after, page.id, counts);
        after = page.id;
        done = Math.min(total, done + PAGE);
        job.progress('reconcile', done, total);
        await job.yield();
      }
    }
    // The queue: people changed before or during the pass. The dataset is marked applied in the transaction that empties it.
    const c = getCtx();
    const queued = (c.db.prepare('SELECT count(*) AS n FROM tps_dirty').get() as { n: number }).n;
    job.progress('reconcile', job.done, Math.max(job.total, queued));
    for (;;) {
      const last = c.db.transaction(() => {
        catchUpDirty(c, active.dataset, PAGE, counts);
        const empty = !c.db.prepare('SELECT 1 FROM tps_dirty LIMIT 1').get();
        // Only if no newer dataset arrived meanwhile (its own job follows).
        if (empty && activeDataset(c).key === active.key) markApplied(c, active.key, counts);
        return { empty };
      })();
      if (last.empty) break;
      await job.yield();
    }
    job.progress('reconcile', job.total, job.total);
    return { asOf: active.dataset.asOf, ...counts };
  } finally {
    restore();
  }
}
