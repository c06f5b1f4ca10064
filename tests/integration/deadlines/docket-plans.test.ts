/**
 * Issue 17: the docket's statements keep their indexes. Every statement a
 * docket call prepares is captured from the real call (all filters at once,
 * and none), then explained: none may walk a whole table, and the assignee
 * choices are a skip over their own index, not a walk of the docket's, and
 * hearings are read from the docket's copy of them, in its order. A
 * later change that turns one into a scan fails here, not in a bench.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { freshCore } from '../../helpers/env';
import { addEvent, person } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function statementsOf(q: object) {
  const f = await freshCore({ today: '2026-03-02' });
  cleanup = f.cleanup;
  const p = await person(f.core, { given: 'Dora', detained: true });
  await f.core.call('deadlines.addManual', { personId: p.id, label: 'file', due: '2026-03-10' });
  // A second row in the same group, not detained: with a page of one row, the group is read as two streams.
  const free = await person(f.core, { given: 'Elsa' });
  await f.core.call('deadlines.addManual', { personId: free.id, label: 'file', due: '2026-03-11' });
  // A hearing each, so the hearings' pages are read too.
  for (const who of [p, free])
    await addEvent(f.core, who.id, { kind: 'hearing-scheduled', date: '2026-03-12', details: { hearingKind: 'master' } });
  const db = f.core.ctx().db;
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((text: string) => (seen.add(text), prepare(text))) as typeof db.prepare;
  const view = await f.core.call('docket.list', q);
  db.prepare = prepare;
  expect(view.groups.length).toBeGreaterThan(0);
  // Explained with every named parameter bound (null is enough for a plan).
  const plan = (text: string) => {
    const names = [...new Set(text.match(/@\w+/g) ?? [])].map((n) => n.slice(1));
    const positional = (text.match(/\?/g) ?? []).map(() => null);
    const stmt = db.prepare(`EXPLAIN QUERY PLAN ${text}`);
    const rows = names.length > 0 ? stmt.all(Object.fromEntries(names.map((n) => [n, null]))) : stmt.all(...positional);
    return (rows as Array<{ detail: string }>).map((r) => r.detail);
  };
  return [...seen].map((text) => ({ text, plan: plan(text) }));
}

describe('the docket’s query plans', () => {
  for (const [name, q, twoStreams] of [
    ['no filter, 30 days, a page of one row', { limit: 1 }, true],
    // Nobody matches: each group is counted (0) and no row is read.
    ['every filter, every open deadline', { days: null, limit: 1, assignee: 'Rosa', caseType: 'tps', facility: 'Otay Mesa' }, false],
  ] as const) {
    it(`${name}: no statement scans a table`, async () => {
      const statements = await statementsOf(q);
      expect(statements.length).toBeGreaterThan(3);
      for (const s of statements) {
        // A SCAN of a json_each list or of a CTE is of the few values it holds; of a table, it is every row.
        const scans = s.plan.filter((d) => /^SCAN (?!json_each|named|held|CONSTANT)/.test(d));
        expect(scans, s.text).toEqual([]);
      }
      const assignees = statements.find((s) => s.text.includes('WITH RECURSIVE named'));
      expect(assignees?.plan.filter((d) => d.startsWith('SEARCH'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/USING COVERING INDEX deadlines_open_assignee \(assignee>\?\)/)]),
      );
      const facilities = statements.find((s) => s.text.includes('WITH RECURSIVE held'));
      expect(facilities?.plan).toEqual(
        expect.arrayContaining([expect.stringMatching(/^SEARCH p USING INDEX people_report_detained \(detained=\? AND facility>\?\)$/)]),
      );
      // Hearings come from the docket's copy (migration 0022), in its order, detained first, off its index
      // alone: a page reads only the rows it shows.
      const hearings = statements.filter(
        (s) => s.text.startsWith('SELECT') && s.text.includes('FROM docket_hearings INDEXED BY docket_hearings_order'),
      );
      expect(hearings.map((s) => s.text)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^SELECT count\(\*\)/),
          ...(twoStreams ? [expect.stringMatching(/^SELECT id, person_id/)] : []),
        ]),
      );
      for (const s of hearings)
        expect(s.plan.join('\n'), s.text).toMatch(
          /^SEARCH docket_hearings USING COVERING INDEX docket_hearings_order \(detained=\? AND date>\?/,
        );
      const choices = statements.find((s) => s.text.includes('SELECT DISTINCT assignee FROM docket_hearings'));
      expect(choices?.plan).toEqual(
        expect.arrayContaining([expect.stringMatching(/USING COVERING INDEX docket_hearings_order \(detained=\? AND date>\?/)]),
      );
      const pages = statements.filter((s) => s.text.includes('FROM deadlines INDEXED BY deadlines_docket '));
      expect(pages.length).toBeGreaterThan(0);
      for (const s of pages) expect(s.plan.join('\n'), s.text).toMatch(/^SEARCH deadlines USING (COVERING )?INDEX deadlines_docket /);
      // A page's detained rows and their count come from the detained-only index (migration 0020).
      const detained = statements.filter((s) => s.text.includes('FROM deadlines INDEXED BY deadlines_docket_detained'));
      expect(detained.map((s) => s.text)).toEqual(
        twoStreams
          ? expect.arrayContaining([expect.stringMatching(/^SELECT count\(\*\)/), expect.stringMatching(/^SELECT id, person_id/)])
          : [],
      );
      for (const s of detained)
        expect(s.plan, s.text).toEqual([
          expect.stringMatching(/^SEARCH deadlines USING COVERING INDEX deadlines_docket_detained \(due[<>]\?/),
        ]);
    });
  }
});
