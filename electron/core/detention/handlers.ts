import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import { applyFacilitiesImport, facilitiesStatus, previewFacilitiesImport, searchFacilities } from './facilities';
import { saveDetention } from './history';
import { applyCheck, dueChecks, listChecks, recordCheck, setIntervals } from './eoir';

type Ops = FeatureHandlers<'facilities'> & FeatureHandlers<'detention'> & FeatureHandlers<'eoir'>;

export function detentionHandlers(ctx: () => Ctx): Ops {
  return {
    'facilities.status': () => facilitiesStatus(ctx()),
    'facilities.search': ({ query, limit }) => searchFacilities(ctx(), query, limit),
    'facilities.previewImport': ({ json }) => previewFacilitiesImport(ctx(), json),
    'facilities.applyImport': ({ json }) => applyFacilitiesImport(ctx(), json),
    'detention.save': ({ personId, version, history }) => saveDetention(ctx(), personId, version, history),
    'eoir.record': (input) => recordCheck(ctx(), input),
    'eoir.list': ({ personId }) => listChecks(ctx(), personId),
    'eoir.apply': ({ checkId, caseId, caseVersion }) => applyCheck(ctx(), checkId, caseId, caseVersion),
    'eoir.due': (q) => dueChecks(ctx(), q),
    'eoir.setIntervals': (iv) => setIntervals(ctx(), iv),
  };
}
