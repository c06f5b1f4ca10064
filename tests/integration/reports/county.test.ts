/**
 * County of residence, as the full intake records it in the address, is a
 * dimension of the statistics report: counts checked against a vault built
 * here with known answers, and hidden below the small-cell threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { StatsTable } from '../../../shared/views';
import { freshCore } from '../../helpers/env';

let core: Core;
let cleanup: () => void;

const ADDRESS = { street: '1 Main St', city: 'Chula Vista', state: 'CA', zip: '91910' };
/** Given name and county of each person served (a case closed in the range). */
const SERVED: Array<[string, string | undefined]> = [
  ['Itzel', 'San Diego'],
  ['Yaretzi', 'San Diego'],
  ['Citlali', 'Imperial'],
  ['Xochitl', undefined],
];

async function servedPerson(given: string, county: string | undefined): Promise<string> {
  const p = await core.call('intake.createFull', {
    intake: {
      person: { givenName: given, familyName: 'Tlatelpa', dob: '1990-05-05', address: { ...ADDRESS, ...(county ? { county } : {}) } },
      detention: { detained: false },
      history: {},
      cases: [{ type: 'asylum-affirmative' }],
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  const c = p.cases[0]!;
  await core.call('reports.closeCase', { caseId: c.id, version: c.version, closedOn: '2026-02-10', outcome: 'other' });
  return p.id;
}

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-03-02' }));
  for (const [given, county] of SERVED) await servedPerson(given, county);
});
afterAll(() => cleanup());

describe('county of residence', () => {
  it('is kept in the person record from the intake address', async () => {
    const { rows } = await core.call('people.list', {});
    const itzel = await core.call('people.get', { id: rows.find((p) => p.givenName === 'Itzel')!.id });
    expect(itzel.person.address?.county).toBe('San Diego');
  });

  it('counts people served by county, the ones without one apart', async () => {
    const s = await core.call('reports.stats', { from: '2026-02-01', to: '2026-02-28', minCell: 1 });
    const county = s.tables.find((t) => t.id === 'county') as StatsTable;
    const byKey = Object.fromEntries(county.rows.map((r) => [r.key, r.cells[0]]));
    expect(byKey).toEqual({ 'San Diego': 2, Imperial: 1, '': 1 });
    expect(county.total).toBe(4);
  });

  it('hides counts under the threshold', async () => {
    const s = await core.call('reports.stats', { from: '2026-02-01', to: '2026-02-28', minCell: 3 });
    const county = s.tables.find((t) => t.id === 'county') as StatsTable;
    for (const r of county.rows) expect(r.cells[0]).toMatchObject({ suppressed: true });
    expect(JSON.stringify(county)).not.toMatch(/"cells":\[\d/);
  });
});
