import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import { addEvent, deleteEvent, listEvents, updateEvent } from './events';
import {
  addManual,
  clearOverride,
  closures,
  deleteManual,
  getDeadline,
  listDeadlines,
  markDone,
  override,
  previewDeadline,
  reopen,
  rules,
  setClosures,
  updateManual,
} from './deadlines';
import { docket, remindersDue } from './docket';
import { exportIcs } from './ics';
import type { JobRunner } from '../jobs';
import { previewImport, storeDataset, tpsStatus } from './tps';
import { startTpsReconcile } from './tps-job';
import { tpsAffected } from './tps-affected';
import { applyClosuresImport, closuresStatus, previewClosuresImport } from './closures';
import { recomputeForClosures } from './events';
import { readClosures } from './rows';

type Ops = FeatureHandlers<'events'> &
  FeatureHandlers<'deadlines'> &
  FeatureHandlers<'docket'> &
  FeatureHandlers<'reminders'> &
  FeatureHandlers<'tps'> &
  FeatureHandlers<'closures'>;

export function deadlineHandlers(ctx: () => Ctx, jobs: JobRunner): Ops {
  return {
    'events.add': ({ personId, event }) => addEvent(ctx(), personId, event),
    'events.update': ({ id, version, event }) => updateEvent(ctx(), id, version, event),
    'events.delete': ({ id, version }) => deleteEvent(ctx(), id, version),
    'events.list': ({ personId }) => listEvents(ctx(), personId),
    'deadlines.list': ({ personId, status }) => listDeadlines(ctx(), personId, status),
    'deadlines.get': ({ id }) => getDeadline(ctx(), id),
    'deadlines.preview': (input) => previewDeadline(ctx(), input),
    'deadlines.rules': () => rules(),
    'deadlines.addManual': (input) => addManual(ctx(), input),
    'deadlines.updateManual': ({ id, version, ...m }) => updateManual(ctx(), id, version, m),
    'deadlines.delete': ({ id, version }) => deleteManual(ctx(), id, version),
    'deadlines.override': ({ id, version, due, reason }) => override(ctx(), id, version, due, reason),
    'deadlines.clearOverride': ({ id, version }) => clearOverride(ctx(), id, version),
    'deadlines.markDone': ({ id, version }) => markDone(ctx(), id, version),
    'deadlines.reopen': ({ id, version }) => reopen(ctx(), id, version),
    'deadlines.closures': () => closures(ctx()),
    'deadlines.setClosures': ({ dates }) => setClosures(ctx(), dates),
    'deadlines.exportIcs': (o) => exportIcs(ctx(), o),
    'docket.list': (q) => docket(ctx(), q),
    'reminders.due': ({ withinDays, includeNames, today }) => remindersDue(ctx(), withinDays, includeNames, today),
    'tps.status': () => tpsStatus(ctx()),
    'tps.previewImport': ({ json, limit }) => previewImport(ctx(), json, limit),
    'tps.affected': (q) => tpsAffected(ctx(), q),
    'tps.applyImport': async ({ json }) => {
      const { asOf } = storeDataset(ctx(), json);
      return { asOf, jobId: (await startTpsReconcile(jobs, ctx)).jobId };
    },
    'closures.status': () => closuresStatus(ctx()),
    'closures.previewImport': ({ json }) => previewClosuresImport(ctx(), json),
    'closures.applyImport': ({ json }) => applyClosuresImport(ctx(), json, (c) => recomputeForClosures(c, readClosures(c))),
  };
}
