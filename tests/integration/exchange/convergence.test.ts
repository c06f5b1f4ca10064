import { describe, it, expect } from 'vitest';
import { assertConverges, assertFieldMerge, checkConvergence, checkFieldMerge, runFieldEdits, runScenario } from './convergence';

describe('convergence (property test, fast-check)', () => {
  // Fixed seeds keep `npm test` repeatable; `npm run bench -- exchange` runs many more random ones.
  for (const seed of [12, 1207]) {
    it(`3 to 5 devices, random writes and bundles dropped, duplicated and reordered: one state after a full exchange (seed ${seed})`, async () => {
      await checkConvergence({ seed, numRuns: 3, maxActions: 25 });
    }, 240_000);
  }

  for (const seed of [5, 4242]) {
    it(`concurrent edits of one person: different fields merge without a conflict, the same field is a conflict (seed ${seed})`, async () => {
      await checkFieldMerge({ seed, numRuns: 4 });
    }, 240_000);
  }

  it('can fail: a conflict expected on a field two devices changed is missed', async () => {
    const edits = [
      ['phone', 'notes'],
      ['notes', 'aliases'],
    ] as const;
    const o = await runFieldEdits(edits);
    expect(() => assertFieldMerge(edits, o)).not.toThrow();
    expect(o.conflicts[0]).toEqual(['data.notes']);
    expect(() => assertFieldMerge([['phone', 'notes'], ['aliases']], o)).toThrow(/conflicts on/);
    expect(() => assertFieldMerge(edits, { ...o, values: [{ ...o.values[0]!, phone: 'other' }, o.values[1]!] })).toThrow(/phone is/);
  }, 60_000);

  it('can fail: a device that missed the final exchange is told apart', async () => {
    const o = await runScenario(3, [{ t: 'create', d: 0, n: 0 }]);
    expect(() => assertConverges(o)).not.toThrow();
    expect(() => assertConverges({ ...o, hashes: [...o.hashes.slice(1), 'different'] })).toThrow(/disagree/);
  }, 60_000);
});
