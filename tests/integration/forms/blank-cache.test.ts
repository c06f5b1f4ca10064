/**
 * Issue 15 §3: the public blank cache outside the vault (blank-cache.ts).
 * Only a byte-identical official download (the SHA-256 a shipped map
 * records) is cached; anything else, such as a filled form passed to
 * `fields`, leaves nothing on disk. Real CLI processes, real blanks, and the
 * cached copy itself checked with qpdf and pdftk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/core/forms/blank-cache';
import { runCli } from '../../helpers/cli';
import { PASS, freshCore } from '../../helpers/env';
import { blankPath, pdftkValues, qpdfCheck, readBlank } from './helpers';

let dir: string;
let db: string;
let cleanup: () => void;
let personId: string;
const SHA_765 = sha256Hex(readBlank('i-765'));

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: { givenName: 'Gyqpj', familyName: 'Ñúñez-Yépez', dob: '1990-03-07', aNumber: 'A012345678' },
      detention: { detained: false },
      history: { tpsCountry: 'SV', tpsStatus: 'pending' },
      cases: [{ type: 'tps' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  } as never);
  personId = p.id;
  v.core.close();
});
afterAll(() => cleanup());

const fieldNames = (file: string) =>
  execFileSync('pdftk', [file, 'dump_data_fields_utf8'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter((l) => l.startsWith('FieldName: '))
    .map((l) => l.slice('FieldName: '.length));

describe('the public blank cache', () => {
  it('fields --blank on the official I-765 caches its decrypted copy (owner-only), and the next call answers the same from it', () => {
    const cache = join(dir, 'cache-fields');
    const first = runCli(['fields', '--blank', blankPath('i-765'), '--json'], { AMPARO_BLANK_CACHE: cache });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(cache).sort()).toEqual([`${SHA_765}.json`, `${SHA_765}.pdf`]);
    for (const f of readdirSync(cache)) expect(statSync(join(cache, f)).mode & 0o077).toBe(0);
    expect(statSync(cache).mode & 0o077).toBe(0);

    // The cached copy is a sound, unencrypted PDF with the blank's fields, all of them empty.
    const pdf = join(cache, `${SHA_765}.pdf`);
    qpdfCheck(pdf);
    expect(execFileSync('qpdf', ['--show-encryption', pdf], { encoding: 'utf8' })).toMatch(/not encrypted/);
    const listed = (JSON.parse(first.stdout) as Array<{ name: string }>).map((f) => f.name);
    expect(listed).toHaveLength(170);
    expect(new Set(fieldNames(pdf))).toEqual(new Set(listed));
    // Only what the official blank itself carries (its page barcodes' edition values), nothing else.
    expect(pdftkValues(pdf)).toEqual(pdftkValues(blankPath('i-765')));

    const second = runCli(['fields', '--blank', blankPath('i-765'), '--json'], { AMPARO_BLANK_CACHE: cache });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('a damaged entry is ignored and written again', () => {
    const cache = join(dir, 'cache-damaged');
    expect(runCli(['fields', '--blank', blankPath('i-765')], { AMPARO_BLANK_CACHE: cache }).code).toBe(0);
    const pdf = join(cache, `${SHA_765}.pdf`);
    const good = readFileSync(pdf);
    const bad = Buffer.from(good);
    const mid = bad.length >> 1;
    bad[mid] = bad[mid]! ^ 0xff;
    writeFileSync(pdf, bad);
    // A field list that would show if the damaged entry were trusted.
    const meta = join(cache, `${SHA_765}.json`);
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { fields: Array<{ name: string }> };
    m.fields[0]!.name = 'not a field of this form';
    writeFileSync(meta, JSON.stringify(m));

    const r = runCli(['fields', '--blank', blankPath('i-765')], { AMPARO_BLANK_CACHE: cache });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('not a field of this form');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('170 fields');
    qpdfCheck(pdf);
    expect(sha256Hex(readFileSync(pdf))).not.toBe(sha256Hex(bad));
  });

  it('fill uses the cached blank (no decryption) and the output is sound; a filled form given to fields is never cached', () => {
    const cache = join(dir, 'cache-fill');
    expect(runCli(['fields', '--blank', blankPath('i-765')], { AMPARO_BLANK_CACHE: cache }).code).toBe(0);
    const before = readdirSync(cache).map((f) => [f, statSync(join(cache, f)).mtimeMs]);
    const out = join(dir, 'filled-from-cache.pdf');
    const r = runCli(['fill', '--blank', blankPath('i-765'), '--form', 'i-765', '--person', personId, '--db', db, '--out', out], {
      AMPARO_PASSPHRASE: PASS,
      AMPARO_BLANK_CACHE: cache,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    qpdfCheck(out);
    const values = pdftkValues(out);
    expect(values.get('form1[0].Page1[0].Line1a_FamilyName[0]')).toBe('Ñúñez-Yépez');
    expect(values.get('form1[0].Page1[0].Line1b_GivenName[0]')).toBe('Gyqpj');
    expect(readdirSync(cache).map((f) => [f, statSync(join(cache, f)).mtimeMs])).toEqual(before);

    // The filled output holds client data: listing its fields must leave nothing in the cache.
    const other = join(dir, 'cache-client-data');
    const listed = runCli(['fields', '--blank', out], { AMPARO_BLANK_CACHE: other });
    expect(listed.code).toBe(0);
    expect(existsSync(other)).toBe(false);
  });

  it('the decrypted copy of a blank (not the official download) and AMPARO_BLANK_CACHE=off cache nothing', () => {
    const decrypted = join(dir, 'decrypted-765.pdf');
    execFileSync('qpdf', ['--decrypt', blankPath('i-765'), decrypted]);
    const cache = join(dir, 'cache-none');
    mkdirSync(cache);
    expect(runCli(['fields', '--blank', decrypted], { AMPARO_BLANK_CACHE: cache }).code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);

    const home = join(dir, 'home-off');
    mkdirSync(home);
    const r = runCli(['fields', '--blank', blankPath('i-765')], { AMPARO_BLANK_CACHE: 'off', HOME: home, XDG_CACHE_HOME: join(home, 'c') });
    expect(r.code).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });
});
