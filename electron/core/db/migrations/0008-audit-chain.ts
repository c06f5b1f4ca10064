import type { Migration } from '../migrate';
import { GENESIS, entryHash, type EntryContent } from '../../audit/chain';

/**
 * The audit trail becomes a hash chain (issue 10): entries written before
 * this version are chained in the order they were written, so an upgraded
 * vault verifies from its first entry. Also the person-record field history
 * (old values, inside the encrypted database only) that field undo restores.
 */
export const m0008: Migration = {
  version: 8,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN seq INTEGER;
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
    `);
    const rows = db
      .prepare('SELECT rowid AS r, id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY at, rowid')
      .all() as Array<EntryContent & { r: number }>;
    const set = db.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE rowid = ?');
    let prev = GENESIS;
    rows.forEach((row, i) => {
      const hash = entryHash(prev, i + 1, row);
      set.run(i + 1, prev, hash, row.r);
      prev = hash;
    });
    db.exec(`
      CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
      CREATE TABLE field_history (
        seq        INTEGER PRIMARY KEY,
        person_id  TEXT NOT NULL,
        field      TEXT NOT NULL,
        old_value  TEXT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        audit_seq  INTEGER
      ) STRICT;
      CREATE INDEX field_history_person ON field_history(person_id, seq);
    `);
  },
};
