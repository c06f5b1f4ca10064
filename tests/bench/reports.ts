/**
 * Issue 13 benchmark: the Reports page's data (reports.caseload) at 100 000
 * people, 100 000 cases and 1 000 000 deadlines, on a real SQLCipher vault
 * (target <= 500 ms, median of 7), beside the floor: the same counts as bare
 * SQL (count(*) of open cases, detained people, open deadlines). Rows are
 * written straight into the tables (one transaction each) so setup takes
 * seconds; the timed part goes through core.call like the UI does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../electron/core/context';
import { addDays } from '../../shared/deadlines';
import { CASE_TYPES } from '../../shared/schemas/intake';
import { insertPeople, newCore, rng, TODAY } from './deadlines';
import { medianOf, type BenchRow } from './util';

const PEOPLE = 100_000;
const DEADLINES = 1_000_000;

export async function benchReports(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-reports-'));
  try {
    const core = await newCore(dir, 'reports.db');
    const rand = rng(13);
    const db = core.ctx().db;
    const before = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -1048576');
    const people = insertPeople(
      core,
      PEOPLE,
      (i) => ({
        person: {
          givenName: 'x',
          familyName: 'y',
          aliases: [],
          languages: ['es'],
          countryOfBirth: ['Guatemala', 'Honduras', 'El Salvador'][i % 3],
        },
        detention: {
          detained: i % 10 === 0,
          facility: i % 10 === 0 ? `Facility ${i % 7}` : undefined,
          dateDetained: i % 10 === 0 ? addDays(TODAY, -(i % 400)) : undefined,
        },
        history: i % 5 === 0 ? { tpsCountry: 'SV' } : {},
        family: [],
        notes: '',
        urgentNeeds: '',
      }),
      0.1,
      rand,
    );
    const now = new Date().toISOString();
    db.transaction(() => {
      const ins = db.prepare(
        `INSERT INTO cases(id, person_id, type, status, hearing_date, hearing_kind, assigned_to, data, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, 'bench', ?, 'bench')`,
      );
      for (const [i, p] of people.entries()) {
        const hearing = i % 4 === 0 ? addDays(TODAY, i % 120) : null;
        ins.run(
          newId(),
          p.id,
          CASE_TYPES[i % CASE_TYPES.length]!,
          ['open', 'pending', 'closed'][i % 3]!,
          hearing,
          hearing ? (i % 8 === 0 ? 'individual' : 'master') : null,
          p.assignee,
          now,
          now,
        );
      }
      const dl = db.prepare(
        `INSERT INTO deadlines(id, person_id, source, label, due, computed_due, trail, citation, status, done_at, person_name, detained, assignee, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, 'manual', '{"en":"Filing","es":"Escrito"}', ?, ?, '', '', ?, ?, ?, ?, ?, ?, 'bench', ?, 'bench')`,
      );
      for (let i = 0; i < DEADLINES; i++) {
        const p = people[i % PEOPLE]!;
        const due = addDays(TODAY, Math.floor(rand() * 7300) - 7000);
        const done = due < TODAY && rand() > 0.001;
        dl.run(
          newId(),
          p.id,
          due,
          due,
          done ? 'done' : 'open',
          done ? `${addDays(due, rand() < 0.05 ? 2 : 0)}T12:00:00Z` : null,
          p.name,
          p.detained,
          p.assignee,
          now,
          now,
        );
      }
    })();
    db.pragma(`cache_size = ${before}`);
    db.pragma('wal_checkpoint(TRUNCATE)');

    const page = await medianOf(7, () => core.call('reports.caseload', { today: TODAY }));
    const floor = await medianOf(7, () => {
      db.prepare(`SELECT count(*) FROM cases WHERE status IN ('open', 'pending')`).get();
      db.prepare('SELECT count(*) FROM people WHERE merged_into IS NULL AND detained = 1').get();
      db.prepare(`SELECT count(*) FROM deadlines WHERE status = 'open' AND due < ?`).get(TODAY);
    });
    core.close();
    return [
      {
        name: `reports.caseload, ${PEOPLE / 1000}k people, ${PEOPLE / 1000}k cases, ${DEADLINES / 1e6}M deadlines`,
        median_ms: page,
        note: 'target <= 500 ms',
      },
      { name: 'floor: three bare SQL counts (open cases, detained people, overdue deadlines)', median_ms: floor },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
