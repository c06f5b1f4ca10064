import type { Ctx } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import { FormJobs, noMap } from './batch';
import { fillForPerson, fillHistory, summaryFor } from './fills';
import { getAttorney, setAttorney } from './settings';
import { formSources } from './sources';
import {
  blankBytes,
  deleteTemplate,
  encodeBase64,
  getTemplate,
  importBlank,
  listTemplates,
  loadTemplate,
  saveTemplate,
  templateIdForForm,
} from './templates';
import type { FilledPdf } from '../../../../shared/views';

interface FillInput {
  templateId: string;
  personId: string;
  caseId?: string | undefined;
  kind: 'fill' | 'test';
  acceptEditionMismatch: boolean;
  flatten: boolean;
}

async function fill(getCtx: () => Ctx, input: FillInput): Promise<FilledPdf> {
  const template = loadTemplate(getCtx(), input.templateId);
  if (!template.map) throw noMap();
  const { pdf, bytes } = await fillForPerson(getCtx, {
    blank: template.blank,
    blankSha256: template.row.blank_sha256,
    map: template.map,
    templateId: template.row.id,
    templateName: template.row.name,
    personId: input.personId,
    caseId: input.caseId,
    kind: input.kind,
    acceptEditionMismatch: input.acceptEditionMismatch,
    flatten: input.flatten,
  });
  return { ...pdf, pdfBase64: encodeBase64(bytes) };
}

/** forms.* and jobs.*: one job registry per core, so batches live as long as the app and die with a lock. */
export function formHandlers(ctx: () => Ctx): FeatureHandlers<'forms'> & FeatureHandlers<'jobs'> {
  const jobs = new FormJobs(ctx);
  return {
    'forms.importBlank': (input) => importBlank(ctx, input),
    'forms.listTemplates': () => listTemplates(ctx()),
    'forms.getTemplate': ({ id }) => getTemplate(ctx(), id),
    'forms.blankBytes': ({ id }) => blankBytes(ctx(), id),
    'forms.saveTemplate': (input) => saveTemplate(ctx(), input),
    'forms.deleteTemplate': ({ id, version }) => {
      deleteTemplate(ctx(), id, version);
      return { deleted: true as const };
    },
    'forms.sources': () => formSources(),
    'forms.getAttorney': () => getAttorney(ctx()),
    'forms.setAttorney': ({ attorney, version }) => setAttorney(ctx(), attorney, version),
    'forms.testFill': ({ templateId, personId, caseId }) =>
      fill(ctx, { templateId, personId, caseId, kind: 'test', acceptEditionMismatch: true, flatten: false }),
    'forms.fill': ({ templateId, form, personId, caseId, acceptEditionMismatch, flatten }) =>
      fill(ctx, {
        templateId: templateId ?? templateIdForForm(ctx(), form ?? ''),
        personId,
        caseId,
        kind: 'fill',
        acceptEditionMismatch,
        flatten,
      }),
    'forms.summary': ({ personId, lang }) => summaryFor(ctx, personId, lang),
    'forms.history': ({ personId }) => fillHistory(ctx(), personId),
    'forms.batchStart': (input) => jobs.startBatch(input),
    'jobs.status': ({ jobId }) => jobs.status(jobId),
    'jobs.result': ({ jobId, index }) => jobs.result(jobId, index),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs.discard': async ({ jobId }) => {
      await jobs.discard(jobId);
      return { discarded: true as const };
    },
  };
}
