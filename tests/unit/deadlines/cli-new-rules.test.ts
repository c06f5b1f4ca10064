/** The new rule ids through the real CLI bundle, as `npm run amparo -- deadline …` runs them. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const json = (...args: string[]) => {
  const r = runCli(['deadline', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('deadline CLI with the issue 14 rules', () => {
  it('eoir-29 --mailed (8 CFR 1003.3(a)(2), 103.8(b)): 33 days to the leap day', () => {
    expect(json('--rule', 'eoir-29', '--trigger', '2028-01-27', '--mailed')).toMatchObject({ due: '2028-02-29', mailingDaysAdded: 3 });
  });

  it('pfr-record (FRAP 17(a), 26(a)(6)(B)) rolls over Christmas Eve 2024 from the shipped closures dataset', () => {
    expect(json('--rule', 'pfr-record', '--trigger', '2024-11-14')).toMatchObject({ due: '2024-12-26', verify: true });
  });

  it('order-set-forward --days 30 (8 CFR 1001.1(h)) and asylum-ead-file --stop (8 CFR 208.7(a))', () => {
    expect(json('--rule', 'order-set-forward', '--trigger', '2027-11-26', '--days', '30').due).toBe('2027-12-27');
    const r = json(
      '--rule',
      'asylum-ead-file',
      '--trigger',
      '2027-10-01',
      '--stop',
      '2027-11-01:2027-11-15',
      '--stop',
      '2027-12-20:2027-12-27',
    );
    expect(r).toMatchObject({ due: '2028-03-20', clockStoppedDays: 21, dateKind: 'earliest' });
  });

  it('prints "Earliest date" and the edition in text mode', () => {
    const r = runCli(['deadline', '--rule', 'asylum-ead-eligible', '--trigger', '2026-07-28']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('Earliest date: 2027-01-25');
    const pm = runCli(['deadline', '--rule', 'prehearing-filing-individual-nondetained', '--trigger', '2026-03-02']);
    expect(pm.stdout).toContain(
      'Edition followed: EOIR Policy Manual Part II (Immigration Court Practice Manual), ch. 3.1(b), as in effect since PM 25-21',
    );
  });

  it('tps-reregistration --country gives the window from the dataset, and flags an entry with no citation on file', () => {
    expect(json('--rule', 'tps-reregistration', '--country', 'SV')).toMatchObject({
      rule: 'tps-reregistration',
      opens: '2025-01-17',
      closes: '2025-03-18',
      citation: '90 FR 5953',
      noCitation: false,
    });
    expect(json('--rule', 'tps-reregistration', '--country', 'YE')).toMatchObject({
      opens: null,
      closes: null,
      citation: null,
      noCitation: true,
    });
    const text = runCli(['deadline', '--rule', 'tps-reregistration', '--country', 'LB']);
    expect(text.stdout).toContain('NO CITATION ON FILE');
    const missing = runCli(['deadline', '--rule', 'tps-reregistration']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--country is required');
  });

  it('lists every new id, tps-reregistration included', () => {
    const r = runCli(['deadline', '--list']);
    expect(r.code).toBe(0);
    for (const id of [
      'bia-brief',
      'bia-brief-extended',
      'eoir-29',
      'reasonable-fear-review',
      'asylum-ead-file',
      'asylum-ead-eligible',
      'ead-renewal-window',
      'order-set-forward',
      'pfr-record',
      'pfr-brief',
      'n-336',
      'foia-response',
      'foia-appeal',
      'tps-reregistration',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${id} `, 'm'));
    }
  });

  it('refuses a malformed --stop with exit 4 and one plain line', () => {
    const r = runCli(['deadline', '--rule', 'asylum-ead-file', '--trigger', '2027-10-01', '--stop', '2027-11-01']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('FROM:TO');
  });
});
