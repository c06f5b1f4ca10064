import type { Migration } from '../migrate';

/**
 * Whether each duplicate key's holder has an A-number (issue 17).
 *
 * Two people holding different A-numbers are only ever a possible match
 * when born the same day (OTHER_A_NUMBER_NEEDS_SAME_DOB in
 * shared/intake/duplicates.ts), and everyone born that day is compared
 * anyway (migration 0021). So when the record checked has an A-number, the
 * name candidates worth comparing are the people without one. In a vault
 * where most people have an A-number, each row of an import still compared
 * up to 200 of them, nearly all coming out "no match": that was most of a
 * large import's time. The flag sits in the key's own primary key, after the
 * key, so "holders of this key without an A-number" is one index range.
 *
 * The flag is the same test the writers use: the person's keys include an
 * A-number key (`a:`), which nameKeys adds exactly when the A-number is valid.
 * Those holders are read once (one range of the key index) rather than
 * looked up again for every key row: the migration runs at unlock.
 */
export const m0024: Migration = {
  version: 24,
  name: 'duplicate-keys-a-number',
  up(db) {
    db.exec(`
      CREATE TABLE person_keys_new (
        person_id    TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        key          TEXT NOT NULL,
        has_a_number INTEGER NOT NULL CHECK (has_a_number IN (0, 1)),
        PRIMARY KEY (key, has_a_number, person_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO person_keys_new(person_id, key, has_a_number)
        SELECT person_id, key, person_id IN (SELECT person_id FROM person_keys WHERE key GLOB 'a:*') FROM person_keys;
      DROP TABLE person_keys;
      ALTER TABLE person_keys_new RENAME TO person_keys;
      CREATE INDEX person_keys_person ON person_keys(person_id);
    `);
  },
};
