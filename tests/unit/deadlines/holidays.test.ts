import { describe, expect, it } from 'vitest';
import { dcInaugurationDay, federalHolidays, holidayOn, isBusinessDay } from '../../../shared/deadlines';
import { expectCode } from './helpers';

// An independent reckoning, deliberately unlike the engine's: it walks every
// day of the month with JS Date objects instead of computing offsets.
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function weekdaysOfMonth(year: number, monthIndex: number, weekday: number): Date[] {
  const found: Date[] = [];
  for (let day = 1; day <= 31; day++) {
    const d = new Date(Date.UTC(year, monthIndex, day));
    if (d.getUTCMonth() !== monthIndex) break;
    if (d.getUTCDay() === weekday) found.push(d);
  }
  return found;
}

function shiftOffWeekend(d: Date): Date {
  const out = new Date(d.getTime());
  if (d.getUTCDay() === 6) out.setUTCDate(out.getUTCDate() - 1);
  if (d.getUTCDay() === 0) out.setUTCDate(out.getUTCDate() + 1);
  return out;
}

function expectedDaysOff(year: number): string[] {
  const days: string[] = [];
  for (const y of [year, year + 1]) {
    const fixed = [
      [0, 1],
      [6, 4],
      [10, 11],
      [11, 25],
    ];
    if (y >= 2021) fixed.push([5, 19]);
    for (const [m, d] of fixed) days.push(iso(shiftOffWeekend(new Date(Date.UTC(y, m!, d!)))));
    const mondays = (m: number) => weekdaysOfMonth(y, m, 1);
    days.push(iso(mondays(0)[2]!)); // MLK: third Monday of January
    days.push(iso(mondays(1)[2]!)); // Washington's Birthday: third Monday of February
    days.push(iso(mondays(4).at(-1)!)); // Memorial Day: last Monday of May
    days.push(iso(mondays(8)[0]!)); // Labor Day: first Monday of September
    days.push(iso(mondays(9)[1]!)); // Columbus Day: second Monday of October
    days.push(iso(weekdaysOfMonth(y, 10, 4)[3]!)); // Thanksgiving: fourth Thursday of November
  }
  return days.filter((d) => d.startsWith(`${year}-`)).sort();
}

describe('federalHolidays', () => {
  for (let year = 2021; year <= 2035; year++) {
    it(`matches an independent computation for ${year}`, () => {
      expect(federalHolidays(year).map((h) => h.date)).toEqual(expectedDaysOff(year));
    });
  }

  it('lists the observed day off in the previous year when New Year falls on a Saturday', () => {
    const dec31 = federalHolidays(2021).find((h) => h.date === '2021-12-31');
    expect(dec31).toEqual({ date: '2021-12-31', name: "New Year's Day", es: 'Año Nuevo', actual: '2022-01-01' });
    expect(federalHolidays(2022).some((h) => h.name === "New Year's Day")).toBe(false);
    expect(federalHolidays(2021)).toHaveLength(12);
    expect(federalHolidays(2022)).toHaveLength(10);
  });

  it('knows the observed dates of 2021-2027', () => {
    const all = [2021, 2022, 2023, 2026, 2027].flatMap((y) => federalHolidays(y).map((h) => `${h.date} ${h.name}`));
    expect(all).toContain('2021-06-18 Juneteenth National Independence Day');
    expect(all).toContain('2022-06-20 Juneteenth National Independence Day');
    expect(all).toContain("2023-01-02 New Year's Day");
    expect(all).toContain('2026-07-03 Independence Day');
    expect(all).toContain('2027-12-24 Christmas Day');
    expect(all).toContain("2027-12-31 New Year's Day");
  });

  it('has no Juneteenth before 2021 and gives the eleven statutory names', () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(federalHolidays(2025).map((h) => h.name)).toEqual([
      "New Year's Day",
      'Birthday of Martin Luther King, Jr.',
      "Washington's Birthday",
      'Memorial Day',
      'Juneteenth National Independence Day',
      'Independence Day',
      'Labor Day',
      'Columbus Day',
      'Veterans Day',
      'Thanksgiving Day',
      'Christmas Day',
    ]);
  });

  it('does not treat Inauguration Day as a national holiday', () => {
    expect(holidayOn('2029-01-22')).toBeUndefined();
    expect(isBusinessDay('2021-01-20')).toBe(true);
    expect(dcInaugurationDay(2025)).toBe('2025-01-20');
    expect(dcInaugurationDay(2026)).toBeNull();
    expect(dcInaugurationDay(2013)).toBe('2013-01-21');
  });

  it('rejects a nonsense year', () => {
    expectCode(() => federalHolidays(2021.5), 'INVALID_INPUT');
    expectCode(() => federalHolidays(99999), 'INVALID_INPUT');
  });
});

describe('isBusinessDay', () => {
  it('excludes weekends, holidays (observed ones too) and closures', () => {
    expect(isBusinessDay('2025-11-26')).toBe(true);
    expect(isBusinessDay('2025-11-27')).toBe(false);
    expect(isBusinessDay('2025-11-29')).toBe(false);
    expect(isBusinessDay('2025-11-30')).toBe(false);
    expect(isBusinessDay('2021-12-31')).toBe(false);
    expect(isBusinessDay('2022-01-03')).toBe(true);
    expect(isBusinessDay('2022-01-03', ['2022-01-03'])).toBe(false);
    expect(isBusinessDay('2022-01-04', ['2022-01-03'])).toBe(true);
  });

  it('rejects impossible dates', () => {
    expectCode(() => isBusinessDay('2023-02-30'), 'BAD_DATE');
    expectCode(() => isBusinessDay('abc'), 'BAD_DATE');
  });
});
