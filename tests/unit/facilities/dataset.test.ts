import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facilityNamed, matchFacilities, parseFacilitiesDataset } from '../../../shared/facilities';
import { REPO_ROOT } from '../../helpers/env';

const DIR = join(REPO_ROOT, 'resources/facilities');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const raw = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;

describe('shipped facility list (issue 14 §3)', () => {
  it('ships at least one file', () => expect(files.length).toBeGreaterThan(0));

  for (const f of files) {
    it(`${f} validates against the schema and carries an as-of date and a source in EN and ES`, () => {
      const d = parseFacilitiesDataset(raw(f));
      expect(d.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.source.en.length).toBeGreaterThan(40);
      expect(d.source.es.length).toBeGreaterThan(40);
      // The list is honest about being partial, and says how many it has.
      if (d.partial) expect(d.source.en).toContain(`${d.facilities.length} facilities`);
      for (const x of d.facilities) {
        expect(x.source.trim(), x.id).not.toBe('');
        // A field left empty means the source did not say: the entry must be marked verify.
        if (x.fieldOffice === null || x.type === null || x.court === null) expect(x.verify, x.id).toBe(true);
      }
    });
  }

  it('ice-facilities.json ships the FY26 list: at least 202 facilities, unique ids, each with name, city, state and a source', () => {
    const d = parseFacilitiesDataset(raw('ice-facilities.json'));
    expect(d.facilities.length).toBeGreaterThanOrEqual(202);
    expect(new Set(d.facilities.map((f) => f.id)).size).toBe(d.facilities.length);
    for (const f of d.facilities) {
      expect(f.name.trim(), f.id).not.toBe('');
      expect(f.address.city.trim(), f.id).not.toBe('');
      expect(f.address.state, f.id).toMatch(/^[A-Z]{2}$/);
      expect(f.source.length, f.id).toBeGreaterThan(20);
    }
    // The 8 entries shipped before keep their ids (a person's stay refers to them) and their cited courts.
    const byId = new Map(d.facilities.map((f) => [f.id, f]));
    expect(byId.get('karnes-county-residential-center')?.court).toEqual({
      name: 'San Antonio Immigration Court',
      role: 'administrative-control',
    });
    expect(byId.get('port-isabel-service-processing-center')).toMatchObject({ fieldOffice: 'Harlingen', type: 'SPC' });
    for (const id of ['adelanto-ice-processing-center', 'dilley-immigration-processing-center', 'central-louisiana-ice-processing-center'])
      expect(byId.has(id), id).toBe(true);
    for (const id of ['laredo-processing-center', 'otero-county-processing-center', 'polk-county-detention-center'])
      expect(byId.has(id), id).toBe(true);
    // Only the EOIR releases name courts: a court left empty is never guessed.
    expect(d.facilities.filter((f) => f.court !== null)).toHaveLength(10);
    // ICE's current name of a shipped entry is found too (an alias).
    expect(facilityNamed(d.facilities, 'Karnes County Immigration Processing Center')?.id).toBe('karnes-county-residential-center');
  });

  it('the autocomplete caps what it returns, however long the list', () => {
    const d = parseFacilitiesDataset(raw('ice-facilities.json'));
    expect(matchFacilities(d.facilities, 'county').length).toBe(8);
    expect(matchFacilities(d.facilities, 'county', 3)).toHaveLength(3);
  });

  it('refuses a file with a bad entry, naming it', () => {
    const d = raw(files[0]!);
    const list = d.facilities as Array<Record<string, unknown>>;
    const bad = { ...d, facilities: [{ ...list[0], court: { name: 'X', role: 'sometimes' } }, ...list.slice(1)] };
    expect(() => parseFacilitiesDataset(bad)).toThrow(/facilities\[0\] \(.+\)\.court\.role/);
    expect(() => parseFacilitiesDataset({ ...d, asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => parseFacilitiesDataset({ ...d, source: undefined })).toThrow(/source/);
    expect(() => parseFacilitiesDataset({ ...d, facilities: [list[0], list[0]] })).toThrow(/duplicate id/);
  });

  it('matches typed words against names, former names and cities, accents and case folded', () => {
    const d = parseFacilitiesDataset(raw(files[0]!));
    expect(matchFacilities(d.facilities, 'south texas family').map((x) => x.id)).toEqual(['dilley-immigration-processing-center']);
    expect(matchFacilities(d.facilities, 'LOS FRÉSNOS').map((x) => x.id)).toEqual(['port-isabel-service-processing-center']);
    expect(matchFacilities(d.facilities, 'nowhere at all')).toEqual([]);
    expect(facilityNamed(d.facilities, 'laSalle detention facility')?.id).toBe('central-louisiana-ice-processing-center');
    expect(facilityNamed(d.facilities, 'LaSalle')).toBeUndefined();
  });
});
