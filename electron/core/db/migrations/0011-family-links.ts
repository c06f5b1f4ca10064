import type { Migration } from '../migrate';

/**
 * A family member linked to their own record (issue 8): `family[i].personId`
 * in a person's data. The record the link points to shows it too ("listed as
 * family by …"), which needs the reverse direction without reading every
 * record's JSON: this derived table (person -> linked person), kept by the
 * people service with the search index and the duplicate keys. Nothing to
 * fill in: no record could carry a link before this version.
 */
export const m0011: Migration = {
  version: 11,
  name: 'family-links',
  up(db) {
    db.exec(`
      CREATE TABLE family_links (
        linked_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        PRIMARY KEY (linked_id, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX family_links_person ON family_links(person_id);
    `);
  },
};
