import type { Migration } from '../migrate';

/**
 * Audit overhead (issue 10): every audited write also writes each index on
 * audit_log. EXPLAIN QUERY PLAN over every query that reads the table
 * (audit/service.ts, audit/chain.ts) shows audit_log_entity is used by none:
 * the person filter starts with `entity_id = ?` and scans along seq, and the
 * actor, seq and id lookups have their own indexes. Dropping it changes no
 * row, so every entry and the hash chain stay as they were.
 */
export const m0015: Migration = {
  version: 15,
  name: 'audit-indexes',
  up(db) {
    db.exec('DROP INDEX IF EXISTS audit_log_entity');
  },
};
