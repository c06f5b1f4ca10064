import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { freshCore, PASS } from '../../helpers/env';
import { namesFixture } from '../../helpers/fixtures';

let dir: string;
let db: string;
let cleanup: () => void;
const env = () => ({ AMPARO_PASSPHRASE: PASS });
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  const v = await freshCore();
  v.core.close();
  ({ dir, dbPath: db, cleanup } = v);
});
afterAll(() => cleanup());

const GOOD =
  'given_name,family_name,dob,a_number,detained,facility\nJosé María,García López,1990-03-07,A012-345-678,sí,Otay Mesa\nWideline,Pierre-Louis,11/30/1985,,no,\nMohammad,,2001-01-01,A987654321,no,\n';

describe('amparo CLI: intake commands', () => {
  it('import-intakes: a bad file exits 4 with one line per bad row and writes nothing', () => {
    const bad = file('bad.csv', 'given_name,family_name,dob,phone\nAna,Pérez,1990-01-01,\nLuis,Gómez,1990-02-30,12\n,Nobody,1990-01-01,\n');
    const r = runCli(['import-intakes', bad, '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'Line 3: date of birth is not a real date (use YYYY-MM-DD or MM/DD/YYYY); phone is not a phone number',
      'Line 4: given name is missing',
      'Nothing was imported.',
    ]);
    const s = runCli(['search', 'ana', '--db', db, '--json'], env());
    expect(JSON.parse(s.stdout)).toEqual([]);
  });

  it('import-intakes: a dry run writes nothing; the real run imports and prints one summary line', () => {
    const good = file('good.csv', GOOD);
    const dry = runCli(['import-intakes', good, '--db', db, '--dry-run'], env());
    expect(dry).toMatchObject({ code: 0, stdout: 'Dry run: would import 3 people, 0 merged, 0 skipped. Nothing was written.\n' });
    expect(JSON.parse(runCli(['search', 'garcia', '--db', db, '--json'], env()).stdout)).toEqual([]);
    const r = runCli(['import-intakes', good, '--db', db], env());
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Imported 3 people, 0 merged, 0 skipped.\n' });
  });

  it('import-intakes: likely duplicates fail by default, then follow --on-duplicate', () => {
    const again = join(dir, 'good.csv');
    const fail = runCli(['import-intakes', again, '--db', db], env());
    expect(fail.code).toBe(4);
    expect(fail.stderr).toContain('Line 2: looks like someone already in the vault');
    expect(fail.stderr).toContain('Line 3: looks like someone');
    expect(fail.stderr).toContain('Line 4: looks like someone');
    const skip = runCli(['import-intakes', again, '--db', db, '--on-duplicate', 'skip'], env());
    expect(skip).toMatchObject({ code: 0, stdout: 'Imported 0 people, 0 merged, 3 skipped.\n' });
    expect(runCli(['import-intakes', again, '--db', db, '--on-duplicate', 'maybe'], env()).code).toBe(2);
    expect(runCli(['import-intakes', '--db', db], env()).code).toBe(2);
  });

  it('import-intakes: a binary file is refused in one line', () => {
    const png = join(dir, 'photo.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const r = runCli(['import-intakes', png, '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a text CSV file/);
  });

  it('check-duplicate prints candidates with strength and reasons for a fixture sameness pair', () => {
    const pair = namesFixture().sameness.pairs.find((p) => p.a.given === 'José María' && p.b.given === 'Jose Maria')!;
    const r = runCli(
      ['check-duplicate', '--db', db, '--json', JSON.stringify({ given: pair.b.given, family: pair.b.family, dob: pair.b.dob })],
      env(),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ givenName: string; strength: string; reasons: string[]; aNumber: string }>;
    expect(out[0]).toMatchObject({ givenName: pair.a.given, strength: pair.expect, aNumber: 'A-012-345-678' });
    expect(out[0]!.reasons).toEqual(expect.arrayContaining(['names-equal-ignoring-accents', 'dob-equal']));
    expect(runCli(['check-duplicate', '--db', db, '--json', '{"given": "x",'], env()).code).toBe(2);
    expect(runCli(['check-duplicate', '--db', db, '--json', '{"given":"x","dob":"1990-02-30"}'], env()).code).toBe(2);
    expect(runCli(['check-duplicate', '--db', db, '--json', '{"nombre":"x"}'], env()).code).toBe(2);
  });

  it('search finds a person typed without accents, as JSON and as text', () => {
    const r = runCli(['search', 'jose', 'garcia', '--db', db, '--json'], env());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: expect.any(String),
        givenName: 'José María',
        familyName: 'García López',
        dob: '1990-03-07',
        aNumber: 'A-012-345-678',
        detained: true,
      },
    ]);
    const t = runCli(['search', 'pierre louis', '--db', db], env());
    expect(t.stdout).toMatch(/^[0-9a-f-]{36} {2}Pierre-Louis, Wideline {2}1985-11-30 {2}-\n$/);
    expect(runCli(['search', 'zzzz', '--db', db], env()).stdout).toBe('No matches.\n');
  });

  it('export-csv writes only where asked and refuses to overwrite without --force', () => {
    const out = join(dir, 'export.csv');
    expect(runCli(['export-csv', '--db', db], env()).code).toBe(2);
    const r = runCli(['export-csv', '--db', db, '--out', out], env());
    expect(r).toMatchObject({ code: 0, stdout: `Exported 3 people to ${out}.\n` });
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFgiven_name,family_name,')).toBe(true);
    expect(csv).toContain('José María,García López,,1990-03-07');
    const again = runCli(['export-csv', '--db', db, '--out', out], env());
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/already exists. Add --force/);
    expect(runCli(['export-csv', '--db', db, '--out', out, '--force'], env()).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a wrong passphrase exits 3', () => {
    expect(runCli(['search', 'x', '--db', db], { AMPARO_PASSPHRASE: 'not the passphrase' }).code).toBe(3);
  });
});
