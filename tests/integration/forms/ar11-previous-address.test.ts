/**
 * Issue 15 §4: the AR-11's previous physical address (Part 2.A). The core
 * keeps the address a save replaces (the editor cannot set or drop it), and
 * the AR-11 map fills it. Filled by the real CLI into the real AR-11 blank
 * (re-saved by a third-party editor, duplicated /AS keys), checked with
 * qpdf, pdftk and pdftotext; page 1 is rendered for a look.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonView } from '../../../shared/views';
import { createCore } from '../../../electron/core/app';
import { runCli } from '../../helpers/cli';
import { PASS, TEST_KDF, freshCore } from '../../helpers/env';
import { blankPath, pdfText, pdftkValues, qpdfCheck, squash } from './helpers';

const F = (name: string) => `form1[0].#subform[0].${name}`;
const FIRST = { street: '1200 Calle Ocho', unit: 'Apt 3', city: 'Miami', state: 'FL', zip: '33135' };
const SECOND = { street: '45 Ñandú Street', unit: 'Ste 210', city: 'Houston', state: 'TX', zip: '77002-1234' };
const THIRD = { street: '9 Élan Road', city: 'Dallas', state: 'tx', zip: '75201' };

let dir: string;
let db: string;
let cleanup: () => void;
let id: string;

async function withCore<T>(work: (core: ReturnType<typeof createCore>) => Promise<T>): Promise<T> {
  const core = createCore({ dbPath: db, kdfCost: TEST_KDF });
  await core.call('vault.unlock', { passphrase: PASS });
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

/** A save from the editor: the whole record as loaded, with some of the person's fields changed. */
async function save(person: Record<string, unknown>): Promise<PersonView> {
  return withCore(async (core) => {
    const p = await core.call('people.get', { id });
    const { person: current, detention, history, family, notes, urgentNeeds } = p;
    return core.call('people.update', {
      id,
      version: p.version,
      data: { person: { ...current, ...person }, detention, history, family, notes, urgentNeeds } as never,
    });
  });
}

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: {
        givenName: 'Gyqpj',
        familyName: 'Ñúñez-Yépez',
        dob: '1990-03-07',
        aNumber: 'A012345678',
        nationality: 'Honduras',
        address: FIRST,
      },
      detention: { detained: false },
      history: { tpsCountry: 'HN', tpsStatus: 'granted' },
      cases: [{ type: 'tps' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  } as never);
  id = p.id;
  v.core.close();
});
afterAll(() => cleanup());

describe('the previous address, kept by the core and filled on the AR-11', () => {
  it('a save that changes the address keeps the old one; other saves keep it; the editor cannot set it', async () => {
    const created = await withCore((core) => core.call('people.get', { id }));
    expect(created.person.previousAddress).toBeUndefined();

    const moved = await save({ address: SECOND });
    expect(moved.person.address).toMatchObject(SECOND);
    expect(moved.person.previousAddress).toMatchObject(FIRST);

    // Same address, and a forged previous address from the editor: the stored one stays.
    const other = await save({ phone: '(555) 555-0142', previousAddress: THIRD });
    expect(other.person.previousAddress).toMatchObject(FIRST);
    const dropped = await save({ previousAddress: undefined });
    expect(dropped.person.previousAddress).toMatchObject(FIRST);
  });

  it('the AR-11 filled by the CLI carries the present and the previous physical address', async () => {
    const out = join(dir, 'ar-11.pdf');
    const r = runCli(['fill', '--blank', blankPath('ar-11'), '--form', 'ar-11', '--person', id, '--db', db, '--out', out], {
      AMPARO_PASSPHRASE: PASS,
      AMPARO_BLANK_CACHE: join(dir, 'cache'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    qpdfCheck(out);
    const v = pdftkValues(out);
    // Part 2.A: previous physical address (the Miami one it replaced).
    expect(
      [F('S2A_StreetNumberName[0]'), F('S2A_AptSteFlrNumber[0]'), F('S2A_CityOrTown[0]'), F('S2A_State[0]'), F('S2A_ZipCode[0]')].map((f) =>
        v.get(f),
      ),
    ).toEqual(['1200 Calle Ocho', '3', 'Miami', 'FL', '33135']);
    expect(v.get(F('S2A_Unit[0]'))).not.toMatch(/^(Off)?$/);
    // Part 2.B: present physical address.
    expect(
      [F('S2B_StreetNumberName[0]'), F('S2B_AptSteFlrNumber[0]'), F('S2B_CityOrTown[0]'), F('S2B_State[0]'), F('S2B_ZipCode[0]')].map((f) =>
        v.get(f),
      ),
    ).toEqual(['45 Ñandú Street', '210', 'Houston', 'TX', '77002']);
    expect(v.get(F('S2B__Unit[2]'))).not.toMatch(/^(Off)?$/);
    const text = squash(pdfText(out, { first: 1, last: 1 }));
    for (const s of ['1200 Calle Ocho', 'Miami', '33135', '45 Ñandú Street', 'Houston', '77002', 'Ñúñez-Yépez']) expect(text).toContain(s);

    const png = join(dir, 'ar-11-page1');
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', out, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
  });

  it('a later move fills the address it replaced', async () => {
    await save({ address: THIRD });
    const out = join(dir, 'ar-11-again.pdf');
    const r = runCli(['fill', '--blank', blankPath('ar-11'), '--form', 'ar-11', '--person', id, '--db', db, '--out', out], {
      AMPARO_PASSPHRASE: PASS,
      AMPARO_BLANK_CACHE: join(dir, 'cache'),
    });
    expect(r.code).toBe(0);
    qpdfCheck(out);
    const v = pdftkValues(out);
    expect([v.get(F('S2A_StreetNumberName[0]')), v.get(F('S2A_CityOrTown[0]')), v.get(F('S2A_AptSteFlrNumber[0]'))]).toEqual([
      '45 Ñandú Street',
      'Houston',
      '210',
    ]);
    expect([v.get(F('S2B_StreetNumberName[0]')), v.get(F('S2B_State[0]')), v.get(F('S2B_AptSteFlrNumber[0]')) ?? '']).toEqual([
      '9 Élan Road',
      'TX',
      '',
    ]);
  });
});
