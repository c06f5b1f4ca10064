import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/schemas/dates';
import {
  editSchema,
  emptyFull,
  emptyQuick,
  formSchemas,
  isBlank,
  probeOf,
  quickToFull,
  toEditValues,
  todayIso,
  urgencyOf,
  urgencyOfQuick,
} from '../../../renderer/src/features/intake/model';
import { en } from '../../../shared/i18n/en';
import { es } from '../../../shared/i18n/es';
import { REASON_CODES } from '../../../shared/intake/duplicates';
import { CSV_FIELDS } from '../../../shared/contract';
import type { PersonView } from '../../../shared/views';

const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

describe('intake form model', () => {
  it('the quick form validates MM/DD/YYYY and gives ISO out', () => {
    const ok = formSchemas.quickIntake.safeParse({
      ...emptyQuick(),
      givenName: ' José ',
      dob: '3/7/1990',
      phone: '555 010 2020',
      detained: false,
    });
    expect(ok.success).toBe(true);
    expect(ok.data?.dob).toBe('1990-03-07');
    expect(ok.data?.givenName).toBe('José');
  });

  it('reports impossible, future and missing values as catalog keys that exist in both languages', () => {
    const bad = formSchemas.quickIntake.safeParse({ ...emptyQuick(), givenName: '', dob: '02/30/1990', phone: '' }); // a blank name: phone is optional since issue 8
    expect(bad.success).toBe(false);
    const future = formSchemas.person.safeParse({ ...emptyFull().person, givenName: 'A', dob: us(addDays(todayIso(), 3)), aNumber: 'A12' });
    const keys = [...bad.error!.issues, ...future.error!.issues].map((i) => i.message);
    expect(keys).toEqual(expect.arrayContaining(['date.invalid', 'text.required', 'option.invalid', 'date.future', 'aNumber.invalid']));
    for (const k of keys) {
      expect(en, k).toHaveProperty([k]);
      expect(es, k).toHaveProperty([k]);
    }
  });

  it('every duplicate reason and CSV field has a label in both languages', () => {
    for (const code of REASON_CODES) {
      expect(Object.prototype.hasOwnProperty.call(en, `dup.reason.${code}`), code).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(es, `dup.reason.${code}`), code).toBe(true);
    }
    for (const f of CSV_FIELDS) expect(Object.prototype.hasOwnProperty.call(en, `csvField.${f}`), f).toBe(true);
  });

  it('urgency flags follow what is typed', () => {
    const soon = us(addDays(todayIso(), 5));
    expect(urgencyOfQuick({ detained: true, nextHearingDate: soon }).map((f) => f.code)).toEqual(['detained', 'hearing-soon']);
    expect(urgencyOfQuick({ detained: false, nextHearingDate: '02/30/2030' })).toEqual([]);
    const arrived = us(addDays(todayIso(), -340));
    const flags = urgencyOf({
      detained: false,
      hearingDates: [],
      lastEntryDate: arrived,
      cases: [{ type: 'asylum-defensive', status: 'open' }],
    });
    expect(flags.map((f) => f.code)).toEqual(['asylum-one-year-within-60-days']);
  });

  it('the duplicate probe uses only valid dates and A-numbers', () => {
    expect(probeOf('', ' ', '', '')).toBeNull();
    expect(probeOf('Ana', 'Pérez', '13/45/1990', 'A12')).toEqual({ given: 'Ana', family: 'Pérez' });
    expect(probeOf('Ana', 'Pérez', '01/02/1990', 'A# 12-345-678')).toEqual({
      given: 'Ana',
      family: 'Pérez',
      dob: '1990-01-02',
      aNumber: '012345678',
    });
  });

  it('a quick intake moves to the full form without losing anything', () => {
    const full = quickToFull({
      ...emptyQuick(),
      givenName: 'Luz',
      familyName: 'Quispe',
      dob: '01/01/1990',
      phone: '555 0101 22',
      detained: true,
      facility: 'X',
      nextHearingDate: '05/05/2031',
      urgentNeeds: 'ride',
    });
    expect(full.person.givenName).toBe('Luz');
    expect(full.detention).toMatchObject({ detained: true, facility: 'X' });
    expect(full.cases?.[0]).toMatchObject({ type: 'removal-detained', nextHearing: { date: '05/05/2031', kind: 'master' } });
    expect(full.notes).toBe('ride');
    expect(isBlank(emptyFull(), new Set(['consent']))).toBe(true);
    expect(isBlank(emptyQuick())).toBe(true);
    expect(isBlank(full, new Set(['consent']))).toBe(false);
  });

  it('a stored record round-trips through the edit form unchanged', () => {
    const data = {
      person: {
        ...formSchemas.person.parse({
          ...emptyFull().person,
          givenName: 'Nguyễn',
          familyName: 'Thị Bích',
          dob: '1985-12-01',
          aNumber: '12345678',
          languages: ['Vietnamese'],
        }),
      },
      detention: formSchemas.detention.parse({ detained: false }),
      history: formSchemas.history.parse({ lastEntryDate: '2019-06-30' }),
      family: [],
      notes: 'n',
      urgentNeeds: '',
    };
    const view = {
      ...data,
      id: 'x',
      version: 1,
      createdAt: '',
      createdBy: '',
      updatedAt: '',
      updatedBy: '',
      cases: [],
      urgency: [],
    } as PersonView;
    const values = toEditValues(view);
    expect(values.person.dob).toBe('12/01/1985');
    expect(values.person.aNumber).toBe('A-012-345-678');
    const back = editSchema.parse(values);
    expect(back.person).toEqual(data.person);
    expect(back.history).toEqual(data.history);
    expect(back.consent).toBeUndefined();
  });
});
