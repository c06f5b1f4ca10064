/**
 * Issue 15 §4: the I-765's (c)(8) arrest question (item 30) comes from the
 * intake's answer on the person record (history.arrests). Filled by the real
 * CLI into the real 10/31/22 blank and read back with pdftk and pdftotext:
 * "yes" and "no" check their box for a pending asylum case; "does not know"
 * and a TPS category leave both empty.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { PASS, freshCore } from '../../helpers/env';
import { blankPath, pdfText, pdftkValues, qpdfCheck, squash } from './helpers';

const YES = 'form1[0].Page3[0].PtLine29_YesNo[0]';
const NO = 'form1[0].Page3[0].PtLine29_YesNo[1]';
const CAT = ['form1[0].Page3[0].#area[1].section_1[0]', 'form1[0].Page3[0].#area[1].section_2[0]'];

let dir: string;
let db: string;
let cleanup: () => void;
const ids = new Map<string, string>();

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const people: Array<[string, string, Record<string, unknown>, string]> = [
    ['asylum-yes', 'Yépez', { arrests: 'yes', arrestsDetails: 'Cited 2019, Houston, dismissed' }, 'asylum-affirmative'],
    ['asylum-no', 'Núñez', { arrests: 'no' }, 'asylum-defensive'],
    ['asylum-unknown', 'Gómez', {}, 'asylum-affirmative'],
    ['tps-yes', 'Trần', { arrests: 'yes', tpsCountry: 'SV', tpsStatus: 'granted' }, 'tps'],
  ];
  for (const [key, familyName, history, type] of people) {
    const p = await v.core.call('intake.createFull', {
      intake: {
        person: { givenName: 'Ana', familyName, dob: '1990-03-07' },
        detention: { detained: false },
        history,
        cases: [{ type }],
        family: [],
        notes: '',
        consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
      },
    } as never);
    ids.set(key, p.id);
  }
  const stored = await v.core.call('people.get', { id: ids.get('asylum-yes')! });
  expect(stored.history).toMatchObject({ arrests: 'yes', arrestsDetails: 'Cited 2019, Houston, dismissed' });
  expect((await v.core.call('people.get', { id: ids.get('asylum-unknown')! })).history.arrests).toBe('unknown');
  v.core.close();
});
afterAll(() => cleanup());

function fill(key: string) {
  const out = join(dir, `${key}.pdf`);
  const r = runCli(['fill', '--blank', blankPath('i-765'), '--form', 'i-765', '--person', ids.get(key)!, '--db', db, '--out', out], {
    AMPARO_PASSPHRASE: PASS,
    AMPARO_BLANK_CACHE: join(dir, 'cache'),
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  qpdfCheck(out);
  return { out, values: pdftkValues(out) };
}

describe('I-765 item 30 (the (c)(8) arrest question) from the intake record', () => {
  it('"yes" on a pending asylum case checks Yes, with the category (c)(8)', () => {
    const { out, values } = fill('asylum-yes');
    expect(CAT.map((f) => values.get(f))).toEqual(['c', '8']);
    expect([values.get(YES), values.get(NO)]).toEqual(['Y', 'Off']);
    expect(squash(pdfText(out, { first: 1, last: 1 }))).toContain('Yépez');
    // The question itself is on page 3 of this edition, where the box was checked.
    expect(squash(pdfText(out, { first: 3, last: 3 }))).toMatch(/EVER been arrested/i);
  });

  it('"no" checks No', () => {
    const { values } = fill('asylum-no');
    expect(CAT.map((f) => values.get(f))).toEqual(['c', '8']);
    expect([values.get(YES), values.get(NO)]).toEqual(['Off', 'N']);
  });

  it('"does not know" leaves both boxes empty for the attorney', () => {
    const { values } = fill('asylum-unknown');
    expect(CAT.map((f) => values.get(f))).toEqual(['c', '8']);
    expect([values.get(YES) || 'Off', values.get(NO) || 'Off']).toEqual(['Off', 'Off']);
  });

  it('a TPS category, (a)(12), never answers the (c)(8) question', () => {
    const { values } = fill('tps-yes');
    expect(CAT.map((f) => values.get(f))).toEqual(['a', '12']);
    expect([values.get(YES) || 'Off', values.get(NO) || 'Off']).toEqual(['Off', 'Off']);
  });
});
