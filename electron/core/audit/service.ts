/**
 * Reading the trail (audit.* operations) and the entries `dispatch` adds for
 * reads and for writes whose service recorded nothing itself.
 */
import type { AuditEntryView, AuditPage, AuditVerifyView } from '../../../shared/views';
import type { DB } from '../db/connection';
import { newId, type Ctx } from '../context';
import { appendEntry, chainHead, verifyChain, type Head } from './chain';
import { csvLine } from '../intake/csv/export';

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
}

const view = (r: Row): AuditEntryView => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
});

/** Entries about a person: their record, their cases, their deadlines and events, and reads naming them. */
const PERSON_FILTER = `(entity_id = @personId
  OR entity_id IN (SELECT id FROM cases WHERE person_id = @personId)
  OR (entity = 'deadline' AND entity_id IN (SELECT id FROM deadlines WHERE person_id = @personId))
  OR (entity = 'event' AND entity_id IN (SELECT id FROM events WHERE person_id = @personId)))`;

export function listAudit(
  db: DB,
  q: { personId?: string | undefined; actor?: string | undefined; limit: number; offset: number },
): AuditPage {
  const where: string[] = [];
  if (q.personId) where.push(PERSON_FILTER);
  if (q.actor) where.push('actor = @actor');
  const params = { personId: q.personId ?? null, actor: q.actor ?? null, limit: q.limit, offset: q.offset };
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id, detail FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Row[];
  return { total, rows: rows.map(view) };
}

/** A record's history, each change carrying the field history rows that can undo it (audit.restoreField). */
export function personHistory(db: DB, personId: string): AuditEntryView[] {
  const rows = listAudit(db, { personId, limit: 1000, offset: 0 }).rows;
  const kept = db
    .prepare('SELECT seq, field, audit_seq FROM field_history WHERE person_id = ? AND audit_seq IS NOT NULL ORDER BY seq')
    .all(personId) as Array<{ seq: number; field: string; audit_seq: number }>;
  const bySeq = new Map<number, Array<{ field: string; historyId: number }>>();
  for (const k of kept) bySeq.set(k.audit_seq, [...(bySeq.get(k.audit_seq) ?? []), { field: k.field, historyId: k.seq }]);
  return rows.map((r) => (bySeq.has(r.seq) ? { ...r, restorable: bySeq.get(r.seq)! } : r));
}

export function auditCsv(db: DB, actor: string | undefined): { csv: string; count: number } {
  const rows = db
    .prepare(`SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log ${actor ? 'WHERE actor = ?' : ''} ORDER BY seq`)
    .all(...(actor ? [actor] : [])) as Array<Row & { hash: string }>;
  const lines = [
    csvLine(['seq', 'at', 'user', 'operation', 'entity', 'record', 'detail', 'hash']),
    ...rows.map((r) => csvLine([String(r.seq), r.at, r.actor, r.action, r.entity ?? '', r.entity_id ?? '', r.detail ?? '', r.hash])),
  ];
  // A BOM so spreadsheets read UTF-8, and csvLine's apostrophe before = + - @, as every other export.
  const csv = '\uFEFF' + lines.join('\r\n') + '\r\n';
  return { csv, count: rows.length };
}

export const verifyAudit = (db: DB, recorded: Head | null): AuditVerifyView => verifyChain(db, recorded);

/** The record ids an operation's input names (never its other values). */
export function idsIn(input: unknown): string[] {
  const i = (input ?? {}) as Record<string, unknown>;
  const ids: string[] = [];
  for (const k of ['id', 'personId', 'keepId', 'mergeId', 'caseId', 'templateId', 'otherId']) {
    const v = i[k];
    if (typeof v === 'string') ids.push(v);
  }
  for (const k of ['ids', 'personIds']) {
    const v = i[k];
    if (Array.isArray(v)) ids.push(...v.filter((x): x is string => typeof x === 'string').slice(0, 50));
  }
  return ids;
}

/** An entry for `op` by the unlocked user, naming the records its input names. */
export function recordOp(ctx: Ctx, op: string, input: unknown, extra?: Record<string, unknown>): Head | null {
  if (ctx.auditTrail === false) return null;
  const ids = idsIn(input);
  const personId = (input as { personId?: unknown; id?: unknown } | null)?.personId;
  const entity = typeof personId === 'string' || op.startsWith('people.') ? 'person' : op.split('.')[0]!;
  const detail = { ...(ids.length > 1 ? { ids } : {}), ...extra };
  return appendEntry(ctx.db, {
    id: newId(),
    at: ctx.now(),
    actor: ctx.actor,
    action: op,
    entity,
    entityId: ids[0] ?? null,
    detail: Object.keys(detail).length > 0 ? JSON.stringify(detail) : null,
  });
}

export const currentHead = (db: DB): Head | null => chainHead(db);

// ---- Person field history (old values stay inside the encrypted database) ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Field paths (e.g. person.givenName, detention.facility, family) whose value differs. */
export function changedFields(before: Record<string, Json>, after: Record<string, Json>): Array<{ field: string; old: Json | undefined }> {
  const out: Array<{ field: string; old: Json | undefined }> = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    const nested = a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
    if (nested) {
      for (const sub of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const x = (a as Record<string, Json>)[sub];
        if (JSON.stringify(x) !== JSON.stringify((b as Record<string, Json>)[sub])) out.push({ field: `${key}.${sub}`, old: x });
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: key, old: a });
  }
  return out;
}

export function personData(db: DB, id: string): Record<string, Json> | null {
  const row = db.prepare('SELECT data FROM people WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Record<string, Json>) : null;
}

/** After a person update: the changed field names into the trail, their old values into field_history. */
export function recordFieldChanges(
  ctx: Ctx,
  id: string,
  before: Record<string, Json>,
  after: Record<string, Json>,
  action = 'person.fields',
): void {
  const changes = changedFields(before, after);
  if (changes.length === 0 || ctx.auditTrail === false) return;
  ctx.db.transaction(() => {
    const head = appendEntry(ctx.db, {
      id: newId(),
      at: ctx.now(),
      actor: ctx.actor,
      action,
      entity: 'person',
      entityId: id,
      detail: JSON.stringify({ fields: changes.map((c) => c.field) }),
    });
    const insert = ctx.db.prepare('INSERT INTO field_history(person_id, field, old_value, at, actor, audit_seq) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of changes) insert.run(id, c.field, c.old === undefined ? null : JSON.stringify(c.old), ctx.now(), ctx.actor, head.seq);
  })();
}

/**
 * A change to the key file (users, passphrases, rekey) and its audit entry,
 * together: the entry is written first under the write lock and committed
 * only once the key file change is done, so a busy database refuses the
 * change before anything happened and a failed change leaves no entry.
 */
export async function auditedKeyChange<T>(
  ctx: Ctx,
  action: string,
  entity: string,
  entityId: string | null,
  change: () => Promise<T> | T,
  detail?: Record<string, unknown>,
): Promise<T> {
  if (ctx.auditTrail === false) return change();
  ctx.db.exec('BEGIN IMMEDIATE');
  let value: T;
  try {
    appendEntry(ctx.db, {
      id: newId(),
      at: ctx.now(),
      actor: ctx.actor,
      action,
      entity,
      entityId,
      detail: detail ? JSON.stringify(detail) : null,
    });
    value = await change();
  } catch (e) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    throw e;
  }
  try {
    ctx.db.exec('COMMIT');
  } catch (e) {
    // The key file change is done; its entry could not be committed (a full disk): never leave the transaction open.
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    console.warn(`[amparo] audit entry for ${action} not committed`);
    void e;
  }
  return value;
}
