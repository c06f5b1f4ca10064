/**
 * import-intakes against hostile inputs (issue 16, sections 6 and 7): files
 * that are not files, files bigger than the limit whatever stat() says, and
 * text in an encoding that would otherwise be stored as mojibake.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runCli } from '../../helpers/cli';
import { runCliMeasured } from './measured';
import { freshCore, PASS } from '../../helpers/env';

let dir: string;
let db: string;
let cleanup: () => void;
const env = () => ({ AMPARO_PASSPHRASE: PASS });

beforeAll(async () => {
  const v = await freshCore();
  v.core.close();
  ({ dir, dbPath: db, cleanup } = v);
});
afterAll(() => cleanup());

const NAMES_JA =
  '明,山田,1990-01-01\n花子,鈴木,1991-02-02\n太郎,佐藤,1992-03-03\nさくら,高橋,1993-04-04\n健,田中,1994-05-05\n陽子,伊藤,1995-06-06\n';

describe('import-intakes: inputs are bounded however they arrive', () => {
  it('refuses /dev/zero as not a regular file, quickly and without reading it', () => {
    const r = runCliMeasured(['import-intakes', '/dev/zero', '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe(
      'Error: /dev/zero is not a regular file (it is a device, a pipe or a socket). Save the spreadsheet as a CSV file and import that file.',
    );
    // The audit saw 3 GB; a node process with the CLI loaded sits near 150 MB.
    expect(r.peakMb).toBeLessThan(400);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'people.fifo');
    const mk = spawnSync('mkfifo', [fifo]);
    expect(mk.status, 'mkfifo must work on this machine').toBe(0);
    // Without the check, opening the FIFO would block until runCli's 60 s timeout (code null).
    const r = runCli(['import-intakes', fifo, '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('is not a regular file (it is a device, a pipe or a socket)');
  });

  it('says a folder is a folder, not "something went wrong"', () => {
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const r = runCli(['import-intakes', folder, '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe(`Error: ${folder} is a folder, not a CSV file. Give the path of the CSV file itself.`);
  });

  it('stops reading a 3 GB file at the 50 MB limit and refuses it', () => {
    const big = join(dir, 'huge.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3); // sparse: 3 GB to read, nothing on disk
    closeSync(fd);
    const r = runCliMeasured(['import-intakes', big, '--db', db], env());
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe('Error: This file is larger than 50 MB. Split it into smaller files and import them one by one.');
    // 50 MB + 1 byte read at most, on top of the ~150 MB process.
    expect(r.peakMb).toBeLessThan(400);
  });
});

describe('import-intakes: never mojibake without a word', () => {
  it('refuses a Shift-JIS file naming the first affected line, then imports it with --encoding shift_jis', () => {
    const sjis = join(dir, 'sjis.csv');
    writeFileSync(sjis, iconv.encode(`given_name,family_name,dob\n${NAMES_JA}`, 'shift_jis'));
    const refused = runCli(['import-intakes', sjis, '--db', db], env());
    expect(refused.code).toBe(4);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^Error: Line 2: the file looks like Shift_JIS \(chardet is \d+% sure\), not Windows-1252/);
    expect(refused.stderr).toContain('Nothing was imported. If it is Shift_JIS, run again with --encoding Shift_JIS.');
    expect(JSON.parse(runCli(['search', 'Yamada', '--db', db, '--json'], env()).stdout)).toEqual([]);

    const ok = runCli(['import-intakes', sjis, '--db', db, '--encoding', 'shift_jis'], env());
    expect(ok).toMatchObject({ code: 0, stdout: 'Imported 6 people, 0 merged, 0 skipped.\n' });
    expect(ok.stderr).toBe('Reading the file as shift_jis, as asked with --encoding.\n');
    const found = JSON.parse(runCli(['search', '山田', '--db', db, '--json'], env()).stdout) as { givenName: string; familyName: string }[];
    expect(found.map((p) => [p.givenName, p.familyName])).toEqual([['明', '山田']]);
    const sakura = JSON.parse(runCli(['search', '高橋', '--db', db, '--json'], env()).stdout) as { givenName: string }[];
    expect(sakura.map((p) => p.givenName)).toEqual(['さくら']);
  });

  it('refuses the one-row Shift-JIS file of the audit (chardet fooled) by its mixed letters and symbols', () => {
    const one = join(dir, 'sjis-one.csv');
    writeFileSync(one, iconv.encode('given_name,family_name,dob\nAna,Smith,1980-01-01\n明,山田,1990-01-01\n', 'shift_jis'));
    const r = runCli(['import-intakes', one, '--db', db, '--dry-run'], env());
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^Error: Line 3: /);
    expect(r.stderr).toContain('Nothing was imported.');
  });

  it('refuses control characters a guessed code page decodes to, with their line', () => {
    const latin = join(dir, 'c1.csv');
    // 0x81 is unassigned in Windows-1252 (U+FFFD): no real text has it.
    writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from('given_name,family_name,dob\nAna,Garc\xeda,1980-01-01\nLuis,G', 'latin1'),
        Buffer.from([0x81]),
        Buffer.from('mez,1981-01-01\n'),
      ]),
    );
    const r = runCli(['import-intakes', latin, '--db', db, '--dry-run'], env());
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^Error: Line 3: read as Windows-1252, this line has characters that are not text/);
  });

  it('still imports a Windows-1252 file, saying which encoding it read', () => {
    const w = join(dir, 'win1252.csv');
    const text =
      'given_name,family_name,dob,notes\nJosé María,García López,1990-01-01,\nIñaki,Muñoz Ibáñez,1990-02-01,\nJean-Baptiste,Désir,1990-03-01,\nMaría de los Ángeles,de la Cruz Hernández,1990-04-01,Dijo “no tengo papeles”\n';
    writeFileSync(w, iconv.encode(text, 'win1252'));
    const r = runCli(['import-intakes', w, '--db', db], env());
    expect(r).toMatchObject({ code: 0, stdout: 'Imported 4 people, 0 merged, 0 skipped.\n' });
    expect(r.stderr).toMatch(/^Reading the file as Windows-1252 \(chardet detected (windows-1252|ISO-8859-1), \d+% sure\)\. Not UTF-8/);
    const found = JSON.parse(runCli(['search', 'Ibáñez', '--db', db, '--json'], env()).stdout) as {
      givenName: string;
      familyName: string;
    }[];
    expect(found.map((p) => [p.givenName, p.familyName])).toEqual([['Iñaki', 'Muñoz Ibáñez']]);
  });

  it('refuses an --encoding iconv-lite does not know, as a usage error', () => {
    const r = runCli(['import-intakes', join(dir, 'win1252.csv'), '--db', db, '--encoding', 'klingon-8'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"klingon-8" is not an encoding Amparo knows.');
  });
});
