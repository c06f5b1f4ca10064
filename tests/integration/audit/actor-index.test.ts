/**
 * One user's activity (a lead's view, `audit.list` with `actor`) from the
 * actor index kept in batches (migration 0019): entries already indexed and
 * those written since read as one list, newest first, whatever the page;
 * the index catches up when the head goes to the key file; the listing uses
 * the index, never a scan of the whole trail.
 */
import { describe, expect, it } from 'vitest';
import { appendEntry, verifyChain } from '../../../electron/core/audit/chain';
import { actorEntries, indexActors } from '../../../electron/core/audit/actors';
import { listAudit } from '../../../electron/core/audit/service';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { indexesOf, migrationsUpTo, useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const entry = (i: number, actor: string) => ({
  id: `e${i}`,
  at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
  actor,
  action: 'person.create',
  entity: 'person',
  entityId: `p${i}`,
  detail: null,
});

/** Entry i is by ana when i % 3 == 0, else by bo. */
const write = (d: ReturnType<typeof at>, from: number, to: number) => {
  for (let i = from; i < to; i++) appendEntry(d, entry(i, i % 3 === 0 ? 'ana' : 'bo'));
};
const seqsBy = (d: ReturnType<typeof at>, actor: string) =>
  d.prepare('SELECT seq FROM audit_log WHERE actor = ? ORDER BY seq DESC').pluck().all(actor) as number[];

describe('migration 0019-audit-actor-batch', () => {
  it('moves the actor index into the batch table, every entry and the chain untouched', () => {
    const d = at(18);
    write(d, 0, 7);
    const before = d.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    expect(indexesOf(d, 'audit_log')).toEqual(['audit_log_actor']);

    migrate(d, migrationsUpTo(19));

    expect(schemaVersion(d)).toBe(19);
    // One b-tree written per entry: the table itself.
    expect(indexesOf(d, 'audit_log')).toEqual([]);
    expect(d.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    expect(verifyChain(d, null)).toEqual({ ok: true, entries: 7 });
    expect(d.prepare('SELECT seq FROM audit_actor_upto').pluck().get()).toBe(7);
    expect(d.prepare('SELECT actor, seq FROM audit_actor ORDER BY seq').all()).toEqual(
      d.prepare('SELECT actor, seq FROM audit_log ORDER BY seq').all(),
    );
    expect(listAudit(d, { actor: 'ana', limit: 10, offset: 0 }).rows.map((r) => r.seq)).toEqual(seqsBy(d, 'ana'));
  });
});

describe("a user's activity", () => {
  it('lists indexed and newer entries as one, on every page, before and after the index catches up', () => {
    const d = at(migrations.length);
    write(d, 0, 20);
    indexActors(d);
    write(d, 20, 31); // written after the last catch-up: read from the trail
    expect(d.prepare('SELECT seq FROM audit_actor_upto').pluck().get()).toBe(20);
    for (const actor of ['ana', 'bo', 'nobody']) {
      const all = seqsBy(d, actor);
      for (const catchUp of [false, true]) {
        if (catchUp) indexActors(d);
        for (let offset = 0; offset <= all.length + 1; offset++) {
          for (const limit of [1, 2, 3, 5, 50]) {
            const page = listAudit(d, { actor, limit, offset });
            expect(page.total, `${actor} ${offset}+${limit}`).toBe(all.length);
            expect(
              page.rows.map((r) => r.seq),
              `${actor} ${offset}+${limit}`,
            ).toEqual(all.slice(offset, offset + limit));
            expect(page.rows.every((r) => r.actor === actor)).toBe(true);
          }
        }
      }
    }
    expect(d.prepare('SELECT seq FROM audit_actor_upto').pluck().get()).toBe(31);
    expect(d.prepare('SELECT count(*) FROM audit_actor').pluck().get()).toBe(31);
  });

  it('is caught up only outside a transaction, so an entry that rolls back is never indexed', () => {
    const d = at(migrations.length);
    write(d, 0, 3);
    d.exec('BEGIN');
    write(d, 3, 5);
    indexActors(d);
    d.exec('ROLLBACK');
    expect(d.prepare('SELECT seq FROM audit_actor_upto').pluck().get()).toBe(0);
    indexActors(d);
    expect(d.prepare('SELECT seq FROM audit_actor ORDER BY seq').pluck().all()).toEqual([1, 2, 3]);
    expect(actorEntries(d, 'ana', 10, 0, ['seq']).rows).toEqual([{ seq: 1 }]);
  });

  it('reads through the actor index and the trail key, never a scan of the trail', () => {
    const d = at(migrations.length);
    write(d, 0, 5);
    indexActors(d);
    const plan = (sql: string) =>
      (d.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ actor: 'ana', upto: 5, more: 10, skip: 0 }) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ');
    const indexed = plan(
      `SELECT l.seq FROM audit_actor a JOIN audit_log l ON l.seq = a.seq
       WHERE a.actor = @actor AND a.seq <= @upto ORDER BY a.seq DESC LIMIT @more OFFSET @skip`,
    );
    expect(indexed).toMatch(/SEARCH a USING PRIMARY KEY \(actor=\? AND seq<\?\)/);
    expect(indexed).toMatch(/SEARCH l USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(indexed).not.toMatch(/TEMP B-TREE/);
    const recent = plan('SELECT seq FROM audit_log WHERE seq > @upto AND actor = @actor ORDER BY seq DESC');
    expect(recent).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid>\?\)/);
  });
});
