import type { Migration } from '../migrate';

/**
 * The docket's hearings as rows of their own, kept by triggers (issue 17).
 *
 * The docket read every hearing of its range (from the covering index of
 * 0019) and looked up each one's person and case, to know whether it is shown
 * at all (a merged-away person, a closed case, a hearing an unlinked move
 * replaced) and whether the person is detained, before it could put detained
 * people first and page: 476 hearings with two lookups each for a 30-day page,
 * where the rows shown were a few dozen. Deadlines have had their person's
 * facts copied onto them since 0003; this does the same for hearings.
 *
 * `docket_hearings` holds exactly the hearings `findHearings` (hearings.ts)
 * answers, with the person's and the case's facts the docket shows. It is
 * derived, local and never replicated (the exchange carries events, people
 * and cases, and every laptop derives its own copy, as it does deadlines).
 * Each trigger recomputes the copy for one person (or one case) from the
 * tables themselves, with the same rules as findHearings, rather than
 * patching columns: a hearing's visibility depends on the person's other events (a
 * move that replaces it), and one rule written once in SQL is simpler to
 * trust than a patch per column. A person has a handful of events, so a
 * recompute is a few index probes. A test compares the copy with
 * findHearings after every kind of change (tests/integration/deadlines).
 *
 * A later migration that rebuilds events, people or cases drops these
 * triggers with the table, and must create them again (TRIGGERS below).
 */
const KINDS = `('hearing-scheduled', 'hearing-moved')`;

/**
 * The shown hearings among the events `where` selects (through `index`), as findHearings selects them.
 * Every fact comes from the event's own person and case.
 */
const rowsOf = (where: string, index: string) => `
  INSERT INTO docket_hearings(id, person_id, case_id, date, hearing_kind, given_name, family_name, detained, assignee,
                              case_type, court, judge, time)
  SELECT e.id, e.person_id, e.case_id, e.date,
         CASE json_extract(e.details, '$.hearingKind') WHEN 'master' THEN 'master' WHEN 'individual' THEN 'individual' END,
         p.given_name, p.family_name, p.detained, coalesce(c.assigned_to, p.assigned_to),
         c.type, c.court, c.judge, CASE WHEN c.hearing_date = e.date THEN c.hearing_time END
  FROM events e INDEXED BY ${index}
  JOIN people p ON p.id = e.person_id
  LEFT JOIN cases c ON c.id = e.case_id
  WHERE ${where} AND e.kind IN ${KINDS}
    AND NOT (e.kind = 'hearing-moved' AND json_extract(e.details, '$.hearingEventId') IS NOT NULL)
    AND p.merged_into IS NULL
    AND (c.id IS NULL OR c.status <> 'closed')
    AND NOT EXISTS (
      SELECT 1 FROM events m INDEXED BY events_moves
      WHERE m.person_id = e.person_id AND m.kind = 'hearing-moved' AND m.case_id IS e.case_id AND m.id <> e.id
        AND json_extract(m.details, '$.hearingEventId') IS NULL AND json_extract(m.details, '$.previousDate') = e.date);`;

/** A person's hearings again: whether one is shown depends on the person's other events (a move replacing it). */
const refresh = (person: string) => `
  DELETE FROM docket_hearings WHERE person_id = ${person};
  ${rowsOf(`e.person_id = ${person}`, 'events_person')}`;

/** A case's hearings again: a case's facts decide nothing about events outside it. */
const refreshCase = (caseId: string) => `
  DELETE FROM docket_hearings WHERE id IN (SELECT id FROM events INDEXED BY events_case WHERE case_id = ${caseId});
  ${rowsOf(`e.case_id = ${caseId}`, 'events_case')}`;

export const TRIGGERS = `
  CREATE TRIGGER docket_hearings_event_insert AFTER INSERT ON events WHEN NEW.kind IN ${KINDS}
  BEGIN ${refresh('NEW.person_id')} END;

  CREATE TRIGGER docket_hearings_event_update AFTER UPDATE OF person_id, case_id, kind, date, details ON events
  WHEN OLD.kind IN ${KINDS} OR NEW.kind IN ${KINDS}
  BEGIN ${refresh('NEW.person_id')} END;

  -- A merge moves a person's events to the kept record: the one left behind keeps none.
  CREATE TRIGGER docket_hearings_event_moved AFTER UPDATE OF person_id ON events
  WHEN OLD.person_id IS NOT NEW.person_id AND OLD.kind IN ${KINDS}
  BEGIN ${refresh('OLD.person_id')} END;

  CREATE TRIGGER docket_hearings_event_delete AFTER DELETE ON events WHEN OLD.kind IN ${KINDS}
  BEGIN ${refresh('OLD.person_id')} END;

  CREATE TRIGGER docket_hearings_person AFTER UPDATE OF given_name, family_name, detained, assigned_to, merged_into ON people
  WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name OR OLD.detained IS NOT NEW.detained
    OR OLD.assigned_to IS NOT NEW.assigned_to OR OLD.merged_into IS NOT NEW.merged_into
  BEGIN ${refresh('NEW.id')} END;

  CREATE TRIGGER docket_hearings_person_delete AFTER DELETE ON people
  BEGIN DELETE FROM docket_hearings WHERE person_id = OLD.id; END;

  CREATE TRIGGER docket_hearings_case AFTER UPDATE OF type, status, court, judge, hearing_date, hearing_time, assigned_to ON cases
  WHEN OLD.type IS NOT NEW.type OR OLD.status IS NOT NEW.status OR OLD.court IS NOT NEW.court OR OLD.judge IS NOT NEW.judge
    OR OLD.hearing_date IS NOT NEW.hearing_date OR OLD.hearing_time IS NOT NEW.hearing_time OR OLD.assigned_to IS NOT NEW.assigned_to
  BEGIN ${refreshCase('NEW.id')} END;
`;

export const m0022: Migration = {
  version: 22,
  name: 'docket-hearings-copy',
  up(db) {
    db.exec(`
      CREATE TABLE docket_hearings (
        id            TEXT PRIMARY KEY,
        person_id     TEXT NOT NULL,
        case_id       TEXT,
        date          TEXT NOT NULL,
        hearing_kind  TEXT,
        given_name    TEXT NOT NULL,
        family_name   TEXT NOT NULL,
        detained      INTEGER NOT NULL,
        assignee      TEXT,
        case_type     TEXT,
        court         TEXT,
        judge         TEXT,
        time          TEXT
      ) STRICT;
      -- A page's rows in the docket's order, detained first, with every column: a group's count, its
      -- assignee choices and its page are read off this index alone (the table is the hearings only).
      CREATE INDEX docket_hearings_order ON docket_hearings(detained, date, id, assignee, case_type, person_id, case_id,
        hearing_kind, given_name, family_name, court, judge, time);
      CREATE INDEX docket_hearings_person ON docket_hearings(person_id);
      ${TRIGGERS}
    `);
    db.exec(rowsOf('1', 'events_hearings'));
  },
};
