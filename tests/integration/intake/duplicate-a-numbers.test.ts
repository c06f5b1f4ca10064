/**
 * The duplicate check leaves out name candidates holding another A-number
 * when the record checked has one (issue 17, migration 0024): such a pair is
 * only ever a match when born the same day, and everyone born that day is
 * compared anyway. These tests hold that the shortcut changes no answer
 * (against comparing with everyone in the vault), that it does leave those
 * people out, and that the migration flags an older vault's keys as the
 * writers do.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { Ctx } from '../../../electron/core/context';
import { freshCore } from '../../helpers/env';
import { rng } from '../../helpers/rng';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrationsUpTo, useVaultAt } from '../../helpers/vault-at';
import { fromQuick, insertPerson } from '../../../electron/core/intake/people';
import { findCandidates, possibleIds } from '../../../electron/core/intake/duplicates';
import { intakeSchemas } from '../../../shared/contract';
import { compareCandidates, nameKeys, prepareName, type NameRecord } from '../../../shared/intake/duplicates';
import { namesFixture } from '../../unit/intake/fixtures';

let cleanup = () => {};
afterEach(() => cleanup());
const at = useVaultAt();

async function vault(): Promise<Core> {
  const f = await freshCore({ today: '2026-11-26' });
  cleanup = f.cleanup;
  return f.core;
}

function add(ctx: Ctx, fields: { givenName: string; familyName: string; dob?: string; aNumber?: string }): string {
  return insertPerson(
    ctx,
    fromQuick(intakeSchemas.quickIntake.parse({ detained: false, ...(fields.dob ? {} : { approxAge: 30 }), ...fields })),
  );
}

const fixture = namesFixture();
const NAMES = [...fixture.people, ...fixture.sameness.pairs.flatMap((p) => [p.a, p.b])].filter((n) => n.given.trim() !== '');
const DOBS = ['1990-03-07', '1990-03-08', '1990-07-03', '1984-12-01'];

/** What the check should say: every person in the vault compared, the ten strongest matches. */
function everyoneCompared(ctx: Ctx, rec: NameRecord) {
  const mine = prepareName(rec);
  const people = ctx.db.prepare('SELECT id, given_name, family_name, dob, a_number FROM people WHERE merged_into IS NULL').all() as Array<{
    id: string;
    given_name: string;
    family_name: string;
    dob: string | null;
    a_number: string | null;
  }>;
  return people
    .map((p) => ({ id: p.id, ...compareCandidates(mine, { given: p.given_name, family: p.family_name, dob: p.dob, aNumber: p.a_number }) }))
    .filter((m) => m.strength !== 'none')
    .sort((a, b) => b.score - a.score);
}

describe('the duplicate check and A-numbers', () => {
  it('finds what comparing with everyone finds, for records with and without an A-number', async () => {
    const core = await vault();
    const ctx = core.ctx();
    const rand = rng(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const aNumbers: string[] = [];
    // Fewer people than the 200 a key may have before it counts as common, so every key is probed and the
    // answers can be compared exactly.
    ctx.db.transaction(() => {
      for (let i = 0; i < 180; i++) {
        const n = pick(NAMES);
        const aNumber = rand() < 0.6 ? String(100_000_000 + Math.floor(rand() * 899_999_999)) : undefined;
        if (aNumber) aNumbers.push(aNumber);
        const dob = rand() < 0.5 ? pick(DOBS) : undefined;
        add(ctx, { givenName: n.given, familyName: n.family, ...(dob ? { dob } : {}), ...(aNumber ? { aNumber } : {}) });
      }
    })();
    let withANumber = 0;
    let otherHoldersMatched = 0;
    for (let q = 0; q < 200; q++) {
      const n = pick(NAMES);
      const r = rand();
      const aNumber = r < 0.4 ? pick(aNumbers) : r < 0.8 ? String(100_000_000 + Math.floor(rand() * 899_999_999)) : null;
      const rec: NameRecord = { given: n.given, family: n.family, dob: rand() < 0.6 ? pick(DOBS) : null, aNumber };
      const truth = everyoneCompared(ctx, rec);
      const found = findCandidates(ctx, rec);
      const label = JSON.stringify(rec);
      expect(
        found.map((c) => c.score),
        label,
      ).toEqual(truth.slice(0, 10).map((m) => m.score));
      if (truth.length <= 10) expect(found.map((c) => c.id).sort(), label).toEqual(truth.map((m) => m.id).sort());
      if (aNumber !== null) withANumber++;
      // Matches holding another A-number (born the same day): the shortcut must not have lost them.
      otherHoldersMatched += found.filter((c) => c.aNumber !== null && c.aNumber !== aNumber).length;
    }
    expect(withANumber).toBeGreaterThan(120);
    expect(otherHoldersMatched).toBeGreaterThan(10);
  });

  it('compares no one holding another A-number through the name alone', async () => {
    const core = await vault();
    const ctx = core.ctx();
    const without: string[] = [];
    let sameDay = '';
    ctx.db.transaction(() => {
      for (let i = 0; i < 250; i++) add(ctx, { givenName: 'José', familyName: 'García López', aNumber: String(200_000_000 + i) });
      for (let i = 0; i < 3; i++) without.push(add(ctx, { givenName: 'José', familyName: 'García López' }));
      sameDay = add(ctx, { givenName: 'José', familyName: 'García López', aNumber: '300000000', dob: '1990-05-17' });
    })();
    const keys = nameKeys({ given: 'José', family: 'García López' });
    // Everyone holds these keys; among people without an A-number only the three do.
    expect(possibleIds(ctx, keys, 1)).toHaveLength(200);
    expect(possibleIds(ctx, keys, 0).sort()).toEqual([...without].sort());
    const found = findCandidates(ctx, { given: 'José', family: 'García López', aNumber: 'A999999999', dob: '1990-05-17' });
    expect(found.map((c) => c.id).sort()).toEqual([...without, sameDay].sort());
    // Without an A-number of its own, the record is compared with the A-number holders too.
    expect(findCandidates(ctx, { given: 'José', family: 'García López' })).toHaveLength(10);
  });

  it('migration 0024 flags the keys of a vault made before it as the writers do', () => {
    const db = at(23);
    const NOW = '2026-11-26T00:00:00Z';
    const people = [
      { id: 'with', given: 'Ana', family: 'Pérez', aNumber: '123456789' },
      { id: 'without', given: 'Ana', family: 'Pérez', aNumber: null },
      { id: 'invalid', given: 'Luis', family: 'Soto', aNumber: 'not one' },
    ];
    for (const p of people) {
      db.prepare(
        `INSERT INTO people(id, given_name, family_name, a_number, detained, data, version, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, 0, '{}', 1, ?, 't', ?, 't')`,
      ).run(p.id, p.given, p.family, p.aNumber, NOW, NOW);
      for (const k of nameKeys({ given: p.given, family: p.family, aNumber: p.aNumber }))
        db.prepare('INSERT INTO person_keys(person_id, key) VALUES (?, ?)').run(p.id, k);
    }
    const before = db.prepare('SELECT person_id, key FROM person_keys ORDER BY 1, 2').all();
    migrate(db, migrationsUpTo(24));
    expect(schemaVersion(db)).toBe(24);
    expect(db.prepare('SELECT person_id, key FROM person_keys ORDER BY 1, 2').all()).toEqual(before);
    expect(
      db.prepare('SELECT person_id, max(has_a_number) AS a, min(has_a_number) AS b FROM person_keys GROUP BY 1 ORDER BY 1').all(),
    ).toEqual([
      { person_id: 'invalid', a: 0, b: 0 },
      { person_id: 'with', a: 1, b: 1 },
      { person_id: 'without', a: 0, b: 0 },
    ]);
    // The key's holders without an A-number are one range of the primary key.
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT person_id FROM person_keys WHERE key = ? AND has_a_number <= ?').all('n:ana', 0) as Array<{
        detail: string;
      }>
    ).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH person_keys USING PRIMARY KEY \(key=\? AND has_a_number<\?\)$/)]);
  });
});
