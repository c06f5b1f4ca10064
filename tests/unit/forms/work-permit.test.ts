/**
 * The I-765 eligibility category: how the case gives it (shared/forms/adapter)
 * and how the three boxes read it (shared/forms/transforms), plus map
 * conditions on presence (the physical address asked only when it differs).
 */
import { describe, expect, it } from 'vitest';
import { eadCategoryOf, formViewFromPerson } from '../../../shared/forms/adapter';
import { parseFieldMap } from '../../../shared/forms/map-schema';
import { computeValue, eadCategoryPart, makeReader } from '../../../shared/forms/transforms';
import type { CaseView, PersonView } from '../../../shared/views';

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 't', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 't' };

const kase = (id: string, type: CaseView['type'], status: CaseView['status'] = 'open', updatedAt = stamp.updatedAt): CaseView =>
  ({ ...stamp, id, personId: 'p1', type, status, updatedAt }) as CaseView;

function record(history: Partial<PersonView['history']>, cases: CaseView[]): PersonView {
  return {
    ...stamp,
    id: 'p1',
    person: { givenName: 'Ana', familyName: 'Ruiz', aliases: [], languages: [], interpreterNeeded: false, dob: '1990-03-07' },
    detention: { detained: false },
    history: { priorOrders: 'unknown', ...history },
    family: [],
    notes: '',
    urgentNeeds: '',
    cases,
    urgency: [],
  } as unknown as PersonView;
}

describe('eligibility category from the case', () => {
  it('a pending asylum case gives (c)(8) and "Asylum applicant"', () => {
    const v = formViewFromPerson(record({}, [kase('c1', 'asylum-affirmative')]));
    expect(v.case?.eadCategory).toBe('(c)(8)');
    expect(v.history?.currentStatus).toBe('Asylum applicant');
  });

  it('TPS: (a)(12) once granted, (c)(19) while the I-821 is pending or about to be filed, none when denied', () => {
    const tps = (tpsStatus?: PersonView['history']['tpsStatus']) =>
      eadCategoryOf(record({ tpsCountry: 'SV', ...(tpsStatus ? { tpsStatus } : {}) }, [kase('t', 'tps')]), undefined, undefined);
    expect(tps('granted')).toEqual({ category: '(a)(12)', status: 'TPS' });
    expect(tps('pending')).toEqual({ category: '(c)(19)', status: 'TPS applicant' });
    expect(tps('eligible')).toEqual({ category: '(c)(19)' });
    expect(tps('expired')).toEqual({ category: '(a)(12)' });
    expect(tps(undefined)).toEqual({ category: '(a)(12)' });
    expect(tps('denied')).toEqual({});
  });

  it('the chosen case decides between asylum and TPS; a TPS drive asks for TPS whatever the latest case', () => {
    const both = record({ tpsCountry: 'HN', tpsStatus: 'granted' }, [
      kase('a', 'asylum-defensive', 'open', '2026-02-01T00:00:00.000Z'),
      kase('t', 'tps', 'open', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(formViewFromPerson(both).case?.eadCategory).toBe('(c)(8)');
    expect(formViewFromPerson(both, { caseId: 't' }).case?.eadCategory).toBe('(a)(12)');
    expect(formViewFromPerson(both, { eadBasis: 'tps' }).case?.eadCategory).toBe('(a)(12)');
    expect(formViewFromPerson(record({}, [kase('a', 'asylum-affirmative', 'closed')])).case?.eadCategory).toBeUndefined();
  });
});

describe('eligibility category boxes', () => {
  it('splits "(c)(8)", "(a)(12)" and "(c)(3)(C)" into their boxes', () => {
    expect([0, 1, 2].map((i) => eadCategoryPart('(c)(8)', i))).toEqual([
      { kind: 'text', text: 'c' },
      { kind: 'text', text: '8' },
      { kind: 'empty' },
    ]);
    expect(eadCategoryPart(' (A) (12) ', 1)).toEqual({ kind: 'text', text: '12' });
    expect(eadCategoryPart('(c)(3)(C)', 2)).toEqual({ kind: 'text', text: 'C' });
  });

  it('refuses what is not a category, without repeating it', () => {
    const bad = eadCategoryPart('c8 asylum', 0);
    expect(bad.kind).toBe('bad');
    expect(JSON.stringify(bad)).not.toContain('asylum');
  });
});

describe('map conditions', () => {
  const map = parseFieldMap({
    form: 'x',
    edition: '1',
    blankSha256: '0'.repeat(64),
    blankFields: ['a', 'b'],
    fields: {
      a: { transform: 'text', source: 'person.address.street', when: { source: 'person.mailingAddress', present: true } },
      b: {
        transform: 'checkbox-if',
        source: 'case.arrestedOrConvicted',
        equals: false,
        when: { source: 'case.eadCategory', equals: '(c)(8)' },
      },
    },
  });
  const value = (field: 'a' | 'b', view: object) => computeValue(map.fields[field]!, makeReader(view as never));
  const person = { givenName: 'A', familyName: 'B', dob: '', address: { street: '1 Main St', city: 'X' } };

  it('present: the physical address only when a separate mailing address exists', () => {
    expect(value('a', { person })).toEqual({ kind: 'empty' });
    expect(value('a', { person: { ...person, mailingAddress: { street: 'PO Box 1', city: 'X' } } })).toEqual({
      kind: 'text',
      text: '1 Main St',
    });
  });

  it('a checkbox condition leaves the box alone when it fails', () => {
    expect(value('b', { person, case: { type: 'tps', eadCategory: '(a)(12)', arrestedOrConvicted: false } })).toEqual({ kind: 'empty' });
    expect(value('b', { person, case: { type: 'x', eadCategory: '(c)(8)', arrestedOrConvicted: false } })).toEqual({
      kind: 'check',
      on: true,
    });
  });

  it('a condition needs exactly one of equals or present', () => {
    expect(() =>
      parseFieldMap({ ...map, fields: { a: { transform: 'text', source: 'person.givenName', when: { source: 'case.type' } } } }),
    ).toThrow(/not valid/);
  });
});
