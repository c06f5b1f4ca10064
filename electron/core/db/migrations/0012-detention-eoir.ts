import type { Migration } from '../migrate';
import type { DB } from '../connection';
import { installChangeTriggers } from '../../exchange/schema';

/**
 * Issue 14, §1, §3 and §4:
 *
 * - Two event kinds: `asylum-filed` (the asylum application, which starts the
 *   EAD clock) and `asylum-clock-stop` (a delay the applicant caused, from the
 *   event's date to `details.to`). SQLite cannot change a CHECK constraint in
 *   place, so `events` is rebuilt (the documented create-copy-drop-rename
 *   procedure; `migrate` turns foreign keys off around it because this
 *   migration says so, and checks them before committing). Its indexes and
 *   triggers are recreated from their own stored SQL, then the change-log
 *   triggers are installed again for the new table.
 * - `eoir_checks`: what EOIR's automated case information said when a
 *   paralegal checked a person's A-number. Kept per person; a merge moves
 *   them to the kept record like events.
 *
 * The detention history lives in the person's record (`data.detention.history`),
 * so it needs no table.
 */
const OLD_KINDS = `'filing-served', 'address-changed', 'final-order', 'cfi-negative'))`;
const NEW_KINDS = `'filing-served', 'address-changed', 'final-order', 'cfi-negative', 'asylum-filed', 'asylum-clock-stop'))`;

function rebuildEvents(db: DB): void {
  const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'`).get() as { sql: string };
  if (!table.sql.includes(OLD_KINDS)) throw new Error('events table is not the one migration 0003 created');
  const dependents = db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'events' AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .all() as Array<{ type: string; name: string; sql: string }>;
  db.exec(table.sql.replace(/CREATE TABLE events\b/, 'CREATE TABLE events_new').replace(OLD_KINDS, NEW_KINDS));
  db.exec('INSERT INTO events_new SELECT * FROM events');
  db.exec('DROP TABLE events');
  // Other tables' triggers name `events` in their bodies; the legacy rename does not re-check them while it is missing.
  db.pragma('legacy_alter_table = ON');
  db.exec('ALTER TABLE events_new RENAME TO events');
  db.pragma('legacy_alter_table = OFF');
  for (const d of dependents) if (!d.name.startsWith('xchg_')) db.exec(d.sql);
}

export const m0012: Migration = {
  version: 12,
  name: 'detention-eoir',
  foreignKeysOff: true,
  up(db) {
    rebuildEvents(db);
    db.exec(`
      CREATE TABLE eoir_checks (
        id              TEXT PRIMARY KEY,
        person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        a_number        TEXT NOT NULL,
        checked_at      TEXT NOT NULL,
        checked_by      TEXT NOT NULL,
        channel         TEXT NOT NULL CHECK (channel IN ('hotline', 'portal')),
        -- What EOIR said; NULL where it said nothing (no hearing scheduled, no decision).
        hearing_date    TEXT,
        hearing_time    TEXT,
        hearing_kind    TEXT CHECK (hearing_kind IN ('master', 'individual')),
        judge           TEXT,
        court           TEXT,
        decision        TEXT,
        decision_date   TEXT,
        appeal_status   TEXT,
        notes           TEXT,
        -- Set when the case and its hearing event were updated from this check.
        applied_at      TEXT,
        applied_by      TEXT,
        applied_case    TEXT
      ) STRICT;
      CREATE INDEX eoir_checks_person ON eoir_checks(person_id, checked_at);

      CREATE TRIGGER people_merge_eoir AFTER UPDATE OF merged_into ON people
      WHEN NEW.merged_into IS NOT NULL AND OLD.merged_into IS NULL
      BEGIN
        UPDATE eoir_checks SET person_id = NEW.merged_into WHERE person_id = NEW.id;
      END;
    `);
    installChangeTriggers(db);
  },
};
