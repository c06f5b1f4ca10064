/**
 * Issue 17: the docket's copy of the hearings (migration 0022) is always
 * exactly what findHearings answers from the tables themselves. Thousands of
 * random changes straight in SQL (any path that writes the tables: intake,
 * merges, an exchange import, a CSV load) to events, people and cases, the
 * copy compared after every one; then a vault made before 0022, migrated.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { DB } from '../../../electron/core/db/connection';
import type { Ctx } from '../../../electron/core/context';
import { findHearings, hearingOf } from '../../../electron/core/deadlines/hearings';
import { freshCore } from '../../helpers/env';
import { person, addEvent } from './helpers';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrationsUpTo, useVaultAt } from '../../helpers/vault-at';
import { rng } from '../../helpers/rng';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
const at = useVaultAt();

/** The copy's rows, and findHearings' answer in the copy's columns, both in one order. */
function both(ctx: Ctx) {
  const copy = ctx.db
    .prepare(
      `SELECT id, person_id, case_id, date, hearing_kind, given_name, family_name, detained, assignee, case_type, court, judge, time
       FROM docket_hearings ORDER BY id`,
    )
    .all();
  const truth = findHearings(ctx, { from: null, to: null })
    .map((r) => {
      const h = hearingOf(r);
      return {
        id: r.id,
        person_id: r.person_id,
        case_id: r.case_id,
        date: r.date,
        hearing_kind: h.hearingKind,
        given_name: r.given_name,
        family_name: r.family_name,
        detained: r.detained,
        assignee: r.assignee,
        case_type: r.case_type,
        court: h.court,
        judge: h.judge,
        time: h.time,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { copy, truth };
}

const NOW = '2026-03-01T00:00:00.000Z';
const DATES = ['2026-03-05', '2026-03-20', '2026-04-02', '2026-05-11'];
const KINDS = ['hearing-scheduled', 'hearing-scheduled', 'hearing-moved', 'hearing-moved', 'detained', 'ij-decision-oral'];

/** One random write to events, people or cases, as plain SQL. Returns what it did, for the failure message. */
function randomChange(db: DB, rand: () => number, ids: { people: string[]; cases: string[]; events: string[] }, n: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const live = (table: string, list: string[]) =>
    list.filter((id) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined);
  const people = live('people', ids.people);
  const cases = live('cases', ids.cases);
  const events = live('events', ids.events);
  const r = rand();
  if (r < 0.4 || events.length === 0) {
    const p = pick(people);
    const own = db.prepare('SELECT id FROM cases WHERE person_id = ?').all(p) as Array<{ id: string }>;
    const kind = pick(KINDS);
    const hearingEvent = events.length > 0 && rand() < 0.3 ? pick(events) : null;
    const details =
      kind === 'hearing-moved'
        ? rand() < 0.5
          ? { previousDate: pick(DATES), ...(hearingEvent ? { hearingEventId: hearingEvent } : {}) }
          : { previousDate: pick(DATES) }
        : rand() < 0.5
          ? { hearingKind: pick(['master', 'individual', 'other', 3]) }
          : {};
    const id = `e${n}`;
    ids.events.push(id);
    db.prepare(
      `INSERT INTO events(id, person_id, case_id, kind, date, details, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 't', ?, 't')`,
    ).run(id, p, own.length > 0 && rand() < 0.7 ? pick(own).id : null, kind, pick(DATES), JSON.stringify(details), NOW, NOW);
    return `insert event ${id} ${kind}`;
  }
  if (r < 0.5) {
    const e = pick(events);
    db.prepare('UPDATE events SET date = ? WHERE id = ?').run(pick(DATES), e);
    return `event ${e} date`;
  }
  if (r < 0.53) {
    const e = pick(events);
    db.prepare('UPDATE events SET kind = ? WHERE id = ?').run(pick(KINDS), e);
    return `event ${e} kind`;
  }
  if (r < 0.57) {
    const e = pick(events);
    db.prepare('DELETE FROM events WHERE id = ?').run(e);
    return `delete event ${e}`;
  }
  if (r < 0.67 && cases.length > 0) {
    const c = pick(cases);
    const col = pick(['status', 'assigned_to', 'type', 'court', 'judge', 'hearing_date', 'hearing_time']);
    const value =
      col === 'status'
        ? pick(['open', 'closed'])
        : col === 'hearing_date'
          ? pick([...DATES, null])
          : col === 'type'
            ? pick(['asylum-defensive', 'tps'])
            : pick([`${col}-${n}`, null]);
    db.prepare(`UPDATE cases SET ${col} = ? WHERE id = ?`).run(value, c);
    return `case ${c} ${col}`;
  }
  if (r < 0.69 && cases.length > 0) {
    // Deleting a case sets its events' case_id to null (ON DELETE SET NULL).
    const c = pick(cases);
    db.prepare('DELETE FROM cases WHERE id = ?').run(c);
    return `delete case ${c}`;
  }
  if (r < 0.85) {
    const p = pick(people);
    const col = pick(['given_name', 'family_name', 'detained', 'assigned_to']);
    const value = col === 'detained' ? (rand() < 0.5 ? 1 : 0) : col === 'assigned_to' ? pick(['Rosa', 'Luis', null]) : `N${n}`;
    db.prepare(`UPDATE people SET ${col} = ? WHERE id = ?`).run(value, p);
    return `person ${p} ${col}`;
  }
  if (r < 0.92 && people.length > 2) {
    // A merge as the core does it: the record points at the kept one, whose events it takes (migration 0003's trigger).
    const [from, into] = [pick(people), pick(people)];
    if (from === into) return 'no-op';
    db.prepare('UPDATE people SET merged_into = ? WHERE id = ? AND merged_into IS NULL').run(into, from);
    return `merge ${from} into ${into}`;
  }
  if (r < 0.97) {
    const p = pick(people);
    db.prepare('DELETE FROM people WHERE id = ?').run(p);
    return `delete person ${p}`;
  }
  return `new person ${newPerson(db, ids, `p${n}`, n)}`;
}

/** A person with two open cases, each with a hearing date. */
function newPerson(db: DB, ids: { people: string[]; cases: string[] }, id: string, i: number): string {
  ids.people.push(id);
  db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, assigned_to, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'Pérez', ?, ?, '{}', 1, ?, 't', ?, 't')`,
  ).run(id, `Ana ${i}`, i % 3 === 0 ? 1 : 0, i % 2 ? 'Rosa' : null, NOW, NOW);
  for (let k = 0; k < 2; k++) {
    const c = `c${id}-${k}`;
    ids.cases.push(c);
    db.prepare(
      `INSERT INTO cases(id, person_id, type, status, court, judge, hearing_date, hearing_time, assigned_to, data, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'asylum-defensive', 'open', 'Court', 'Judge', ?, '08:30', ?, '{}', ?, 't', ?, 't')`,
    ).run(c, id, DATES[(i + k) % DATES.length], k ? 'Luis' : null, NOW, NOW);
  }
  return id;
}

describe('the docket’s hearing copy', () => {
  it('matches findHearings after each of 1 000 random changes to events, people and cases', async () => {
    const f = await freshCore({ today: '2026-03-02' });
    cleanup = f.cleanup;
    const ctx = f.core.ctx();
    const db = ctx.db;
    const ids = { people: [] as string[], cases: [] as string[], events: [] as string[] };
    for (let i = 0; i < 12; i++) newPerson(db, ids, `p${i}`, i);
    const rand = rng(17);
    const done: string[] = [];
    let shownMax = 0;
    let hiddenMax = 0;
    for (let n = 0; n < 1000; n++) {
      // A change that fails a constraint (a merge into a merged record) is rolled back, as in the app.
      try {
        done.push(randomChange(db, rand, ids, n));
      } catch (e) {
        done.push(`refused: ${(e as Error).message}`);
      }
      const { copy, truth } = both(ctx);
      shownMax = Math.max(shownMax, truth.length);
      const events = db.prepare(`SELECT count(*) AS n FROM events WHERE kind IN ('hearing-scheduled', 'hearing-moved')`).get() as {
        n: number;
      };
      hiddenMax = Math.max(hiddenMax, events.n - truth.length);
      if (JSON.stringify(copy) !== JSON.stringify(truth)) expect({ copy, after: done.slice(-5) }).toEqual({ copy: truth, after: [] });
    }
    // The walk went through the interesting states: many hearings shown, many hidden (moves, closed cases, merges).
    expect(shownMax).toBeGreaterThan(20);
    expect(done.filter((d) => d.startsWith('merge')).length).toBeGreaterThan(10);
    expect(done.filter((d) => d.includes('status')).length).toBeGreaterThan(5);
    expect(hiddenMax).toBeGreaterThan(5);
  });

  it('is kept through the core’s own paths: intake with a case hearing, a moved hearing, a merge', async () => {
    const f = await freshCore({ today: '2026-03-02' });
    cleanup = f.cleanup;
    const ctx = f.core.ctx();
    const a = await person(f.core, {
      given: 'Dora',
      detained: true,
      cases: [{ type: 'removal-detained', court: 'Otay Mesa', nextHearing: { date: '2026-03-20', time: '08:30', kind: 'master' } }],
    });
    const b = await person(f.core, { given: 'Dora' });
    await addEvent(f.core, b.id, { kind: 'hearing-scheduled', date: '2026-03-05', details: { hearingKind: 'individual' } });
    // Moved without naming the hearing event: the move is the hearing now, the 03-05 one is not shown.
    await addEvent(f.core, b.id, {
      kind: 'hearing-moved',
      date: '2026-03-09',
      details: { hearingKind: 'individual', previousDate: '2026-03-05' },
    });
    expect(both(ctx)).toEqual({ copy: both(ctx).truth, truth: both(ctx).truth });
    expect(both(ctx).copy.map((r) => (r as { date: string }).date)).toEqual(expect.arrayContaining(['2026-03-20', '2026-03-09']));
    expect(both(ctx).copy).toHaveLength(2);
    await f.core.call('people.merge', { keepId: a.id, mergeId: b.id });
    const { copy, truth } = both(ctx);
    expect(copy).toEqual(truth);
    expect(copy.map((r) => (r as { person_id: string }).person_id)).toEqual([a.id, a.id]);
  });

  it('is filled by migration 0022 from a vault made before it', () => {
    const db = at(21);
    const ids = { people: [] as string[], cases: [] as string[], events: [] as string[] };
    for (let i = 0; i < 6; i++) newPerson(db, ids, `p${i}`, i);
    const rand = rng(5);
    // Only inserts and edits: the triggers are not there yet, so everything the copy holds comes from the backfill.
    for (let n = 0; n < 120; n++) {
      try {
        randomChange(db, () => rand() * 0.69, ids, n);
      } catch {
        // A refused change (a foreign key) is not made.
      }
    }
    migrate(db, migrationsUpTo(22));
    expect(schemaVersion(db)).toBe(22);
    const { copy, truth } = both({ db } as Ctx);
    expect(truth.length).toBeGreaterThan(10);
    expect(copy).toEqual(truth);
  });
});
