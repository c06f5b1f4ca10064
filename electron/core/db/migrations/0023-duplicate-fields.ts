import type { Migration } from '../migrate';

/**
 * The fields the duplicate check compares, in an index of their own (issue 17).
 *
 * Each row of an import is compared with up to 200 people. Reading them from
 * `people` was one random page per candidate (a person's row holds the whole
 * record), decrypted on every cache miss: in a vault of 60 000 people that
 * was 28.5 s of a 20 000-row file's duplicate check, and it grew with the
 * vault. This index holds the six compared fields (and whether the record was
 * merged away) in a few dozen bytes per person, so a vault's worth fits in a
 * few thousand pages and the candidates are read from it alone.
 */
export const m0023: Migration = {
  version: 23,
  name: 'duplicate-fields',
  up(db) {
    db.exec(`
      CREATE INDEX people_duplicate_fields ON people(id, merged_into, given_name, family_name, dob, a_number,
        json_extract(data, '$.person.aliases'));
    `);
  },
};
