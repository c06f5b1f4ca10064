/**
 * Issue 14 §4 through the real CLI process: `eoir-check` records what EOIR
 * said and prints how it differs from the docket; `eoir-due` lists who is due
 * a check (text and JSON); bad usage exits 2, an unknown person 4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/deadlines';
import { localToday } from '../../../electron/core/context';
import { runCli } from '../../helpers/cli';
import { PASS, freshCore } from '../../helpers/env';

let db: string;
let cleanup: () => void;
let doraId: string;
let felixId: string;
// The CLI runs on the real date: hearings are set relative to it.
const today = localToday();
const env = () => ({ AMPARO_PASSPHRASE: PASS });

beforeAll(async () => {
  const v = await freshCore();
  ({ dbPath: db, cleanup } = v);
  const intake = (given: string, aNumber: string, cases: unknown[]) => ({
    decisions: [],
    intake: {
      person: { givenName: given, familyName: 'Núñez', dob: '1990-01-01', aNumber },
      detention: { detained: false },
      history: {},
      cases,
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  const dora = await v.core.call(
    'intake.createFull',
    intake('Dora', 'A012345678', [
      { type: 'removal-nondetained', judge: 'Ruiz', nextHearing: { date: addDays(today, 40), kind: 'master' } },
    ]),
  );
  doraId = dora.id;
  await v.core.call('detention.save', {
    personId: dora.id,
    version: dora.version,
    history: { stays: [{ facility: 'Adelanto ICE Processing Center', from: addDays(today, -20) }], ankleMonitor: false },
  });
  felixId = (await v.core.call('intake.createFull', intake('Félix', '98765432', [{ type: 'asylum-affirmative' }]))).id;
  v.core.close();
});
afterAll(() => cleanup());

describe('eoir-due and eoir-check (real process)', () => {
  it('lists everyone never checked, detained first, A-number and name on one line; JSON too', () => {
    const r = runCli(['eoir-due', '--db', db], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Due an EOIR check on \d{4}-\d{2}-\d{2} \(detained: 7 days, others: 30 days\): 2$/);
    expect(lines[1]).toBe('A012-345-678  Dora Núñez  [detained: Adelanto ICE Processing Center]  never checked');
    expect(lines[2]).toBe('A098-765-432  Félix Núñez  never checked');
    const j = runCli(['eoir-due', '--db', db, '--json'], env());
    expect(j.code).toBe(0);
    const rows = JSON.parse(j.stdout) as Array<{ personId: string; aNumber: string; detained: boolean }>;
    expect(rows.map((x) => [x.personId, x.aNumber, x.detained])).toEqual([
      [doraId, '012345678', true],
      [felixId, '098765432', false],
    ]);
  });

  it('records a check, prints the differences, and the person leaves the due list', () => {
    const moved = addDays(today, 55);
    const r = runCli(['eoir-check', '--db', db, '--person', doraId, '--next-hearing', moved, '--time', '09:30', '--judge', 'Ruiz'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Recorded the EOIR check of A012-345-678');
    expect(r.stdout).toContain(`hearing date: docket ${addDays(today, 40)}, EOIR ${moved}`);
    expect(r.stdout).toContain('hearing time: docket (none), EOIR 09:30');
    expect(r.stdout).not.toContain('judge:');
    const due = JSON.parse(runCli(['eoir-due', '--db', db, '--json'], env()).stdout) as Array<{ personId: string }>;
    expect(due.map((x) => x.personId)).toEqual([felixId]);
    // Eight days on, the detained client is due again; the other is not (30 days).
    const later = JSON.parse(runCli(['eoir-due', '--db', db, '--json', '--today', addDays(today, 8)], env()).stdout) as Array<{
      personId: string;
    }>;
    expect(later.map((x) => x.personId)).toEqual([doraId, felixId]);
  });

  it('bad usage exits 2 with one plain line; an unknown person exits 4', () => {
    const noDate = runCli(['eoir-check', '--db', db, '--person', doraId], env());
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain('--next-hearing YYYY-MM-DD is required');
    const badTime = runCli(['eoir-check', '--db', db, '--person', doraId, '--next-hearing', today, '--time', '25:00'], env());
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('--time must be HH:MM');
    const unknown = runCli(['eoir-check', '--db', db, '--person', '01900000-0000-7000-8000-000000000000', '--next-hearing', today], env());
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('not in this vault');
  });
});
