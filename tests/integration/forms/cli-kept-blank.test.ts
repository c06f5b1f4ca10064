/**
 * Issue 15 §3: the CLI keeps each decrypted, XFA-free blank in the vault by
 * its SHA-256 (a form template, as the app's import makes), so a repeated
 * `fill` of the same download uses the stored copy instead of decrypting it
 * again. A refused fill (another form's blank) stores nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { sha256Hex } from '../../../electron/core/forms/blank';
import { runCli } from '../../helpers/cli';
import { PASS, TEST_KDF, freshCore } from '../../helpers/env';
import { blankPath, pdftkValues, qpdfCheck, readBlank } from './helpers';

let dir: string;
let db: string;
let cleanup: () => void;
let personId: string;

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: { givenName: 'Thị Bích Ngọc', familyName: 'Nguyễn', dob: '1992-06-15', aNumber: 'A011122233', languages: ['Vietnamese'] },
      detention: { detained: false },
      history: { tpsCountry: 'SV', tpsStatus: 'pending' },
      cases: [{ type: 'tps' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'vi' },
    },
  } as never);
  personId = p.id;
  v.core.close();
});
afterAll(() => cleanup());

async function templates() {
  const core = createCore({ dbPath: db, kdfCost: TEST_KDF });
  await core.call('vault.unlock', { passphrase: PASS });
  try {
    return await core.call('forms.listTemplates', {});
  } finally {
    core.close();
  }
}

describe('fill from the CLI with the blank kept in the vault', () => {
  it('a refused fill (the I-765 with the I-589 map) keeps no template', async () => {
    const r = runCli(
      [
        'fill',
        '--blank',
        blankPath('i-765'),
        '--form',
        'i-589',
        '--accept-edition',
        '--person',
        personId,
        '--db',
        db,
        '--out',
        join(dir, 'no.pdf'),
      ],
      { AMPARO_PASSPHRASE: PASS },
    );
    expect(r.code).toBe(4);
    expect(await templates()).toEqual([]);
  });

  it('the first fill stores the decrypted blank once; the second uses it; both outputs are sound', async () => {
    const out = join(dir, 'kept');
    mkdirSync(out);
    const fill = (n: number) =>
      runCli(['fill', '--blank', blankPath('i-765'), '--form', 'i-765', '--person', personId, '--db', db, '--out', join(out, `${n}.pdf`)], {
        AMPARO_PASSPHRASE: PASS,
      });
    const first = fill(1);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const kept = await templates();
    expect(kept.map((t) => [t.form, t.blankSha256, t.status])).toEqual([['i-765', sha256Hex(readBlank('i-765')), 'ready']]);
    const second = fill(2);
    expect(second.code).toBe(0);
    expect((await templates()).map((t) => [t.id, t.version])).toEqual(kept.map((t) => [t.id, t.version]));
    for (const n of [1, 2]) {
      const file = join(out, `${n}.pdf`);
      qpdfCheck(file);
      const values = pdftkValues(file);
      expect(values.get('form1[0].Page1[0].Line1a_FamilyName[0]')).toBe('Nguyễn');
      // (c)(19): the I-821 is pending.
      expect([values.get('form1[0].Page3[0].#area[1].section_1[0]'), values.get('form1[0].Page3[0].#area[1].section_2[0]')]).toEqual([
        'c',
        '19',
      ]);
    }
    expect(readFileSync(join(out, '1.pdf')).length).toBeGreaterThan(0);
  });
});
