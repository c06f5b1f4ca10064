import { describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const person = (d: DB, id: string) =>
  d
    .prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES (?, 'A', 'B', '{}', 'now', 't', 'now', 't')`,
    )
    .run(id);
const fill = (d: DB, id: string, personId: string, templateId: string | null = null) =>
  d
    .prepare(
      `INSERT INTO form_fills(id, person_id, template_id, kind, form, output_sha256, filled_at, filled_by) VALUES (?, ?, ?, 'fill', 'g-28', ?, 'now', 't')`,
    )
    .run(id, personId, templateId, 'a'.repeat(64));
const template = (d: DB, id: string, status: string, map: string | null) =>
  d
    .prepare(
      `INSERT INTO form_templates(id, name, form, blank, blank_sha256, page_count, fields, map, status, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'G-28', 'g-28', x'25504446', ?, 4, '[]', ?, ?, 'now', 't', 'now', 't')`,
    )
    .run(id, 'b'.repeat(64), map, status);

describe('migration 0004-forms', () => {
  it('upgrades a version-3 vault with people in it', () => {
    const d = at(3);
    person(d, 'p1');
    migrate(d);
    expect(schemaVersion(d)).toBeGreaterThanOrEqual(4);
    const names = (d.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(['form_templates', 'form_fills', 'settings', 'people_merge_form_fills']));
    fill(d, 'f1', 'p1');
    expect(d.prepare('SELECT count(*) AS n FROM form_fills').get()).toEqual({ n: 1 });
  });

  it('keeps templates honest: a ready template has a map; sha256 and kinds are checked', () => {
    const d = at(4);
    expect(() => template(d, 't1', 'ready', null)).toThrow(/CHECK/);
    template(d, 't2', 'draft', null);
    template(d, 't3', 'ready', '{}');
    person(d, 'p1');
    expect(() =>
      d
        .prepare(
          `INSERT INTO form_fills(id, person_id, kind, form, output_sha256, filled_at, filled_by) VALUES ('f', 'p1', 'other', 'x', ?, 'now', 't')`,
        )
        .run('a'.repeat(64)),
    ).toThrow(/CHECK/);
    expect(() =>
      d
        .prepare(
          `INSERT INTO form_fills(id, person_id, kind, form, output_sha256, filled_at, filled_by) VALUES ('f', 'p1', 'fill', 'x', 'short', 'now', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('moves the form history with a merge and keeps it when a template is deleted', () => {
    const d = at(4);
    person(d, 'keep');
    person(d, 'gone');
    template(d, 't1', 'ready', '{}');
    fill(d, 'f1', 'gone', 't1');
    d.prepare(`UPDATE people SET merged_into = 'keep' WHERE id = 'gone'`).run();
    expect(d.prepare(`SELECT person_id FROM form_fills WHERE id = 'f1'`).get()).toEqual({ person_id: 'keep' });
    d.prepare(`DELETE FROM form_templates WHERE id = 't1'`).run();
    expect(d.prepare(`SELECT template_id FROM form_fills WHERE id = 'f1'`).get()).toEqual({ template_id: null });
  });
});
