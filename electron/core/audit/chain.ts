/**
 * The audit trail as a hash chain (issue 10). Each entry carries a sequence
 * number, the previous entry's hash and its own: SHA-256 over the previous
 * hash and its content. Editing, deleting or reordering an entry breaks a
 * link; deleting the newest entries is caught against the head recorded in
 * the keyslots file's MAC-protected body (see vault.recordState).
 *
 * Honest limit: someone holding the database key can rebuild the whole chain;
 * what they cannot do without the key is fake the head in the key file, and
 * what the chain catches is any edit made without rebuilding it.
 */
import { createHash } from 'node:crypto';
import type { DB } from '../db/connection';
import type { AuditBreak, AuditVerifyView } from '../../../shared/views';

export const GENESIS = '0'.repeat(64);

export interface EntryContent {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: string | null;
}

/** Never change: every vault's trail is verified with it. */
export function entryHash(prev: string, seq: number, e: EntryContent): string {
  const content = JSON.stringify([seq, e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.detail]);
  return createHash('sha256').update(prev).update('\n').update(content).digest('hex');
}

export interface Head {
  seq: number;
  hash: string;
}

interface Statements {
  head: { get(): unknown };
  insert: { run(...params: unknown[]): unknown };
  dataVersion: { get(): unknown };
}
const statements = new WeakMap<DB, Statements>();

function prepared(db: DB): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO audit_log(id, at, actor, action, entity, entity_id, detail, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * The committed head, cached per connection (dispatch asks for it around
 * every call). It holds while `PRAGMA data_version` is unchanged, which moves
 * whenever another connection or process commits (a second window, the CLI,
 * a raw tamper in a test). Only committed states are cached: an entry
 * appended inside a caller's transaction drops the cache, as that
 * transaction may still roll back, and a read inside a transaction is not
 * kept for the same reason. This connection writes audit_log only here.
 */
interface CachedHead {
  head: Head | null;
  dataVersion: unknown;
}
const heads = new WeakMap<DB, CachedHead>();

function cachedHead(db: DB, s: Statements): Head | null | undefined {
  const c = heads.get(db);
  return c && c.dataVersion === s.dataVersion.get() ? c.head : undefined;
}

function readHead(db: DB, s: Statements): Head | null {
  const cached = cachedHead(db, s);
  if (cached !== undefined) return cached;
  const head = (s.head.get() as Head | undefined) ?? null;
  if (!db.inTransaction) heads.set(db, { head, dataVersion: s.dataVersion.get() });
  return head;
}

export function chainHead(db: DB): Head | null {
  return readHead(db, prepared(db));
}

/**
 * Appends one entry after the current head. Inside the caller's transaction
 * when there is one (the entry commits or rolls back with the write it
 * records); seq is the table's primary key, so a second writer racing for
 * the same place is refused.
 */
export function appendEntry(db: DB, e: EntryContent): Head {
  const s = prepared(db);
  const run = () => {
    const head = readHead(db, s);
    const seq = (head?.seq ?? 0) + 1;
    const prev = head?.hash ?? GENESIS;
    const hash = entryHash(prev, seq, e);
    // Dropped before the insert: a failed insert or a rollback must never leave a head that is not in the table.
    heads.delete(db);
    s.insert.run(e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.detail, seq, prev, hash);
    return { seq, hash };
  };
  if (db.inTransaction) return run();
  const next = db.transaction(run).immediate();
  // Committed on this connection, which does not move its own data_version.
  heads.set(db, { head: next, dataVersion: s.dataVersion.get() });
  return next;
}

interface Row extends EntryContent {
  seq: number | null;
  prev: string | null;
  hash: string | null;
}

const broken = (entries: number, row: { seq: number | null; id: string | null }, reason: AuditBreak): AuditVerifyView => ({
  ok: false,
  entries,
  firstBroken: { seq: row.seq, id: row.id, reason },
});

/**
 * Walks the chain from the first entry. Reports the first entry whose hash
 * or link does not hold, a gap in the numbering, or a chain shorter than the
 * head recorded in the key file. A row slipped in by hand gets the next seq
 * (the table's key since migration 0017) and fails its link there.
 */
export function verifyChain(db: DB, recorded: Head | null): AuditVerifyView {
  let prev = GENESIS;
  let expected = 1;
  let count = 0;
  let firstBad: AuditVerifyView | null = null;
  const rows = db
    .prepare(
      `SELECT seq, id, at, actor, action, entity, entity_id AS entityId, detail, prev_hash AS prev, hash
       FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<Row>;
  for (const r of rows) {
    count++;
    if (firstBad) continue;
    if (r.seq !== expected) firstBad = broken(0, { seq: expected, id: null }, 'missing');
    else if (r.prev !== prev) firstBad = broken(0, r, 'link');
    else if (r.hash !== entryHash(prev, r.seq, r)) firstBad = broken(0, r, 'hash');
    prev = r.hash ?? '';
    expected++;
  }
  if (firstBad) return { ...firstBad, entries: count };
  if (recorded && recorded.seq > 0) {
    if (count < recorded.seq) return broken(count, { seq: count + 1, id: null }, 'truncated');
    const at = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(recorded.seq) as { hash: string } | undefined;
    if (at?.hash !== recorded.hash) return broken(count, { seq: recorded.seq, id: null }, 'hash');
  }
  return { ok: true, entries: count };
}
