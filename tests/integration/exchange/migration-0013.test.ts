import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openEncrypted, closeDb } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/env';

let cleanup = () => {};
afterEach(() => cleanup());

const NOW = '2026-03-02T10:00:00.000Z';

describe('migration 0013: the change log records a person per field', () => {
  it('a vault recording whole records (as 0007 left it) records field paths after 0013', () => {
    const t = tempDir();
    const db = openEncrypted(join(t.dir, 'm.db'), randomBytes(32));
    cleanup = () => {
      closeDb(db);
      t.cleanup();
    };
    const v13 = migrations.findIndex((m) => m.version === 13);
    migrate(db, migrations.slice(0, v13));
    // Stand-in for a vault whose triggers were installed by the old code: a whole-column update trigger.
    db.exec(`DROP TRIGGER xchg_people_update;
      CREATE TRIGGER xchg_people_update AFTER UPDATE ON people WHEN OLD.data IS NOT NEW.data BEGIN
        UPDATE exchange_state SET seq = seq + 1, hlc = hlc + 1;
        INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev)
          SELECT device_id, seq, hlc, 'people', NEW.id, 'update', json_object('data', NEW.data), '{}' FROM exchange_state;
      END;`);
    const data = (phone: string) => JSON.stringify({ person: { givenName: 'Rosa', familyName: 'Quispe', aliases: [], phone }, notes: '' });
    db.prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES ('p1', 'Rosa', 'Quispe', ?, ?, 'x', ?, 'x')`,
    ).run(data('555-123-4567'), NOW, NOW);
    const lastFields = () =>
      Object.keys(
        JSON.parse((db.prepare('SELECT fields FROM changes ORDER BY seq DESC LIMIT 1').get() as { fields: string }).fields) as object,
      );
    db.prepare('UPDATE people SET data = ? WHERE id = ?').run(data('555-987-6543'), 'p1');
    expect(lastFields()).toEqual(['data']);
    migrate(db, migrations.slice(0, v13 + 1));
    db.prepare('UPDATE people SET data = ? WHERE id = ?').run(data('555-000-1111'), 'p1');
    expect(lastFields()).toEqual(['data.person.phone']);
    const prev = JSON.parse((db.prepare('SELECT prev FROM changes ORDER BY seq DESC LIMIT 1').get() as { prev: string }).prev) as object;
    expect(Object.keys(prev)).toEqual(['data.person.phone']);
  });
});
