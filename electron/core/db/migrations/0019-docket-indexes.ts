import type { Migration } from '../migrate';

/**
 * The docket at a million deadlines (issue 17).
 *
 * The assignee filter offers everyone with open work in the range shown.
 * Read from the docket's own index (by date), that was a walk over every open
 * deadline up to the range's end: 5 400 entries in the million-deadline
 * bench, a tenth of the docket's time. By assignee, it is a skip from one
 * name to the next and one probe each for a date in range: a few dozen index
 * seeks for a clinic's staff. Narrow and partial (open deadlines with an
 * assignee), so a deadline written costs one small entry more.
 *
 * Hearings were found by date in events_hearings and then read from the
 * events table one by one: a random page of a large table per hearing, and
 * under SQLCipher a page decrypted per cache miss (442 ms for the 5 783
 * future hearings of "all open", 76 µs each). The index now holds every
 * column the hearing reads take from the event, so the hearings of a range
 * are read from consecutive index pages. It stays partial: hearings only.
 */
export const m0019: Migration = {
  version: 19,
  name: 'docket-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX deadlines_open_assignee ON deadlines(assignee, due) WHERE status = 'open' AND assignee IS NOT NULL;
      DROP INDEX events_hearings;
      CREATE INDEX events_hearings ON events(date, id, person_id, case_id, kind, details, version, updated_at)
        WHERE kind IN ('hearing-scheduled', 'hearing-moved');
    `);
  },
};
