import type { Ctx } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import type { JobRunner } from '../../jobs';
import { noMap, startBatch } from './batch';
import { PendingFills } from './deliveries';
import { fillForPerson, fillHistory, summaryFor, type FilledBytes } from './fills';
import { getAttorney, setAttorney } from './settings';
import { formSources } from './sources';
import {
  blankBytes,
  deleteTemplate,
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

async function fill(getCtx: () => Ctx, input: FillInput): Promise<FilledBytes> {
  const template = loadTemplate(getCtx(), input.templateId);
  if (!template.map) throw noMap();
  return fillForPerson(getCtx, {
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
}

/**
 * forms.*: fills hand back their bytes and a token; the history row is
 * written by forms.recordDelivery once the file is saved. Batches run on the
 * core's job runner.
 */
export function formHandlers(ctx: () => Ctx, runner: JobRunner): FeatureHandlers<'forms'> {
  const pending = new PendingFills(ctx);
  const handOut = ({ pdf, bytes, record }: FilledBytes): FilledPdf => ({ ...pdf, pdf: bytes, token: pending.add(record) });
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
    'forms.testFill': async ({ templateId, personId, caseId }) =>
      handOut(await fill(ctx, { templateId, personId, caseId, kind: 'test', acceptEditionMismatch: true, flatten: false })),
    'forms.fill': async ({ templateId, form, personId, caseId, acceptEditionMismatch, flatten }) =>
      handOut(
        await fill(ctx, {
          templateId: templateId ?? templateIdForForm(ctx(), form ?? ''),
          personId,
          caseId,
          kind: 'fill',
          acceptEditionMismatch,
          flatten,
        }),
      ),
    'forms.summary': async ({ personId, lang }) => handOut(await summaryFor(ctx, personId, lang)),
    'forms.history': ({ personId }) => fillHistory(ctx(), personId),
    'forms.recordDelivery': ({ token }) => pending.deliver(token),
    'forms.batchStart': (input) => startBatch(runner, ctx, pending, input),
  };
}
