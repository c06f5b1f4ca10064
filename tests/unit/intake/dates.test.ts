import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  checkDate,
  daysBetween,
  dobSchema,
  formatUsDate,
  isoDateFromLocal,
  isoDateSchema,
  isValidIsoDate,
  optionalDateSchema,
  parseUsDate,
  pastDateSchema,
  usDateSchema,
} from '../../../shared/schemas/dates';

const messages = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message);

describe('parseUsDate', () => {
  it.each([
    ['03/07/1990', '1990-03-07'],
    ['3/7/1990', '1990-03-07'],
    [' 12/31/1999 ', '1999-12-31'],
    ['02/29/2000', '2000-02-29'],
    ['1990-03-07', '1990-03-07'],
  ])('%j → %s', (input, iso) => expect(parseUsDate(input)).toBe(iso));

  it.each([
    '02/30/1990',
    '13/01/1990',
    '00/10/1990',
    '02/29/1900',
    '02/29/2023',
    '3/7/90',
    '1990/03/07',
    '07.03.1990',
    '1990-3-7',
    '',
    'x'.repeat(100),
  ])('rejects %j', (input) => expect(parseUsDate(input)).toBeNull());
});

describe('formatUsDate and isValidIsoDate', () => {
  it('round-trips', () => {
    expect(formatUsDate('1990-03-07')).toBe('03/07/1990');
    expect(parseUsDate(formatUsDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('leaves invalid input untouched', () => expect(formatUsDate('03/07/1990')).toBe('03/07/1990'));

  it('validates ISO strictly', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-2-28')).toBe(false);
    expect(isValidIsoDate('2023-02-28T00:00:00Z')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('counts days across DST and leap years in UTC', () => {
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds years, moving 29 February back to the 28th', () => {
    expect(addYears('2023-06-15', 1)).toBe('2024-06-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(() => addYears('2024-02-30', 1)).toThrow(RangeError);
  });

  it('reads a local calendar date from a Date', () => {
    expect(isoDateFromLocal(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('date schemas', () => {
  it('usDateSchema turns MM/DD/YYYY into ISO', () => {
    expect(usDateSchema.parse('03/07/1990')).toBe('1990-03-07');
    expect(messages(usDateSchema.safeParse('02/30/1990'))).toEqual(['date.invalid']);
  });

  it('isoDateSchema accepts only ISO', () => {
    expect(isoDateSchema.parse('1990-03-07')).toBe('1990-03-07');
    expect(messages(isoDateSchema.safeParse('03/07/1990'))).toEqual(['date.invalid']);
    expect(messages(isoDateSchema.safeParse(19900307))).toEqual(['date.invalid']);
  });

  it('refuses implausible years', () => {
    expect(messages(isoDateSchema.safeParse('1899-12-31'))).toEqual(['date.tooEarly']);
    expect(messages(isoDateSchema.safeParse('2200-01-01'))).toEqual(['date.tooLate']);
  });

  it('pastDateSchema refuses the future against the given today', () => {
    const schema = pastDateSchema('2025-06-01', 'us');
    expect(schema.parse('06/01/2025')).toBe('2025-06-01');
    expect(messages(schema.safeParse('06/02/2025'))).toEqual(['date.future']);
  });

  it('reads a today function at every validation', () => {
    let today = '2025-06-01';
    const schema = dobSchema(() => today);
    expect(schema.safeParse('2025-06-02').success).toBe(false);
    today = '2025-06-02';
    expect(schema.safeParse('2025-06-02').success).toBe(true);
  });

  it('optional dates map blanks to undefined', () => {
    const schema = optionalDateSchema({ input: 'us' });
    for (const blank of ['', ' ', null, undefined]) expect(schema.parse(blank)).toBeUndefined();
    expect(schema.parse('1/2/2003')).toBe('2003-01-02');
  });

  it('checkDate reports the first broken rule', () => {
    expect(checkDate('2030-01-01', { notAfter: '2025-01-01', max: '2029-12-31' })).toEqual({ error: 'date.tooLate' });
    expect(checkDate('2026-01-01', { notAfter: '2025-01-01' })).toEqual({ error: 'date.future' });
    expect(checkDate('2024-01-01', { notAfter: '2025-01-01' })).toEqual({ value: '2024-01-01' });
  });
});
