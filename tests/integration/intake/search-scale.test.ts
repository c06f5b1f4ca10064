/**
 * Search at scale (issue 17), on a real encrypted vault: the hot searches
 * stay index searches (EXPLAIN QUERY PLAN names the intended index, never a
 * scan or a sort of every match), results come in the order a person wants
 * (the exact A-number first, whole words before prefixes), and a search
 * matching more than 200 people returns a capped page the UI can call
 * "more than 200".
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { insertPerson, searchPage, searchPeople, SEARCH_CANDIDATES, SEARCH_SQL } from '../../../electron/core/intake/people';
import type { PersonData } from '../../../electron/core/intake/records';
import { intakeSchemas } from '../../../shared/contract';
import type { CaseRecord } from '../../../shared/schemas/intake';
import { freshCore } from '../../helpers/env';

let core: Core;
let cleanup: () => void;

function record(
  given: string,
  family: string,
  extra: { aNumber?: string; phone?: string } = {},
  hearing?: string,
): { data: PersonData; cases: CaseRecord[] } {
  return {
    data: {
      person: intakeSchemas.person.parse({ givenName: given, familyName: family, approxAge: 30, ...extra }),
      detention: intakeSchemas.detention.parse({ detained: false }),
      history: intakeSchemas.history.parse({}),
      family: [],
      notes: '',
      urgentNeeds: '',
    },
    cases: hearing ? [intakeSchemas.caseRecord.parse({ type: 'removal-nondetained', nextHearing: { date: hearing, kind: 'master' } })] : [],
  };
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
  const ctx = core.ctx();
  ctx.db.transaction(() => {
    // Written first, so record order alone would put them first.
    ids.phoneTwin = insertPerson(ctx, record('Marta', 'Quispe', { phone: '212-345-678' }));
    ids.rosalba = insertPerson(ctx, record('Rosalba', 'Cruz'));
    ids.longAna = insertPerson(ctx, record('Ana María', 'Cruz Ortiz'));
    ids.exact = insertPerson(ctx, record('Wilmer', 'Xiloj', { aNumber: '212345678' }));
    ids.prefixTwin = insertPerson(ctx, record('Edwin', 'Tzoc', { aNumber: '212349999' }));
    ids.rosa = insertPerson(ctx, record('Rosa', 'Díaz'));
    ids.ana = insertPerson(ctx, record('Ana', 'Cruz'));
    // Enough people for the planner to have real choices, and for one name to pass the cap.
    for (let i = 0; i < 2500; i++) {
      const a = String(300_000_000 + i * 7919);
      const hearing = i % 3 === 0 ? `2027-0${1 + (i % 9)}-1${i % 10}` : undefined;
      insertPerson(ctx, record(i % 10 === 0 ? 'Pedro' : `Given${i}`, i < 400 ? 'Pérez' : `Family${i}`, { aNumber: a }, hearing));
    }
  })();
  ctx.db.exec('ANALYZE');
}, 120_000);
afterAll(() => cleanup());

const found = (q: string, limit?: number) => searchPeople(core.ctx(), q, limit).map((p) => p.id);

describe('search ranking', () => {
  it('puts the exact A-number first, before a phone with the same digits written earlier', () => {
    for (const q of ['A-212-345-678', 'A212345678', '212 345 678', '#212345678']) {
      expect(found(q), q).toEqual([ids.exact, ids.phoneTwin]);
    }
  });

  it('lists A-numbers starting with five to eight typed digits first, in number order', () => {
    expect(found('21234').slice(0, 2)).toEqual([ids.exact, ids.prefixTwin]);
    expect(found('A-212-349')[0]).toBe(ids.prefixTwin);
  });

  it('ranks whole-word name matches before prefixes, then shorter names', () => {
    expect(found('rosa')).toEqual([ids.rosa, ids.rosalba]);
    expect(found('ana cruz')).toEqual([ids.ana, ids.longAna]);
  });

  it('still folds accents in the query and the names', () => {
    expect(found('diaz')).toEqual([ids.rosa]);
    expect(found('DÍAZ')).toEqual([ids.rosa]);
  });

  it('caps a search that matches more than 200 people, so the UI says "more than 200"', () => {
    expect(found('perez', SEARCH_CANDIDATES)).toHaveLength(SEARCH_CANDIDATES);
    expect(found('perez')).toHaveLength(20);
    expect(found('pedro perez', SEARCH_CANDIDATES)).toHaveLength(40);
  });

  it('gives the header its first rows and the count, summarizing only the rows shown (people.searchPage)', async () => {
    const page = await core.call('people.searchPage', { query: 'perez', limit: 8, countUpTo: SEARCH_CANDIDATES });
    expect(page.found).toBe(SEARCH_CANDIDATES);
    // The same people, in the same order, as the first rows of the 201-row search it replaces.
    expect(page.rows.map((p) => p.id)).toEqual(found('perez', SEARCH_CANDIDATES).slice(0, 8));
    expect(searchPage(core.ctx(), 'pedro perez', 8, SEARCH_CANDIDATES).found).toBe(40);
    expect(searchPage(core.ctx(), 'rosa', 8, SEARCH_CANDIDATES)).toEqual({ rows: searchPeople(core.ctx(), 'rosa', 8), found: 2 });
    // An exact A-number and the phone with its digits: both counted.
    expect(searchPage(core.ctx(), 'A-212-345-678', 8, SEARCH_CANDIDATES).found).toBe(2);
    expect(searchPage(core.ctx(), 'nobody like this', 8, SEARCH_CANDIDATES)).toEqual({ rows: [], found: 0 });
    // The count stops at what was asked.
    expect(searchPage(core.ctx(), 'perez', 8, 50).found).toBe(50);
  });
});

describe('search query plans', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    (core.ctx().db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);

  it('finds an A-number in people_a_number, in record order without a sort', () => {
    const p = plan(SEARCH_SQL.aNumber, { a: '212345678', cap: 201 });
    expect(p).toEqual([expect.stringMatching(/^SEARCH people USING INDEX people_a_number \(a_number=\?\)$/)]);
  });

  it('finds A-numbers by their first digits as a range of the same index, without a sort', () => {
    const p = plan(SEARCH_SQL.aNumberPrefix, { from: '21234', to: '21234:', cap: 201 });
    expect(p).toEqual([expect.stringMatching(/^SEARCH people USING INDEX people_a_number \(a_number>\? AND a_number<\?\)$/)]);
  });

  it('reads name matches from the FTS5 index (a MATCH, not a scan of the table)', () => {
    const p = plan(SEARCH_SQL.fts, { fts: '"ga"*', cap: 201 });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^SCAN people_fts VIRTUAL TABLE INDEX \d+:M/);
  });

  it("reads each result's summary by primary key, with its next hearing from cases_person", () => {
    const p = plan(SEARCH_SQL.rows, { seqs: '[1,2,3]', today: '2026-11-26' });
    expect(p.join('\n')).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p.join('\n')).toMatch(/SEARCH h USING INDEX cases_person \(person_id=\?\)/);
    expect(p.join('\n')).not.toMatch(/SCAN (p|people|h)\b/);
  });
});
