import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  mayMatch,
  nameKeys,
  OTHER_A_NUMBER_NEEDS_SAME_DOB,
  prepareName,
  REASON_CODES,
  withinOneEdit,
  type CandidateMatch,
  type NameRecord,
} from '../../../shared/intake/duplicates';
import { prepareField } from '../../../shared/intake/names';
import { namesFixture } from './fixtures';
import { rng } from '../../helpers/rng';

const fixture = namesFixture();
const DOB = '1990-03-07';

const person = (given: string, family: string, extra: Partial<NameRecord> = {}): NameRecord => ({ given, family, ...extra });

function expectMatch(a: NameRecord, b: NameRecord, strength: CandidateMatch['strength'], reasons: string[] = []) {
  const result = compareCandidates(a, b);
  expect(result.strength, JSON.stringify(result)).toBe(strength);
  expect(result.reasons).toEqual(expect.arrayContaining(reasons));
  return result;
}

describe('compareCandidates on the sameness fixture', () => {
  it.each(fixture.sameness.pairs.map((p) => [p.why, p] as const))('%s', (_why, pair) => {
    const result = compareCandidates(pair.a, pair.b);
    if (pair.expect === 'distinct') expect(result.strength).toBe('none');
    else expect(result.strength).toBe(pair.expect);
  });

  it('is symmetric', () => {
    for (const { a, b } of fixture.sameness.pairs) expect(compareCandidates(b, a)).toEqual(compareCandidates(a, b));
  });

  it('explains each fixture pair with the expected reason codes', () => {
    const reasons = fixture.sameness.pairs.map((p) => compareCandidates(p.a, p.b).reasons);
    expect(reasons).toEqual([
      ['dob-equal', 'names-equal-ignoring-accents'],
      ['dob-equal', 'second-given-dropped', 'second-surname-dropped'],
      ['dob-equal', 'names-equal-ignoring-accents', 'given-family-swapped'],
      ['dob-equal', 'names-equal-ignoring-accents', 'hyphen-variant'],
      ['dob-equal', 'transliteration-variant'],
      ['dob-equal', 'names-equal-ignoring-accents'],
      ['a-number-equal', 'dob-missing', 'phonetic-match'],
      ['dob-differs', 'names-equal'],
      ['dob-differs', 'phonetic-match', 'family-name-only'],
    ]);
  });
});

describe('compareCandidates on harder cases', () => {
  it('does not call people who share a common surname the same person', () => {
    expectMatch(person('Juan', 'García', { dob: DOB }), person('Pedro', 'García', { dob: '1985-05-05' }), 'none', ['family-name-only']);
    // Same surname and birthday (twins?) is worth a look, no more.
    expectMatch(person('Rosa', 'Méndez', { dob: DOB }), person('Lucía', 'Méndez', { dob: DOB }), 'possible');
  });

  it('treats an equal A-number as decisive, whatever the names', () => {
    const r = expectMatch(person('Ana', 'Ruiz', { aNumber: '012345678' }), person('Zoe', 'Kim', { aNumber: 'A12345678' }), 'likely');
    expect(r.score).toBe(100);
    expect(r.reasons).toEqual(['a-number-equal', 'dob-missing', 'names-differ']);
  });

  it('treats different A-numbers as strong evidence of different people', () => {
    const a = person('José', 'García', { dob: DOB, aNumber: '012345678' });
    expectMatch(a, { ...a, aNumber: '212345678' }, 'possible', ['a-number-differs', 'names-equal', 'dob-equal']);
    expectMatch(a, person('José María', 'García López', { dob: DOB, aNumber: '212345678' }), 'none');
    expectMatch(a, { ...a, dob: undefined, aNumber: '212345678' }, 'none');
  });

  it('ignores A-numbers that are not valid', () => {
    const a = person('José', 'García', { dob: DOB, aNumber: 'A123' });
    expect(compareCandidates(a, { ...a, aNumber: '212345678' }).reasons).not.toContain('a-number-differs');
  });

  it('never calls a single-word name likely without an A-number', () => {
    expectMatch(person('Mohammad', '', { dob: '2001-01-01' }), person('Muhammad', '', { dob: '2001-01-01' }), 'possible', [
      'single-name-only',
      'transliteration-variant',
    ]);
    expectMatch(person('Mohammad', '', { dob: '2001-01-01' }), person('Mohammad', '', { dob: '1999-01-01' }), 'none');
    expectMatch(person('Mohammad', '', { dob: '2001-01-01' }), person('Mohammad', 'Rahimi', { dob: '2001-01-01' }), 'possible', [
      'family-name-missing',
    ]);
    expectMatch(person('Mohammad', '', { aNumber: '012345678' }), person('Mohamed', 'Rahimi', { aNumber: '12345678' }), 'likely');
  });

  it('handles particles, second surnames and hyphens', () => {
    expectMatch(
      person('María de los Ángeles', 'de la Cruz Hernández', { dob: DOB }),
      person('Maria Angeles', 'Cruz', { dob: DOB }),
      'likely',
      ['particle-variant', 'second-surname-dropped'],
    );
    expectMatch(person('Wideline', 'Pierre-Louis', { dob: DOB }), person('Wideline', 'Pierrelouis', { dob: DOB }), 'likely', [
      'hyphen-variant',
    ]);
    expectMatch(person("O'Neil", "D'Souza", { dob: DOB }), person('Oneil', 'D Souza', { dob: DOB }), 'likely', ['hyphen-variant']);
    expectMatch(person('Ana', 'dos Santos', { dob: DOB }), person('Ana', 'Santos', { dob: DOB }), 'likely', ['particle-variant']);
  });

  it('keeps short Vietnamese and Chinese surnames that look like particles', () => {
    expect(prepareField('Lê').tokens.map((t) => t.canon)).toEqual(['le']);
    expect(prepareField('Đỗ').tokens.map((t) => t.canon)).toEqual(['do']);
    expectMatch(person('Minh', 'Lê', { dob: DOB }), person('Minh', 'Do', { dob: DOB }), 'none');
  });

  it('combines a swap with dropped names', () => {
    expectMatch(person('José María', 'García López', { dob: DOB }), person('López', 'José', { dob: DOB }), 'likely', [
      'given-family-swapped',
      'second-given-dropped',
      'second-surname-dropped',
    ]);
  });

  it('pools names split differently between the two fields', () => {
    expectMatch(person('José María García', '', { dob: DOB }), person('José María', 'García', { dob: DOB }), 'likely', [
      'name-split-differs',
    ]);
    // One shared word among several is not a match, however the words are pooled.
    expectMatch(person('José Luis', 'Pérez', { dob: DOB }), person('Carlos', 'Luis', { dob: '1970-01-01' }), 'none');
  });

  it('is phonetic and Spanish-aware', () => {
    expectMatch(person('Carlos', 'Hernández', { dob: DOB }), person('Carlos', 'Ernandez', { dob: DOB }), 'likely', ['phonetic-match']);
    expectMatch(person('Iván', 'Villalobos', { dob: DOB }), person('Ivan', 'Biyalobos', { dob: DOB }), 'likely', ['phonetic-match']);
    expectMatch(person('Xiomara', 'Gutiérrez', { dob: DOB }), person('Xiomara', 'Gutierres', { dob: DOB }), 'likely');
    expectMatch(person('Luis', 'Ramos', { dob: DOB }), person('Luiz', 'Ramos', { dob: DOB }), 'likely');
  });

  it('matches across scripts and transliterations', () => {
    expectMatch(person('Ольга', 'Шевченко', { dob: DOB }), person('Olga', 'Shevchenko', { dob: DOB }), 'likely', [
      'transliteration-variant',
    ]);
    expectMatch(person('Yusuf', 'Çelik', { dob: DOB }), person('Youssef', 'Celik', { dob: DOB }), 'likely', ['transliteration-variant']);
    expectMatch(person('Hossein', 'Ahmadi', { dob: DOB }), person('Hussain', 'Ahmadi', { dob: DOB }), 'likely');
    expectMatch(person('Søren', 'Ødegård', { dob: DOB }), person('SOREN', 'ODEGARD', { dob: DOB }), 'likely', [
      'names-equal-ignoring-accents',
    ]);
    expectMatch(person('محمد', 'الأحمد', { dob: DOB }), person('محمد', 'الأحمد', { dob: DOB }), 'likely', ['names-equal']);
  });

  it('weighs near-miss birth dates between equal and different', () => {
    const a = person('José', 'García', { dob: '1990-03-07' });
    expectMatch(a, { ...a, dob: '1990-07-03' }, 'possible', ['dob-close']);
    expectMatch(a, { ...a, dob: '1990-03-08' }, 'possible', ['dob-close']);
    expectMatch(a, { ...a, dob: 'not a date' }, 'possible', ['dob-missing']);
    const score = (dob?: string) => compareCandidates(a, { ...a, dob }).score;
    expect(score('1990-03-07')).toBeGreaterThan(score('1990-07-03'));
    expect(score('1990-07-03')).toBeGreaterThan(score(undefined));
    expect(score(undefined)).toBeGreaterThan(score('1972-06-21'));
  });

  it('lets a one-letter typo suggest, never decide', () => {
    expectMatch(person('Marta', 'Gómez', { dob: DOB }), person('Maria', 'Gómez', { dob: DOB }), 'possible', ['spelling-variant']);
    expectMatch(person('Marta', 'Gómez', { dob: DOB }), person('Maria', 'Gómez', { dob: '1971-01-01' }), 'none');
    // Short names are too close to each other for typos to mean anything.
    expectMatch(person('Ana', 'Pérez', { dob: DOB }), person('Ada', 'Pérez', { dob: DOB }), 'possible', ['family-name-only']);
    // Typos alone, with no word agreeing by spelling or sound, are no match.
    expectMatch(person('Marta', 'Soto', { dob: DOB }), person('Maria', 'Soho', { dob: DOB }), 'none', ['names-differ']);
  });

  it('finds nothing in empty or unrelated names', () => {
    expectMatch(person('', ''), person('', ''), 'none');
    expectMatch(person('María', 'López', { dob: DOB }), person('Pedro', 'Ramírez', { dob: DOB }), 'none');
  });

  it('survives hostile input', () => {
    const huge = 'Ana '.repeat(1_000_000);
    expect(compareCandidates(person(huge, huge), person('Ana', 'Ana')).strength).toBeDefined();
    expectMatch(person("Robert'); DROP TABLE persons;--", 'Tables'), person('Robert', 'Tables'), 'possible');
  });

  it('gives the same answer for prepared records', () => {
    for (const { a, b } of fixture.sameness.pairs) {
      expect(compareCandidates(prepareName(a), prepareName(b))).toEqual(compareCandidates(a, b));
    }
  });

  it('only emits known reason codes, in a stable order', () => {
    for (const { a, b } of fixture.sameness.pairs) {
      const { reasons } = compareCandidates(a, b);
      const order = reasons.map((r) => REASON_CODES.indexOf(r));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((x, y) => x - y)).toEqual(order);
    }
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['garcia', 'garcia', true],
    ['garcia', 'gracia', true],
    ['garcia', 'garca', true],
    ['garcia', 'garciaa', true],
    ['garcia', 'garcio', true],
    ['garcia', 'grcaia', false],
    ['carlos', 'carla', false],
    ['', 'a', true],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('nameKeys', () => {
  it('gives prefixed, sorted, unique keys without particles', () => {
    const keys = nameKeys(person('María de los Ángeles', 'de la Cruz', { aNumber: 'A-12-345-678', dob: DOB }));
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(keys).toContain('a:012345678');
    expect(keys).toEqual(expect.arrayContaining(['n:maria', 'n:angeles', 'n:mariaangeles', 'n:cruz']));
    expect(keys.some((k) => k.startsWith('p:'))).toBe(true);
    expect(keys).not.toContain('n:de');
    expect(keys).not.toContain('n:los');
    expect(keys.every((k) => /^[anp]:[A-Za-z0-9]+$/.test(k))).toBe(true);
  });

  it('indexes canonical transliterations and romanised scripts', () => {
    expect(nameKeys(person('Mohamed', ''))).toContain('n:muhammad');
    expect(nameKeys(person('Ольга', ''))).toContain('n:olga');
  });

  it('gives nothing to index for a blank record', () => {
    expect(nameKeys(person('', '', { aNumber: 'garbage' }))).toEqual([]);
  });

  it('keeps its contract: every non-none pair shares a key', () => {
    const corpus = buildCorpus();
    const prepared = corpus.map((r) => ({ record: r, prepared: prepareName(r), keys: new Set(nameKeys(r)) }));
    let checked = 0;
    for (let i = 0; i < prepared.length; i++) {
      for (let j = i + 1; j < prepared.length; j++) {
        const a = prepared[i]!;
        const b = prepared[j]!;
        if (compareCandidates(a.prepared, b.prepared).strength === 'none') continue;
        checked++;
        const shared = [...a.keys].some((k) => b.keys.has(k));
        expect(shared, `${JSON.stringify(a.record)} / ${JSON.stringify(b.record)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('never matches two holders of different A-numbers unless born the same day (the vault check skips them)', () => {
    expect(OTHER_A_NUMBER_NEEDS_SAME_DOB).toBe(true);
    const corpus = buildCorpus();
    // Unknown, one typo away (close), day and month swapped (close), and plainly different.
    const otherDobs = [undefined, '1990-03-08', '1990-07-03', '1975-11-30'];
    let sameDayMatches = 0;
    let compared = 0;
    for (let i = 0; i < corpus.length; i += 3) {
      for (let j = i + 1; j < corpus.length; j += 2) {
        const a = prepareName({ ...corpus[i]!, aNumber: 'A100000001' });
        if (compareCandidates(a, prepareName({ ...corpus[j]!, aNumber: 'A100000002' })).strength !== 'none') sameDayMatches++;
        for (const dob of otherDobs) {
          const b = prepareName({ ...corpus[j]!, dob, aNumber: 'A100000002' });
          compared++;
          expect(compareCandidates(a, b).strength, `${JSON.stringify(corpus[i])} / ${JSON.stringify(corpus[j])} ${dob}`).toBe('none');
        }
      }
    }
    // Born the same day, the same names do match despite the A-numbers: the rule is about the birth date.
    expect(sameDayMatches).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(10_000);
  });

  it('mayMatch says no only to pairs the full comparison calls no match', () => {
    const corpus = buildCorpus();
    const dobs = [DOB, undefined, '1990-03-08', '1975-11-30'];
    const aNumbers = [undefined, 'A100000001', 'A100000002'];
    let refused = 0;
    let matches = 0;
    let pairs = 0;
    for (let i = 0; i < corpus.length; i++) {
      for (let j = i + 1; j < corpus.length; j++) {
        const a = prepareName({ ...corpus[i]!, aNumber: aNumbers[i % 3] });
        const b = prepareName({ ...corpus[j]!, dob: dobs[(i + j) % 4], aNumber: aNumbers[j % 3] });
        pairs++;
        const strength = compareCandidates(a, b).strength;
        if (strength !== 'none') matches++;
        if (mayMatch(a, b)) continue;
        refused++;
        expect(strength, `${JSON.stringify(corpus[i])} / ${JSON.stringify(corpus[j])}`).toBe('none');
      }
    }
    // Names swapped with a second name dropped on each side: neither the straight reading nor the pooled
    // words pair up, only the swapped one does.
    const swapped = [prepareName(person('José María', 'García')), prepareName(person('García López', 'José'))] as const;
    expect(compareCandidates(...swapped).strength).toBe('possible');
    expect(mayMatch(...swapped)).toBe(true);
    const straight = [prepareName(person('José María', 'García')), prepareName(person('José', 'García López'))] as const;
    expect(compareCandidates(...straight).strength).toBe('possible');
    expect(mayMatch(...straight)).toBe(true);
    // A corpus of variants of the same names: still, over a third of its pairs are answered without the comparison.
    expect(refused).toBeGreaterThan(pairs / 3);
    expect(matches).toBeGreaterThan(500);
  });
});

describe('mayMatch on random names', () => {
  it('refuses no pair the comparison matches, over 40 000 pairs built from the fixture’s words', () => {
    const words = [
      ...new Set(
        [...fixture.people, ...fixture.sameness.pairs.flatMap((p) => [p.a, p.b])].flatMap((n) => `${n.given} ${n.family}`.split(/\s+/)),
      ),
    ].filter(Boolean);
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // A letter swap in one word of four, as clerks make them.
    const typo = (w: string) => {
      if (w.length < 4 || rand() < 0.75) return w;
      const i = 1 + Math.floor(rand() * (w.length - 2));
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    };
    const words1to3 = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => typo(pick(words))).join(rand() < 0.2 ? '-' : ' ');
    const dobs = [undefined, DOB, '1990-03-08', '1990-07-03', '1975-01-01'];
    const aNumbers = [undefined, 'A100000001', 'A100000002'];
    let refused = 0;
    let matches = 0;
    for (let k = 0; k < 40_000; k++) {
      const given = rand() < 0.05 ? '' : words1to3();
      const family = rand() < 0.05 ? '' : words1to3();
      // The other name mostly reuses these words, shuffled between the fields, run together or misspelled.
      const mine = `${given} ${family}`.split(/[\s-]+/).filter(Boolean);
      const reuse = () => (rand() < 0.6 && mine.length > 0 ? typo(pick(mine)) : pick(words));
      const other = (sep: string) => (rand() < 0.1 ? '' : Array.from({ length: 1 + Math.floor(rand() * 2) }, reuse).join(sep));
      const a = prepareName({ given, family, dob: pick(dobs), aNumber: pick(aNumbers) });
      const b = prepareName({ given: other(' '), family: other(rand() < 0.3 ? '' : ' '), dob: pick(dobs), aNumber: pick(aNumbers) });
      const strength = compareCandidates(a, b).strength;
      if (strength !== 'none') matches++;
      if (mayMatch(a, b)) continue;
      refused++;
      expect(strength, JSON.stringify([a.given, a.family, b.given, b.family].map((f) => f.tokens.map((t) => t.raw)))).toBe('none');
    }
    expect(refused).toBeGreaterThan(10_000);
    expect(matches).toBeGreaterThan(10_000);
  });
});

/** Fixture names plus the variants clerks produce, all sharing one birth date so names decide. */
function buildCorpus(): NameRecord[] {
  const bases: NameRecord[] = [
    ...fixture.people.map((p) => person(p.given, p.family)),
    ...fixture.sameness.pairs.flatMap((p) => [p.a, p.b]).map((r) => person(r.given, r.family)),
    person('Marta', 'Soto'),
    person('Maria', 'Soho'),
    person('Hossein', 'Ahmadi'),
    person('Luis Alberto', 'Ramos Villalobos'),
  ];
  const typo = (s: string) => (s.length > 4 ? s.slice(0, 1) + s.slice(2, 3) + s.slice(1, 2) + s.slice(3) : s);
  const variants = (r: NameRecord): NameRecord[] => [
    r,
    person(r.family, r.given),
    person(r.given.split(' ')[0] ?? '', r.family.split(' ')[0] ?? ''),
    person(r.given.normalize('NFD').replace(/\p{M}/gu, ''), r.family.normalize('NFD').replace(/\p{M}/gu, '')),
    person(r.given.replace(/-/g, ''), r.family.replace(/-/g, ' ')),
    person(typo(r.given), r.family),
    person(typo(r.given), typo(r.family)),
    person(`${r.given} ${r.family}`, ''),
  ];
  return bases.flatMap(variants).map((r) => ({ ...r, dob: DOB }));
}
