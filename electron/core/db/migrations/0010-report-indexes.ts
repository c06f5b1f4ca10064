import type { Migration } from '../migrate';

/**
 * Reports (issue 13), second pass: indexes that make every dashboard count
 * an index search, measured with EXPLAIN QUERY PLAN at 100 000 people and
 * 1 000 000 deadlines (`npm run bench -- reports`).
 *
 * - `deadlines_report_late`: "done late" was a scan of the ~1M finished
 *   deadlines comparing text dates (0.6 to 0.9 s). The comparison itself is
 *   the key here, so the count reads only the entries where it is true;
 *   it replaces deadlines_report_done, which only that count used.
 * - `people_report_detention`: days in detention grouped by the detention
 *   date; the planner took people_detained and read every detained row's
 *   JSON. Keyed by the expression (and merged_into, so nothing else is read).
 * - `people_report_detained_ids`: the ids of detained people, for the
 *   hearings chart, instead of a lookup of each case's person row.
 * - `people_report_created` again with merged_into in the key, so weekly
 *   intake counts never read a row.
 */
export const m0010: Migration = {
  version: 10,
  name: 'report-indexes',
  up(db) {
    db.exec(`
      DROP INDEX deadlines_report_done;
      CREATE INDEX deadlines_report_late ON deadlines((substr(done_at, 1, 10) > due)) WHERE status = 'done';
      CREATE INDEX people_report_detention ON people(detained, json_extract(data, '$.detention.dateDetained'), merged_into)
        WHERE merged_into IS NULL;
      CREATE INDEX people_report_detained_ids ON people(detained, id, merged_into) WHERE merged_into IS NULL;
      DROP INDEX people_report_created;
      CREATE INDEX people_report_created ON people(created_at, merged_into) WHERE merged_into IS NULL;
    `);
  },
};
