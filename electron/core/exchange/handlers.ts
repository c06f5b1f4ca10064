import { AppError } from '../../../shared/errors';
import type { ConflictView } from '../../../shared/exchange';
import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import {
  approveRequest,
  clinicInfo,
  deviceId,
  initClinic,
  joinClinic,
  listDevices,
  makeJoinRequest,
  membership,
  readJoinRequest,
  revokeDevice,
} from './clinic';
import { lastBundles } from './activity';
import { resolveConflict, listConflicts, openConflicts } from './conflicts';
import { exportBundle, fieldCounts, importBundles, importBundlesJob, IMPORT_CANCELLED } from './service';
import type { JobRunner } from '../jobs';
import { setWatchFolder, Watcher } from './watch';

export function exchangeHandlers(
  ctx: () => Ctx,
  jobs?: JobRunner,
): FeatureHandlers<'clinic'> & FeatureHandlers<'exchange'> & FeatureHandlers<'conflicts'> {
  // The watched folder's timer lives as long as the core (unref'd); without the runner (older callers) there is none.
  const watcher = jobs ? new Watcher(ctx, jobs) : null;
  const noWatcher = () => new AppError('INTERNAL', 'The exchange folder watcher is not running.');
  return {
    'clinic.status': () => {
      const { db } = ctx();
      return { clinic: clinicInfo(db), deviceId: deviceId(db), sealed: fieldCounts(db), openConflicts: openConflicts(db) };
    },
    'clinic.fieldCounts': () => {
      const { db } = ctx();
      return { field: membership(db)?.role === 'field', ...fieldCounts(db) };
    },
    'clinic.init': () => initClinic(ctx().db, ctx().now()),
    'clinic.joinRequest': () => {
      const r = makeJoinRequest(ctx().db, ctx().now());
      return { request: JSON.stringify(r.request, null, 2), fingerprint: r.fingerprint, deviceId: r.request.body.deviceId };
    },
    'clinic.inspectRequest': ({ request }) => {
      const r = readJoinRequest(request);
      return { deviceId: r.request.body.deviceId, fingerprint: r.fingerprint };
    },
    'clinic.approve': ({ request, role, expires, label, fingerprint }) =>
      approveRequest(ctx().db, request, { role, expires, label, fingerprint }, ctx().now()),
    'clinic.join': ({ acceptance, fingerprint }) =>
      joinClinic(ctx().db, acceptance, fingerprint === undefined ? {} : { fingerprint }, ctx().now()),
    'clinic.devices': () => listDevices(ctx().db),
    'clinic.lastBundles': () => lastBundles(ctx().db),
    'clinic.revoke': ({ deviceId: id }) => revokeDevice(ctx().db, id, ctx().now()),
    'exchange.export': ({ dir, peer }) => {
      const r = exportBundle(ctx().db, dir, { now: ctx().now(), ...(peer ? { peer } : {}) });
      if (!r) throw new AppError('INTERNAL', 'No bundle was written.');
      return r;
    },
    'exchange.import': ({ paths }) => importBundles(ctx(), paths),
    'exchange.importStart': ({ paths }) => {
      if (!jobs) throw new AppError('INTERNAL', 'The job runner is not running.');
      const c = ctx();
      return jobs.start({
        kind: 'exchange.import',
        db: c.db,
        phases: ['import'],
        // One transaction across yields: every other operation waits until it commits or rolls back.
        exclusive: true,
        maxRunning: 1,
        busyMessage: 'Another import of changes is still running. Wait for it to finish, or cancel it.',
        cancelMessage: IMPORT_CANCELLED,
        run: (job) => importBundlesJob(c, paths, job),
        result: (_index, value) => {
          if (!value) throw new AppError('INVALID_INPUT', 'The import has not finished yet.');
          return { kind: 'exchange.import', result: value };
        },
      });
    },
    'exchange.watchStatus': () => {
      if (!watcher) throw noWatcher();
      return watcher.status();
    },
    'exchange.setWatchFolder': ({ dir }) => {
      if (!watcher) throw noWatcher();
      setWatchFolder(ctx().db, dir);
      return watcher.status();
    },
    'exchange.syncNow': () => {
      if (!watcher) throw noWatcher();
      return watcher.syncNow();
    },
    'conflicts.list': (): ConflictView[] => listConflicts(ctx().db),
    'conflicts.resolve': ({ id, keep }) => {
      resolveConflict(ctx(), id, keep);
      return { resolved: true as const };
    },
  };
}
