import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import type { JobRunner } from '../jobs';
import { caseload } from './caseload';
import { addCode, listCodes } from './codes';
import { closeCase, getClosing } from './closing';
import { SummaryDeliveries } from './deliveries';
import { exportColumns, exportCsv, exportXlsx } from './exports';
import { statistics } from './stats';
import { caseSummary, handOut, startSummaryBatch } from './summaries';
import { addTraining, listTrainings, tagTraining } from './trainings';

/** reports.*: the dashboard, funder statistics, closing, trainings, summaries and exports (README "Reports"). */
export function reportHandlers(ctx: () => Ctx, runner: JobRunner): FeatureHandlers<'reports'> {
  const pending = new SummaryDeliveries(ctx);
  return {
    'reports.caseload': ({ today }) => caseload(ctx(), today),
    'reports.stats': (q) => statistics(ctx(), q),
    'reports.codes': () => listCodes(ctx()),
    'reports.addCode': (c) => addCode(ctx(), c),
    'reports.closeCase': (input) => closeCase(ctx(), input),
    'reports.closing': ({ caseId }) => getClosing(ctx(), caseId),
    'reports.trainings': () => listTrainings(ctx()),
    'reports.addTraining': (t) => addTraining(ctx(), t),
    'reports.tagTraining': ({ personIds, trainingId }) => tagTraining(ctx(), personIds, trainingId),
    'reports.summary': async ({ personId, caseId, lang }) => handOut(pending, await caseSummary(ctx, personId, caseId, lang)),
    'reports.summaryBatch': (input) => startSummaryBatch(runner, ctx, pending, input),
    'reports.recordDelivery': ({ token }) => pending.deliver(token),
    'reports.exportColumns': () => exportColumns(),
    'reports.exportCsv': ({ what, columns }) => exportCsv(ctx(), what, columns),
    'reports.exportXlsx': ({ kinds, columns }) => exportXlsx(ctx(), kinds, columns),
  };
}
