import type { Migration } from '../migrate';

/**
 * Audit overhead (issue 10): every audited write also writes each b-tree of
 * audit_log. Until now there were four: the rowid table, the index behind
 * `id TEXT PRIMARY KEY` (random UUIDs, looked up by no query), the UNIQUE
 * index on seq and the actor index. Rebuilt with the chain position as the
 * table's own key (`seq INTEGER PRIMARY KEY`, the rowid), two are left: the
 * table and (actor, seq) for a user's activity.
 *
 * Every entry keeps its seq, id, content, prev_hash and hash, so the chain
 * verifies as before. A row that had no seq (slipped in outside the chain:
 * only tampering does that) is kept after the chain's end with no hashes, so
 * `audit verify` still reports it, now as a broken link at its new place.
 */
export const m0017: Migration = {
  version: 17,
  name: 'audit-seq-key',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log_next (
        seq       INTEGER PRIMARY KEY,
        id        TEXT NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT,
        entity_id TEXT,
        detail    TEXT,
        prev_hash TEXT,
        hash      TEXT
      ) STRICT;
      INSERT INTO audit_log_next(seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash)
        SELECT seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash
        FROM audit_log WHERE seq IS NOT NULL ORDER BY seq;
      INSERT INTO audit_log_next(id, at, actor, action, entity, entity_id, detail)
        SELECT id, at, actor, action, entity, entity_id, detail
        FROM audit_log WHERE seq IS NULL ORDER BY rowid;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_next RENAME TO audit_log;
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
    `);
  },
};
