import type { Migration } from '../migrate';

/**
 * Hearings on the docket. A scheduled hearing is an event (hearing-scheduled,
 * or a hearing-moved entered on its own), and the docket asks for them by
 * date across the whole vault: without this index that is a scan of every
 * event ever entered. Partial, so it holds hearings only.
 */
export const m0005: Migration = {
  version: 5,
  name: 'docket-hearings',
  up(db) {
    db.exec(`
      CREATE INDEX events_hearings ON events(date, id) WHERE kind IN ('hearing-scheduled', 'hearing-moved');
      -- Is this hearing replaced by a move entered on its own? Asked for every hearing shown: moves are
      -- few, so a probe of this small index usually finds nothing and reads no event row.
      CREATE INDEX events_moves ON events(person_id, case_id) WHERE kind = 'hearing-moved';
    `);
  },
};
