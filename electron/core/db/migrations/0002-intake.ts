import type { Migration } from '../migrate';

/**
 * People, cases, drafts, duplicate decisions and the search index.
 * The full record lives in `data` (JSON, validated by shared/schemas/intake);
 * the columns beside it are copies kept for lists, filters and sorting.
 */
export const m0002: Migration = {
  version: 2,
  name: 'intake',
  up(db) {
    db.exec(`
      -- seq is a stable integer key for the FTS5 index (a plain rowid may be renumbered by VACUUM).
      CREATE TABLE people (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        given_name      TEXT NOT NULL,
        family_name     TEXT NOT NULL,
        dob             TEXT,
        approx_age      INTEGER,
        a_number        TEXT,
        phone           TEXT,
        country_of_birth TEXT,
        detained        INTEGER NOT NULL DEFAULT 0,
        facility        TEXT,
        booking_number  TEXT,
        next_hearing    TEXT,
        assigned_to     TEXT,
        data            TEXT NOT NULL,
        version         INTEGER NOT NULL DEFAULT 1,
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        merged_into     TEXT REFERENCES people(id)
      ) STRICT;
      CREATE INDEX people_a_number ON people(a_number) WHERE a_number IS NOT NULL;
      CREATE INDEX people_family ON people(family_name COLLATE NOCASE);
      CREATE INDEX people_detained ON people(detained, next_hearing);
      CREATE INDEX people_hearing ON people(next_hearing) WHERE next_hearing IS NOT NULL;
      CREATE INDEX people_booking ON people(booking_number) WHERE booking_number IS NOT NULL;

      CREATE TABLE cases (
        id            TEXT PRIMARY KEY,
        person_id     TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        type          TEXT NOT NULL,
        status        TEXT NOT NULL,
        court         TEXT,
        judge         TEXT,
        hearing_date  TEXT,
        hearing_time  TEXT,
        hearing_kind  TEXT,
        assigned_to   TEXT,
        outcome       TEXT,
        data          TEXT NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_person ON cases(person_id);
      CREATE INDEX cases_hearing ON cases(hearing_date) WHERE hearing_date IS NOT NULL;

      -- Keys for finding duplicate candidates (shared/intake/duplicates nameKeys).
      CREATE TABLE person_keys (
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        key       TEXT NOT NULL,
        PRIMARY KEY (key, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX person_keys_person ON person_keys(person_id);

      CREATE TABLE duplicate_decisions (
        id          TEXT PRIMARY KEY,
        person_id   TEXT NOT NULL,
        other_id    TEXT NOT NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('new-person', 'same-person', 'needs-review')),
        decided_at  TEXT NOT NULL,
        decided_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX duplicate_decisions_person ON duplicate_decisions(person_id);

      -- Unsaved intake forms, so a crash or a killed process loses at most seconds of typing.
      CREATE TABLE drafts (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        data        TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      ) STRICT;

      -- Accent-free full-text index inside the encrypted database. Its text is
      -- written by the people service, since it is derived from the JSON record.
      CREATE VIRTUAL TABLE people_fts USING fts5(
        person_id UNINDEXED,
        names,
        numbers,
        tokenize = 'unicode61 remove_diacritics 2',
        -- Prefix indexes make search-as-you-type fast from the first letters.
        prefix = '1 2 3'
      );
    `);
  },
};
