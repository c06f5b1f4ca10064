/** user / rekey / audit commands through the real CLI bundle, AMPARO_USER, and exit code 5 (issue 10). */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/env';
import { openSlot, readKeyslots } from '../../../electron/core/vault/keyslots';
import { openEncrypted } from '../../../electron/core/db/connection';

const LEAD = { AMPARO_USER: 'rosa', AMPARO_PASSPHRASE: 'lead passphrase 123' };
let dir: string;
let db: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'vault');
  const init = runCli(['init', '--db', join(db, 'amparo.db')], LEAD);
  expect(init.stderr).toBe('');
  expect(init.stdout).toContain('with the lead user rosa');
});
afterAll(() => cleanup());

describe('users through the CLI', () => {
  it('a lead adds users; each command runs as AMPARO_USER under their role; exit 5 when the role forbids', () => {
    expect(
      runCli(['user', 'add', '--db', db, '--name', 'vol', '--role', 'volunteer'], { ...LEAD, AMPARO_NEW_PASSPHRASE: 'volunteer pass 1' })
        .code,
    ).toBe(0);
    expect(
      runCli(['user', 'add', '--db', db, '--name', 'para', '--role', 'paralegal'], { ...LEAD, AMPARO_NEW_PASSPHRASE: 'paralegal pass 1' })
        .code,
    ).toBe(0);
    const list = runCli(['user', 'list', '--db', db, '--json'], LEAD);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ name: string; role: string }>).map((u) => [u.name, u.role]).sort()).toEqual([
      ['para', 'paralegal'],
      ['rosa', 'lead'],
      ['vol', 'volunteer'],
    ]);
    const para = { AMPARO_USER: 'para', AMPARO_PASSPHRASE: 'paralegal pass 1' };
    const vol = { AMPARO_USER: 'vol', AMPARO_PASSPHRASE: 'volunteer pass 1' };
    // Not allowed for the role: 5.
    expect(runCli(['user', 'list', '--db', db], vol).code).toBe(5);
    expect(
      runCli(['user', 'add', '--db', db, '--name', 'x', '--role', 'lead'], { ...para, AMPARO_NEW_PASSPHRASE: 'another pass 12' }).code,
    ).toBe(5);
    expect(runCli(['export-csv', '--db', db, '--out', join(dir, 'people.csv')], para).code).toBe(5);
    expect(runCli(['audit', 'verify', '--db', db], para).code).toBe(5);
    // The list of users with their expiry is the lead's (Settings → Users); paralegals see names through users.assignable.
    expect(runCli(['user', 'list', '--db', db], para).code).toBe(5);
    // Allowed: a paralegal reads the docket; the wrong passphrase is still 3.
    expect(runCli(['docket', '--db', db, '--days', '30', '--json'], para).code).toBe(0);
    expect(runCli(['docket', '--db', db, '--days', '30'], { ...para, AMPARO_PASSPHRASE: 'not it at all' }).code).toBe(3);
  });

  it('an expired account exits 5', () => {
    expect(
      runCli(['user', 'add', '--db', db, '--name', 'old', '--role', 'volunteer', '--expires', '2001-01-01T10:00'], {
        ...LEAD,
        AMPARO_NEW_PASSPHRASE: 'expired pass 12',
      }).code,
    ).toBe(0);
    const r = runCli(['unlock-check', '--db', db], { AMPARO_USER: 'old', AMPARO_PASSPHRASE: 'expired pass 12' });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/expired/);
  });

  it('audit verify exits 0, then 4 naming the first broken entry; remove + rekey shuts out an old key file', async () => {
    const ok = runCli(['audit', 'verify', '--db', db], LEAD);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: the audit trail holds/);
    const list = runCli(['audit', 'list', '--db', db, '--json'], LEAD);
    expect((JSON.parse(list.stdout) as Array<{ action: string }>).map((e) => e.action)).toContain('users.add');

    const oldKeys = readKeyslots(join(db, 'amparo.db.keyslots'));
    expect(runCli(['user', 'remove', '--db', db, '--name', 'vol'], LEAD).code).toBe(0);
    const rekey = runCli(['rekey', '--db', db], LEAD);
    expect(rekey.code).toBe(0);
    expect(rekey.stdout).toMatch(/New recovery code: [0-9A-Z-]{39}/);
    // The removed volunteer's passphrase opens the OLD key file copy, but that key no longer opens the database.
    const oldKey = await openSlot(oldKeys, 'passphrase', Buffer.from('volunteer pass 1'), 'vol');
    expect(() => openEncrypted(join(db, 'amparo.db'), oldKey)).toThrow();
    // The others still open.
    expect(runCli(['unlock-check', '--db', db], { AMPARO_USER: 'para', AMPARO_PASSPHRASE: 'paralegal pass 1' }).code).toBe(0);

    // Tamper with one entry through a raw connection: verify exits 4 and names it.
    const key = await openSlot(readKeyslots(join(db, 'amparo.db.keyslots')), 'passphrase', Buffer.from(LEAD.AMPARO_PASSPHRASE), 'rosa');
    const raw = openEncrypted(join(db, 'amparo.db'), key);
    raw.prepare(`UPDATE audit_log SET action = 'nothing' WHERE seq = 2`).run();
    raw.close();
    const bad = runCli(['audit', 'verify', '--db', db], LEAD);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/broken at entry 2 \(hash\)/);
  });
});
