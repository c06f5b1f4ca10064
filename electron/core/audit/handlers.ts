import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import type { Vault } from '../vault/vault';
import { auditCsv, listAudit, personHistory, verifyAudit } from './service';
import { restoreField } from './restore';

export function auditHandlers(vault: Vault, ctx: () => Ctx): FeatureHandlers<'audit'> {
  return {
    'audit.list': (q) => listAudit(ctx().db, q),
    'audit.history': ({ personId }) => personHistory(ctx().db, personId),
    'audit.verify': () => verifyAudit(ctx().db, vault.keyslotsState().auditHead),
    'audit.exportCsv': ({ actor }) => auditCsv(ctx().db, actor),
    'audit.restoreField': ({ personId, version, historyId }) => restoreField(ctx(), personId, version, historyId),
  };
}
