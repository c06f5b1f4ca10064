/**
 * What a bench vault holds, for comparing one built by the bulk path with
 * one built through intake.createFull (people-vault tests).
 */
import { createCore, type Core } from '../../../electron/core/app';
import { BENCH_TODAY, draw, KDF, PASSPHRASE, recordOf, rng } from '../../bench/people-vault';

export async function open(dbPath: string): Promise<Core> {
  const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await core.call('vault.unlock', { passphrase: PASSPHRASE });
  return core;
}

/** Everything the search, list and docket benches read, keyed by insertion order rather than by random id. */
export function contents(core: Core) {
  const db = core.ctx().db;
  const all = (q: string) => db.prepare(q).all();
  return {
    schema: all(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`),
    people: all(
      `SELECT rowid, given_name, family_name, dob, approx_age, a_number, phone, country_of_birth, detained, facility, booking_number, assigned_to, data, version FROM people ORDER BY rowid`,
    )
      // Parsed: the bench's template lists a person's keys in another order than zod's parse; the stored values must match.
      .map((r) => ({ ...(r as object), data: JSON.parse((r as { data: string }).data) as unknown })),
    fts: all(
      `SELECT f.rowid, p.rowid AS person, f.names, f.numbers, f.places FROM people_fts f JOIN people p ON p.id = f.person_id ORDER BY f.rowid`,
    ),
    keys: all(`SELECT p.rowid AS person, k.key, k.has_a_number FROM person_keys k JOIN people p ON p.id = k.person_id ORDER BY 1, 2`),
    deadlines: all(
      `SELECT p.rowid AS person, d.rule_id, d.source, d.due, d.status, d.person_name, d.detained, d.case_type FROM deadlines d JOIN people p ON p.id = d.person_id ORDER BY 1, 2, 4`,
    ),
    events: all(`SELECT p.rowid AS person, e.kind, e.date FROM events e JOIN people p ON p.id = e.person_id ORDER BY 1, 2, 3`),
  };
}

/** The contents of a vault of the generator's first n people, each saved through intake.createFull. */
export async function viaIntake(dbPath: string, n: number): Promise<ReturnType<typeof contents>> {
  const intake = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await intake.call('vault.create', { passphrase: PASSPHRASE });
  const rand = rng(42);
  for (let i = 0; i < n; i++) {
    const { data, cases } = recordOf(draw(rand), i);
    await intake.call('intake.createFull', { intake: { ...data, cases, consent: { given: false } }, decisions: [] });
  }
  // Closed and reopened like the bench vault: closing runs PRAGMA optimize, which writes sqlite_stat1/4.
  intake.close();
  const reopened = await open(dbPath);
  const c = contents(reopened);
  reopened.close();
  return c;
}
