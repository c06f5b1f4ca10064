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

  it('flags a hearing from today through 14 days out', () => {
    expect(urgencyFlags({ ...base, nextHearingDate: '2025-06-15' }, TODAY)).toEqual([
      { code: 'hearing-within-14-days', daysLeft: 14, date: '2025-06-15' },
    ]);
    expect(codes({ nextHearingDate: TODAY })).toEqual(['hearing-within-14-days']);
    expect(codes({ nextHearingDate: '2025-06-16' })).toEqual([]);
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
      }),
    ).toEqual(['detained', 'hearing-within-14-days', 'asylum-one-year-within-60-days']);
  });

  it('refuses an invalid today rather than guessing', () => {
    expect(() => urgencyFlags(base, '06/01/2025')).toThrow(RangeError);
  });
});
