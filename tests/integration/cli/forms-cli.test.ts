/**
 * `fields` and `fill` through a real CLI process: exit codes, one plain error
 * line, and --out as the only file written (atomically, no temp file left).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { loadBlank } from '../../../electron/core/forms/blank';
import { runCli } from '../../helpers/cli';
import { PASS, REPO_ROOT, TEST_KDF, freshCore } from '../../helpers/env';
import { blankPath, pdftkValues, qpdfCheck, readBlank } from '../forms/helpers';

let dir: string;
let db: string;
let cleanup: () => void;
let personId: string;
let files: string;
const env = () => ({ AMPARO_PASSPHRASE: PASS });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A fresh, empty output folder per case, so "only --out was written" is an exact listing. */
const outDir = (name: string) => {
  const d = join(dir, 'out', name);
  mkdirSync(d, { recursive: true });
  return d;
};

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: {
        givenName: 'Thị Bích Ngọc',
        familyName: 'Nguyễn',
        dob: '1988-02-29',
        aNumber: 'A 201-555-123',
        sex: 'female',
        languages: ['Vietnamese'],
      },
      detention: { detained: false },
      history: {},
      cases: [{ type: 'asylum-affirmative' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'vi' },
    },
  });
  personId = p.id;
  await v.core.call('forms.setAttorney', { attorney: { givenName: 'Ana', familyName: 'Ruiz', barNumber: '123456' } });
  v.core.close();

  files = join(dir, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'truncated.pdf'), readBlank('g-28').subarray(0, 5000));
  const plain = await PDFDocument.create();
  plain.addPage().drawText('No form here');
  writeFileSync(join(files, 'noform.pdf'), await plain.save());
  const decrypted = await loadBlank(readBlank('g-28'));
  writeFileSync(join(files, 'plain.pdf'), decrypted.bytes);
  execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', join(files, 'plain.pdf'), join(files, 'locked.pdf')]);
  // Another "edition": the official field set, with one field renamed.
  const doc = await PDFDocument.load(decrypted.bytes);
  const field = doc.getForm().getTextField('form1[0].#subform[1].Pt3Line9_ANumber[0]');
  field.acroField.setPartialName('Pt3Line9_ANumberNew[0]');
  writeFileSync(join(files, 'g-28-next.pdf'), await doc.save());
}, 60_000);
afterAll(() => cleanup());

describe('amparo CLI: fields', () => {
  it('lists every field of an official blank as JSON, without a vault', () => {
    const r = runCli(['fields', '--blank', blankPath('i-589'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const fields = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(fields).toHaveLength(448);
    expect(fields.find((f) => f.name === 'form1[0].#subform[0].PtAILine1_ANumber[0]')).toEqual({
      name: 'form1[0].#subform[0].PtAILine1_ANumber[0]',
      type: 'text',
      label: expect.any(String),
      page: 1,
      options: [],
      maxLen: 9,
    });
    expect(fields.find((f) => f.name === 'form1[0].#subform[0].PartALine9Gender[1]')).toMatchObject({ type: 'checkbox', options: ['F'] });
  });

  it('prints one line per field without --json', () => {
    const r = runCli(['fields', '--blank', blankPath('g-28')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('97 fields');
    expect(lines.find((l) => l.includes('Line3d_State[0]'))).toMatch(/^p1\tdropdown\t.*options: .*CA/);
  });

  it.each([
    ['truncated.pdf', 'PDF_INVALID', /damaged or is not a PDF/],
    ['noform.pdf', 'PDF_NO_FORM', /no fillable fields/],
    ['locked.pdf', 'PDF_NEEDS_PASSWORD', /needs a password/],
    ['missing.pdf', 'NOT_FOUND', /Cannot read the blank PDF/],
  ])('refuses %s with exit 4 and one plain line (%s)', (name, _code, message) => {
    const r = runCli(['fields', '--blank', join(files, name), '--json']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('needs --blank (exit 2)', () => {
    expect(runCli(['fields', '--json']).code).toBe(2);
  });
});

describe('amparo CLI: fill', () => {
  it('fills the I-589 into --out only, and records it in the person history', async () => {
    const d = outDir('ok');
    const target = join(d, 'i589.pdf');
    const r = runCli(['fill', '--blank', blankPath('i-589'), '--form', 'i-589', '--person', personId, '--db', db, '--out', target], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(d)).toEqual(['i589.pdf']);
    const bytes = new Uint8Array(readFileSync(target));
    expect(r.stdout).toBe(
      `Wrote ${target}: I-589 edition 2022, 12 pages, ${r.stdout.match(/(\d+) fields filled/)![1]} fields filled. sha256 ${sha(bytes)}\n`,
    );
    qpdfCheck(target);
    const values = pdftkValues(target);
    expect(values.get('form1[0].#subform[0].PtAILine4_LastName[0]')).toBe('Nguyễn');
    expect(values.get('form1[0].#subform[0].PtAILine5_FirstName[0]')).toBe('Thị Bích Ngọc');
    expect(values.get('form1[0].#subform[0].PtAILine1_ANumber[0]')).toBe('201555123');
    expect(values.get('form1[0].#subform[0].DateTimeField1[0]')).toBe('02/29/1988');

    const core = createCore({ dbPath: db, kdfCost: TEST_KDF });
    await core.call('vault.unlock', { passphrase: PASS });
    try {
      const history = await core.call('forms.history', { personId });
      expect(history[0]).toMatchObject({
        kind: 'fill',
        form: 'i-589',
        edition: '2022',
        templateId: null,
        outputSha256: sha(bytes),
        pageCount: 12,
      });
    } finally {
      core.close();
    }
  });

  it('refuses to overwrite without --force, and replaces atomically with it', () => {
    const d = outDir('force');
    const target = join(d, 'g28.pdf');
    writeFileSync(target, 'keep me');
    const args = ['fill', '--blank', blankPath('g-28'), '--form', 'g-28', '--person', personId, '--db', db, '--out', target];
    const refused = runCli(args, env());
    expect(refused.code).toBe(4);
    expect(refused.stderr.trim()).toBe(`Error: ${target} already exists. Add --force to overwrite it.`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = runCli([...args, '--force'], env());
    expect(forced.code).toBe(0);
    expect(readdirSync(d)).toEqual(['g28.pdf']);
    qpdfCheck(target);
    expect(pdftkValues(target).get('form1[0].#subform[0].Pt1Line2a_FamilyName[0]')).toBe('Ruiz');
  });

  it('fills with a map file given by --map', () => {
    const d = outDir('map');
    const target = join(d, 'g28.pdf');
    const map = join(REPO_ROOT, 'resources', 'forms', 'g-28', '2022.json');
    const r = runCli(['fill', '--blank', blankPath('g-28'), '--map', map, '--person', personId, '--db', db, '--out', target], env());
    expect(r.code).toBe(0);
    expect(pdftkValues(target).get('form1[0].#subform[1].Pt3Line5a_FamilyName[0]')).toBe('Nguyễn');
  });

  it('refuses another edition (exit 4) unless --accept-edition', () => {
    const d = outDir('edition');
    const target = join(d, 'g28.pdf');
    const args = ['fill', '--blank', join(files, 'g-28-next.pdf'), '--form', 'g-28', '--person', personId, '--db', db, '--out', target];
    const refused = runCli(args, env());
    expect(refused.code).toBe(4);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/not the G-28 edition 2022.*1 mapped fields missing, 1 new fields.*--accept-edition/);
    expect(readdirSync(d)).toEqual([]);
    const accepted = runCli([...args, '--accept-edition'], env());
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(/^Warning: Blank differs from G-28 edition 2022/m);
    expect(readdirSync(d)).toEqual(['g28.pdf']);
    qpdfCheck(target);
  });

  it.each([
    ['truncated.pdf', /damaged or is not a PDF/],
    ['noform.pdf', /no fillable fields/],
    ['locked.pdf', /needs a password/],
  ])('refuses the blank %s with exit 4, one line, and nothing written', (name, message) => {
    const d = outDir(`bad-${name}`);
    const r = runCli(
      ['fill', '--blank', join(files, name), '--form', 'g-28', '--person', personId, '--db', db, '--out', join(d, 'x.pdf')],
      env(),
    );
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(d)).toEqual([]);
  });

  it('writes nothing for an unknown person or a wrong passphrase', () => {
    const d = outDir('nobody');
    const base = ['fill', '--blank', blankPath('g-28'), '--form', 'g-28', '--db', db, '--out', join(d, 'x.pdf')];
    const unknown = runCli([...base, '--person', '01900000-0000-7000-8000-000000000000'], env());
    expect(unknown.code).toBe(4);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const wrong = runCli([...base, '--person', personId], { AMPARO_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(3);
    expect(readdirSync(d)).toEqual([]);
  });

  it.each([
    [['--form', 'g-28', '--person', 'PID', '--db', 'DB']],
    [['--form', 'g-28', '--map', 'm.json', '--person', 'PID', '--db', 'DB', '--out', 'o.pdf']],
    [['--form', 'g-999', '--person', 'PID', '--db', 'DB', '--out', 'o.pdf']],
    [['--form', 'g-28', '--person', 'not-an-id', '--db', 'DB', '--out', 'o.pdf']],
  ])('usage errors exit 2: %j', (args) => {
    const r = runCli(['fill', '--blank', blankPath('g-28'), ...args.map((a) => (a === 'PID' ? personId : a === 'DB' ? db : a))], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage error: /);
  });
});
