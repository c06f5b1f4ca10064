/**
 * Issue 17's floor, shared by `bench -- bulk` and `bench -- exchange`: the
 * rows an import writes for a person (the person, its search row, its
 * duplicate keys, an audit row), computed before any clock starts, then
 * inserted raw with no service code in between.
 */
import type { DB } from '../../electron/core/db/connection';
import { newId } from '../../electron/core/context';
import { searchText } from '../../electron/core/intake/search-text';
import { personColumns } from '../../electron/core/intake/records';
import { INSERT_PERSON_KEY, personKeysOf } from '../../electron/core/intake/person-keys';
import { draw, recordOf } from './people-vault';

export type RawPerson = ReturnType<typeof rawPeople>[number];

/** n generated people (record numbers from `offset`), without cases, every value computed up front; `hasANumber(i)` false drops person i's. */
export function rawPeople(rand: () => number, n: number, offset = 0, hasANumber: (i: number) => boolean = () => true) {
  return Array.from({ length: n }, (_, i) => {
    const rec = recordOf(draw(rand), offset + i);
    rec.cases = [];
    if (!hasANumber(offset + i)) delete rec.data.person.aNumber;
    const p = rec.data.person;
    return {
      id: newId(),
      auditId: newId(),
      cols: personColumns(rec.data, []),
      data: JSON.stringify(rec.data),
      fts: searchText(rec.data),
      keys: personKeysOf(p),
    };
  });
}

/** Inserts the rows raw; the caller holds the transaction (and decides how many rows each one takes). */
export function insertRawPeople(db: DB, rows: readonly RawPerson[], now: string): void {
  const person = db.prepare(
    `INSERT INTO people(id, given_name, family_name, dob, approx_age, a_number, phone, country_of_birth, detained, facility, booking_number, assigned_to, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @given_name, @family_name, @dob, @approx_age, @a_number, @phone, @country_of_birth, @detained, @facility, @booking_number, @assigned_to, @data, 1, @now, 'bench', @now, 'bench')`,
  );
  const fts = db.prepare('INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (?, ?, ?, ?, ?)');
  const key = db.prepare(INSERT_PERSON_KEY);
  // The next place in the chain (seq is audit_log's key); the hashes are stand-ins of the right size.
  const audit = db.prepare(
    `INSERT INTO audit_log(id, at, actor, action, entity, entity_id, detail, seq, prev_hash, hash)
     VALUES (?, ?, 'bench', 'person.create', 'person', ?, NULL, (SELECT coalesce(max(seq), 0) + 1 FROM audit_log), ?, ?)`,
  );
  for (const r of rows) {
    const { lastInsertRowid } = person.run({ ...r.cols, id: r.id, data: r.data, now });
    fts.run(lastInsertRowid, r.id, r.fts.names, r.fts.numbers, r.fts.places);
    for (const k of r.keys.keys) key.run(r.id, k, r.keys.hasANumber);
    audit.run(r.auditId, now, r.id, 'x'.repeat(64), 'y'.repeat(64));
  }
}
