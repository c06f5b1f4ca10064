import { describe, expect, it } from 'vitest';
import { asylumOneYearDeadline, urgencyFlags, type UrgencyInput } from '../../../shared/intake/urgency';

const TODAY = '2025-06-01';
const base: UrgencyInput = { detained: false, caseTypes: [] };
const codes = (input: Partial<UrgencyInput>, today = TODAY) => urgencyFlags({ ...base, ...input }, today).map((f) => f.code);

describe('urgencyFlags', () => {
  it('flags nothing for a calm case', () => {
    expect(urgencyFlags(base, TODAY)).toEqual([]);
  });

  it('flags detention without a day count', () => {
    expect(urgencyFlags({ ...base, detained: true }, TODAY)).toEqual([{ code: 'detained', daysLeft: null }]);
  });

  it('flags a hearing from today through 21 days out', () => {
    expect(urgencyFlags({ ...base, nextHearingDate: '2025-06-22' }, TODAY)).toEqual([
      { code: 'hearing-soon', daysLeft: 21, date: '2025-06-22' },
    ]);
    expect(codes({ nextHearingDate: TODAY })).toEqual(['hearing-soon']);
    expect(codes({ nextHearingDate: '2025-06-15' })).toEqual(['hearing-soon']);
    expect(codes({ nextHearingDate: '2025-06-23' })).toEqual([]);
    expect(codes({ nextHearingDate: '2025-05-31' })).toEqual([]);
    expect(codes({ nextHearingDate: 'not a date' })).toEqual([]);
  });

  it('counts days across a month end in UTC', () => {
    expect(urgencyFlags({ ...base, nextHearingDate: '2025-03-10' }, '2025-02-28')[0]?.daysLeft).toBe(10);
  });

  describe('asylum one-year deadline', () => {
    const asylum = { caseTypes: ['asylum-affirmative'] as const };

    it('is the anniversary of the last entry', () => {
      expect(asylumOneYearDeadline('2024-07-31')).toBe('2025-07-31');
      expect(asylumOneYearDeadline('2024-02-29')).toBe('2025-02-28');
    });

    it('warns within 60 days, counting the deadline day', () => {
      expect(urgencyFlags({ ...base, ...asylum, lastEntryDate: '2024-07-31' }, TODAY)).toEqual([
        { code: 'asylum-one-year-within-60-days', daysLeft: 60, date: '2025-07-31' },
      ]);
      expect(codes({ ...asylum, lastEntryDate: '2024-08-01' })).toEqual([]);
      expect(urgencyFlags({ ...base, ...asylum, lastEntryDate: '2024-06-01' }, TODAY)[0]?.daysLeft).toBe(0);
    });

    it('flags a passed deadline with negative days', () => {
      expect(urgencyFlags({ ...base, caseTypes: ['asylum-defensive'], lastEntryDate: '2024-05-31' }, TODAY)).toEqual([
        { code: 'asylum-one-year-passed', daysLeft: -1, date: '2025-05-31' },
      ]);
    });

    it('applies only to asylum cases not yet filed', () => {
      expect(codes({ caseTypes: ['tps'], lastEntryDate: '2024-07-01' })).toEqual([]);
      expect(codes({ ...asylum, lastEntryDate: '2024-07-01', asylumFiled: true })).toEqual([]);
      expect(codes({ ...asylum, lastEntryDate: null })).toEqual([]);
    });
  });

  it('returns several flags in a fixed order', () => {
    expect(
      codes({
        detained: true,
        nextHearingDate: '2025-06-03',
        caseTypes: ['removal-detained', 'asylum-defensive'],
        lastEntryDate: '2024-06-20',
        needsText: 'necesita insulina',
        eadExpiry: '2025-05-01',
      }),
    ).toEqual(['detained', 'medical', 'hearing-soon', 'asylum-one-year-within-60-days', 'work-permit-expired']);
  });

  describe('medical needs, as volunteers type them', () => {
    const terms = (needsText: string) => urgencyFlags({ ...base, needsText }, TODAY).find((f) => f.code === 'medical')?.terms ?? [];

    it('finds Spanish and English words, with or without accents, in any case', () => {
      expect(terms('Toma MEDICINA para la presion alta')).toEqual(['MEDICINA', 'presion alta']);
      expect(terms('Está embarazada y es diabética')).toEqual(['embarazada', 'diabética']);
      expect(terms('esta embarazada, diabetica')).toEqual(['embarazada', 'diabetica']);
      expect(terms('needs insulin twice a day; asthma inhaler')).toEqual(['insulin', 'asthma', 'inhaler']);
      expect(terms('Medicación diaria, tiene VIH')).toEqual(['Medicación', 'VIH']);
      expect(terms('pregnant, 6 months')).toEqual(['pregnant']);
    });

    it('flags nothing for needs that are not medical, and no word that only contains a short term', () => {
      expect(terms('Necesita ropa y un abogado')).toEqual([]);
      expect(terms('painting, illegal entry, stable job')).toEqual([]);
      expect(terms('')).toEqual([]);
    });
  });

  describe('work permit', () => {
    it('flags an expired permit and one expiring within 90 days', () => {
      expect(urgencyFlags({ ...base, eadExpiry: '2025-05-31' }, TODAY)).toEqual([
        { code: 'work-permit-expired', daysLeft: -1, date: '2025-05-31' },
      ]);
      expect(urgencyFlags({ ...base, eadExpiry: '2025-08-30' }, TODAY)).toEqual([
        { code: 'work-permit-expiring', daysLeft: 90, date: '2025-08-30' },
      ]);
      expect(codes({ eadExpiry: TODAY })).toEqual(['work-permit-expiring']);
      expect(codes({ eadExpiry: '2025-08-31' })).toEqual([]);
      expect(codes({ eadExpiry: null })).toEqual([]);
    });
  });

  it('refuses an invalid today rather than guessing', () => {
    expect(() => urgencyFlags(base, '06/01/2025')).toThrow(RangeError);
  });
});
