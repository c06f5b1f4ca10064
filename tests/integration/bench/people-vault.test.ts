/**
 * Issue 17: the bench's million-person vault is built by the bulk path
 * (insertPerson, many people per transaction). Its numbers only mean
 * something if that vault is the one intake would have written, so a small
 * vault built both ways must hold the same schema, rows, search index,
 * duplicate keys and deadlines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { BENCH_TODAY, buildPeopleVault, draw, KDF, PASSPHRASE, recordOf, rng, type Generated } from '../../bench/people-vault';

const N = 45;
const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(dbPath: string): Promise<Core> {
  const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await core.call('vault.unlock', { passphrase: PASSPHRASE });
  return core;
}

/** Everything the search, list and docket benches read, keyed by insertion order rather than by random id. */
function contents(core: Core) {
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
    keys: all(`SELECT p.rowid AS person, k.key FROM person_keys k JOIN people p ON p.id = k.person_id ORDER BY 1, 2`),
    deadlines: all(
      `SELECT p.rowid AS person, d.rule_id, d.source, d.due, d.status, d.person_name, d.detained, d.case_type FROM deadlines d JOIN people p ON p.id = d.person_id ORDER BY 1, 2, 4`,
    ),
    events: all(`SELECT p.rowid AS person, e.kind, e.date FROM events e JOIN people p ON p.id = e.person_id ORDER BY 1, 2, 3`),
  };
}

describe('the bench vault built by the bulk path', () => {
  it('holds what intake.createFull writes for the same people', async () => {
    const people: Generated[] = [];
    // A chunk of 20 spreads the 45 people over three transactions.
    await buildPeopleVault(join(dir, 'bulk.db'), N, rng(42), people, () => {}, 20);
    expect(people).toHaveLength(N);

    const intake = createCore({ dbPath: join(dir, 'intake.db'), kdfCost: KDF, today: () => BENCH_TODAY });
    await intake.call('vault.create', { passphrase: PASSPHRASE });
    const rand = rng(42);
    for (let i = 0; i < N; i++) {
      const { data, cases } = recordOf(draw(rand), i);
      await intake.call('intake.createFull', { intake: { ...data, cases, consent: { given: false } }, decisions: [] });
    }
    // Closed and reopened like the bench vault: closing runs PRAGMA optimize, which writes sqlite_stat1/4.
    intake.close();
    const reopened = await open(join(dir, 'intake.db'));
    const viaIntake = contents(reopened);
    reopened.close();

    const bulk = await open(join(dir, 'bulk.db'));
    const viaBulk = contents(bulk);
    bulk.close();

    // The generator gives a third of the people a hearing, so deadlines and events are really compared.
    expect(viaBulk.deadlines.length).toBeGreaterThan(0);
    expect(viaBulk.fts).toHaveLength(N);
    for (const k of Object.keys(viaBulk) as Array<keyof typeof viaBulk>) expect(viaBulk[k], k).toEqual(viaIntake[k]);
  });
});
