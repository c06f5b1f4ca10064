/**
 * The likely-duplicate gate when a name is common (issue 17). Candidates are
 * the people sharing the most name keys, capped at 200; with more than 200
 * people of one name in the vault (a common name in a coalition's vault),
 * everyone ties, and the one born the same day, or holding the same
 * A-number, could fall outside the cap: the likely duplicate went unseen and
 * the intake was saved. Those two are now always compared (migration 0021).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { fromQuick, insertPerson } from '../../../electron/core/intake/people';
import { intakeSchemas } from '../../../shared/contract';
import { possibleIds } from '../../../electron/core/intake/duplicates';
import { nameKeys } from '../../../shared/intake/duplicates';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
});
afterEach(() => cleanup());

const SAME_NAME = 250;

/** The person to be found, then SAME_NAME people named José García López with only an age, entered after. */
function vaultWithCommonName(target: object) {
  const ctx = core.ctx();
  const add = (fields: object) =>
    insertPerson(
      ctx,
      fromQuick(intakeSchemas.quickIntake.parse({ givenName: 'José', familyName: 'García López', detained: false, ...fields })),
    );
  let id = '';
  ctx.db.transaction(() => {
    id = add(target);
    for (let i = 0; i < SAME_NAME; i++) add({ approxAge: 20 + (i % 50) });
  })();
  return id;
}

const count = (sql: string) => (core.ctx().db.prepare(sql).get() as { n: number }).n;

describe('the duplicate gate with a common name', () => {
  it(`finds the one born the same day among ${SAME_NAME + 1} people of that name, and refuses the intake`, async () => {
    const target = vaultWithCommonName({ dob: '1990-05-17' });
    const intake = { givenName: 'Jose', familyName: 'Garcia Lopez', dob: '1990-05-17', detained: false };
    const refused = await core.dispatch('intake.createQuick', { intake });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [target] } } });
    expect(count('SELECT count(*) AS n FROM people')).toBe(SAME_NAME + 1);
    // The check a person sees before saving shows it first, as likely.
    const check = await core.call('people.checkDuplicates', { given: 'Jose', family: 'Garcia Lopez', dob: '1990-05-17' });
    expect(check[0]).toMatchObject({ id: target, strength: 'likely' });
  });

  it('finds the one with the same A-number, entered under one family name, among them', async () => {
    // Sharing fewer name keys than the others, it ranked below every one of them.
    const target = vaultWithCommonName({ familyName: 'García', approxAge: 41, aNumber: 'A123456789' });
    const intake = { givenName: 'José', familyName: 'García López', approxAge: 41, aNumber: '123-456-789', detained: false };
    const refused = await core.dispatch('intake.createQuick', { intake });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [target] } } });
  });

  it('looks for possible matches through rare words only, so a common name is not grouped for every row', async () => {
    const ixchel = vaultWithCommonName({ givenName: 'Ixchel', approxAge: 33 });
    // "Ixchel" is held by one person, "García" by 251: only Ixchel is probed, not 200 Garcías.
    expect(possibleIds(core.ctx(), nameKeys({ given: 'Ixchel', family: 'Garcia' }))).toEqual([ixchel]);
    const check = await core.call('people.checkDuplicates', { given: 'Ixchel', family: 'Garcia' });
    expect(check.map((c) => [c.id, c.strength])).toEqual([[ixchel, 'possible']]);
  });

  it('when every word of the name is common, still shows people of that exact name as possible', async () => {
    vaultWithCommonName({ givenName: 'Ixchel', approxAge: 33 });
    const check = await core.call('people.checkDuplicates', { given: 'José', family: 'García López' });
    expect(check).toHaveLength(10);
    for (const c of check) expect(c).toMatchObject({ givenName: 'José', familyName: 'García López', strength: 'possible' });
  });

  it('the candidate query reads people born that day from their index', () => {
    const plan = core
      .ctx()
      .db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM people INDEXED BY people_dob WHERE dob = ? AND merged_into IS NULL`)
      .all('1990-05-17') as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail)).toEqual([expect.stringMatching(/^SEARCH people USING (COVERING )?INDEX people_dob \(dob=\?\)$/)]);
  });

  it('the check reads its candidates from the compared fields’ index alone, never a person’s row (migration 0023)', async () => {
    vaultWithCommonName({ givenName: 'Ixchel', approxAge: 33 });
    const db = core.ctx().db;
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((text: string) => (seen.push(text), prepare(text))) as typeof db.prepare;
    const check = await core.call('people.checkDuplicates', { given: 'Ixchel', family: 'Garcia' });
    db.prepare = prepare;
    expect(check.map((c) => c.givenName)).toEqual(['Ixchel']);
    const text = seen.find((t) => t.includes('people_duplicate_fields'));
    expect(text).toBeDefined();
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${text!}`).all({ possible: '[]', aKey: null, dob: null }) as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(plan[0]).toBe('SEARCH p USING COVERING INDEX people_duplicate_fields (id=? AND merged_into=?)');
  });

  it('a new A-number typed beside a common name still shows the people of that name as possible', async () => {
    vaultWithCommonName({ givenName: 'Ixchel', approxAge: 33 });
    // Nobody holds this A-number's key: it once counted as the one "rare" key, and hid every José García López.
    const withA = await core.call('people.checkDuplicates', { given: 'José', family: 'García López', aNumber: 'A987654321' });
    const without = await core.call('people.checkDuplicates', { given: 'José', family: 'García López' });
    expect(without).toHaveLength(10);
    expect(withA).toHaveLength(10);
    for (const c of withA) expect(c).toMatchObject({ familyName: 'García López', strength: 'possible' });
  });
});
