/**
 * Unsaved intake forms live here, inside the encrypted database, never in
 * localStorage or a temp file. The renderer saves every few seconds and on
 * leaving a field; after a crash the draft comes back at the next unlock.
 */
import { AppError } from '../../../shared/errors';
import { newId, type Ctx } from '../context';
import type { Draft, DraftSummary } from '../../../shared/views';

export function saveDraft(ctx: Ctx, input: { id?: string | undefined; kind: string; data: unknown }): DraftSummary {
  const id = input.id ?? newId();
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO drafts(id, kind, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(id, input.kind, JSON.stringify(input.data), now, ctx.actor);
  return { id, kind: input.kind, updatedAt: now, updatedBy: ctx.actor };
}

export function listDrafts(ctx: Ctx): DraftSummary[] {
  return (
    ctx.db.prepare('SELECT id, kind, updated_at, updated_by FROM drafts ORDER BY updated_at DESC').all() as Array<Record<string, string>>
  ).map((r) => ({
    id: r.id!,
    kind: r.kind!,
    updatedAt: r.updated_at!,
    updatedBy: r.updated_by!,
  }));
}

export function getDraft(ctx: Ctx, id: string): Draft {
  const r = ctx.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as Record<string, string> | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'That draft is no longer here.');
  return { id: r.id!, kind: r.kind!, updatedAt: r.updated_at!, updatedBy: r.updated_by!, data: JSON.parse(r.data!) };
}

export function discardDraft(ctx: Ctx, id: string): void {
  ctx.db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
}
