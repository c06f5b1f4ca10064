/**
 * Batch fills as background jobs of the core's one runner (jobs/runner.ts):
 * one template, many people. The job yields to the event loop between
 * people (and the engine every 64 fields), so IPC and a cancel click get
 * through while it runs. Each PDF waits in memory until the UI fetches it
 * with jobs.result and saves it where the user chooses; nothing is written
 * to disk, and the case history gains a row only when the UI reports the
 * save (forms.recordDelivery). The PDFs go with jobs.discard, a lock, or
 * when too many finished jobs pile up.
 */
import { AppError, type ErrorInfo } from '../../../../shared/errors';
import type { EadBasis } from '../../../../shared/forms/adapter';
import type { BatchItem, BatchPdfResult, JobStarted } from '../../../../shared/views';
import type { Ctx } from '../../context';
import type { JobRunner } from '../../jobs';
import { assertEdition, compareEdition } from '../edition';
import type { PendingFills } from './deliveries';
import { fillForPerson } from './fills';
import { loadTemplate } from './templates';

export interface BatchInput {
  templateId: string;
  personIds: string[];
  /** Filled for each person after the first template, in the same job (a TPS drive's I-821). */
  alsoTemplateIds?: string[] | undefined;
  eadBasis?: EadBasis | undefined;
  acceptEditionMismatch: boolean;
  flatten: boolean;
}

/** Checks every template and edition up front (so a wrong blank fails at once), then starts the job. */
export function startBatch(runner: JobRunner, getCtx: () => Ctx, pending: PendingFills, input: BatchInput): JobStarted {
  const ctx = getCtx();
  const templateIds = [...new Set([input.templateId, ...(input.alsoTemplateIds ?? [])])];
  const templates = templateIds.map((templateId) => {
    const template = loadTemplate(ctx, templateId);
    const map = template.map;
    if (!map) throw noMap();
    const report = compareEdition(
      map,
      template.fields.map((f) => f.name),
      template.row.blank_sha256,
    );
    assertEdition(map, report, template.row.blank_sha256, input.acceptEditionMismatch);
    return { template, map };
  });

  const personIds = [...new Set(input.personIds)];
  // Person by person, each person's forms together: a cancel leaves whole people done.
  const work = personIds.flatMap((personId) => templates.map((t) => ({ personId, ...t })));
  const results: BatchItem[] = [];
  const pdfs = new Map<number, { bytes: Uint8Array; token: string }>();
  return runner.start({
    kind: 'forms.batch',
    db: ctx.db,
    total: work.length,
    phases: ['fill'],
    // One batch at a time: two would only share the same two cores.
    maxRunning: 1,
    busyMessage: 'Another batch of forms is still being filled. Wait for it to finish, or cancel it.',
    cancelMessage: 'The batch was cancelled. The forms already filled can still be saved.',
    items: () => results.map((r) => ({ ...r })),
    dispose: () => pdfs.clear(),
    result: (index): BatchPdfResult => {
      const item = index === undefined ? undefined : results.find((r) => r.index === index);
      const pdf = index === undefined ? undefined : pdfs.get(index);
      if (index === undefined || !item?.ok || !pdf || item.fileName === undefined || item.sha256 === undefined) {
        throw new AppError('NOT_FOUND', 'There is no finished form for this person in the batch.');
      }
      return {
        kind: 'forms.batch',
        index,
        personId: item.personId,
        token: pdf.token,
        fileName: item.fileName,
        pdf: pdf.bytes,
        sha256: item.sha256,
      };
    },
    run: async (job) => {
      try {
        for (const [index, { personId, template, map }] of work.entries()) {
          // Let IPC, the UI and a cancel in before each form.
          if (index > 0) await job.yield();
          job.progress('fill', index, work.length);
          const templateId = template.row.id;
          try {
            const filled = await fillForPerson(getCtx, {
              blank: template.blank,
              blankSha256: template.row.blank_sha256,
              map,
              templateId: template.row.id,
              templateName: template.row.name,
              personId,
              eadBasis: input.eadBasis,
              kind: 'fill',
              acceptEditionMismatch: input.acceptEditionMismatch,
              flatten: input.flatten,
              ...(job.signal ? { signal: job.signal } : {}),
              onProgress: (p) => job.partial(p.total > 0 ? p.done / p.total : 0),
            });
            pdfs.set(index, { bytes: filled.bytes, token: pending.add(filled.record) });
            const { pdf } = filled;
            results.push({
              index,
              personId,
              templateId,
              ok: true,
              fileName: pdf.fileName,
              sha256: pdf.sha256,
              pageCount: pdf.pageCount,
              overflowCount: pdf.overflow.length,
              warningCount: pdf.warnings.length,
            });
          } catch (e) {
            const info = errorInfo(e);
            if (info.code === 'CANCELLED' || info.code === 'VAULT_LOCKED') throw e;
            results.push({ index, personId, templateId, ok: false, error: info });
          }
          job.progress('fill', index + 1, work.length);
        }
      } catch (e) {
        // Locked mid-batch: the filled PDFs must not outlive the session they were made in.
        if (e instanceof AppError && e.code === 'VAULT_LOCKED') pdfs.clear();
        throw e;
      }
    },
  });
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  // Unknown failures may quote client data: say nothing specific.
  return { code: 'INTERNAL', message: 'Something went wrong inside Amparo while filling this form.' };
}

export function noMap(): AppError {
  return new AppError('INVALID_INPUT', 'This template has no field map yet. Map its fields to case data first, then fill it.');
}
