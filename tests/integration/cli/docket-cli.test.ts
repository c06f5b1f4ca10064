/**
 * Issue 8 through the real CLI process: `docket` (deadlines and hearings,
 * ranges, JSON), `--db` given the vault folder, and `attorney` + `fill --form
 * g-28` filling the attorney block, question 1.c and Part 3's matter.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/deadlines';
import { localToday } from '../../../electron/core/context';
import { runCli } from '../../helpers/cli';
import { PASS, freshCore } from '../../helpers/env';
import { blankPath, pdftkValues } from '../forms/helpers';

let dir: string;
let db: string;
let cleanup: () => void;
let detainedId: string;
let freeId: string;
// The CLI runs on the real date: every date here is far from the group edges, so a test run across midnight still holds.
const today = localToday();
const env = () => ({ AMPARO_PASSPHRASE: PASS });

interface Item {
  date: string;
  kind: string;
  title: string;
  personId: string;
  personName: string;
  detained: boolean;
  citation: string | null;
  overdue: boolean;
  time: string | null;
  court: string | null;
  judge: string | null;
}

beforeAll(async () => {
  const v = await freshCore();
  ({ dir, dbPath: db, cleanup } = v);
  const intake = (given: string, detained: boolean, cases: unknown[]) => ({
    intake: {
      person: { givenName: given, familyName: 'Núñez', dob: '1990-01-01' },
      detention: detained ? { detained: true, facility: 'Otay Mesa' } : { detained: false },
      history: {},
      cases,
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  const det = await v.core.call(
    'intake.createFull',
    intake('Dora', true, [
      {
        type: 'removal-detained',
        court: 'Otay Mesa Immigration Court',
        judge: 'Judge Ruiz',
        nextHearing: { date: addDays(today, 20), time: '08:30', kind: 'master' },
      },
    ]),
  );
  const free = await v.core.call('intake.createFull', intake('Félix', false, [{ type: 'asylum-affirmative' }]));
  detainedId = det.id;
  freeId = free.id;
  await v.core.call('deadlines.addManual', { personId: freeId, label: 'Late filing', due: addDays(today, -5), citation: '8 CFR 1003.31' });
  await v.core.call('deadlines.addManual', { personId: freeId, label: 'Ten days out', due: addDays(today, 10) });
  await v.core.call('deadlines.addManual', { personId: freeId, label: 'Appeal, 60 days out', due: addDays(today, 60) });
  v.core.close();
}, 60_000);
afterAll(() => cleanup());

const docket = (...args: string[]) => runCli(['docket', '--db', db, ...args], env());

describe('amparo CLI: docket', () => {
  it('--json lists open deadlines and hearings with date, kind, title, person, detained flag and citation', () => {
    const r = docket('--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Item[];
    expect(items.map((i) => [i.kind, i.title, i.date])).toEqual([
      ['deadline', 'Late filing', addDays(today, -5)],
      // Both in "next 30 days": the detained person's hearing first.
      ['hearing', 'Master calendar hearing', addDays(today, 20)],
      ['deadline', 'Ten days out', addDays(today, 10)],
    ]);
    expect(items[0]).toMatchObject({
      personId: freeId,
      personName: 'Félix Núñez',
      detained: false,
      citation: '8 CFR 1003.31',
      overdue: true,
    });
    expect(items[1]).toMatchObject({
      personId: detainedId,
      personName: 'Dora Núñez',
      detained: true,
      citation: null,
      time: '08:30',
      court: 'Otay Mesa Immigration Court',
      judge: 'Judge Ruiz',
    });
    for (const i of items)
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['date', 'kind', 'title', 'personId', 'personName', 'detained', 'citation']));
  });

  it('--days widens the range (a 60-day appeal from 90 on; all open); text output names the kind', () => {
    const d90 = JSON.parse(docket('--days', '90', '--json').stdout) as Item[];
    expect(d90.map((i) => i.title)).toContain('Appeal, 60 days out');
    const all = JSON.parse(docket('--days', 'all', '--json').stdout) as Item[];
    expect(all).toHaveLength(4);
    const short = JSON.parse(docket('--days', '3', '--json').stdout) as Item[];
    expect(short.map((i) => i.title)).toEqual(['Late filing']);

    const text = docket();
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Docket for \d{4}-\d{2}-\d{2}: 3 items \(overdue and the next 30 days\)\./);
    expect(text.stdout).toMatch(/Overdue \(1\)\n {2}\S+ {2}deadline {2}Late filing {2}Félix Núñez/);
    expect(text.stdout).toContain(
      'hearing   Master calendar hearing, 08:30, Otay Mesa Immigration Court, Judge Ruiz  Dora Núñez (detained)',
    );
  });

  it('refuses a bad --days with exit 2, before asking for the passphrase', () => {
    const r = runCli(['docket', '--db', db, '--days', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage error: --days must be a whole number of days/);
  });
});

describe('amparo CLI: --db takes the vault folder', () => {
  it('a folder means its amparo.db; a folder without a vault says so, not "key file missing"', () => {
    const r = runCli(['docket', '--db', dir, '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Item[]).length).toBe(3);
    expect(runCli(['unlock-check', '--db', dir], env()).stdout).toMatch(/^ok: the vault opens/);

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    for (const cmd of ['unlock-check', 'docket', 'passwd']) {
      const bad = runCli([cmd, '--db', empty], env());
      expect(bad.code).toBe(4);
      expect(bad.stderr).not.toMatch(/key file/i);
      expect(bad.stderr.trim()).toBe(
        `Error: There is no Amparo vault at ${join(empty, 'amparo.db')}. Give --db the vault folder (Settings shows it) or the amparo.db file inside it.`,
      );
    }
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('amparo CLI: attorney, then fill --form g-28', () => {
  const fill = (out: string) =>
    runCli(['fill', '--blank', blankPath('g-28'), '--form', 'g-28', '--person', detainedId, '--db', db, '--out', out], env());

  it('warns when the form is filled without an attorney; with one set, Part 1, 2 (1.c) and Part 3 are filled', () => {
    const out = join(dir, 'g28-out');
    mkdirSync(out);
    const before = fill(join(out, 'before.pdf'));
    expect(before.code).toBe(0);
    expect(before.stderr).toMatch(/^Warning: no attorney or representative is set/m);
    expect(pdftkValues(join(out, 'before.pdf')).get('form1[0].#subform[0].Pt1Line2a_FamilyName[0]')).toBe('');

    expect(runCli(['attorney', '--db', db], env()).stdout).toMatch(/^No attorney or representative is set/);
    const set = runCli(
      [
        'attorney',
        '--db',
        dir,
        '--set-json',
        JSON.stringify({
          givenName: 'Ana',
          familyName: 'Rivera',
          kind: 'attorney',
          licensingAuthority: 'State Bar of California',
          barNumber: '123456',
          subjectToOrders: false,
          address: { street: '1 Main St', city: 'San Diego', state: 'CA', zip: '92101' },
        }),
      ],
      env(),
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Attorney: Ana Rivera');
    expect(set.stdout).toContain('Subject to orders (G-28 1.c): no');

    const after = fill(join(out, 'after.pdf'));
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    const v = pdftkValues(join(out, 'after.pdf'));
    expect(v.get('form1[0].#subform[0].Pt1Line2a_FamilyName[0]')).toBe('Rivera');
    expect(v.get('form1[0].#subform[0].Pt1Line2b_GivenName[0]')).toBe('Ana');
    expect(v.get('form1[0].#subform[0].Pt2Line1b_BarNumber[0]')).toBe('123456');
    expect(v.get('form1[0].#subform[0].CheckBox1[0]')).toBe('Y');
    // 1.c: "am not subject to any order…" checked, "am subject" not.
    expect(v.get('form1[0].#subform[0].Checkbox1dAmNot[0]')).toBe('Y');
    expect(v.get('form1[0].#subform[0].Checkbox1dAm[0]')).toMatch(/^(Off|)$/);
    // Part 3: an appearance before ICE, with the specific matter for a detained removal case.
    expect(v.get('form1[0].#subform[1].Line2a_ICE[0]')).not.toMatch(/^(Off|)$/);
    expect(v.get('form1[0].#subform[1].Line2b_ListMatter[0]')).toBe('Custody, detention and removal');
    expect(v.get('form1[0].#subform[1].Pt3Line5a_FamilyName[0]')).toBe('Núñez');
  });

  it('answers Part 3 with the specific matter given by --matter, and refuses one that is not a line of text', () => {
    const out = join(dir, 'g28-matter');
    mkdirSync(out);
    const file = join(out, 'matter.pdf');
    const r = runCli(
      [
        'fill',
        '--blank',
        blankPath('g-28'),
        '--form',
        'g-28',
        '--person',
        detainedId,
        '--db',
        db,
        '--out',
        file,
        '--matter',
        'Bond and parole request',
      ],
      env(),
    );
    expect(r.code).toBe(0);
    expect(pdftkValues(file).get('form1[0].#subform[1].Line2b_ListMatter[0]')).toBe('Bond and parole request');
    const bad = runCli(
      [
        'fill',
        '--blank',
        blankPath('g-28'),
        '--form',
        'g-28',
        '--person',
        detainedId,
        '--db',
        db,
        '--out',
        join(out, 'x.pdf'),
        '--matter',
        ' ',
      ],
      env(),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--matter must be one line of text/);
  });

  it('refuses an attorney the app would refuse, naming the field, and keeps the one stored', () => {
    const bad = runCli(['attorney', '--db', db, '--set-json', '{"givenName":"Ana","barNumbr":"1"}'], env());
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^Error: .*barNumbr/);
    const notJson = runCli(['attorney', '--db', db, '--set-json', '{nope'], env());
    expect(notJson.code).toBe(2);
    const shown = runCli(['attorney', '--db', db, '--json'], env());
    expect((JSON.parse(shown.stdout) as { familyName: string }).familyName).toBe('Rivera');
  });
});
