/**
 * The trail by user (a lead's view of one user's activity), from an index
 * kept in batches rather than with every entry (migration 0019): the
 * entries up to `audit_actor_upto.seq` are found through `audit_actor`, the
 * few written since through the trail itself, newest first.
 */
import type { DB } from '../db/connection';
import { errorKind } from '../db/connection';

/**
 * Indexes every entry written since the last call, in one transaction.
 * Outside any transaction only (an entry of an open one may still roll
 * back); when another process holds the write lock it is left for the next
 * call, which loses nothing: unindexed entries are read from the trail.
 */
export function indexActors(db: DB): void {
  if (db.inTransaction) return;
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT OR IGNORE INTO audit_actor(actor, seq)
         SELECT actor, seq FROM audit_log WHERE seq > (SELECT seq FROM audit_actor_upto) ORDER BY actor, seq`,
      ).run();
      db.prepare('UPDATE audit_actor_upto SET seq = (SELECT coalesce(max(seq), 0) FROM audit_log)').run();
    }).immediate();
  } catch (e) {
    console.warn(`[amparo] audit actor index not caught up (${errorKind(e)})`);
  }
}

/** One user's entries, newest first: `limit` from `offset`, and how many there are. */
export function actorEntries<R>(
  db: DB,
  actor: string,
  limit: number,
  offset: number,
  columns: readonly string[],
): { total: number; rows: R[] } {
  const upto = (db.prepare('SELECT seq FROM audit_actor_upto').pluck().get() as number | undefined) ?? 0;
  const params = { actor, upto };
  // The newest entries, not yet indexed: a range of the trail's key, filtered.
  const recent = db
    .prepare(`SELECT ${columns.join(', ')} FROM audit_log WHERE seq > @upto AND actor = @actor ORDER BY seq DESC`)
    .all(params) as R[];
  const indexed = db.prepare('SELECT count(*) FROM audit_actor WHERE actor = @actor AND seq <= @upto').pluck().get(params) as number;
  const rows = recent.slice(offset, offset + limit);
  const more = limit - rows.length;
  if (more > 0) {
    const skip = Math.max(0, offset - recent.length);
    rows.push(
      ...(db
        .prepare(
          `SELECT ${columns.map((c) => `l.${c}`).join(', ')} FROM audit_actor a JOIN audit_log l ON l.seq = a.seq
           WHERE a.actor = @actor AND a.seq <= @upto ORDER BY a.seq DESC LIMIT @more OFFSET @skip`,
        )
        .all({ ...params, more, skip }) as R[]),
    );
  }
  return { total: recent.length + indexed, rows };
}
