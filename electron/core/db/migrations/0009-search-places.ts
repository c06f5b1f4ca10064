import type { Migration } from '../migrate';
import { searchText } from '../../intake/search-text';
import type { PersonData } from '../../intake/records';

/**
 * Search by detention facility (issue 8): "who do we have at Otay Mesa?".
 * The FTS5 index of 0002 has names and numbers only, and an FTS5 table takes
 * no new column, so it is built again with a `places` column and refilled
 * from every record (the index holds derived text only: nothing is lost).
 * Its text comes from the people service's own searchText, so rows written
 * here and rows written by later saves are the same.
 */
export const m0009: Migration = {
  version: 9,
  name: 'search-places',
  up(db) {
    db.exec(`
      DROP TABLE people_fts;
      CREATE VIRTUAL TABLE people_fts USING fts5(
        person_id UNINDEXED,
        names,
        numbers,
        places,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
    const insert = db.prepare('INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (?, ?, ?, ?, ?)');
    // Read in pages (a connection cannot write while it iterates), so 100 000 records never sit in memory at once.
    const page = db.prepare('SELECT seq, id, data FROM people WHERE merged_into IS NULL AND seq > ? ORDER BY seq LIMIT 1000');
    for (let after = 0; ;) {
      const rows = page.all(after) as Array<{ seq: number; id: string; data: string }>;
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.seq;
      for (const r of rows) {
        const t = searchText(JSON.parse(r.data) as PersonData);
        insert.run(r.seq, r.id, t.names, t.numbers, t.places);
      }
    }
  },
};
