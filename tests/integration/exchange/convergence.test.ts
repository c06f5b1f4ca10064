import { describe, it, expect } from 'vitest';
import { assertConverges, checkConvergence, runScenario } from './convergence';

describe('convergence (property test, fast-check)', () => {
  // Fixed seeds keep `npm test` repeatable; `npm run bench -- exchange` runs many more random ones.
  for (const seed of [12, 1207]) {
    it(`3 to 5 devices, random writes and bundles dropped, duplicated and reordered: one state after a full exchange (seed ${seed})`, async () => {
      await checkConvergence({ seed, numRuns: 3, maxActions: 25 });
    }, 240_000);
  }

  it('can fail: a device that missed the final exchange is told apart', async () => {
    const o = await runScenario(3, [{ t: 'create', d: 0, n: 0 }]);
    expect(() => assertConverges(o)).not.toThrow();
    expect(() => assertConverges({ ...o, hashes: [...o.hashes.slice(1), 'different'] })).toThrow(/disagree/);
  }, 60_000);
});
