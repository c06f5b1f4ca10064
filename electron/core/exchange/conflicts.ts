/**
 * Conflicts to review: two devices wrote one field without seeing each
 * other's write. The record already holds the later write (the merge is
 * deterministic); choosing the other value writes it as a new change, which
 * then reaches every device like any edit.
 */
import { AppError } from '../../../shared/errors';
import type { ConflictView } from '../../../shared/exchange';
import type { DB } from '../db/connection';
import type { Ctx } from '../context';
import { updateCase, updatePerson } from '../intake/people';
import type { PersonData } from '../intake/records';
import type { CaseRecord } from '../../../shared/schemas/intake';
import { reindexPerson, setAt, type Doc } from './changes';
import { REPLICATED, replicatedColumns } from './schema';

interface Row {
  id: string;
  entity: string;
  row_id: string;
  field: string;
  kept_value: string | null;
  other_value: string | null;
  kept_stamp: string;
  other_stamp: string;
  detected_at: string;
}

export const openConflicts = (db: DB): number =>
  (db.prepare('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;

export function listConflicts(db: DB): ConflictView[] {
  return (db.prepare('SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY detected_at, id').all() as Row[]).map((r) => ({
    id: r.id,
    entity: r.entity,
    rowId: r.row_id,
    field: r.field,
    // JSON text of each value; a field one side did not hold reads as null.
    keptValue: r.kept_value ?? 'null',
    otherValue: r.other_value ?? 'null',
    keptStamp: r.kept_stamp,
    otherStamp: r.other_stamp,
    detectedAt: r.detected_at,
  }));
}

/**
 * Settles a conflict. Keeping the other value is an ordinary local write (the
 * triggers record it, with a stamp later than both). A field inside a person's
 * or a case's record goes through the people service, so the list columns,
 * search index and duplicate keys follow it like any save.
 */
export function resolveConflict(ctx: Ctx, id: string, keep: 'kept' | 'other'): void {
  const db = ctx.db;
  db.transaction(() => {
    const r = db.prepare('SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as Row | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That conflict is not open any more.');
    const spec = REPLICATED[r.entity];
    const [column, ...path] = r.field.split('.');
    if (!spec || !replicatedColumns(db, r.entity).includes(column!)) throw new AppError('NOT_FOUND', 'That conflict is not open any more.');
    if (keep === 'other' && path.length > 0) writeField(ctx, r.entity, spec.key, r.row_id, column!, path, r.other_value);
    else if (keep === 'other') {
      const value = r.other_value === null ? null : (JSON.parse(r.other_value) as unknown);
      db.prepare(`UPDATE ${r.entity} SET ${column} = ? WHERE ${spec.key} = ?`).run(value, r.row_id);
      if (r.entity === 'people') reindexPerson(db, r.row_id);
    }
    // Every open conflict on the same field is settled by this choice.
    db.prepare('UPDATE conflicts SET resolved_at = ? WHERE entity = ? AND row_id = ? AND field = ? AND resolved_at IS NULL').run(
      ctx.now(),
      r.entity,
      r.row_id,
      r.field,
    );
  })();
}

/** Writes one field of a JSON record (null: the field was absent in the value chosen). */
function writeField(ctx: Ctx, entity: string, key: string, rowId: string, column: string, path: string[], text: string | null): void {
  const row = ctx.db.prepare(`SELECT ${column} AS doc, version FROM ${entity} WHERE ${key} = ?`).get(rowId) as
    { doc: string; version: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'The record of that conflict is no longer in this vault.');
  const doc = JSON.parse(row.doc) as Doc;
  setAt(doc, path, text);
  if (entity === 'people' && column === 'data') updatePerson(ctx, rowId, row.version, doc as unknown as PersonData);
  else if (entity === 'cases' && column === 'data') updateCase(ctx, rowId, row.version, doc as unknown as CaseRecord);
  else ctx.db.prepare(`UPDATE ${entity} SET ${column} = ? WHERE ${key} = ?`).run(JSON.stringify(doc), rowId);
}
