import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { freshCore, REPO_ROOT } from '../../helpers/env';
import { failure, person } from './helpers';
import { settled } from '../import/helpers';

let core: Core;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

type Dataset = { asOf: string; countries: Array<Record<string, unknown> & { country: string }> };
const shipped = (): Dataset => JSON.parse(readFileSync(resolve(REPO_ROOT, 'resources/tps/tps-2026-05.json'), 'utf8')) as Dataset;

/** El Salvador gets a new re-registration window and EAD extension a month later. */
function june(): Dataset {
  const d = shipped();
  d.asOf = '2026-06-01';
  const sv = d.countries.find((c) => c.country === 'SV')!;
  sv.reRegistration = { start: '2026-06-01', end: '2026-08-03' };
  sv.eadAutoExtendedTo = '2027-03-09';
  sv.endDate = '2027-09-09';
  return d;
}

async function start(today: string) {
  const env = await freshCore({ today });
  core = env.core;
  cleanup = env.cleanup;
}

describe('tps.affected: who each TPS country affects', () => {
  it('lists per country the people whose TPS country it is, with their re-registration and work-permit dates', async () => {
    await start('2026-06-10');
    const ana = await person(core, {
      given: 'Ana',
      family: 'Zelaya',
      history: { tpsCountry: 'SV', tpsStatus: 'granted', eadExpiry: '2026-03-09' },
    });
    const beto = await person(core, { given: 'Beto', family: 'Alvarado', detained: true, history: { tpsCountry: 'el salvador' } });
    await person(core, { given: 'Dan', family: 'Denied', history: { tpsCountry: 'SV', tpsStatus: 'denied' } });
    const olena = await person(core, { given: 'Olena', family: 'Kovalenko', history: { tpsCountry: 'Ukraine', eadExpiry: '2026-10-19' } });
    await person(core, { given: 'Nadie', family: 'Sin TPS' });
    const started = await core.call('tps.applyImport', { json: JSON.stringify(june()) });
    expect(await settled(core, started.jobId)).toMatchObject({ state: 'done' });

    const all = await core.call('tps.affected', {});
    expect(all.asOf).toBe('2026-06-01');
    expect(all.countries.map((c) => c.country)).toEqual(shipped().countries.map((c) => c.country));
    const sv = all.countries.find((c) => c.country === 'SV')!;
    expect(sv).toMatchObject({
      total: 2,
      truncated: false,
      reRegistration: { start: '2026-06-01', end: '2026-08-03' },
      eadAutoExtendedTo: '2027-03-09',
    });
    // By family name; the denied record gets no TPS deadlines and is not listed.
    expect(sv.people).toEqual([
      {
        personId: beto.id,
        givenName: 'Beto',
        familyName: 'Alvarado',
        detained: true,
        tpsStatus: null,
        reRegistrationDue: '2026-08-03',
        eadExpiry: null,
        eadAutoExtendedTo: '2027-03-09',
      },
      {
        personId: ana.id,
        givenName: 'Ana',
        familyName: 'Zelaya',
        detained: false,
        tpsStatus: 'granted',
        reRegistrationDue: '2026-08-03',
        eadExpiry: '2026-03-09',
        eadAutoExtendedTo: '2027-03-09',
      },
    ]);
    const ua = all.countries.find((c) => c.country === 'UA')!;
    expect(ua.people.map((p) => [p.personId, p.eadExpiry])).toEqual([[olena.id, '2026-10-19']]);
    expect(all.countries.find((c) => c.country === 'HT')!.total).toBe(0);
  });

  it('filters by country, caps each list at limit and refuses a country not in the dataset', async () => {
    await start('2026-06-10');
    for (const given of ['Uno', 'Dos', 'Tres']) await person(core, { given, history: { tpsCountry: 'SV' } });
    const one = await core.call('tps.affected', { country: 'SV', limit: 2 });
    expect(one.countries).toHaveLength(1);
    expect(one.countries[0]).toMatchObject({ country: 'SV', total: 3, truncated: true });
    expect(one.countries[0]!.people).toHaveLength(2);
    expect((await failure(core.call('tps.affected', { country: 'ZZ' }))).code).toBe('NOT_FOUND');
    expect((await failure(core.call('tps.affected', { country: 'el salvador' }))).code).toBe('INVALID_INPUT');
  });

  it("a dataset import's preview counts the people each change touches", async () => {
    await start('2026-06-10');
    for (const given of ['Uno', 'Dos', 'Tres']) await person(core, { given, history: { tpsCountry: 'SV' } });
    await person(core, { given: 'Olena', history: { tpsCountry: 'UA' } });
    const preview = await core.call('tps.previewImport', { json: JSON.stringify(june()) });
    expect(preview.byChange).toEqual(
      expect.arrayContaining([
        { country: 'SV', kind: 're-registration-close', before: null, after: '2026-08-03', people: 3 },
        { country: 'SV', kind: 'designation-end', before: '2026-09-09', after: '2027-09-09', people: 3 },
      ]),
    );
    expect(preview.byChange.every((c) => c.country === 'SV')).toBe(true);
    expect(preview.byChange.reduce((n, c) => n + c.people, 0)).toBe(preview.deadlinesChanged);
  });
});
