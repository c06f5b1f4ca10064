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
/**
 * A record as searchText reads it, whatever an older version stored: the
 * person and detention parts may be missing from records written before
 * they existed (the name columns always hold the name).
 */
function withParts(givenName: string, familyName: string | null, d: Partial<PersonData>): PersonData {
  return {
    ...d,
    person: { givenName, familyName: familyName ?? '', aliases: [], ...d.person },
    detention: { ...d.detention },
  } as PersonData;
}

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
    const page = db.prepare(
      'SELECT seq, id, given_name, family_name, data FROM people WHERE merged_into IS NULL AND seq > ? ORDER BY seq LIMIT 1000',
    );
    for (let after = 0; ;) {
      const rows = page.all(after) as Array<{ seq: number; id: string; given_name: string; family_name: string | null; data: string }>;
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.seq;
      for (const r of rows) {
        const t = searchText(withParts(r.given_name, r.family_name, JSON.parse(r.data) as Partial<PersonData>));
        insert.run(r.seq, r.id, t.names, t.numbers, t.places);
      }
    }
  },
};
