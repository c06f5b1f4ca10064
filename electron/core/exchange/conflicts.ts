/**
 * Conflicts to review: two devices wrote one field without seeing each
 * other's write. The record already holds the later write (the merge is
 * deterministic); choosing the other value writes it as a new change, which
 * then reaches every device like any edit.
 */
import { AppError } from '../../../shared/errors';
import type { ConflictView } from '../../../shared/exchange';
import type { DB } from '../db/connection';
import { reindexPerson } from './changes';
import { REPLICATED, replicatedColumns } from './schema';

interface Row {
  id: string;
  entity: string;
  row_id: string;
  field: string;
  kept_value: string;
  other_value: string;
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
    keptValue: r.kept_value,
    otherValue: r.other_value,
    keptStamp: r.kept_stamp,
    otherStamp: r.other_stamp,
    detectedAt: r.detected_at,
  }));
}

export function resolveConflict(db: DB, id: string, keep: 'kept' | 'other', now: string): void {
  db.transaction(() => {
    const r = db.prepare('SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as Row | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That conflict is not open any more.');
    const spec = REPLICATED[r.entity];
    if (!spec || !replicatedColumns(db, r.entity).includes(r.field)) throw new AppError('NOT_FOUND', 'That conflict is not open any more.');
    if (keep === 'other') {
      // An ordinary local write: the triggers record it, with a stamp later than both.
      db.prepare(`UPDATE ${r.entity} SET ${r.field} = ? WHERE ${spec.key} = ?`).run(JSON.parse(r.other_value) as unknown, r.row_id);
      if (r.entity === 'people') reindexPerson(db, r.row_id);
    }
    // Every open conflict on the same field is settled by this choice.
    db.prepare('UPDATE conflicts SET resolved_at = ? WHERE entity = ? AND row_id = ? AND field = ? AND resolved_at IS NULL').run(
      now,
      r.entity,
      r.row_id,
      r.field,
    );
  })();
}
