import type { Migration } from '../migrate';

/**
 * Audit overhead (issue 10): the actor index `audit_log_actor` was one more
 * b-tree page written and synced with every audited save (measured: about a
 * third of the trail's cost per save). A user's activity page is the only
 * reader, and a lead opens it rarely, so the index now follows the trail in
 * batches: `audit_actor` holds (actor, seq) for every entry up to
 * `audit_actor_upto.seq`, and is caught up when the chain's head goes to the
 * key file (at most every 10 s while entries are written, once the vault goes
 * quiet, at lock and close: see audit/actors.ts). Entries after that point
 * are read from the trail itself, so a listing is always whole. No audit row
 * changes, so the hash chain stays as it was.
 */
export const m0019: Migration = {
  version: 19,
  name: 'audit-actor-batch',
  up(db) {
    db.exec(`
      CREATE TABLE audit_actor (
        actor TEXT NOT NULL,
        seq   INTEGER NOT NULL,
        PRIMARY KEY (actor, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE audit_actor_upto (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        seq INTEGER NOT NULL
      ) STRICT;
      INSERT INTO audit_actor(actor, seq) SELECT actor, seq FROM audit_log ORDER BY actor, seq;
      INSERT INTO audit_actor_upto(one, seq) SELECT 1, coalesce(max(seq), 0) FROM audit_log;
      DROP INDEX IF EXISTS audit_log_actor;
    `);
  },
};
