import { describe, expect, it } from 'vitest';
import { aNumberSchema, formatANumber, normalizeANumber, optionalANumberSchema } from '../../../shared/schemas/anumber';
import { namesFixture } from './fixtures';

const fixture = namesFixture().aNumbers;

describe('normalizeANumber', () => {
  it.each(fixture.valid)('accepts fixture %s as %s', (input, expected) => {
    expect(normalizeANumber(input)).toBe(expected);
  });

  it.each(fixture.invalid)('rejects fixture %j', (input) => {
    expect(normalizeANumber(input)).toBeNull();
  });

  it.each([
    ['A 012 345 678', '012345678'],
    ['a-12-345-678', '012345678'],
    ['  A012345678  ', '012345678'],
    ['A#012345678', '012345678'],
    ['12345678', '012345678'],
    ['A00000001', '000000001'],
  ])('accepts separators and short forms: %j', (input, expected) => {
    expect(normalizeANumber(input)).toBe(expected);
  });

  it.each([
    'A0000000', // all zeros after padding
    'A-000-000-000',
    '1234567',
    '1234567890',
    'B012345678',
    '012345678A',
    'AA12345678',
    'A.012.345.678',
    '０１２３４５６７８', // full-width digits are not what notices print
    'A'.repeat(10_000),
  ])('rejects %j', (input) => {
    expect(normalizeANumber(input)).toBeNull();
  });
});

describe('formatANumber', () => {
  it('formats 9 digits for display', () => {
    expect(formatANumber('012345678')).toBe('A-012-345-678');
    expect(formatANumber('a 12345678')).toBe('A-012-345-678');
  });

  it('leaves anything that is not an A-number untouched', () => {
    expect(formatANumber('unknown')).toBe('unknown');
  });
});

describe('aNumberSchema', () => {
  it('outputs 9 digits', () => {
    expect(aNumberSchema.parse('A-12-345-678')).toBe('012345678');
  });

  it('uses the aNumber.invalid message key', () => {
    const result = aNumberSchema.safeParse('A12B45678');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['aNumber.invalid']);
  });

  it('refuses empty and oversized input', () => {
    expect(aNumberSchema.safeParse('').success).toBe(false);
    expect(aNumberSchema.safeParse('1'.repeat(10_000_000)).error?.issues[0]?.message).toBe('aNumber.invalid');
  });

  it('optional variant maps blank, null and missing to undefined', () => {
    for (const blank of ['', '   ', null, undefined]) expect(optionalANumberSchema.parse(blank)).toBeUndefined();
    expect(optionalANumberSchema.parse('212345678')).toBe('212345678');
    expect(optionalANumberSchema.safeParse('A1234567').error?.issues[0]?.message).toBe('aNumber.invalid');
  });
});
