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
import { buildPeopleVault, rng, type Generated } from '../../bench/people-vault';
import { contents, open, viaIntake } from './vault-contents';

const N = 45;
const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench vault built by the bulk path', () => {
  it('holds what intake.createFull writes for the same people', async () => {
    const people: Generated[] = [];
    // A chunk of 20 spreads the 45 people over three transactions.
    const built = await buildPeopleVault(join(dir, 'bulk.db'), N, rng(42), people, () => {}, 20);
    expect(people).toHaveLength(N);
    expect(built.built).toBe(N);

    const expected = await viaIntake(join(dir, 'intake.db'), N);
    const bulk = await open(join(dir, 'bulk.db'));
    const viaBulk = contents(bulk);
    bulk.close();

    // The generator gives a third of the people a hearing, so deadlines and events are really compared.
    expect(viaBulk.deadlines.length).toBeGreaterThan(0);
    expect(viaBulk.fts).toHaveLength(N);
    for (const k of Object.keys(viaBulk) as Array<keyof typeof viaBulk>) expect(viaBulk[k], k).toEqual(expected[k]);
  });
});
