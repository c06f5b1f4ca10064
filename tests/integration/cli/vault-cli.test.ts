import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/env';

const PASS = 'a long enough passphrase';
let dir: string;
let cleanup: () => void;
let db: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('amparo-cli-'));
  db = join(dir, 'vault.db');
});
afterAll(() => cleanup());

describe('amparo CLI: vault commands', () => {
  it('init creates an encrypted vault and prints the recovery code once', () => {
    const r = runCli(['init', '--db', db], { AMPARO_PASSPHRASE: PASS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recovery code: ([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    expect(existsSync(db) && existsSync(db + '.keyslots')).toBe(true);
    expect(readFileSync(db + '.keyslots', 'utf8')).not.toContain(PASS);
  });

  it('init refuses to overwrite (exit 4, one line)', () => {
    const r = runCli(['init', '--db', db], { AMPARO_PASSPHRASE: PASS });
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('unlock-check: 0 with the passphrase, 3 without', () => {
    expect(runCli(['unlock-check', '--db', db], { AMPARO_PASSPHRASE: PASS })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('ok'),
    });
    const wrong = runCli(['unlock-check', '--db', db], { AMPARO_PASSPHRASE: 'not it at all' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr.trim()).toBe('Error: That passphrase does not open this vault.');
  });

  it('reads the passphrase from piped input when the variable is unset', () => {
    expect(runCli(['unlock-check', '--db', db], {}, PASS + '\n').code).toBe(0);
  });

  it('passwd changes the passphrase; the old one stops working', () => {
    const next = 'the next passphrase';
    expect(runCli(['passwd', '--db', db], { AMPARO_PASSPHRASE: PASS, AMPARO_NEW_PASSPHRASE: next }).code).toBe(0);
    expect(runCli(['unlock-check', '--db', db], { AMPARO_PASSPHRASE: PASS }).code).toBe(3);
    expect(runCli(['unlock-check', '--db', db], { AMPARO_PASSPHRASE: next }).code).toBe(0);
    const short = runCli(['passwd', '--db', db], { AMPARO_PASSPHRASE: next, AMPARO_NEW_PASSPHRASE: 'short' });
    expect(short.code).toBe(4);
    expect(short.stderr).toMatch(/at least 10 characters/);
  });

  it('bad usage exits 2 with one plain line and the command usage', () => {
    expect(runCli(['unknown-thing']).code).toBe(2);
    const r = runCli(['unlock-check', '--db', db, '--passphrase', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage error: Unknown option '--passphrase'/);
  });

  it('a missing vault exits 4', () => {
    const r = runCli(['unlock-check', '--db', join(dir, 'nope.db')], { AMPARO_PASSPHRASE: PASS });
    expect(r.code).toBe(4);
    // Said before any passphrase is asked for, naming what --db accepts (issue 8).
    expect(r.stderr.trim()).toBe(
      `Error: There is no Amparo vault at ${join(dir, 'nope.db')}. Give --db the vault folder (Settings shows it) or the amparo.db file inside it.`,
    );
  });
});
