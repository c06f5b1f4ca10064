import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapEntry } from '../../../shared/forms/map-schema';
import { aNumber, computeValue, dateMdy, makeReader, FIRST_NAME_UNKNOWN } from '../../../shared/forms/transforms';
import type { FormView } from '../../../shared/forms/view';
import { FIXTURES } from '../../integration/forms/helpers';

const view: FormView = {
  person: {
    givenName: 'José María',
    familyName: 'García López',
    middleName: 'Ángel',
    dob: '1990-03-07',
    sex: 'M',
    aNumber: '012345678',
    phone: '1 (415) 555-0199',
    cityOfBirth: 'Quetzaltenango',
    countryOfBirth: 'Guatemala',
    languages: ["K'iche'", 'Spanish'],
    fluentInEnglish: false,
    address: { street: '1200 Mission St', city: 'San Francisco', state: 'ca', zip: '94103-1234' },
  },
  case: { type: 'asylum', appearanceBefore: 'ice', matter: 'Bond hearing' },
  history: { entries: [{ date: '2021-05-01', place: 'San Ysidro, CA' }] },
};
const read = makeReader(view, { mail: ['person.mailingAddress', 'person.address'] });
const value = (entry: MapEntry) => computeValue(entry, read);

describe('form value transforms', () => {
  it('formats dates, rejecting impossible ones', () => {
    expect(dateMdy('1990-03-07')).toEqual({ kind: 'text', text: '03/07/1990' });
    expect(dateMdy('2023-02-29').kind).toBe('bad');
    expect(dateMdy('07/03/1990').kind).toBe('bad');
  });

  it('accepts every valid A-Number spelling in the fixtures and rejects the invalid ones', () => {
    const fixtures = JSON.parse(readFileSync(join(FIXTURES, 'names', 'names.json'), 'utf8')) as {
      aNumbers: { valid: [string, string][]; invalid: string[] };
    };
    for (const [input, stored] of fixtures.aNumbers.valid) expect(aNumber(input)).toEqual({ kind: 'text', text: stored });
    for (const input of fixtures.aNumbers.invalid) expect(aNumber(input).kind, input).toBe('bad');
  });

  it('splits U.S. phone numbers and trims ZIP+4', () => {
    expect(value({ transform: 'phone-area', source: 'person.phone' })).toEqual({ kind: 'text', text: '415' });
    expect(value({ transform: 'phone-number', source: 'person.phone' })).toEqual({ kind: 'text', text: '555-0199' });
    expect(value({ transform: 'phone-digits', source: 'person.phone' })).toEqual({ kind: 'text', text: '4155550199' });
    expect(value({ transform: 'zip5', source: 'person.address.zip' })).toEqual({ kind: 'text', text: '94103' });
    expect(value({ transform: 'upper', source: 'person.address.state' })).toEqual({ kind: 'text', text: 'CA' });
  });

  it('joins several sources and list values', () => {
    expect(value({ transform: 'text', source: ['person.cityOfBirth', 'person.countryOfBirth'] })).toEqual({
      kind: 'text',
      text: 'Quetzaltenango, Guatemala',
    });
    expect(value({ transform: 'text', source: 'person.languages' })).toEqual({ kind: 'text', text: "K'iche', Spanish" });
    expect(value({ transform: 'text', source: 'history.entries.0.place' })).toEqual({ kind: 'text', text: 'San Ysidro, CA' });
    expect(value({ transform: 'text', source: 'history.entries.1.place' })).toEqual({ kind: 'empty' });
  });

  it('reads through aliases to the first present object', () => {
    expect(value({ transform: 'text', source: 'mail.street' })).toEqual({ kind: 'text', text: '1200 Mission St' });
  });

  it('applies the mononym rule to names', () => {
    const mono = makeReader({ person: { givenName: 'Mohammad', familyName: '', dob: '1980-01-01' } });
    expect(computeValue({ transform: 'name-family', source: 'person' }, mono)).toEqual({ kind: 'text', text: 'Mohammad' });
    expect(computeValue({ transform: 'name-given', source: 'person' }, mono)).toEqual({ kind: 'text', text: FIRST_NAME_UNKNOWN });
    expect(value({ transform: 'name-given', source: 'person' })).toEqual({ kind: 'text', text: 'José María' });
    expect(value({ transform: 'name-middle', source: 'person' })).toEqual({ kind: 'text', text: 'Ángel' });
  });

  it('checks boxes by equality or truthiness, and honours conditions', () => {
    expect(value({ transform: 'checkbox-if', source: 'person.sex', equals: 'M' })).toEqual({ kind: 'check', on: true });
    expect(value({ transform: 'checkbox-if', source: 'person.sex', equals: 'F' })).toEqual({ kind: 'check', on: false });
    expect(value({ transform: 'checkbox-if', source: 'person.fluentInEnglish', equals: false })).toEqual({ kind: 'check', on: true });
    expect(value({ transform: 'checkbox-if', source: 'person.aliases', truthy: true })).toEqual({ kind: 'check', on: false });
    expect(value({ transform: 'constant', value: 'I-589' })).toEqual({ kind: 'text', text: 'I-589' });
    const when = (agency: string): MapEntry => ({
      transform: 'text',
      source: 'case.matter',
      when: { source: 'case.appearanceBefore', equals: agency },
    });
    expect(value(when('ice'))).toEqual({ kind: 'text', text: 'Bond hearing' });
    expect(value(when('uscis'))).toEqual({ kind: 'empty' });
  });
});
