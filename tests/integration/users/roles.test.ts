/**
 * Roles enforced in dispatch (issue 10), through the core directly; the
 * harness (HTTP) and CLI go through the same dispatch (see cli test).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';
import type { Role } from '../../../shared/users';

let core: Core;
let cleanup: () => void;
let now = new Date('2031-05-01T09:00:00Z');
const person = (given: string, family = 'Prueba') => ({
  intake: { givenName: given, familyName: family, dob: '1990-01-01', detained: false },
});

beforeEach(async () => {
  const t = tempDir();
  now = new Date('2031-05-01T09:00:00Z');
  core = createCore({ dbPath: join(t.dir, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false, clock: () => now });
  cleanup = () => {
    core.close();
    t.cleanup();
  };
  await core.call('vault.create', { passphrase: PASS, userName: 'lead1' });
  for (const role of ['volunteer', 'paralegal', 'attorney'] as Role[]) {
    await core.call('users.add', { name: role, role, passphrase: `${role} passphrase` });
  }
});
afterEach(() => cleanup());

async function as(name: string) {
  await core.call('vault.lock', {});
  await core.call('vault.unlock', { userName: name, passphrase: name === 'lead1' ? PASS : `${name} passphrase` });
}

const code = async (op: string, input: unknown) => {
  const r = await core.dispatch(op, input);
  return r.ok ? 'ok' : r.error.code;
};

describe('role matrix', () => {
  it('allows and refuses a sample of operations per role', async () => {
    const other = await core.call('intake.createQuick', person('Marta', 'Otra'));
    const matrix: Array<[string, unknown, Record<Role, string>]> = [
      ['people.list', {}, { volunteer: 'FORBIDDEN', paralegal: 'ok', attorney: 'ok', lead: 'ok' }],
      ['people.get', { id: other.id }, { volunteer: 'FORBIDDEN', paralegal: 'ok', attorney: 'ok', lead: 'ok' }],
      ['users.list', {}, { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'FORBIDDEN', lead: 'ok' }],
      ['users.assignable', {}, { volunteer: 'FORBIDDEN', paralegal: 'ok', attorney: 'ok', lead: 'ok' }],
      [
        'users.add',
        { name: 'x1', role: 'volunteer', passphrase: 'another passphrase' },
        { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'FORBIDDEN', lead: 'ok' },
      ],
      ['import.exportCsv', {}, { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'FORBIDDEN', lead: 'ok' }],
      ['audit.verify', {}, { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'FORBIDDEN', lead: 'ok' }],
      ['backup.status', {}, { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'FORBIDDEN', lead: 'ok' }],
      ['forms.fill', { form: 'g-28', personId: other.id }, { volunteer: 'FORBIDDEN', paralegal: 'FORBIDDEN', attorney: 'ok', lead: 'ok' }],
      ['deadlines.rules', {}, { volunteer: 'FORBIDDEN', paralegal: 'ok', attorney: 'ok', lead: 'ok' }],
    ];
    for (const role of ['volunteer', 'paralegal', 'attorney', 'lead'] as Role[]) {
      await as(role === 'lead' ? 'lead1' : role);
      for (const [op, input, expected] of matrix) {
        const got = await code(op, input);
        // forms.fill may fail for want of a blank or attorney block; what matters is whether the role passed.
        if (op === 'forms.fill' && expected[role] === 'ok') expect(got, `${role} ${op}`).not.toBe('FORBIDDEN');
        else expect(got, `${role} ${op}`).toBe(expected[role]);
      }
    }
  });

  it('a volunteer sees only their own intakes of the last 24 hours, and of duplicates only that one exists', async () => {
    const other = await core.call('intake.createQuick', person('Marta', 'Gómez'));
    await as('volunteer');
    const mine = await core.call('intake.createQuick', person('Lucía', 'Ramos'));
    expect(await code('people.get', { id: mine.id })).toBe('ok');
    expect(await code('people.get', { id: other.id })).toBe('FORBIDDEN');
    expect(await code('people.list', {})).toBe('FORBIDDEN');
    const search = await core.call('people.search', { query: 'Gómez' });
    expect(search).toEqual([]);
    expect((await core.call('people.search', { query: 'Ramos' })).map((p) => p.id)).toEqual([mine.id]);
    // The header's counted search: their own rows, and a count of their own only (never how many others match).
    await core.call('intake.createQuick', { ...person('Lucía', 'Gómez'), decisions: [{ otherId: other.id, decision: 'new-person' }] });
    const page = await core.call('people.searchPage', { query: 'Gómez' });
    expect(page.rows.map((p) => p.givenName)).toEqual(['Lucía']);
    expect(page.found).toBe(1);
    const dups = await core.call('people.checkDuplicates', { given: 'Marta', family: 'Gómez', dob: '1990-01-01' });
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) expect(d).toMatchObject({ givenName: '', familyName: '', dob: null, aNumber: null, reasons: [] });
    // A day later, their own intake is out of reach too.
    now = new Date(now.getTime() + 25 * 3600_000);
    expect(await code('people.get', { id: mine.id })).toBe('FORBIDDEN');
  });
});
