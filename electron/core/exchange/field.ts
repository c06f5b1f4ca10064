/**
 * Field devices (a training's volunteer laptops): each saved intake is
 * sealed to the clinic's public key (a fresh X25519 pair per intake,
 * HKDF, AES-256-GCM) and the plaintext is erased in the same transaction.
 * The laptop keeps only sealed blobs it cannot open itself, so a seized
 * field laptop yields counts, not names; a member device opens them on
 * import.
 */
import type { PersonView } from '../../../shared/views';
import type { Ctx } from '../context';
import { newId } from '../context';
import type { FeatureHandlers } from '../handlers';
import { sealTo } from './crypto';
import { membership, type Membership } from './clinic';

/** Seals one saved person (and the cases saved with them) and erases every plaintext trace of them. */
export function sealSavedPerson(ctx: Ctx, m: Membership, personId: string): string {
  const db = ctx.db;
  const person = db.prepare('SELECT seq, data FROM people WHERE id = ?').get(personId) as { seq: number; data: string };
  const cases = (db.prepare('SELECT data FROM cases WHERE person_id = ? ORDER BY id').all(personId) as Array<{ data: string }>).map(
    (c) => JSON.parse(c.data) as unknown,
  );
  const payload = Buffer.from(JSON.stringify({ data: JSON.parse(person.data) as unknown, cases }));
  const id = newId();
  db.prepare('INSERT INTO sealed_intakes(id, sealed, created_at) VALUES (?, ?, ?)').run(id, sealTo(m.clinicSealPub, payload), ctx.now());
  payload.fill(0);
  db.prepare('DELETE FROM people_fts WHERE rowid = ?').run(person.seq);
  db.prepare('DELETE FROM duplicate_decisions WHERE person_id = ? OR other_id = ?').run(personId, personId);
  // Cascades to cases, events, deadlines and duplicate keys.
  db.prepare('DELETE FROM people WHERE id = ?').run(personId);
  // A field device sends no changes: the log the triggers just wrote (with the fields) goes too.
  db.exec('DELETE FROM changes; DELETE FROM row_clock; DELETE FROM tombstones;');
  // FTS5 keeps deleted tokens in old segments until they merge: merge now.
  db.exec(`INSERT INTO people_fts(people_fts) VALUES ('optimize')`);
  return id;
}

/**
 * Wraps the intake handlers: on a field device a saved intake is sealed in
 * the same transaction, and the answer carries its id and no name. On any
 * other vault the handlers run as they are.
 */
export function sealingOnFieldDevice(handlers: FeatureHandlers<'intake'>, ctx: () => Ctx): FeatureHandlers<'intake'> {
  const wrap = <K extends keyof FeatureHandlers<'intake'>>(name: K): FeatureHandlers<'intake'>[K] =>
    ((input: Parameters<FeatureHandlers<'intake'>[K]>[0]) => {
      const c = ctx();
      const m = membership(c.db);
      const inner = handlers[name] as (i: typeof input) => PersonView;
      if (m?.role !== 'field') return inner(input);
      // Freed pages are overwritten, so an erased name is not left in the database file's free space.
      c.db.pragma('secure_delete = ON');
      return c.db.transaction(() => {
        const view = inner(input);
        const sealedId = sealSavedPerson(c, m, view.id);
        return { id: sealedId, sealed: true } as unknown as PersonView;
      })();
    }) as FeatureHandlers<'intake'>[K];
  return { 'intake.createQuick': wrap('intake.createQuick'), 'intake.createFull': wrap('intake.createFull') };
}
