import { describe, expect, expectTypeOf, it } from 'vitest';
import { createIntakeSchemas, isPlausiblePhone, type FullIntake, type Person } from '../../../shared/schemas/intake';
import { namesFixture } from './fixtures';

const TODAY = '2025-06-01';
const form = createIntakeSchemas({ dates: 'us', today: TODAY });
const ipc = createIntakeSchemas({ dates: 'iso', today: TODAY });

type Issues = { error?: { issues: { message: string; path: PropertyKey[] }[] } };
const issues = (r: Issues) => r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

const quick = { givenName: 'José', familyName: 'García', dob: '03/07/1990', phone: '(555) 123-4567', detained: false };

describe('strings', () => {
  it('trims and NFC-normalises, keeping every fixture name byte for byte', () => {
    for (const p of namesFixture().people) {
      const parsed = form.quickIntake.parse({ ...quick, givenName: ` ${p.given.normalize('NFD')} `, familyName: p.family });
      expect(parsed.givenName).toBe(p.given.normalize('NFC'));
      expect(parsed.familyName).toBe(p.family.normalize('NFC'));
    }
  });

  it('allows an empty family name (mononyms) but not an empty given name', () => {
    expect(form.quickIntake.parse({ ...quick, familyName: '' }).familyName).toBe('');
    expect(form.quickIntake.parse({ ...quick, familyName: undefined }).familyName).toBe('');
    expect(issues(form.quickIntake.safeParse({ ...quick, givenName: '   ' }))).toEqual(['givenName:text.required']);
  });

  it('refuses hostile 10 MB values with a message key', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(issues(form.quickIntake.safeParse({ ...quick, givenName: huge }))).toEqual(['givenName:text.tooLong']);
    const full = {
      person: { givenName: 'A', approxAge: 30 },
      detention: { detained: false },
      history: {},
      notes: huge,
      consent: { date: TODAY, how: 'verbal', language: 'es' },
    };
    expect(issues(ipc.fullIntake.safeParse(full))).toEqual(['notes:text.tooLong']);
  });

  it('measures limits after trimming', () => {
    expect(form.quickIntake.safeParse({ ...quick, givenName: `${'a'.repeat(200)}   ` }).success).toBe(true);
    expect(issues(form.quickIntake.safeParse({ ...quick, givenName: 'a'.repeat(201) }))).toEqual(['givenName:text.tooLong']);
  });

  it('refuses control characters in single-line fields but keeps newlines in notes', () => {
    expect(issues(form.quickIntake.safeParse({ ...quick, givenName: 'Ana\u0000' }))).toEqual(['givenName:text.invalidCharacters']);
    expect(issues(form.quickIntake.safeParse({ ...quick, familyName: 'Ana\nB' }))).toEqual(['familyName:text.invalidCharacters']);
    expect(form.quickIntake.parse({ ...quick, urgentNeeds: 'line 1\r\n\tline 2' }).urgentNeeds).toBe('line 1\r\n\tline 2');
  });
});

describe('quickIntake', () => {
  it('turns form dates into ISO', () => {
    const q = form.quickIntake.parse({ ...quick, nextHearingDate: '7/1/2025' });
    expect(q).toMatchObject({ dob: '1990-03-07', nextHearingDate: '2025-07-01', urgentNeeds: '' });
  });

  it('needs a date of birth or an approximate age', () => {
    expect(issues(form.quickIntake.safeParse({ ...quick, dob: '' }))).toEqual(['dob:person.dobOrAgeRequired']);
    expect(form.quickIntake.parse({ ...quick, dob: '', approxAge: '34' }).approxAge).toBe(34);
    expect(form.quickIntake.parse({ ...quick, dob: undefined, approxAge: 34 }).approxAge).toBe(34);
    expect(issues(form.quickIntake.safeParse({ ...quick, approxAge: '3.5' }))).toEqual(['approxAge:age.invalid']);
    expect(issues(form.quickIntake.safeParse({ ...quick, approxAge: 131 }))).toEqual(['approxAge:age.invalid']);
    expect(form.quickIntake.parse({ ...quick, approxAge: Number.NaN }).approxAge).toBeUndefined();
  });

  it('refuses a future or impossible date of birth', () => {
    expect(issues(form.quickIntake.safeParse({ ...quick, dob: '06/02/2025' }))).toEqual(['dob:date.future']);
    expect(issues(form.quickIntake.safeParse({ ...quick, dob: '02/30/1990' }))).toEqual(['dob:date.invalid']);
    expect(issues(form.quickIntake.safeParse({ ...quick, dob: '01/01/1899' }))).toEqual(['dob:date.tooEarly']);
  });

  it('needs a facility when detained, alongside other errors', () => {
    expect(issues(form.quickIntake.safeParse({ ...quick, detained: true }))).toEqual(['facility:detention.facilityRequired']);
    expect(issues(form.quickIntake.safeParse({ ...quick, detained: true, phone: 'call me' }))).toEqual([
      'phone:phone.invalid',
      'facility:detention.facilityRequired',
    ]);
    expect(form.quickIntake.parse({ ...quick, detained: true, facility: 'Adelanto ICE Processing Center' }).facility).toBeDefined();
  });

  it('IPC variant accepts ISO only', () => {
    expect(ipc.quickIntake.parse({ ...quick, dob: '1990-03-07' }).dob).toBe('1990-03-07');
    expect(issues(ipc.quickIntake.safeParse(quick))).toEqual(['dob:date.invalid']);
  });
});

describe('person', () => {
  const person = { givenName: 'Ana', dob: '1990-03-07' };

  it('fills defaults and normalises identifiers', () => {
    const p = ipc.person.parse({ ...person, aNumber: 'A 12-345-678', aliases: ['Anita', '  '], languages: ['es', "K'iche'"], sex: '' });
    expect(p).toEqual({
      givenName: 'Ana',
      familyName: '',
      aliases: ['Anita'],
      dob: '1990-03-07',
      languages: ['es', "K'iche'"],
      interpreterNeeded: false,
      aNumber: '012345678',
      additionalContacts: [],
    });
  });

  it('validates sex, phone and email', () => {
    expect(ipc.person.parse({ ...person, sex: 'female' }).sex).toBe('female');
    expect(issues(ipc.person.safeParse({ ...person, sex: 'x' }))).toEqual(['sex:option.invalid']);
    expect(issues(ipc.person.safeParse({ ...person, email: 'not-an-email' }))).toEqual(['email:email.invalid']);
    expect(ipc.person.parse({ ...person, email: ' ana@example.org ' }).email).toBe('ana@example.org');
    expect(ipc.person.parse({ ...person, email: '' }).email).toBeUndefined();
    expect(issues(ipc.person.safeParse({ ...person, aNumber: 'A123' }))).toEqual(['aNumber:aNumber.invalid']);
  });

  it('drops an untouched address and flags a half-filled one at the missing fields', () => {
    const blank = { street: '', unit: '', city: '', state: '', zip: '', country: '' };
    expect(ipc.person.parse({ ...person, address: blank }).address).toBeUndefined();
    expect(issues(ipc.person.safeParse({ ...person, address: { ...blank, street: '1 Main St' } }))).toEqual([
      'address.city:text.required',
      'address.state:text.required',
      'address.zip:text.required',
    ]);
    const full = { street: '1 Main St', city: 'Tucson', state: 'AZ', zip: '85701' };
    expect(ipc.person.parse({ ...person, address: full }).address).toEqual(full);
  });

  it('validates the safe contact as a group', () => {
    expect(ipc.person.parse({ ...person, safeContact: { name: '', phone: '', relationship: '' } }).safeContact).toBeUndefined();
    expect(issues(ipc.person.safeParse({ ...person, safeContact: { name: 'Rosa', phone: '12', relationship: 'sister' } }))).toEqual([
      'safeContact.phone:phone.invalid',
    ]);
  });

  it('strips unknown keys so they never reach storage', () => {
    expect(ipc.person.parse({ ...person, isAdmin: true })).not.toHaveProperty('isAdmin');
  });
});

describe('cases, family, consent and full intake', () => {
  const full = {
    person: { givenName: 'Wideline', familyName: 'Pierre-Louis', dob: '04/05/1988' },
    detention: { detained: true, facility: 'Krome', dateDetained: '05/01/2025' },
    history: { lastEntryDate: '08/15/2024', lastEntryManner: 'CBP One', priorOrders: 'no', tpsCountry: 'Haiti', tpsStatus: 'pending' },
    cases: [
      { type: 'asylum-defensive', court: 'Miami Krome', nextHearing: { date: '06/10/2025', time: '9:00', kind: 'master' } },
      { type: 'bond', status: 'pending', nextHearing: { date: '', time: '', kind: '' } },
    ],
    family: [{ name: 'Jean Pierre-Louis', relationship: 'son', usCitizen: true }],
    notes: 'Needs Haitian Creole interpreter.',
    // The form asks first whether consent was given (issue #8): the details are required only then.
    consent: { given: true, date: '05/20/2025', how: 'verbal', language: 'Haitian Creole' },
  };

  it('parses a complete form into ISO output', () => {
    const f: FullIntake = form.fullIntake.parse(full);
    expect(f.person.dob).toBe('1988-04-05');
    expect(f.history).toMatchObject({ lastEntryDate: '2024-08-15', priorOrders: 'no' });
    expect(f.cases[0]?.nextHearing).toEqual({ date: '2025-06-10', time: '09:00', kind: 'master' });
    expect(f.cases[0]?.status).toBe('open');
    expect(f.cases[1]?.nextHearing).toBeUndefined();
    expect(f.family[0]?.usCitizen).toBe(true);
    // What the renderer sends is what the main process accepts.
    expect(ipc.fullIntake.parse(f)).toEqual(f);
  });

  it('reports nested errors with paths and keys', () => {
    const bad = {
      ...full,
      cases: [{ type: 'divorce' }, { type: 'tps', nextHearing: { date: '06/10/2025', time: '25:00' } }],
      family: [{ name: '', relationship: 'son' }],
      consent: { given: true, date: '06/02/2025', how: 'email', language: 'es' },
    };
    expect(issues(form.fullIntake.safeParse(bad))).toEqual([
      'cases.0.type:option.invalid',
      'cases.1.nextHearing.time:time.invalid',
      'family.0.name:text.required',
      'consent.date:date.future',
      'consent.how:option.invalid',
    ]);
  });

  it('bounds list sizes', () => {
    const many = Array.from({ length: 101 }, () => ({ name: 'X', relationship: 'cousin' }));
    expect(issues(form.fullIntake.safeParse({ ...full, family: many }))).toEqual(['family:list.tooLong']);
  });

  it('exports output types that match the parsed values', () => {
    expectTypeOf<Person['dob']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Person['familyName']>().toEqualTypeOf<string>();
    expectTypeOf<FullIntake['cases'][number]['type']>().toEqualTypeOf<
      | 'removal-detained'
      | 'removal-nondetained'
      | 'tps'
      | 'asylum-affirmative'
      | 'asylum-defensive'
      | 'ead'
      | 'bond'
      | 'bia-appeal'
      | 'motion-to-reopen'
      | 'other'
    >();
  });
});

describe('isPlausiblePhone', () => {
  it.each(['(555) 123-4567', '+1 555 123 4567', '555.123.4567', '+502 5555 1234', '555-123-4567 ext. 12', '5551234567x3'])(
    'accepts %j',
    (s) => expect(isPlausiblePhone(s)).toBe(true),
  );
  it.each(['123', 'call me', '555-CALL-NOW', '+1 (555) 123-4567-8901-2345', '=1+2'])('rejects %j', (s) =>
    expect(isPlausiblePhone(s)).toBe(false),
  );
});
