import type { Migration } from '../migrate';

/**
 * Reports (issue 13): trainings, case closings with funder codes, the
 * clinic's own codes, and the indexes that let the caseload dashboard answer
 * from indexes alone at 100 000 people and 1 000 000 deadlines.
 *
 * - `trainings`: a "know your rights" training (date, place, organizer); an
 *   intake may be tagged with one (`people.training_id`).
 * - `case_closings`: one row per closed case: the closing date and outcome,
 *   and where the clinic reports to LSC the CSR closure category and problem
 *   code (resources/reports/lsc-csr-2017.json), plus codes of other funders
 *   as JSON {funder: code}. A row for a case that was reopened since stays as
 *   history; reports count only cases whose status is still 'closed'.
 * - `report_codes`: codes a clinic adds for other funders (VOCA, a state
 *   bar foundation) or to extend a shipped list.
 */
export const m0006: Migration = {
  version: 6,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE trainings (
        id          TEXT PRIMARY KEY,
        date        TEXT NOT NULL,
        place       TEXT NOT NULL,
        organizer   TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trainings_date ON trainings(date);

      ALTER TABLE people ADD COLUMN training_id TEXT REFERENCES trainings(id) ON DELETE SET NULL;
      CREATE INDEX people_training ON people(training_id) WHERE training_id IS NOT NULL AND merged_into IS NULL;

      CREATE TABLE case_closings (
        case_id           TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        closed_on         TEXT NOT NULL,
        outcome           TEXT NOT NULL,
        closure_category  TEXT,
        problem_code      TEXT,
        -- JSON {funder: code} for funders other than LSC.
        funder_codes      TEXT NOT NULL DEFAULT '{}',
        recorded_at       TEXT NOT NULL,
        recorded_by       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_closings_date ON case_closings(closed_on, case_id);

      CREATE TABLE report_codes (
        funder      TEXT NOT NULL,
        list        TEXT NOT NULL CHECK (list IN ('closure', 'problem')),
        code        TEXT NOT NULL,
        label_en    TEXT NOT NULL,
        label_es    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        PRIMARY KEY (funder, list, code)
      ) STRICT, WITHOUT ROWID;

      -- The dashboard's counts, each from a covering index (no table row read).
      CREATE INDEX cases_report ON cases(status, type, assigned_to);
      CREATE INDEX cases_report_hearing ON cases(hearing_date, hearing_kind, person_id, status) WHERE hearing_date IS NOT NULL;
      CREATE INDEX people_report_detained ON people(detained, facility, json_extract(data, '$.detention.dateDetained'))
        WHERE merged_into IS NULL;
      CREATE INDEX people_report_created ON people(created_at) WHERE merged_into IS NULL;
      CREATE INDEX people_report_tps ON people(json_extract(data, '$.history.tpsCountry')) WHERE merged_into IS NULL;
      CREATE INDEX deadlines_report_done ON deadlines(due, done_at) WHERE status = 'done';
      CREATE INDEX deadlines_report_tps ON deadlines(tps_ref, due, person_id) WHERE tps_ref IS NOT NULL AND status = 'open';
    `);
  },
};
