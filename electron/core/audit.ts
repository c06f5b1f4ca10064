import { newId, type Ctx } from './context';
import { appendEntry } from './audit/chain';

export type AuditDetail = Record<string, string | number | string[]>;

/**
 * Who did what, when, to which record. Never the record's content: the
 * audit trail is for accountability, and must not become a second copy of
 * client data. Appended to the hash chain (audit/chain.ts).
 */
export function audit(ctx: Ctx, action: string, entity: string, entityId: string, detail?: AuditDetail): void {
  if (ctx.auditTrail === false) return;
  appendEntry(ctx.db, {
    id: newId(),
    at: ctx.now(),
    actor: ctx.actor,
    action,
    entity,
    entityId,
    detail: detail ? JSON.stringify(detail) : null,
  });
}
