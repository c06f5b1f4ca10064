/**
 * Migration 0014 (issue 17): the search index is copied into one with prefix
 * indexes up to six characters, on a real encrypted vault; every person is
 * found as before, and a four-letter prefix is now read from its own index.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { m0014 } from '../../../electron/core/db/migrations/0014-search-prefixes';
import { freshCore } from '../../helpers/env';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('migration 0014-search-prefixes', () => {
  it('rebuilds people_fts with prefixes 1 to 6 and keeps every row findable', async () => {
    const fresh = await freshCore({ today: '2026-11-26' });
    cleanup = fresh.cleanup;
    const core = fresh.core;
    const ids: string[] = [];
    for (const [given, family, aNumber] of [
      ['José María', 'García López', 'A012-345-678'],
      ['Trần Thị', 'Bích Ngọc', '212345678'],
      ['Søren', 'Ødegård', undefined],
    ] as const) {
      const p = await core.call('intake.createQuick', {
        intake: { givenName: given, familyName: family, dob: '1990-03-07', detained: false, ...(aNumber ? { aNumber } : {}) },
      });
      ids.push(p.id);
    }
    const db = core.ctx().db;
    const search = async (query: string) => (await core.call('people.search', { query })).map((r) => r.id);
    const before = await Promise.all(['garc', 'tran bich', 'odeg', 'A-012-345-678', '21234'].map(search));
    db.transaction(() => m0014.up(db))();
    const { sql } = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'people_fts'`).get() as { sql: string };
    expect(sql).toContain("prefix = '1 2 3 4 5 6'");
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'people_fts_next%'`).get()).toEqual({ n: 0 });
    expect((db.prepare('SELECT count(*) AS n FROM people_fts').get() as { n: number }).n).toBe(3);
    const after = await Promise.all(['garc', 'tran bich', 'odeg', 'A-012-345-678', '21234'].map(search));
    expect(after).toEqual(before);
    expect(after).toEqual([[ids[0]], [ids[1]], [ids[2]], [ids[0]], [ids[1]]]);
    // A record saved after the migration is indexed in the new table.
    const later = await core.call('intake.createQuick', {
      intake: { givenName: 'Rosa', familyName: 'Díaz', dob: '1980-01-01', detained: false },
    });
    expect(await search('diaz')).toEqual([later.id]);
  });
});
