import { describe, expect, it } from 'vitest';
import { addressView, attorneyView, formViewFromPerson, phoneDigits, splitUnit } from '../../../shared/forms/adapter';
import { computeValue, makeReader } from '../../../shared/forms/transforms';
import type { CaseView, PersonView } from '../../../shared/views';

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 't', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 't' };

function kase(
  id: string,
  type: CaseView['type'],
  status: CaseView['status'] = 'open',
  updatedAt = stamp.updatedAt,
  court?: string,
): CaseView {
  return { ...stamp, id, personId: 'p1', type, status, updatedAt, ...(court ? { court } : {}) } as CaseView;
}

function record(
  over: {
    person?: Partial<PersonView['person']>;
    history?: Partial<PersonView['history']>;
    detention?: Partial<PersonView['detention']>;
    cases?: CaseView[];
  } = {},
): PersonView {
  return {
    ...stamp,
    id: 'p1',
    person: {
      givenName: 'José María',
      familyName: 'García López',
      aliases: [],
      languages: [],
      interpreterNeeded: false,
      dob: '1990-03-07',
      ...over.person,
    },
    detention: { detained: false, ...over.detention },
    history: { priorOrders: 'unknown', ...over.history },
    family: [],
    notes: 'private notes never reach a form',
    urgentNeeds: '',
    cases: over.cases ?? [],
    urgency: [],
  } as PersonView;
}

describe('formViewFromPerson', () => {
  it('maps names, date of birth, A-Number, sex, birth country, nationality, phone, email', () => {
    const v = formViewFromPerson(
      record({
        person: {
          aliases: ['Pepe', ' '],
          sex: 'male',
          countryOfBirth: 'Guatemala',
          nationality: 'Guatemala',
          aNumber: '012345678',
          phone: '+1 (415) 555-0199 ext. 12',
          email: 'jm@example.org',
        },
      }),
    );
    expect(v.person).toEqual({
      givenName: 'José María',
      familyName: 'García López',
      dob: '1990-03-07',
      aliases: ['Pepe'],
      sex: 'M',
      countryOfBirth: 'Guatemala',
      nationality: 'Guatemala',
      aNumber: '012345678',
      phone: '14155550199',
      email: 'jm@example.org',
    });
    expect(JSON.stringify(v)).not.toContain('private notes');
  });

  it('leaves unknowns out (no placeholders), and an approximate age gives no date of birth', () => {
    const v = formViewFromPerson(record({ person: { dob: undefined, approxAge: 30 } as Partial<PersonView['person']> }));
    expect(v.person.dob).toBe('');
    expect(Object.keys(v.person).sort()).toEqual(['dob', 'familyName', 'givenName']);
    expect(v).not.toHaveProperty('case');
    expect(v).not.toHaveProperty('attorney');
    expect(v).not.toHaveProperty('history');
    // An empty date is "no value" for the date transform: no warning, no text.
    expect(computeValue({ transform: 'date-mdy', source: 'person.dob' }, makeReader(v))).toEqual({ kind: 'empty' });
  });

  it('keeps a mononym as given name with an empty family name (maps apply the FNU rule)', () => {
    const v = formViewFromPerson(record({ person: { givenName: 'Mohammad', familyName: '' } }));
    expect(v.person).toMatchObject({ givenName: 'Mohammad', familyName: '' });
    const read = makeReader(v);
    expect(computeValue({ transform: 'name-family', source: 'person' }, read)).toEqual({ kind: 'text', text: 'Mohammad' });
    expect(computeValue({ transform: 'name-given', source: 'person' }, read)).toEqual({ kind: 'text', text: 'FNU' });
  });

  it('splits the residence address for U.S. forms', () => {
    const v = formViewFromPerson(
      record({
        person: {
          address: {
            street: '1200 Mission St',
            unit: 'Apt. 4B',
            city: 'San Francisco',
            state: 'ca',
            zip: '94103',
            county: undefined,
            country: 'USA',
          },
        },
      }),
    );
    expect(v.person.address).toEqual({
      street: '1200 Mission St',
      unitType: 'apt',
      unit: '4B',
      city: 'San Francisco',
      state: 'CA',
      zip: '94103',
    });
  });

  it('keeps a foreign address as province, postal code and country', () => {
    expect(addressView({ street: 'Calle 5 #10', city: 'Guatemala', state: 'Guatemala', zip: '01001', country: 'Guatemala' })).toEqual({
      street: 'Calle 5 #10',
      city: 'Guatemala',
      province: 'Guatemala',
      postalCode: '01001',
      country: 'Guatemala',
    });
    expect(addressView({})).toBeUndefined();
  });

  it('reads languages: the first is the native language; English without an interpreter means fluent', () => {
    expect(formViewFromPerson(record({ person: { languages: ['Spanish', 'English'] } })).person).toMatchObject({
      nativeLanguage: 'Spanish',
      languages: ['English'],
      fluentInEnglish: true,
    });
    const needsInterpreter = formViewFromPerson(record({ person: { languages: ["K'iche'"], interpreterNeeded: true } })).person;
    expect(needsInterpreter).toMatchObject({ nativeLanguage: "K'iche'", fluentInEnglish: false });
    expect(needsInterpreter).not.toHaveProperty('languages');
    expect(formViewFromPerson(record({ person: { languages: ['Spanish'] } })).person).not.toHaveProperty('fluentInEnglish');
  });

  it('picks the most recently updated open case, or the one asked for', () => {
    const cases = [
      kase('c-old', 'tps', 'open', '2026-01-01T00:00:00.000Z'),
      kase('c-new', 'asylum-affirmative', 'open', '2026-05-01T00:00:00.000Z'),
      kase('c-closed', 'removal-nondetained', 'closed', '2026-09-01T00:00:00.000Z', 'San Francisco'),
    ];
    const byDefault = formViewFromPerson(record({ cases }));
    expect(byDefault.case).toEqual({
      type: 'asylum-affirmative',
      appearanceBefore: 'uscis',
      matter: 'I-589',
      clientRole: 'applicant',
      proceedings: 'past',
      // The I-765 category follows the open asylum case.
      eadCategory: '(c)(8)',
    });
    const chosen = formViewFromPerson(record({ cases }), { caseId: 'c-old' });
    expect(chosen.case).toMatchObject({ type: 'tps', matter: 'I-821' });
  });

  it('derives I-589 proceedings from every case and prior orders', () => {
    const detained = formViewFromPerson(record({ cases: [kase('c1', 'removal-detained', 'open', stamp.updatedAt, 'Otay Mesa')] }));
    expect(detained.case).toEqual({
      type: 'removal-detained',
      court: 'Otay Mesa',
      appearanceBefore: 'ice',
      // G-28 Part 3 item 2.b: the specific matter before ICE is never left blank.
      matter: 'Custody, detention and removal',
      clientRole: 'respondent',
      proceedings: 'now',
    });
    expect(formViewFromPerson(record({ history: { priorOrders: 'no' } })).case).toEqual({ type: '', proceedings: 'never' });
    expect(formViewFromPerson(record({ history: { priorOrders: 'yes' } })).case).toEqual({ type: '', proceedings: 'past' });
  });

  it('maps detention and the last entry; a vague manner of entry is not guessed', () => {
    const v = formViewFromPerson(
      record({
        detention: { detained: true, facility: 'Otay Mesa', dateDetained: '2026-10-01' },
        history: { lastEntryDate: '2021-05-01', lastEntryManner: 'EWI' },
      }),
    );
    expect(v.detention).toEqual({ detained: true, facility: 'Otay Mesa', since: '2026-10-01' });
    expect(v.history).toEqual({ entries: [{ date: '2021-05-01', status: 'EWI' }] });
    const visa = formViewFromPerson(record({ history: { lastEntryDate: '2021-05-01', lastEntryManner: 'visa' } }));
    expect(visa.history).toEqual({ entries: [{ date: '2021-05-01' }] });
  });

  it('normalises the attorney block from settings', () => {
    const v = formViewFromPerson(record(), {
      attorney: {
        givenName: ' Ana ',
        familyName: 'Ruiz',
        kind: 'attorney',
        barNumber: '123456',
        address: { street: '50 Fremont St', unit: 'Suite 300', city: 'San Francisco', state: 'CA', zip: '94105', country: 'United States' },
        phone: '(415) 555-0100',
        email: 'ana@example.org',
      },
    });
    expect(v.attorney).toEqual({
      givenName: 'Ana',
      familyName: 'Ruiz',
      kind: 'attorney',
      barNumber: '123456',
      address: { street: '50 Fremont St', unitType: 'ste', unit: '300', city: 'San Francisco', state: 'CA', zip: '94105' },
      phone: '4155550100',
      email: 'ana@example.org',
    });
    // G-28 1.c: "am not subject to any order" is an answer too (false), kept as given.
    expect(attorneyView({ givenName: 'Ana', familyName: 'Ruiz', subjectToOrders: false })).toEqual({
      givenName: 'Ana',
      familyName: 'Ruiz',
      subjectToOrders: false,
    });
    expect(attorneyView({ givenName: 'Ana', familyName: 'Ruiz' })).not.toHaveProperty('subjectToOrders');
    expect(attorneyView({ givenName: ' ', familyName: '' })).toBeUndefined();
    expect(formViewFromPerson(record(), { attorney: null })).not.toHaveProperty('attorney');
  });
});

describe('adapter helpers', () => {
  it.each([
    ['Apt 4B', { type: 'apt', number: '4B' }],
    ['#12', { type: 'apt', number: '12' }],
    ['Suite 300', { type: 'ste', number: '300' }],
    ['Fl. 2', { type: 'flr', number: '2' }],
    ['Piso 3', { type: 'flr', number: '3' }],
    ['4B', { number: '4B' }],
    ['Apt', { type: 'apt' }],
  ])('splitUnit(%j)', (input, expected) => {
    expect(splitUnit(input)).toEqual(expected);
  });

  it('phoneDigits drops punctuation and extensions', () => {
    expect(phoneDigits('555-123-4567')).toBe('5551234567');
    expect(phoneDigits('+52 55 1234 5678')).toBe('525512345678');
    expect(phoneDigits('(415) 555-0100 x 22')).toBe('4155550100');
    expect(phoneDigits('')).toBeUndefined();
    expect(phoneDigits(undefined)).toBeUndefined();
  });
});
