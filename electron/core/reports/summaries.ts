/**
 * Case summaries handed out like form fills: bytes plus a delivery token;
 * the case history (form_fills, kind 'summary', form 'case-summary') gains
 * its row only when the file was saved (reports.recordDelivery), so a
 * cancelled save dialog records nothing. A batch runs on the core's one job
 * runner with progress and cancel, as one combined PDF or one per person.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import { t, type Lang } from '../../../shared/i18n';
import type { BatchItem, FilledPdf, JobStarted, SummaryBatchResult } from '../../../shared/views';
import type { Ctx } from '../context';
import type { JobRunner } from '../jobs';
import { sha256Hex } from '../forms/blank';
import type { SummaryDeliveries as PendingFills } from './deliveries';
import { fileNameFor, type FillRecord } from '../forms/service/fills';
import { drawCaseSummary, loadSummaryData, renderCaseSummary } from './summary-pdf';

function record(personId: string, caseId: string | null, lang: Lang, sha256: string, pageCount: number): FillRecord {
  return {
    personId,
    templateId: null,
    caseId,
    kind: 'summary',
    form: 'case-summary',
    edition: lang,
    blankSha256: null,
    sha256,
    pageCount,
    flattened: false,
    mismatch: false,
    overflow: 0,
    warnings: 0,
  };
}

const pagesOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

export interface SummaryBytes {
  bytes: Uint8Array;
  record: FillRecord;
  fileName: string;
  pageCount: number;
  sha256: string;
}

export async function caseSummary(getCtx: () => Ctx, personId: string, caseId: string | undefined, lang: Lang): Promise<SummaryBytes> {
  const ctx = getCtx();
  const data = loadSummaryData(ctx, personId, caseId);
  const bytes = await renderCaseSummary(data, { lang, preparedOn: ctx.today() });
  const pageCount = await pagesOf(bytes);
  const sha256 = sha256Hex(bytes);
  // Locked while drawing: getCtx throws, and nothing is handed out.
  const after = getCtx();
  return {
    bytes,
    sha256,
    pageCount,
    record: record(personId, caseId ?? null, lang, sha256, pageCount),
    fileName: fileNameFor(t(lang, 'reports.summary.fileLabel'), data.person, after.today()),
  };
}

export function handOut(pending: PendingFills, s: SummaryBytes): FilledPdf {
  return {
    token: pending.add(s.record),
    fileName: s.fileName,
    pdf: s.bytes,
    sha256: s.sha256,
    pageCount: s.pageCount,
    filled: 0,
    overflow: [],
    warnings: [],
    edition: null,
  };
}

export interface BatchSummaryInput {
  personIds: string[];
  lang: Lang;
  mode: 'combined' | 'each';
}

/**
 * A combined batch records one history row per person once its file is
 * saved: each person's row carries the combined file's SHA-256, so the
 * printed bundle can be matched to every record in it.
 */
export function startSummaryBatch(runner: JobRunner, getCtx: () => Ctx, pending: PendingFills, input: BatchSummaryInput): JobStarted {
  const ctx = getCtx();
  const personIds = [...new Set(input.personIds)];
  const results: BatchItem[] = [];
  const pdfs = new Map<number, SummaryBatchResult>();
  return runner.start({
    kind: 'reports.summaries',
    db: ctx.db,
    total: personIds.length,
    phases: ['summary'],
    maxRunning: 1,
    busyMessage: 'Another batch of summaries is still being made. Wait for it to finish, or cancel it.',
    cancelMessage: 'The batch of summaries was cancelled. Summaries already made can still be saved.',
    items: () => results.map((r) => ({ ...r })),
    dispose: () => pdfs.clear(),
    result: (index): SummaryBatchResult => {
      const pdf = pdfs.get(index ?? 0);
      if (!pdf) throw new AppError('NOT_FOUND', 'There is no finished summary at this place in the batch.');
      return pdf;
    },
    run: async (job) => {
      const combined = input.mode === 'combined' ? await PDFDocument.create() : null;
      const done: string[] = [];
      for (const [index, personId] of personIds.entries()) {
        if (index > 0) await job.yield();
        job.progress('summary', index, personIds.length);
        try {
          if (combined) {
            const c = getCtx();
            await drawCaseSummary(combined, loadSummaryData(c, personId), { lang: input.lang, preparedOn: c.today() });
            done.push(personId);
            results.push({ index, personId, ok: true });
          } else {
            const s = await caseSummary(getCtx, personId, undefined, input.lang);
            pdfs.set(index, {
              kind: 'reports.summaries',
              index,
              personId,
              token: pending.add(s.record),
              fileName: s.fileName,
              pdf: s.bytes,
              sha256: s.sha256,
            });
            results.push({ index, personId, ok: true, fileName: s.fileName, sha256: s.sha256, pageCount: s.pageCount });
          }
        } catch (e) {
          const info = errorInfo(e);
          if (info.code === 'CANCELLED' || info.code === 'VAULT_LOCKED') throw e;
          results.push({ index, personId, ok: false, error: info });
        }
        job.progress('summary', index + 1, personIds.length);
      }
      if (combined && done.length > 0) {
        const bytes = await combined.save({ objectsPerTick: Infinity });
        const sha256 = sha256Hex(bytes);
        const pageCount = combined.getPageCount();
        const c = getCtx();
        const tokens = done.map((personId) => pending.add(record(personId, null, input.lang, sha256, pageCount)));
        pdfs.set(0, {
          kind: 'reports.summaries',
          index: 0,
          personId: null,
          token: pending.group(tokens),
          fileName: `${t(input.lang, 'reports.summary.batchFileLabel', { count: done.length })} ${c.today()}.pdf`,
          pdf: bytes,
          sha256,
        });
      }
    },
  });
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  return { code: 'INTERNAL', message: 'Something went wrong inside Amparo while making this summary.' };
}
