import { describe, expect, it } from 'vitest';
import { runDeadlineCommand } from '../../../electron/core/deadlines/command';
import { tpsWindow } from '../../../electron/core/deadlines/tps-window';

const run = (...args: string[]) => runDeadlineCommand(args, tpsWindow);

describe('deadline command', () => {
  it('prints the due date, trail and citation as text', () => {
    const out = run('--rule', 'bia-appeal', '--trigger', '2023-09-14');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('Appeal to the BIA (Form EOIR-26)');
    expect(lines[1]).toBe('Due: 2023-10-16');
    expect(out.stdout).toContain('  30 calendar days after Thu, Sep 14, 2023 is Sat, Oct 14, 2023.');
    expect(out.stdout).toContain('Citation: 8 CFR 1003.38(b), (c)');
    expect(out.stdout).not.toContain('VERIFY');
  });

  it('prints the result object with --json', () => {
    const out = run('--rule', 'prehearing-filing-master-nondetained', '--trigger', '2025-12-12', '--json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.due).toBe('2025-11-26');
    expect(result.ruleDue).toBe('2025-11-28');
    expect(result.citation).toBe('EOIR Policy Manual, Part II (Immigration Court Practice Manual), ch. 3.1(b)');
    expect(result.edition.en).toContain('PM 25-21 (February 2025)');
    expect(result.trail.en.length).toBeGreaterThan(3);
  });

  it('shows the rule date of the one-year deadline (8 CFR 208.4(a)(2)(ii)), and verify only for a February 29 arrival', () => {
    const out = run('--rule', 'asylum-one-year', '--trigger', '2025-01-18');
    expect(out.stdout).toContain('Due: 2026-01-16');
    expect(out.stdout).toContain('Rule date: 2026-01-20');
    expect(out.stdout).not.toContain('VERIFY:');
    const leap = run('--rule', 'asylum-one-year', '--trigger', '2028-02-29');
    expect(leap.stdout).toContain('Due: 2029-02-28');
    expect(leap.stdout).toContain('VERIFY:');
  });

  it('passes --mailed, --days and --closure through', () => {
    expect(JSON.parse(run('--rule', 'i-290b', '--trigger', '2025-12-22', '--mailed', '--json').stdout).due).toBe('2026-01-26');
    expect(JSON.parse(run('--rule', 'vd-post-conclusion', '--trigger', '2021-10-12', '--days', '60', '--json').stdout).due).toBe(
      '2021-12-13',
    );
    const closed = run('--rule', 'bia-appeal', '--trigger', '2025-01-02', '--closure', '2025-02-03', '--closure', '2025-02-04');
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain('If the court closure extends deadlines: 2025-02-05');
  });

  it('lists the rules', () => {
    const out = run('--list');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^bia-appeal +Appeal to the BIA/m);
    expect(out.stdout).toMatch(/^reasonable-fear-review .*\[verify\]$/m);
    expect(out.stdout).toMatch(/^asylum-one-year +Asylum application one-year deadline \(Form I-589\)$/m);
    expect(out.stdout).toMatch(/^tps-reregistration +TPS re-registration window .*--country CODE/m);
  });

  it.each([
    [['--trigger', '2025-01-01']],
    [['--rule', 'bia-appeal']],
    [['--rule', 'bia-appeal', '--trigger', '2025-01-01', '--frobnicate']],
    [['--rule', 'bia-appeal', '--trigger', '2025-01-01', 'extra']],
    [['--rule']],
  ])('exits 2 on bad usage: %j', (args) => {
    const out = runDeadlineCommand(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Error: .+\nUsage: deadline --rule ID/);
  });

  it('exits 4 with one line naming the known rules for an unknown rule', () => {
    const out = run('--rule', 'xyz', '--trigger', '2025-01-01');
    expect(out.code).toBe(4);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Error: unknown rule 'xyz'\. Known rules: [a-z0-9-]+(, [a-z0-9-]+)+\n$/);
    expect(out.stderr).toContain('petition-for-review');
  });

  it.each([
    [['--rule', 'bia-appeal', '--trigger', '2023-02-30'], /^Error: trigger is not a real calendar date/],
    [['--rule', 'vd-post-conclusion', '--trigger', '2025-01-06', '--days', '-5'], /^Error: days must be a whole number from 1 to 3650/],
    [['--rule', 'vd-post-conclusion', '--trigger', '2025-01-06', '--days=-5'], /^Error: days must be a whole number from 1 to 3650/],
    [['--rule', 'vd-post-conclusion', '--trigger', '2025-01-06', '--days', 'abc'], /^Error: days must be a whole number/],
    [['--rule', 'vd-post-conclusion', '--trigger', '2025-01-06'], /^Error: rule 'vd-post-conclusion' needs days/],
    [['--rule', 'bia-appeal', '--trigger', '2025-01-06', '--closure', 'soon'], /^Error: closures is not a real calendar date/],
  ])('exits 4 with one plain line: %j', (args, pattern) => {
    const out = runDeadlineCommand(args);
    expect(out.code).toBe(4);
    expect(out.stderr).toMatch(pattern);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
