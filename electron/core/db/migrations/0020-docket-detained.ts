import type { Migration } from '../migrate';

/**
 * The docket's detained rows, from an index of their own (issue 17).
 *
 * Each docket group lists detained people first. Their deadlines were read
 * from deadlines_docket, every open deadline by date, skipping the others:
 * with one person in twelve detained, 200 detained rows of the 30-day group
 * meant walking about 2 500 index entries. This index holds only the open
 * deadlines of detained people, with the same columns in the same order, so
 * the detained rows of a page, and their count, are read straight off it.
 * It costs an entry for an open deadline of a detained person only (the
 * `detained` copy is kept by the triggers of migration 0003).
 */
export const m0020: Migration = {
  version: 20,
  name: 'docket-detained',
  up(db) {
    db.exec(`
      CREATE INDEX deadlines_docket_detained ON deadlines(due, id, person_id, person_name, detained, assignee, case_type, case_id,
        rule_id, source, label, computed_due, rule_due, override_due, citation, verify, flags) WHERE status = 'open' AND detained = 1;
    `);
  },
};
