import type { Migration } from '../migrate';
import { CHANGES_TABLE_SQL, installChangeTriggers, REPLICATED_TABLES } from '../../exchange/schema';

/**
 * Issues 12 §8 and 17: what recording a change costs. The change log's
 * `op IN (...)` rule made SQLite build a temporary b-tree for every change
 * written (see CHANGES_TABLE_SQL); the table is rebuilt with the same rule as
 * comparisons. Columns, key, rows and their order stay as they were, so
 * nothing recorded and no bundle changes. The recording triggers write into
 * the table, so they are dropped first and installed again on the new one.
 */
export const m0018: Migration = {
  version: 18,
  name: 'exchange-log-check',
  up(db) {
    for (const t of REPLICATED_TABLES) for (const k of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS xchg_${t}_${k}`);
    db.exec(CHANGES_TABLE_SQL('changes_0018'));
    db.exec(`INSERT INTO changes_0018(device_id, seq, hlc, entity, row_id, op, fields, prev)
      SELECT device_id, seq, hlc, entity, row_id, op, fields, prev FROM changes ORDER BY rowid`);
    db.exec('DROP TABLE changes');
    db.exec('ALTER TABLE changes_0018 RENAME TO changes');
    installChangeTriggers(db);
  },
};
