import type { Migration } from '../migrate';

/**
 * Search at a million people (issue 17). FTS5 answers a prefix query from a
 * prefix index of that length by reading one list, streamed and stopped
 * after the first page; a prefix longer than every prefix index is instead
 * answered by merging the full lists of every word it starts, all read
 * before the first row (at a million people, every García for "garc"); a
 * longer word still costs only as much as the words it starts.
 * The query mix people type (two and four letters, given plus family names,
 * "maria garc") is served by prefix indexes up to six characters. An FTS5
 * table cannot change its prefixes, so the index is copied into a new one
 * (derived text only, no record read) and takes the old one's name.
 */
export const m0014: Migration = {
  version: 14,
  name: 'search-prefixes',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE people_fts_next USING fts5(
        person_id UNINDEXED,
        names,
        numbers,
        places,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO people_fts_next(rowid, person_id, names, numbers, places)
        SELECT rowid, person_id, names, numbers, places FROM people_fts;
      INSERT INTO people_fts_next(people_fts_next) VALUES ('optimize');
      DROP TABLE people_fts;
      ALTER TABLE people_fts_next RENAME TO people_fts;
    `);
  },
};
