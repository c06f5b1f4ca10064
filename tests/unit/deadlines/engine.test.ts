import { afterEach, describe, expect, it } from 'vitest';
import { computeDeadline, listRules } from '../../../shared/deadlines';
import { expectCode, loadPublicCases } from './helpers';

const due = (rule: string, trigger: string, options = {}) => computeDeadline({ rule, trigger, options }).due;

const REQUIRED_RULES = [
  'bia-appeal',
  'motion-to-reopen',
  'motion-to-reconsider',
  'petition-for-review',
  'asylum-one-year',
  'vd-pre-conclusion',
  'vd-post-conclusion',
  'vd-bond',
  'i-290b',
  'uscis-rfe',
  'uscis-noid',
  'prehearing-filing-master-nondetained',
  'prehearing-filing-individual-nondetained',
  'response-to-filing',
  'eoir-33-change-of-address',
  'credible-fear-review',
];

describe('rules', () => {
  const rules = listRules();

  it('include every required rule, each with a citation, labels and notes in both languages', () => {
    const ids = rules.map((r) => r.id);
    for (const id of REQUIRED_RULES) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.citation.length, r.id).toBeGreaterThan(5);
      for (const text of [r.label.en, r.label.es, r.note.en, r.note.es]) expect(text.length, r.id).toBeGreaterThan(5);
    }
  });

  it('add mailing days only to USCIS and DHS decisions served under 8 CFR 103.8(b)', () => {
    const mailed = rules.filter((r) => r.mailingAddsDays > 0);
    expect(mailed.map((r) => r.id).sort()).toEqual(['eoir-29', 'i-290b', 'n-336', 'uscis-noid', 'uscis-rfe']);
    for (const r of mailed) expect(r.citation, r.id).toContain('8 CFR 103.8(b)');
  });

  it('cite the regulation each required rule rests on', () => {
    const cite = (id: string) => rules.find((r) => r.id === id)!.citation;
    expect(cite('bia-appeal')).toContain('8 CFR 1003.38(b)');
    expect(cite('motion-to-reopen')).toContain('8 CFR 1003.23(b)(1)');
    expect(cite('motion-to-reopen')).toContain('8 CFR 1003.2(c)(2)');
    expect(cite('motion-to-reconsider')).toContain('8 CFR 1003.2(b)(2)');
    expect(cite('petition-for-review')).toBe('8 U.S.C. 1252(b)(1)');
    expect(cite('asylum-one-year')).toContain('8 U.S.C. 1158(a)(2)(B)');
    expect(cite('vd-bond')).toBe('8 CFR 1240.26(c)(3)');
    expect(cite('i-290b')).toContain('8 CFR 103.8(b)');
    expect(cite('uscis-rfe')).toContain('8 CFR 103.2(b)(8)(iv)');
    expect(cite('eoir-33-change-of-address')).toBe('8 CFR 1003.15(d)(2)');
    expect(cite('credible-fear-review')).toContain('8 CFR 1003.42(e)');
  });

  it('mark the unsettled ones for verification', () => {
    const verify = rules
      .filter((r) => r.verify)
      .map((r) => r.id)
      .sort();
    expect(verify).toEqual([
      'asylum-ead-eligible',
      'asylum-ead-file',
      'credible-fear-review',
      'foia-appeal',
      'pfr-brief',
      'pfr-record',
      'reasonable-fear-review',
    ]);
  });
});

describe('bad input', () => {
  it('rejects an unknown rule, naming the known ones', () => {
    const err = expectCode(() => computeDeadline({ rule: 'xyz', trigger: '2025-01-01' }), 'UNKNOWN_RULE');
    expect(err.message).toMatch(/^unknown rule 'xyz'\. Known rules: .*bia-appeal/);
  });

  it.each(['2023-02-30', 'abc', '2023-2-03', '1899-12-31', '2201-01-01', '2025-13-01', '2025-00-10', '', ' 2025-01-01'])(
    'rejects the trigger %j',
    (trigger) => {
      const err = expectCode(() => computeDeadline({ rule: 'bia-appeal', trigger }), 'BAD_DATE');
      expect(err.details).toEqual({ field: 'trigger' });
    },
  );

  it('rejects a trigger that is not a string', () => {
    expectCode(() => computeDeadline({ rule: 'bia-appeal', trigger: 20230101 as unknown as string }), 'BAD_DATE');
  });

  it('accepts the edges of the allowed years and leap days', () => {
    expect(due('bia-appeal', '1900-01-01')).toBe('1900-01-31');
    expect(due('motion-to-reopen', '2200-12-31')).toBe('2201-03-31');
    expect(due('bia-appeal', '2024-02-29')).toBe('2024-04-01');
    expectCode(() => due('bia-appeal', '2023-02-29'), 'BAD_DATE');
    expectCode(() => due('bia-appeal', '2100-02-29'), 'BAD_DATE');
  });

  it.each([-5, 0, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY, '30'])('rejects days = %j', (days) => {
    expectCode(
      () => computeDeadline({ rule: 'vd-post-conclusion', trigger: '2025-01-06', options: { days: days as number } }),
      'INVALID_INPUT',
    );
  });

  it('requires days where the notice or judge sets the period, and refuses them where the law does', () => {
    for (const rule of ['vd-pre-conclusion', 'vd-post-conclusion', 'uscis-rfe', 'uscis-noid', 'prehearing-filing-individual-detained']) {
      const err = expectCode(() => computeDeadline({ rule, trigger: '2025-01-06' }), 'INVALID_INPUT');
      expect(err.message).toContain('needs days');
    }
    expectCode(() => computeDeadline({ rule: 'bia-appeal', trigger: '2025-01-06', options: { days: 45 } }), 'INVALID_INPUT');
  });

  it('rejects malformed options', () => {
    expectCode(
      () => computeDeadline({ rule: 'i-290b', trigger: '2025-01-06', options: { mailed: 'yes' as unknown as boolean } }),
      'INVALID_INPUT',
    );
    expectCode(() => computeDeadline({ rule: 'i-290b', trigger: '2025-01-06', options: [] as never }), 'INVALID_INPUT');
    expectCode(() => computeDeadline({ rule: 'i-290b', trigger: '2025-01-06', options: { closures: ['2025-02-30'] } }), 'BAD_DATE');
    expectCode(
      () => computeDeadline({ rule: 'i-290b', trigger: '2025-01-06', options: { closures: '2025-02-03' as never } }),
      'INVALID_INPUT',
    );
    expectCode(() => computeDeadline(undefined as never), 'INVALID_INPUT');
  });

  it('accepts the largest allowed number of days', () => {
    const r = computeDeadline({ rule: 'vd-post-conclusion', trigger: '2025-01-06', options: { days: 3650 } });
    expect(r.daysCounted).toBe(3650);
    expect(r.flags).toContain('over-max');
  });
});

describe('mailing days', () => {
  it('adds 3 days to a mailed USCIS decision and not to one handed over', () => {
    // 2025-03-03 + 30 = Wed 2025-04-02; + 33 = Sat 2025-04-05 -> Mon 2025-04-07.
    expect(due('i-290b', '2025-03-03')).toBe('2025-04-02');
    const mailed = computeDeadline({ rule: 'i-290b', trigger: '2025-03-03', options: { mailed: true } });
    expect(mailed.due).toBe('2025-04-07');
    expect(mailed.mailingDaysAdded).toBe(3);
    expect(mailed.daysCounted).toBe(33);
  });

  it('adds 3 days to the period a USCIS RFE or NOID states', () => {
    // RFE of 84 days from Mon 2025-03-03: day 84 is Mon 2025-05-26 (Memorial Day) -> Tue 2025-05-27.
    expect(due('uscis-rfe', '2025-03-03', { days: 84 })).toBe('2025-05-27');
    // Mailed: day 87 is Thu 2025-05-29.
    expect(due('uscis-rfe', '2025-03-03', { days: 84, mailed: true })).toBe('2025-05-29');
    expect(due('uscis-noid', '2025-03-03', { days: 30, mailed: true })).toBe('2025-04-07');
  });

  it.each([
    'petition-for-review',
    'bia-appeal',
    'motion-to-reopen',
    'motion-to-reconsider',
    'eoir-33-change-of-address',
    'response-to-filing',
  ])('never adds mailing days to %s', (rule) => {
    const plain = computeDeadline({ rule, trigger: '2025-03-03' });
    const mailed = computeDeadline({ rule, trigger: '2025-03-03', options: { mailed: true } });
    expect(mailed.due).toBe(plain.due);
    expect(mailed.mailingDaysAdded).toBe(0);
    expect(mailed.trail.en.join('\n')).toContain('no mailing days are added');
  });

  it('gives a petition for review 30 days from a BIA order, mailed or not', () => {
    expect(due('petition-for-review', '2025-03-03', { mailed: true })).toBe('2025-04-02');
  });
});

describe('counting', () => {
  it('counts business days across a holiday and weekends', () => {
    // Mon 2025-12-22: Tue 23, Wed 24, (Thu 25 Christmas), Fri 26, Mon 29, Tue 30.
    const r = computeDeadline({ rule: 'vd-bond', trigger: '2025-12-22' });
    expect(r.due).toBe('2025-12-30');
    expect(r.trail.en[1]).toBe(
      '5 business days after Mon, Dec 22, 2025, skipping weekends and Thu, Dec 25, 2025, Christmas Day (federal holiday), is Tue, Dec 30, 2025.',
    );
  });

  it('skips a holiday observed in the previous calendar year', () => {
    // Thu 2021-12-30: (Fri 31 = New Year 2022 observed), Mon 3, Tue 4, Wed 5, Thu 6, Fri 7.
    expect(due('vd-bond', '2021-12-30')).toBe('2022-01-07');
    // 30 days after Wed 2021-12-01 is Fri 2021-12-31, the observed New Year's Day.
    const r = computeDeadline({ rule: 'bia-appeal', trigger: '2021-12-01' });
    expect(r.due).toBe('2022-01-03');
    expect(r.trail.en).toContain(
      "Fri, Dec 31, 2021 is New Year's Day (federal holiday), so the deadline moves to the next business day (8 CFR 1003.38(b)): Mon, Jan 3, 2022.",
    );
  });

  it('keeps a deadline that lands on a business day', () => {
    // Wed 2025-03-05 + 5 = Mon 2025-03-10.
    const r = computeDeadline({ rule: 'eoir-33-change-of-address', trigger: '2025-03-05' });
    expect(r.due).toBe('2025-03-10');
    expect(r.trail.en).toContain('Mon, Mar 10, 2025 is a business day.');
    expect(r.flags).toEqual([]);
  });

  it('rolls a 5-day address change over a weekend', () => {
    // Mon 2025-03-03 + 5 = Sat 2025-03-08 -> Mon 2025-03-10.
    expect(due('eoir-33-change-of-address', '2025-03-03')).toBe('2025-03-10');
    expect(due('ar-11-change-of-address', '2025-03-03')).toBe('2025-03-13');
  });

  it('counts backward from a hearing and reports both readings', () => {
    // 30 days before Mon 2026-03-16 is Sat 2026-02-14; Mon 2026-02-16 is Washington's Birthday.
    const r = computeDeadline({ rule: 'prehearing-filing-individual-nondetained', trigger: '2026-03-16' });
    expect(r.due).toBe('2026-02-13');
    expect(r.ruleDue).toBe('2026-02-17');
    expect(r.direction).toBe('before');
  });

  it('reports the same date both ways when the backward date is a business day', () => {
    const r = computeDeadline({ rule: 'prehearing-filing-master-nondetained', trigger: '2026-03-20' });
    expect(r.due).toBe('2026-03-05');
    expect(r.ruleDue).toBe('2026-03-05');
    expect(r.trail.en).toContain('Thu, Mar 5, 2026 is a business day.');
  });

  it('counts a detained-case deadline from the days the judge set', () => {
    expect(due('prehearing-filing-individual-detained', '2026-03-20', { days: 7 })).toBe('2026-03-13');
  });

  it('takes February 28 as the anniversary of a February 29 arrival', () => {
    const r = computeDeadline({ rule: 'asylum-one-year', trigger: '2024-02-29' });
    expect(r.due).toBe('2025-02-28');
    expect(r.ruleDue).toBe('2025-02-28');
    expect(r.verify).toBe(true);
    expect(r.trail.en.join(' ')).toContain('2025 has no February 29');
    expect(due('asylum-one-year', '2023-02-28')).toBe('2024-02-28');
    expect(due('asylum-one-year', '2027-02-28')).toBe('2028-02-28');
  });

  it('keeps the credible fear review date even on a holiday, flagged', () => {
    const r = computeDeadline({ rule: 'credible-fear-review', trigger: '2025-11-20' });
    expect(r.due).toBe('2025-11-27');
    expect(r.flags).toEqual(['non-business-day']);
    expect(r.verify).toBe(true);
  });

  it('flags a period longer than the regulation allows', () => {
    const r = computeDeadline({ rule: 'uscis-noid', trigger: '2025-03-03', options: { days: 45 } });
    expect(r.flags).toEqual(['over-max']);
    expect(r.trail.en.join(' ')).toContain('more than the 30-day maximum');
    expect(computeDeadline({ rule: 'vd-post-conclusion', trigger: '2025-03-03', options: { days: 60 } }).flags).toEqual([]);
  });

  describe('does not depend on the local time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it.each(['Pacific/Kiritimati', 'America/Adak', 'Europe/London'])('%s', (tz) => {
      process.env.TZ = tz;
      for (const c of loadPublicCases()) expect(due(c.rule, c.trigger, c.options)).toBe(c.due);
    });
  });
});

describe('court closures', () => {
  it('flag a forward deadline without moving it, and offer the next open day', () => {
    // 30 days after Thu 2025-01-02 is Sat 2025-02-01 -> Mon 2025-02-03, which the court closed.
    const r = computeDeadline({ rule: 'bia-appeal', trigger: '2025-01-02', options: { closures: ['2025-02-03', '2025-02-04'] } });
    expect(r.due).toBe('2025-02-03');
    expect(r.closureDue).toBe('2025-02-05');
    expect(r.flags).toEqual(['closure']);
    expect(r.trail.en.join(' ')).toContain('Mon, Feb 3, 2025 is a court closure day you entered');
  });

  it('move a backward deadline earlier, past the closure', () => {
    const r = computeDeadline({
      rule: 'prehearing-filing-master-nondetained',
      trigger: '2026-03-20',
      options: { closures: ['2026-03-05'] },
    });
    expect(r.due).toBe('2026-03-04');
    expect(r.flags).toEqual(['closure']);
  });

  it('leave a deadline alone when the closure is elsewhere', () => {
    const r = computeDeadline({ rule: 'bia-appeal', trigger: '2025-01-02', options: { closures: ['2025-02-04'] } });
    expect(r.due).toBe('2025-02-03');
    expect(r.closureDue).toBeUndefined();
    expect(r.flags).toEqual([]);
  });
});

describe('trail', () => {
  it('explains the count in words, in English and Spanish', () => {
    const r = computeDeadline({ rule: 'bia-appeal', trigger: '2023-09-14' });
    expect(r.trail.en).toEqual([
      'Start: Thu, Sep 14, 2023, the immigration judge decision (day 0).',
      '30 calendar days after Thu, Sep 14, 2023 is Sat, Oct 14, 2023.',
      'Sat, Oct 14, 2023 is a Saturday, so the deadline moves to the next business day (8 CFR 1003.38(b)): Mon, Oct 16, 2023.',
      'Due: Mon, Oct 16, 2023.',
    ]);
    expect(r.trail.es).toHaveLength(r.trail.en.length);
    expect(r.trail.es[2]).toBe('Sáb 14 oct 2023 es sábado; el plazo pasa al siguiente día hábil (8 CFR 1003.38(b)): lun 16 oct 2023.');
  });

  it('names both holidays and the two readings of the one-year deadline', () => {
    const r = computeDeadline({ rule: 'asylum-one-year', trigger: '2025-01-18' });
    const text = r.trail.en.join('\n');
    expect(text).toContain('Sun, Jan 18, 2026 is a Sunday and Mon, Jan 19, 2026 is Birthday of Martin Luther King, Jr. (federal holiday).');
    expect(text).toContain('Safe due date: the business day before, Fri, Jan 16, 2026.');
    expect(text).toContain(
      'Rule date: 8 CFR 208.4(a)(2)(ii); 8 CFR 1208.4(a)(2)(ii) runs the period to the end of the next business day, Tue, Jan 20, 2026.',
    );
    expect(text).not.toContain('not settled');
  });

  it('states the mailing days it added', () => {
    const r = computeDeadline({ rule: 'i-290b', trigger: '2025-12-22', options: { mailed: true } });
    expect(r.trail.en).toContain('Served by mail: 3 days added (8 CFR 103.8(b)), so 33 days are counted.');
  });
});
