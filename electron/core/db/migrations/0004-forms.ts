import type { Migration } from '../migrate';

/**
 * PDF form templates, the history of filled forms, and app settings.
 *
 * - `form_templates.blank` is the DECRYPTED blank (qpdf, XFA removed). It is not
 *   client data, but keeping it in the vault means no fill ever needs a file
 *   outside it, and nothing sits in temp folders. `blank_sha256` is the hash
 *   of the file as the user downloaded it: the edition's identity.
 * - `map` is the field map JSON (shared/forms/map-schema.ts), NULL until a
 *   blank no shipped map recognises has been mapped. `status` is 'draft' until
 *   the map is known to fit this blank (a shipped map whose sha256 matches, or
 *   one the user saved against these fields).
 * - `form_fills` is the case history: who produced which form and edition for
 *   whom, when, and the SHA-256 of the bytes handed out, so a printed or
 *   filed copy can be matched to its record. Never the PDF itself.
 * - `settings` holds small JSON values the clinic sets once (the attorney
 *   block for G-28 lives under key 'forms.attorney').
 */
export const m0004: Migration = {
  version: 4,
  name: 'forms',
  up(db) {
    db.exec(`
      CREATE TABLE form_templates (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        -- 'g-28', 'i-589', or 'custom' for a blank no shipped map recognised.
        form          TEXT NOT NULL,
        edition       TEXT,
        file_name     TEXT,
        blank         BLOB NOT NULL,
        blank_sha256  TEXT NOT NULL CHECK (length(blank_sha256) = 64),
        page_count    INTEGER NOT NULL,
        -- JSON: FieldInfo[] of the blank.
        fields        TEXT NOT NULL,
        -- JSON: FieldMap, or NULL while nothing is mapped.
        map           TEXT,
        -- JSON: how the shipped maps matched at import ({ form, edition, exact, missing, added } or null).
        match         TEXT,
        status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        CHECK (status = 'draft' OR map IS NOT NULL)
      ) STRICT;
      CREATE INDEX form_templates_form ON form_templates(form, status);
      CREATE INDEX form_templates_sha ON form_templates(blank_sha256);

      CREATE TABLE form_fills (
        id             TEXT PRIMARY KEY,
        person_id      TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        template_id    TEXT REFERENCES form_templates(id) ON DELETE SET NULL,
        case_id        TEXT REFERENCES cases(id) ON DELETE SET NULL,
        -- 'fill': a form for use; 'test': a trial fill from the mapper; 'summary': the intake summary sheet.
        kind           TEXT NOT NULL CHECK (kind IN ('fill', 'test', 'summary')),
        form           TEXT NOT NULL,
        edition        TEXT,
        blank_sha256   TEXT,
        output_sha256  TEXT NOT NULL CHECK (length(output_sha256) = 64),
        page_count     INTEGER,
        flattened      INTEGER NOT NULL DEFAULT 0,
        edition_mismatch INTEGER NOT NULL DEFAULT 0,
        overflow_count INTEGER NOT NULL DEFAULT 0,
        warning_count  INTEGER NOT NULL DEFAULT 0,
        filled_at      TEXT NOT NULL,
        filled_by      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX form_fills_person ON form_fills(person_id, filled_at);
      CREATE INDEX form_fills_template ON form_fills(template_id) WHERE template_id IS NOT NULL;

      -- A merge moves the form history to the kept record, as it does events and deadlines.
      CREATE TRIGGER people_merge_form_fills AFTER UPDATE OF merged_into ON people
      WHEN NEW.merged_into IS NOT NULL AND OLD.merged_into IS NOT NEW.merged_into
      BEGIN
        UPDATE form_fills SET person_id = NEW.merged_into WHERE person_id = NEW.id;
      END;

      CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
