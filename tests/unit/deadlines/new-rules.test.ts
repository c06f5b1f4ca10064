/**
 * Worked examples for the rules of issue 14, each computed by hand from the
 * calendar (the comment says how) and checked twice: against the engine, and
 * against the independent day count in calendar-check.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadline, parseClosuresDataset, type DeclaredClosure } from '../../../shared/deadlines';
import { businessDaysAfter, clockDaysAfter, nextOpen, plus, prevOpen } from './calendar-check';
import { expectCode } from './helpers';

const CLOSURES_FILE = resolve(import.meta.dirname, '../../../resources/closures/federal-closures.json');
const declared: DeclaredClosure[] = parseClosuresDataset(JSON.parse(readFileSync(CLOSURES_FILE, 'utf8'))).closures;
const DECLARED_DATES = new Set(declared.map((c) => c.date));

const run = (rule: string, trigger: string, options: Record<string, unknown> = {}) =>
  computeDeadline({ rule, trigger, options: { declared, ...options } });

interface Forward {
  trigger: string;
  options?: Record<string, unknown>;
  /** Calendar days counted (mailing days included), for the independent check. */
  days: number;
  due: string;
  why: string;
}

function forwardCases(rule: string, cases: Forward[], counted: ReadonlySet<string> = new Set()) {
  it.each(cases)(`$trigger -> $due: $why`, ({ trigger, options, days, due }) => {
    expect(nextOpen(plus(trigger, days), counted)).toBe(due);
    const r = run(rule, trigger, options);
    expect(r.due).toBe(due);
    expect(r.daysCounted).toBe(days);
    expect(r.trail.es).toHaveLength(r.trail.en.length);
  });
}

describe('bia-brief: 21 days after the briefing schedule (8 CFR 1003.3(c)(1))', () => {
  forwardCases('bia-brief', [
    { trigger: '2027-12-03', days: 21, due: '2027-12-27', why: 'Fri Dec 24 2027 is Christmas observed, then the weekend' },
    { trigger: '2028-02-08', days: 21, due: '2028-02-29', why: 'lands on the leap day, a Tuesday' },
    { trigger: '2026-06-12', days: 21, due: '2026-07-06', why: 'Fri Jul 3 2026 is Independence Day observed' },
  ]);
  it('names the BIA Practice Manual edition it follows (EOIR Policy Manual Part III, 4.7)', () => {
    const r = run('bia-brief', '2027-12-03');
    expect(r.edition?.en).toContain('Part III (BIA Practice Manual), ch. 4.7');
    expect(r.trail.en[1]).toMatch(/^Rule as in: EOIR Policy Manual Part III/);
  });
});

describe('bia-brief-extended: one 21-day extension from the original due date (BIA Practice Manual 4.7(c))', () => {
  forwardCases('bia-brief-extended', [
    { trigger: '2027-12-10', days: 21, due: '2028-01-03', why: 'Fri Dec 31 2027 is New Year observed; the year turns' },
    { trigger: '2028-02-08', days: 21, due: '2028-02-29', why: 'the leap day' },
  ]);
});

describe('eoir-29: 30 days after service, plus 3 if mailed (8 CFR 1003.3(a)(2), 1003.38(b), 103.8(b))', () => {
  forwardCases('eoir-29', [
    { trigger: '2028-01-27', days: 30, due: '2028-02-28', why: 'Sat Feb 26 2028 rolls to Monday' },
    { trigger: '2028-01-27', options: { mailed: true }, days: 33, due: '2028-02-29', why: 'mailed: 33 days reach the leap day' },
    { trigger: '2025-11-24', options: { mailed: true }, days: 33, due: '2025-12-29', why: 'mailed: Sat Dec 27 2025 rolls to Monday' },
  ]);
  it('says it added the mailing days', () => {
    expect(run('eoir-29', '2028-01-27', { mailed: true }).mailingDaysAdded).toBe(3);
  });
});

describe('reasonable-fear-review: 10 days from referral (8 CFR 1208.31(g)), verify', () => {
  it.each([
    ['2028-02-19', '2028-02-29', '2028-02-29', 'the leap day is a Tuesday'],
    ['2026-01-09', '2026-01-16', '2026-01-20', 'Mon Jan 19 2026 is MLK Day: Friday before, Tuesday after'],
    ['2027-12-21', '2027-12-30', '2028-01-03', 'Fri Dec 31 2027 is New Year observed'],
  ])('%s -> %s (later reading %s): %s', (trigger, due, ruleDue) => {
    expect(prevOpen(plus(trigger, 10))).toBe(due);
    expect(nextOpen(plus(trigger, 10))).toBe(ruleDue);
    const r = run('reasonable-fear-review', trigger);
    expect([r.due, r.ruleDue]).toEqual([due, ruleDue]);
    expect(r.verify).toBe(true);
  });
});

describe('asylum-ead-file and asylum-ead-eligible: 150 and 180 days on the asylum clock (8 CFR 208.7(a); AsylumWorks v. Mayorkas), verify', () => {
  it('counts 150 and 180 days with no stops; Fri Dec 25 2026 rolls to Monday, Sun Jan 24 2027 to Monday', () => {
    // Jul 28 + 3 = Jul 31 (3), Aug 31 (34), Sep 30 (64), Oct 31 (95), Nov 30 (125), Dec 25 (150); +30 = Jan 24 2027 (180).
    expect(nextOpen(clockDaysAfter('2026-07-28', 150, []))).toBe('2026-12-28');
    expect(nextOpen(clockDaysAfter('2026-07-28', 180, []))).toBe('2027-01-25');
    const file = run('asylum-ead-file', '2026-07-28');
    const grant = run('asylum-ead-eligible', '2026-07-28');
    expect([file.due, grant.due]).toEqual(['2026-12-28', '2027-01-25']);
    expect(file.dateKind).toBe('earliest');
    expect(file.trail.en).toContain('No clock stops entered.');
    expect(file.trail.en.at(-1)).toBe('Earliest date: Mon, Dec 28, 2026.');
    expect([file.verify, grant.verify]).toEqual([true, true]);
  });

  it('a one-day stop moves the 150th day from Mon Feb 28 2028 to the leap day', () => {
    const stops = [{ from: '2027-11-01', to: '2027-11-02', reason: 'continuance requested' }];
    expect(clockDaysAfter('2027-10-01', 150, stops)).toBe('2028-02-29');
    expect(run('asylum-ead-file', '2027-10-01').due).toBe('2028-02-28');
    const r = run('asylum-ead-file', '2027-10-01', { clockStops: stops });
    expect(r.due).toBe('2028-02-29');
    expect(r.clockStoppedDays).toBe(1);
    expect(r.trail.en).toContain(
      'Clock stopped by the applicant from Mon, Nov 1, 2027 to Tue, Nov 2, 2027 (continuance requested): 1 days not counted; 31 clock days had run, 119 remain.',
    );
  });

  it('two stops (14 and 7 days) extend both dates by 21 days, and each stop is in the trail', () => {
    const stops = [
      { from: '2027-12-20', to: '2027-12-27' },
      { from: '2027-11-01', to: '2027-11-15', reason: 'declined an earlier hearing date' },
    ];
    // 150: Feb 28 2028 + 21 = Mon Mar 20 2028. 180: Wed Mar 29 2028 + 21 = Wed Apr 19 2028.
    expect(clockDaysAfter('2027-10-01', 150, stops)).toBe('2028-03-20');
    expect(clockDaysAfter('2027-10-01', 180, stops)).toBe('2028-04-19');
    const file = run('asylum-ead-file', '2027-10-01', { clockStops: stops });
    const grant = run('asylum-ead-eligible', '2027-10-01', { clockStops: stops });
    expect([file.due, grant.due]).toEqual(['2028-03-20', '2028-04-19']);
    expect([file.clockStoppedDays, grant.clockStoppedDays]).toEqual([21, 21]);
    for (const r of [file, grant]) {
      expect(r.trail.en.filter((l) => l.startsWith('Clock stopped by the applicant'))).toHaveLength(2);
      expect(r.trail.es.filter((l) => l.startsWith('Reloj detenido por el solicitante'))).toHaveLength(2);
    }
  });

  it('a stop after the 150th day moves only the 180-day date', () => {
    const stops = [{ from: '2028-03-01', to: '2028-03-08' }];
    expect(clockDaysAfter('2027-10-01', 180, stops)).toBe('2028-04-05');
    const file = run('asylum-ead-file', '2027-10-01', { clockStops: stops });
    expect(file.due).toBe('2028-02-28');
    expect(file.clockStoppedDays).toBe(0);
    expect(file.trail.en.join(' ')).toContain('it does not move this date');
    expect(run('asylum-ead-eligible', '2027-10-01', { clockStops: stops }).due).toBe('2028-04-05');
  });

  it('refuses overlapping stops, a stop before filing, a stop that ends before it starts, and stops on other rules', () => {
    expectCode(
      () =>
        run('asylum-ead-file', '2027-10-01', {
          clockStops: [
            { from: '2027-11-01', to: '2027-11-10' },
            { from: '2027-11-05', to: '2027-11-20' },
          ],
        }),
      'INVALID_INPUT',
    );
    expectCode(() => run('asylum-ead-file', '2027-10-01', { clockStops: [{ from: '2027-09-01', to: '2027-09-10' }] }), 'INVALID_INPUT');
    expectCode(() => run('asylum-ead-file', '2027-10-01', { clockStops: [{ from: '2027-11-10', to: '2027-11-01' }] }), 'INVALID_INPUT');
    expectCode(() => run('asylum-ead-file', '2027-10-01', { clockStops: [{ from: '2027-11-31', to: '2027-12-01' }] }), 'BAD_DATE');
    expectCode(() => run('bia-appeal', '2027-10-01', { clockStops: [] }), 'INVALID_INPUT');
  });
});

describe('ead-renewal-window: opens 180 days before expiry, no roll (Form I-765 instructions; 8 CFR 274a.13(d))', () => {
  it.each([
    ['2028-08-27', '2028-02-29', false, 'Feb 29 + 180 = Aug 27 2028: the window opens on the leap day'],
    ['2027-06-26', '2026-12-28', false, 'Dec 28 2026 + 180 = Jun 26 2027: across the year end'],
    ['2028-06-22', '2027-12-25', true, 'opens on Christmas 2027, a Saturday: not moved, flagged'],
  ])('expiry %s -> opens %s', (expiry, opens, weekend) => {
    expect(plus(expiry, -180)).toBe(opens);
    const r = run('ead-renewal-window', expiry);
    expect(r.due).toBe(opens);
    expect(r.dateKind).toBe('window-opens');
    expect(r.flags.includes('non-business-day')).toBe(weekend);
    expect(r.trail.en.at(-1)).toMatch(/^Window opens: /);
  });
});

describe('order-set-forward: within N days of the order, rolled like a BIA appeal (8 CFR 1001.1(h))', () => {
  forwardCases('order-set-forward', [
    { trigger: '2028-01-30', options: { days: 30 }, days: 30, due: '2028-02-29', why: '30 days reach the leap day' },
    { trigger: '2027-11-26', options: { days: 30 }, days: 30, due: '2027-12-27', why: 'Sun Dec 26 2027 rolls to Monday' },
    { trigger: '2028-12-15', options: { days: 10 }, days: 10, due: '2028-12-26', why: 'Mon Dec 25 2028 is Christmas' },
  ]);
  it('needs N', () => {
    expectCode(() => run('order-set-forward', '2028-01-30'), 'INVALID_INPUT');
  });
});

describe('pfr-record and pfr-brief: 40 days (FRAP 17(a); 8 U.S.C. 1252(b)(3)(C), FRAP 31(a)(1)); declared closures are legal holidays (FRAP 26(a)(6)(B)), verify', () => {
  describe('pfr-record', () => {
    forwardCases(
      'pfr-record',
      [
        { trigger: '2024-11-14', days: 40, due: '2024-12-26', why: 'Tue Dec 24 2024 closed by executive order, then Christmas' },
        { trigger: '2018-10-26', days: 40, due: '2018-12-06', why: 'Wed Dec 5 2018, day of mourning for President Bush (E.O. 13852)' },
        { trigger: '2028-01-20', days: 40, due: '2028-02-29', why: 'the leap day' },
      ],
      DECLARED_DATES,
    );
  });
  describe('pfr-brief', () => {
    forwardCases(
      'pfr-brief',
      [
        {
          trigger: '2024-11-30',
          days: 40,
          due: '2025-01-10',
          why: 'Thu Jan 9 2025, day of mourning for President Carter (E.O. 14133), across the year end',
        },
        { trigger: '2019-11-14', days: 40, due: '2019-12-26', why: 'Tue Dec 24 2019 (E.O. 13900), then Christmas' },
      ],
      DECLARED_DATES,
    );
  });
  it('rolls over the closure only when the dataset is given, and cites FRAP 26(a)(6)(B) and the order', () => {
    expect(computeDeadline({ rule: 'pfr-record', trigger: '2018-10-26' }).due).toBe('2018-12-05');
    const r = run('pfr-record', '2018-10-26');
    expect(r.flags).toEqual([]);
    expect(r.trail.en.join(' ')).toContain('Executive Order 13852 of December 1, 2018, 83 FR 62687');
    expect(r.trail.en.join(' ')).toContain('(Fed. R. App. P. 26(a)(1)(C), (a)(6)(B))');
  });
  it('petition-for-review rolls over Christmas Eve 2020 too (FRAP 26(a)(6)(B)), and its result says verify because that order is unconfirmed', () => {
    expect(nextOpen(plus('2020-11-24', 30), DECLARED_DATES)).toBe('2020-12-28');
    const r = run('petition-for-review', '2020-11-24');
    expect(r.due).toBe('2020-12-28');
    expect(r.verify).toBe(true);
    // E.O. 13900 is confirmed: no verify from the closure.
    expect(run('petition-for-review', '2019-11-24').verify).toBe(false);
  });
});

describe('declared closures elsewhere are flagged, not rolled', () => {
  it('bia-appeal (8 CFR 1003.38(b)) due on Christmas Eve 2019 stays due, flagged, with the next open day', () => {
    const r = run('bia-appeal', '2019-11-24');
    expect(r.due).toBe('2019-12-24');
    expect(r.flags).toEqual(['closure']);
    expect(r.closureDue).toBe('2019-12-26');
    expect(r.trail.en.join(' ')).toContain('Christmas Eve 2019, a federal closure declared by executive order (Executive Order 13900');
    expect(r.trail.es.join(' ')).toContain('un cierre federal declarado por orden ejecutiva');
  });
  it('a backward Practice Manual count steps over a declared closure to the day before', () => {
    // Hearing Thu Jan 23 2025: 15 days before is Wed Jan 8, a business day, so nothing moves.
    expect(run('prehearing-filing-master-nondetained', '2025-01-23').due).toBe('2025-01-08');
    // Hearing Fri Jan 24 2025: 15 days before is Thu Jan 9 2025 (E.O. 14133): safe date Wed Jan 8, flagged.
    const r = run('prehearing-filing-master-nondetained', '2025-01-24');
    expect(r.due).toBe('2025-01-08');
    expect(r.flags).toContain('closure');
  });
});

describe('n-336: 30 days after service, plus 3 if mailed (8 CFR 336.2(a), 103.8(b))', () => {
  forwardCases('n-336', [
    { trigger: '2028-01-27', options: { mailed: true }, days: 33, due: '2028-02-29', why: 'mailed: the leap day' },
    { trigger: '2026-10-27', days: 30, due: '2026-11-27', why: 'Thu Nov 26 2026 is Thanksgiving' },
    { trigger: '2027-12-01', days: 30, due: '2028-01-03', why: 'Fri Dec 31 2027 is New Year observed' },
  ]);
});

describe('foia-response: 20 business days (5 U.S.C. 552(a)(6)(A)(i))', () => {
  it.each([
    ['2027-12-10', '2028-01-11', 'skips Christmas and New Year observed (Dec 24 and 31 2027), across the year end'],
    ['2028-02-01', '2028-03-01', "skips Washington's Birthday; the leap day counts"],
  ])('%s -> %s: %s', (trigger, due) => {
    expect(businessDaysAfter(trigger, 20)).toBe(due);
    expect(run('foia-response', trigger).due).toBe(due);
  });
  it('counts a declared closure as a business day but says the agency may not (Dec 24 2024, Jan 9 2025)', () => {
    expect(businessDaysAfter('2024-12-16', 20)).toBe('2025-01-15');
    const r = run('foia-response', '2024-12-16');
    expect(r.due).toBe('2025-01-15');
    const counted = r.trail.en.filter((l) => l.includes('was counted as a business day'));
    expect(counted).toHaveLength(2);
    expect(counted[1]).toContain('Thu, Jan 9, 2025');
  });
});

describe('foia-appeal: at least 90 days (5 U.S.C. 552(a)(6)(A)(i)(III)(aa)), verify', () => {
  it.each([
    ['2027-10-02', '2027-12-30', '2028-01-03', 'Fri Dec 31 2027 is New Year observed'],
    ['2027-12-01', '2028-02-29', '2028-02-29', 'the leap day'],
  ])('%s -> %s (later reading %s): %s', (trigger, due, ruleDue) => {
    expect([prevOpen(plus(trigger, 90)), nextOpen(plus(trigger, 90))]).toEqual([due, ruleDue]);
    const r = run('foia-appeal', trigger);
    expect([r.due, r.ruleDue, r.verify]).toEqual([due, ruleDue, true]);
  });
});

describe('asylum-one-year: the next business day under 8 CFR 208.4(a)(2)(ii) and 1208.4(a)(2)(ii)', () => {
  it.each([
    ['2027-12-25', '2028-12-22', '2028-12-26', 'anniversary Mon Dec 25 2028 is Christmas'],
    ['2026-01-01', '2026-12-31', '2027-01-04', "anniversary Fri Jan 1 2027 is New Year's Day"],
  ])('%s -> due %s, rule date %s: %s', (arrival, due, ruleDue) => {
    const anniversary = `${Number(arrival.slice(0, 4)) + 1}${arrival.slice(4)}`;
    expect([prevOpen(anniversary), nextOpen(anniversary)]).toEqual([due, ruleDue]);
    const r = run('asylum-one-year', arrival);
    expect([r.due, r.ruleDue, r.verify]).toEqual([due, ruleDue, false]);
    expect(r.citation).toContain('8 CFR 208.4(a)(2)(ii); 8 CFR 1208.4(a)(2)(ii)');
    expect(r.note.en).not.toContain('not settled');
    expect(r.trail.en.join(' ')).toContain('runs the period to the end of the next business day');
  });

  it('for a 2028-02-29 arrival says which reading gives which date, uses February 28 and says verify', () => {
    expect([nextOpen('2029-02-28'), nextOpen('2029-03-01')]).toEqual(['2029-02-28', '2029-03-01']);
    const r = run('asylum-one-year', '2028-02-29');
    expect([r.due, r.ruleDue, r.verify]).toEqual(['2029-02-28', '2029-02-28', true]);
    expect(r.trail.en).toContain(
      '2029 has no February 29. Reading the anniversary as February 28 gives Wed, Feb 28, 2029; reading it as March 1 gives Thu, Mar 1, 2029. Not settled: the earlier reading, February 28, is used.',
    );
    expect(r.trail.es.join(' ')).toContain('si se lee como el 1 de marzo, da jue 1 mar 2029');
    expect(r.note.en).toContain('February 28 gives the earlier date');
  });
});

describe('Immigration Court Practice Manual rules name their edition (EOIR Policy Manual Part II, 3.1(b); PM 25-21)', () => {
  it.each([
    'prehearing-filing-master-nondetained',
    'prehearing-filing-individual-nondetained',
    'prehearing-filing-individual-detained',
    'response-to-filing',
  ])('%s', (rule) => {
    const r = run(rule, '2026-03-02', rule.endsWith('-detained') && !rule.includes('non') ? { days: 10 } : {});
    expect(r.citation).toBe('EOIR Policy Manual, Part II (Immigration Court Practice Manual), ch. 3.1(b)');
    expect(r.edition?.en).toBe(
      'EOIR Policy Manual Part II (Immigration Court Practice Manual), ch. 3.1(b), as in effect since PM 25-21 (February 2025), which cancelled DM 22-04.',
    );
    expect(r.note.en).toContain('This chapter changed twice since 2020');
    expect(r.note.es).toContain('cambió dos veces desde 2020');
  });
  it('30 days before a non-detained individual hearing', () => {
    // Hearing Mon Mar 2 2026: 30 days before is Sat Jan 31 2026, so the safe date is Fri Jan 30.
    expect(plus('2026-03-02', -30)).toBe('2026-01-31');
    expect(run('prehearing-filing-individual-nondetained', '2026-03-02').due).toBe(prevOpen('2026-01-31'));
    expect(prevOpen('2026-01-31')).toBe('2026-01-30');
  });
});
