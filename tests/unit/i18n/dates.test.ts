import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantDate, formatMaybeDate, formatTime, localIsoDate } from '../../../shared/i18n/dates';
import { showEn, showEs } from '../../../shared/deadlines/trail';

describe('formatDate', () => {
  it('writes the month as a word, in the order of each language', () => {
    expect(formatDate('1990-05-14', 'en')).toBe('May 14, 1990');
    expect(formatDate('1990-05-14', 'es')).toBe('14 may 1990');
    expect(formatDate('2026-12-02', 'en', 'weekday')).toBe('Wed, Dec 2, 2026');
    expect(formatDate('2026-12-02', 'es', 'weekday')).toBe('mié 2 dic 2026');
    expect(formatDate('2026-12-02', 'en', 'weekdayShort')).toBe('Wed, Dec 2');
    expect(formatDate('2026-12-02', 'es', 'weekdayShort')).toBe('mié 2 dic');
  });

  it('never gives two readings of one date: 05/04 and 04/05 stay apart in both languages', () => {
    const may4 = ['en', 'es'].map((l) => formatDate('1990-05-04', l as 'en' | 'es'));
    const apr5 = ['en', 'es'].map((l) => formatDate('1990-04-05', l as 'en' | 'es'));
    expect(may4).toEqual(['May 4, 1990', '4 may 1990']);
    expect(apr5).toEqual(['Apr 5, 1990', '5 abr 1990']);
    for (const s of [...may4, ...apr5]) expect(s).not.toMatch(/\d+\/\d+/);
  });

  it('has every month and weekday in both languages', () => {
    const en = Array.from({ length: 12 }, (_, m) => formatDate(`2026-${String(m + 1).padStart(2, '0')}-01`, 'en').split(' ')[0]);
    const es = Array.from({ length: 12 }, (_, m) => formatDate(`2026-${String(m + 1).padStart(2, '0')}-01`, 'es').split(' ')[1]);
    expect(en).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(es).toEqual(['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic']);
    // 2026-03-01 is a Sunday.
    const days = Array.from({ length: 7 }, (_, d) => `2026-03-0${d + 1}`);
    expect(days.map((d) => formatDate(d, 'en', 'weekdayShort').slice(0, 3))).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(days.map((d) => formatDate(d, 'es', 'weekdayShort').split(' ')[0])).toEqual(['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb']);
  });

  it('gives back what is not a real date, so a bad value is seen rather than hidden', () => {
    expect(formatDate('2026-02-30', 'en')).toBe('2026-02-30');
    expect(formatDate('05/14/1990', 'es')).toBe('05/14/1990');
    expect(formatDate('', 'es')).toBe('');
    expect(formatMaybeDate(null, 'en')).toBe('');
    expect(formatMaybeDate('2024-02-29', 'es')).toBe('29 feb 2024');
  });

  it('is what the deadline trails print', () => {
    expect(showEn('2023-10-16')).toBe('Mon, Oct 16, 2023');
    expect(showEs('2023-10-16')).toBe('lun 16 oct 2023');
  });
});

describe('instants', () => {
  // Built from local parts, so the test holds in any time zone.
  const at = new Date(2026, 0, 5, 15, 7, 30);
  const afterMidnight = new Date(2026, 0, 5, 0, 4);

  it('shows a local clock time, 12-hour in English and 24-hour in Spanish', () => {
    expect(formatTime(at, 'en')).toBe('3:07 PM');
    expect(formatTime(at, 'es')).toBe('15:07');
    expect(formatTime(afterMidnight, 'en')).toBe('12:04 AM');
    expect(formatTime(afterMidnight, 'es')).toBe('00:04');
    expect(formatTime('not a time', 'en')).toBe('');
  });

  it('shows the local date and time of a recorded instant', () => {
    const iso = at.toISOString();
    expect(localIsoDate(at)).toBe('2026-01-05');
    expect(formatDateTime(iso, 'en')).toBe('Jan 5, 2026, 3:07 PM');
    expect(formatDateTime(iso, 'es')).toBe('5 ene 2026, 15:07');
    expect(formatInstantDate(iso, 'es')).toBe('5 ene 2026');
    expect(formatDateTime('garbage', 'es')).toBe('garbage');
  });
});
