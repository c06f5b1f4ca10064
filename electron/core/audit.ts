import { newId, type Ctx } from './context';

/**
 * Who did what, when, to which record. Never the record's content: the
 * audit trail is for accountability, and must not become a second copy of client data.
 */
export function audit(ctx: Ctx, action: string, entity: string, entityId: string, detail?: Record<string, string | number>): void {
  ctx.db
    .prepare('INSERT INTO audit_log(id, at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), ctx.now(), ctx.actor, action, entity, entityId, detail ? JSON.stringify(detail) : null);
}
