import { describe, expect, it } from 'vitest';
import { foldForSearch, romanize } from '../../../shared/intake/normalize';
import { namesFixture } from './fixtures';

describe('foldForSearch', () => {
  it.each([
    ['José María García López', 'jose maria garcia lopez'],
    ['Nguyễn Thị Minh Khai', 'nguyen thi minh khai'],
    ['Đặng Văn Đức', 'dang van duc'],
    ['Søren Ødegård', 'soren odegard'],
    ['Straße', 'strasse'],
    ['Æsa Łukasz', 'aesa lukasz'],
    ['İsmail Yıldız', 'ismail yildiz'],
    ['Muñoz Ibáñez', 'munoz ibanez'],
    ['Çelik', 'celik'],
    ['  Ana   Lucía ', 'ana lucia'],
    ['Tz’ul', "tz'ul"],
    ['Pierre‐Louis', 'pierre-louis'],
    ['ＪＯＳＥ', 'jose'],
  ])('%j → %j', (input, folded) => expect(foldForSearch(input)).toBe(folded));

  it('folds decomposed input like precomposed input', () => {
    expect(foldForSearch('Jose\u0301')).toBe(foldForSearch('José'));
  });

  it('keeps other scripts, lower-cased', () => {
    expect(foldForSearch('Ольга Шевченко')).toBe('ольга шевченко');
    expect(foldForSearch('محمد')).toBe('محمد');
    expect(foldForSearch('王 明')).toBe('王 明');
    expect(foldForSearch('नमस्ते')).toBe('नमस्ते'); // vowel signs are letters here, not accents
  });

  it('is idempotent on every fixture name', () => {
    for (const p of namesFixture().people) {
      for (const s of [p.given, p.family]) expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
    }
  });
});

describe('romanize', () => {
  it('gives ASCII for any script', () => {
    expect(romanize('Ольга')).toBe("ol'ga");
    expect(romanize('Шевченко')).toBe('shevchenko');
    expect(romanize('王')).toBe('wang');
    expect(romanize('Nguyễn')).toBe('nguyen');
  });
});
