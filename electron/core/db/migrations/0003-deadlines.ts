import type { Migration } from '../migrate';

/**
 * Case events, the deadlines they imply, TPS datasets and the TPS work queue.
 *
 * - `events` are facts with a date (a hearing set, a decision served). Their
 *   deadlines are rows in `deadlines` with `event_id` set and `rule_id` naming
 *   the engine rule; editing an event rewrites exactly those rows.
 * - `deadlines.due` is the effective date: the override when there is one,
 *   the computed date otherwise (a CHECK keeps the two in step). The computed
 *   date, the rule's later reading and the trail stay beside it.
 * - `person_name`, `detained`, `assignee` and `case_type` are copies for the
 *   docket, kept in step with people and cases by the triggers below. With
 *   them the docket is answered from one covering partial index: no table
 *   row and no person row is read (a 1M-row vault with SQLCipher's small
 *   default page cache stays far under 50 ms).
 * - `tps_dirty` is a queue of people whose TPS country or status changed: the
 *   people service knows nothing of deadlines, so a trigger notes the change
 *   and the deadlines service catches up before it answers.
 */
export const m0003: Migration = {
  version: 3,
  name: 'deadlines',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id          TEXT PRIMARY KEY,
        person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        case_id     TEXT REFERENCES cases(id) ON DELETE SET NULL,
        kind        TEXT NOT NULL CHECK (kind IN (
                      'hearing-scheduled', 'hearing-moved', 'ij-decision-oral', 'ij-decision-written', 'bia-decision',
                      'uscis-notice', 'detained', 'released', 'last-arrival', 'vd-granted', 'tps-reregistration-opened',
                      'filing-served', 'address-changed', 'final-order', 'cfi-negative')),
        date        TEXT NOT NULL,
        details     TEXT NOT NULL DEFAULT '{}',
        version     INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_person ON events(person_id, date);
      CREATE INDEX events_case ON events(case_id) WHERE case_id IS NOT NULL;

      CREATE TABLE deadlines (
        id              TEXT PRIMARY KEY,
        person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        case_id         TEXT REFERENCES cases(id) ON DELETE SET NULL,
        event_id        TEXT REFERENCES events(id) ON DELETE CASCADE,
        rule_id         TEXT,
        -- 'SV:re-registration-close': which dataset date a TPS deadline follows.
        tps_ref         TEXT,
        source          TEXT NOT NULL CHECK (source IN ('rule', 'manual', 'tps')),
        -- JSON {en, es}
        label           TEXT NOT NULL,
        due             TEXT NOT NULL,
        computed_due    TEXT NOT NULL,
        rule_due        TEXT,
        closure_due     TEXT,
        override_due    TEXT,
        override_reason TEXT,
        -- computed_due when the override was entered: a later difference means the computation moved under it.
        override_base   TEXT,
        override_at     TEXT,
        override_by     TEXT,
        -- JSON {en: [...], es: [...]}: the computation, step by step. '' for TPS dataset rows,
        -- whose trail is the same for everyone with that country and lives once in tps_texts under sig.
        trail           TEXT NOT NULL,
        citation        TEXT NOT NULL,
        -- JSON {en, es}; NULL for rule deadlines, whose note is the rule's own (shown from the rule).
        note            TEXT,
        verify          INTEGER NOT NULL DEFAULT 0,
        -- JSON array: engine flags plus 'override-stale', 'changed-after-done'.
        flags           TEXT NOT NULL DEFAULT '[]',
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_at         TEXT,
        done_by         TEXT,
        person_name     TEXT NOT NULL DEFAULT '',
        detained        INTEGER NOT NULL DEFAULT 0,
        assignee        TEXT,
        case_type       TEXT,
        -- TPS dataset rows: fingerprint of label, trail, citation and verify (key of tps_texts), so an import compares without reading texts.
        sig             TEXT,
        version         INTEGER NOT NULL DEFAULT 1,
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        CHECK (due = coalesce(override_due, computed_due)),
        CHECK ((override_due IS NULL) = (override_reason IS NULL)),
        CHECK ((status = 'done') = (done_at IS NOT NULL)),
        CHECK (source <> 'rule' OR (rule_id IS NOT NULL AND event_id IS NOT NULL)),
        CHECK (source <> 'manual' OR (event_id IS NULL AND rule_id IS NULL))
      ) STRICT;
      -- The docket and reminders: open deadlines by date, covering every column they show.
      -- Queries must say status = 'open' literally to use it.
      CREATE INDEX deadlines_docket ON deadlines(due, id, person_id, person_name, detained, assignee, case_type, case_id, rule_id, source,
        label, computed_due, rule_due, override_due, citation, verify, flags) WHERE status = 'open';
      CREATE INDEX deadlines_person ON deadlines(person_id, due);
      CREATE UNIQUE INDEX deadlines_event_rule ON deadlines(event_id, rule_id) WHERE event_id IS NOT NULL;
      CREATE INDEX deadlines_case ON deadlines(case_id) WHERE case_id IS NOT NULL;
      CREATE UNIQUE INDEX deadlines_tps ON deadlines(person_id, tps_ref) WHERE tps_ref IS NOT NULL;

      -- Imported TPS datasets, newest id last. The shipped file is not copied here.
      CREATE TABLE tps_datasets (
        id           TEXT PRIMARY KEY,
        as_of        TEXT NOT NULL,
        data         TEXT NOT NULL,
        imported_at  TEXT NOT NULL,
        imported_by  TEXT NOT NULL
      ) STRICT;

      -- The trail of TPS dataset deadlines, once per distinct text.
      CREATE TABLE tps_texts (
        sig    TEXT PRIMARY KEY,
        trail  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tps_dirty (
        person_id TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER people_tps_insert AFTER INSERT ON people
      WHEN json_extract(NEW.data, '$.history.tpsCountry') IS NOT NULL
      BEGIN
        INSERT OR IGNORE INTO tps_dirty(person_id) VALUES (NEW.id);
      END;

      CREATE TRIGGER people_tps_update AFTER UPDATE OF data ON people
      WHEN json_extract(OLD.data, '$.history.tpsCountry') IS NOT json_extract(NEW.data, '$.history.tpsCountry')
        OR json_extract(OLD.data, '$.history.tpsStatus') IS NOT json_extract(NEW.data, '$.history.tpsStatus')
      BEGIN
        INSERT OR IGNORE INTO tps_dirty(person_id) VALUES (NEW.id);
      END;

      -- A merge moves events and deadlines to the kept record; TPS deadlines are recomputed for it.
      CREATE TRIGGER people_merge_deadlines AFTER UPDATE OF merged_into ON people
      WHEN NEW.merged_into IS NOT NULL AND OLD.merged_into IS NULL
      BEGIN
        -- Open, untouched TPS dates are recomputed for the kept person; work
        -- done or overridden stays as history, detached from the dataset.
        DELETE FROM deadlines WHERE person_id = NEW.id AND tps_ref IS NOT NULL AND status = 'open' AND override_due IS NULL;
        UPDATE deadlines SET tps_ref = NULL WHERE person_id = NEW.id AND tps_ref IS NOT NULL;
        UPDATE events SET person_id = NEW.merged_into WHERE person_id = NEW.id;
        UPDATE deadlines SET person_id = NEW.merged_into,
          detained = (SELECT detained FROM people WHERE id = NEW.merged_into),
          person_name = (SELECT trim(given_name || ' ' || family_name) FROM people WHERE id = NEW.merged_into)
          WHERE person_id = NEW.id;
        INSERT OR IGNORE INTO tps_dirty(person_id) VALUES (NEW.merged_into);
      END;

      CREATE TRIGGER people_name_copy AFTER UPDATE OF given_name, family_name ON people
      WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
      BEGIN
        UPDATE deadlines SET person_name = trim(NEW.given_name || ' ' || NEW.family_name) WHERE person_id = NEW.id;
      END;

      CREATE TRIGGER people_detained_copy AFTER UPDATE OF detained ON people
      WHEN OLD.detained IS NOT NEW.detained
      BEGIN
        UPDATE deadlines SET detained = NEW.detained WHERE person_id = NEW.id;
      END;

      CREATE TRIGGER people_assignee_copy AFTER UPDATE OF assigned_to ON people
      WHEN OLD.assigned_to IS NOT NEW.assigned_to
      BEGIN
        UPDATE deadlines SET assignee = NEW.assigned_to
          WHERE person_id = NEW.id
            AND (case_id IS NULL OR (SELECT c.assigned_to FROM cases c WHERE c.id = deadlines.case_id) IS NULL);
      END;

      CREATE TRIGGER cases_copy AFTER UPDATE OF assigned_to, type ON cases
      WHEN OLD.assigned_to IS NOT NEW.assigned_to OR OLD.type IS NOT NEW.type
      BEGIN
        UPDATE deadlines SET
          assignee = coalesce(NEW.assigned_to, (SELECT assigned_to FROM people WHERE id = NEW.person_id)),
          case_type = NEW.type
          WHERE case_id = NEW.id;
      END;
    `);
  },
};
