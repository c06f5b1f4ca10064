import type { Migration } from '../migrate';

/**
 * The docket's assignee filter offers everyone with open work in the range
 * shown. Read from the docket's own index (by date), that was a walk over
 * every open deadline up to the range's end, 5 400 entries in the
 * million-deadline bench and a tenth of the docket's time (issue 17). By
 * assignee, it is a skip from one name to the next and one probe each for a
 * date in range: a few dozen index seeks for a clinic's staff. Narrow and
 * partial (open deadlines with an assignee), so a deadline written costs one
 * small entry more.
 */
export const m0019: Migration = {
  version: 19,
  name: 'docket-assignees',
  up(db) {
    db.exec(`CREATE INDEX deadlines_open_assignee ON deadlines(assignee, due) WHERE status = 'open' AND assignee IS NOT NULL`);
  },
};
