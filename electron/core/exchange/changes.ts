/**
 * The change log and the merge. Local writes are recorded by the triggers of
 * schema.ts; this module adds a baseline for rows written before the vault
 * joined a clinic, applies other devices' changes exactly once, and computes
 * the canonical state every member must reach.
 *
 * Merge rule, per field: the write with the greater stamp (HLC, then device
 * id) wins, whatever order changes arrive in, so every device that holds the
 * same set of changes holds the same rows. When the incoming write did not
 * know the value it competes with (its `prev` stamp is not the local one),
 * the two were made concurrently: both values are kept in `conflicts` for a
 * person to choose, and that choice is a new change like any other.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DB } from '../db/connection';
import { newId } from '../context';
import { INSERT_PERSON_KEY, insertPersonKeys } from '../intake/person-keys';
import { searchText } from '../intake/search-text';
import { dropFamilyLinks, writeFamilyLinks } from '../intake/family-links';
import type { PersonData } from '../intake/records';
import { BOOKKEEPING, REPLICATED, REPLICATED_TABLES, replicatedColumns, stampOf } from './schema';

/** A prepared statement taking any parameters. */
type Stmt = Database.Statement<unknown[]>;

export interface Change {
  device: string;
  seq: number;
  hlc: number;
  entity: string;
  row: string;
  op: 'insert' | 'update' | 'delete';
  fields: Record<string, unknown>;
  prev: Record<string, string>;
}

interface ChangeRow {
  device_id: string;
  seq: number;
  hlc: number;
  entity: string;
  row_id: string;
  op: Change['op'];
  fields: string;
  prev: string;
}

const fromRow = (r: ChangeRow): Change => ({
  device: r.device_id,
  seq: r.seq,
  hlc: r.hlc,
  entity: r.entity,
  row: r.row_id,
  op: r.op,
  fields: JSON.parse(r.fields) as Record<string, unknown>,
  prev: JSON.parse(r.prev) as Record<string, string>,
});

/**
 * Rows written before the change log existed, or before this vault joined a
 * clinic, get an insert change now, so they travel like everything else.
 * Parents first (REPLICATED's order), so the stamps keep foreign keys in order.
 */
export function recordBaseline(db: DB): number {
  let n = 0;
  for (const table of REPLICATED_TABLES) {
    const { key } = REPLICATED[table]!;
    const cols = replicatedColumns(db, table);
    // A no-op update would be skipped by the trigger; a fresh insert change is written directly instead.
    // Rows whose insert is already in the log (read once: the log has no index by row, and needs none elsewhere).
    const logged = new Set(
      (db.prepare(`SELECT row_id FROM changes WHERE entity = ? AND op = 'insert'`).all(table) as Array<{ row_id: string }>).map(
        (r) => r.row_id,
      ),
    );
    const rows = (db.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).all() as Array<Record<string, unknown>>).filter(
      (r) => !logged.has(String(r[key])),
    );
    const tick = db.prepare(
      `UPDATE exchange_state SET seq = seq + 1, hlc = max(hlc + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1024) RETURNING device_id, seq, hlc`,
    );
    const insert = db.prepare(
      `INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev) VALUES (?, ?, ?, ?, ?, 'insert', ?, '{}')`,
    );
    for (const r of rows) {
      const s = tick.get() as { device_id: string; seq: number; hlc: number };
      insert.run(s.device_id, s.seq, s.hlc, table, String(r[key]), JSON.stringify(r));
      n++;
    }
  }
  return n;
}

/** Device id -> highest sequence number held (changes are only ever applied without gaps, so this is the whole prefix). */
export function versionVector(db: DB): Record<string, number> {
  const rows = db.prepare('SELECT device_id, max(seq) AS seq FROM changes GROUP BY device_id').all() as Array<{
    device_id: string;
    seq: number;
  }>;
  return Object.fromEntries(rows.map((r) => [r.device_id, r.seq]));
}

/** The changes a peer that holds `seen` lacks, per device in sequence order. */
export function changesSince(db: DB, seen: Record<string, number>): { changes: Change[]; ranges: Record<string, [number, number]> } {
  const have = versionVector(db);
  const stmt = db.prepare('SELECT * FROM changes WHERE device_id = ? AND seq > ? ORDER BY seq');
  const changes: Change[] = [];
  const ranges: Record<string, [number, number]> = {};
  for (const [device, last] of Object.entries(have)) {
    const from = seen[device] ?? 0;
    if (last <= from) continue;
    for (const r of stmt.iterate(device, from) as Iterable<ChangeRow>) changes.push(fromRow(r));
    ranges[device] = [from + 1, last];
  }
  return { changes, ranges };
}

export interface ApplySummary {
  applied: number;
  devices: string[];
  conflicts: number;
  duplicates: number;
  /** Changes this vault already held, or that arrived after a gap (they come again with the next bundle). */
  skipped: number;
  /** People inserted by other devices: the duplicate engine looks at them after the apply. */
  newPeople: string[];
}

interface Columns {
  cols: Set<string>;
  key: string;
  json: Set<string>;
  derived: Set<string>;
}

function statements(db: DB) {
  const cache = new Map<string, Columns>();
  const prepared = new Map<string, Stmt>();
  /** Each distinct SQL text prepared once per import (10 000 changes prepare a handful of statements, not 30 000). */
  const sql = (text: string) => {
    let st = prepared.get(text);
    if (!st) {
      st = db.prepare(text);
      prepared.set(text, st);
    }
    return st;
  };
  const colsOf = (table: string): Columns | null => {
    if (!REPLICATED[table]) return null;
    let c = cache.get(table);
    if (!c) {
      const spec = REPLICATED[table]!;
      c = {
        cols: new Set(replicatedColumns(db, table)),
        key: spec.key,
        json: new Set(spec.json ?? []),
        derived: new Set(spec.derived ?? []),
      };
      cache.set(table, c);
    }
    return c;
  };
  return {
    colsOf,
    sql,
    /** People inserted by this apply: their seq and record text, reused by the index pass (clean until another change edits them). */
    fresh: new Map<string, { seq: number; data: string; clean: boolean }>(),
    store: db.prepare('INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    tomb: db.prepare('SELECT 1 FROM tombstones WHERE entity = ? AND row_id = ?'),
    clock: db.prepare('SELECT base, stamps FROM row_clock WHERE entity = ? AND row_id = ?'),
    setClock: db.prepare('INSERT OR REPLACE INTO row_clock(entity, row_id, base, stamps) VALUES (?, ?, ?, ?)'),
    dropClock: db.prepare('DELETE FROM row_clock WHERE entity = ? AND row_id = ?'),
    bury: db.prepare('INSERT OR REPLACE INTO tombstones(entity, row_id, stamp) VALUES (?, ?, ?)'),
    conflict: db.prepare(
      `INSERT INTO conflicts(id, entity, row_id, field, kept_value, kept_stamp, other_value, other_stamp, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

/** SQLite values as they are bound back: JSON strings stay strings, booleans never appear (STRICT tables). */
const sqlValue = (v: unknown): unknown => (v === undefined ? null : v);
const jsonText = (v: unknown): string => JSON.stringify(v ?? null);

/**
 * Applies changes from other devices. The caller holds a transaction and has
 * set exchange_state.applying = 1, so the triggers do not record them again.
 * Changes are applied in stamp order (a parent row's insert is always stamped
 * before its children's), and each (device, seq) once.
 */
export function applyChanges(db: DB, incoming: readonly Change[], now: string): ApplySummary {
  return runSteps(applySteps(db, incoming, now));
}

/** How many changes an import applies between two checkpoints (progress, a cancel): 10 000 changes give 20. */
export const APPLY_STEP = 500;

/** Drives a step generator to its end without stopping: the plain (synchronous) import. */
export function runSteps<T>(steps: Generator<number, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * applyChanges in steps: yields the number of incoming changes done so far
 * (applied or skipped) every `every` changes, so a job can report progress and take a cancel between
 * them. It writes inside the caller's transaction and never commits, so a
 * caller that stops between two steps rolls every step back with it.
 */
export function* applySteps(db: DB, incoming: readonly Change[], now: string, every = APPLY_STEP): Generator<number, ApplySummary> {
  const st = statements(db);
  const have = versionVector(db);
  const summary: ApplySummary = { applied: 0, devices: [], conflicts: 0, duplicates: 0, skipped: 0, newPeople: [] };
  const devices = new Set<string>();
  // Without gaps, per device: a change after a missing one waits for a bundle that carries the gap.
  const next = new Map<string, number>();
  const usable: Change[] = [];
  for (const c of [...incoming].sort((a, b) => a.device.localeCompare(b.device) || a.seq - b.seq)) {
    const expected = next.get(c.device) ?? (have[c.device] ?? 0) + 1;
    // The log holds every device's changes without gaps, so anything at or below `have` is held already.
    if (c.seq < expected) {
      summary.skipped++;
      continue;
    }
    if (c.seq > expected) {
      summary.skipped++;
      continue;
    }
    next.set(c.device, expected + 1);
    usable.push(c);
  }
  usable.sort((a, b) => a.hlc - b.hlc || a.device.localeCompare(b.device) || a.seq - b.seq);
  let maxHlc = 0;
  const touchedPeople = new Set<string>();
  for (const c of usable) {
    st.store.run(c.device, c.seq, c.hlc, c.entity, c.row, c.op, JSON.stringify(c.fields), JSON.stringify(c.prev));
    maxHlc = Math.max(maxHlc, c.hlc);
    devices.add(c.device);
    summary.applied++;
    const found = applyOne(db, st, c, now, summary);
    if (found && c.entity === 'people') touchedPeople.add(c.row);
    // Counted with the changes skipped above, so the count ends at incoming.length.
    if (summary.applied % every === 0) yield summary.skipped + summary.applied;
  }
  if (maxHlc > 0) db.prepare('UPDATE exchange_state SET hlc = max(hlc, ?)').run(maxHlc);
  // One pass over the people written, after every change is in: a person inserted and edited in one bundle is indexed once.
  let indexed = 0;
  for (const id of touchedPeople) {
    const fresh = st.fresh.get(id);
    if (fresh && fresh.clean) indexNewPerson(db, st.sql, id, fresh.seq, fresh.data);
    else reindexPerson(db, id, st.sql);
    // A checkpoint, not progress: every change is applied, the index pass is the last part of the same work.
    if (++indexed % every === 0) yield summary.skipped + summary.applied;
  }
  summary.devices = [...devices].sort();
  return summary;
}

type Stmts = ReturnType<typeof statements>;

/** The column a field path belongs to: `data` for `data.person.phone`. */
const columnOf = (k: string) => {
  const dot = k.indexOf('.');
  return dot < 0 ? k : k.slice(0, dot);
};
/** `a` holds `b` (a JSON field inside a column, or inside an object field). */
const holds = (a: string, b: string) => b.length > a.length && b.startsWith(a) && b[a.length] === '.';

/**
 * The latest write to this field, to one holding it or to one inside it: what
 * a writer has "seen" of the field. The update trigger of schema.ts records the
 * same as the change's `prev`, so equal means the writer knew our value.
 */
function seenStamp(stamps: Record<string, string>, k: string, base: string): string {
  let s = base;
  for (const [f, v] of Object.entries(stamps)) if ((f === k || holds(f, k) || holds(k, f)) && v > s) s = v;
  return s;
}

/** The latest write to this field or to one holding it: an incoming write later than it wins. */
function winStamp(stamps: Record<string, string>, k: string, base: string): string {
  let s = base;
  for (const [f, v] of Object.entries(stamps)) if ((f === k || holds(f, k)) && v > s) s = v;
  return s;
}

export type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON text with object keys sorted, so two texts of one value compare equal. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The value at a field path inside a document, as JSON text; null when absent. */
function textAt(doc: Doc, path: readonly string[]): string | null {
  let v: unknown = doc;
  for (const p of path) {
    if (!isObject(v) || !(p in v)) return null;
    v = v[p];
  }
  return canonicalJson(v);
}

/** Writes (or, for null, removes) a value at a path; a missing object on the way is created, so every order of arrival ends alike. */
export function setAt(doc: Doc, path: readonly string[], text: string | null): void {
  let o = doc;
  for (const p of path.slice(0, -1)) {
    if (!isObject(o[p])) o[p] = {};
    o = o[p] as Doc;
  }
  const last = path[path.length - 1]!;
  if (text === null) delete o[last];
  else o[last] = JSON.parse(text) as unknown;
}

/** True when the row was written (so derived indexes need a refresh). */
function applyOne(db: DB, st: Stmts, c: Change, now: string, summary: ApplySummary): boolean {
  const spec = st.colsOf(c.entity);
  // A table a newer Amparo replicates: kept in the log (and relayed), not applied here.
  if (!spec) return false;
  const stamp = stampOf(c.hlc, c.device);
  // A person this apply inserted and then changes again is indexed from the table, not from the insert's text.
  const fresh = c.entity === 'people' ? st.fresh.get(c.row) : undefined;
  if (fresh) fresh.clean = false;
  if (c.op === 'delete') {
    st.sql(`DELETE FROM ${c.entity} WHERE ${spec.key} = ?`).run(c.row);
    st.bury.run(c.entity, c.row, stamp);
    st.dropClock.run(c.entity, c.row);
    return false;
  }
  // Deleted for good: a write that did not see the delete changes nothing (delete wins everywhere alike).
  if (st.tomb.get(c.entity, c.row)) return false;
  // A row's insert comes first and once (ids are unique, replays are filtered out): no read before it.
  if (c.op === 'insert') return insertRow(st, spec, c, stamp, summary);
  const exists = st.sql(`SELECT * FROM ${c.entity} WHERE ${spec.key} = ?`).get(c.row) as Record<string, unknown> | undefined;
  if (!exists) return false;
  const clock = st.clock.get(c.entity, c.row) as { base: string; stamps: string } | undefined;
  // Not compared: a row's insert is seen by every later writer (see the update trigger in schema.ts).
  const base = '';
  const stamps = clock ? (JSON.parse(clock.stamps) as Record<string, string>) : {};
  const columns = new Map<string, unknown>();
  const docs = new Map<string, Doc>();
  const edited = new Set<string>();
  /** The row's JSON document in a column, parsed once per change and edited in place. */
  const docOf = (col: string): Doc => {
    let d = docs.get(col);
    if (!d) {
      const parsed = JSON.parse(String(exists[col] ?? '{}')) as unknown;
      d = isObject(parsed) ? parsed : {};
      docs.set(col, d);
    }
    return d;
  };
  const current = (k: string): string | null => {
    if (spec.json.has(k)) return canonicalJson(docOf(k));
    const path = k.split('.');
    return path.length > 1 ? textAt(docOf(path[0]!), path.slice(1)) : jsonText(exists[k]);
  };
  const incoming = (k: string, v: unknown): string | null => {
    if (spec.json.has(k)) return canonicalJson(JSON.parse(String(v)));
    if (k.includes('.')) return v === null || v === undefined ? null : canonicalJson(JSON.parse(String(v)));
    return jsonText(v);
  };
  for (const [k, v] of Object.entries(c.fields)) {
    if (k === spec.key || !spec.cols.has(columnOf(k))) continue;
    const seen = seenStamp(stamps, k, base);
    const concurrent = seen !== '' && c.prev[k] !== seen && c.op === 'update';
    const mine = current(k);
    const theirs = incoming(k, v);
    if (concurrent && mine !== theirs && !BOOKKEEPING.has(k) && !spec.derived.has(k)) {
      const incomingWins = stamp > seen;
      st.conflict.run(
        newId(),
        c.entity,
        c.row,
        k,
        incomingWins ? theirs : mine,
        incomingWins ? stamp : seen,
        incomingWins ? mine : theirs,
        incomingWins ? seen : stamp,
        now,
      );
      summary.conflicts++;
    }
    if (stamp <= winStamp(stamps, k, base)) continue;
    const path = k.split('.');
    if (path.length === 1 && !spec.json.has(k)) columns.set(k, v);
    else {
      // Fields inside this one written later than it keep their values (the result of applying every write in stamp order).
      const later = Object.entries(stamps)
        .filter(([f, s]) => holds(k, f) && s > stamp)
        .sort((a, b) => (a[1] < b[1] ? -1 : 1))
        .map(([f]) => [f, current(f)] as const);
      if (path.length === 1) docs.set(k, JSON.parse(String(v)) as Doc);
      else setAt(docOf(path[0]!), path.slice(1), theirs);
      for (const [f, text] of later) setAt(docOf(columnOf(f)), f.split('.').slice(1), text);
      edited.add(path[0]!);
    }
    stamps[k] = stamp;
  }
  for (const col of edited) columns.set(col, JSON.stringify(docs.get(col)));
  const written = [...columns.keys()].filter((k) => k !== spec.key);
  st.setClock.run(c.entity, c.row, clock?.base ?? '', JSON.stringify(stamps));
  if (written.length === 0) return false;
  st.sql(`UPDATE ${c.entity} SET ${written.map((k) => `${k} = ?`).join(', ')} WHERE ${spec.key} = ?`).run(
    ...written.map((k) => sqlValue(columns.get(k))),
    c.row,
  );
  return true;
}

function insertRow(st: Stmts, spec: Columns, c: Change, stamp: string, summary: ApplySummary): boolean {
  const fields = Object.entries(c.fields).filter(([k]) => spec.cols.has(k));
  const names = fields.map(([k]) => k);
  try {
    const r = st
      .sql(`INSERT INTO ${c.entity}(${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...fields.map(([, v]) => sqlValue(v)));
    if (c.entity === 'people' && typeof c.fields.data === 'string')
      st.fresh.set(c.row, { seq: Number(r.lastInsertRowid), data: c.fields.data, clean: true });
  } catch (e) {
    // Its parent was deleted on this device: the delete cascaded there too, so the row stays gone everywhere.
    if (isForeignKeyError(e)) {
      st.bury.run(c.entity, c.row, stamp);
      return false;
    }
    throw e;
  }
  if (c.entity === 'people') summary.newPeople.push(c.row);
  return true;
}

const isForeignKeyError = (e: unknown) => (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

/** The search row and duplicate keys of a person this apply inserted: nothing to delete first, the record text at hand. */
function indexNewPerson(db: DB, sql: (text: string) => Stmt, id: string, seq: number, data: string): void {
  const d = JSON.parse(data) as PersonData;
  const t = searchText(d);
  sql('INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (?, ?, ?, ?, ?)').run(seq, id, t.names, t.numbers, t.places);
  insertPersonKeys(sql(INSERT_PERSON_KEY), id, d.person);
  if (d.family.some((m) => m.personId)) writeFamilyLinks(db, id, d);
}

/** The search index and duplicate keys of a person written by another device (the people service keeps them for local writes). */
export function reindexPerson(db: DB, id: string, sql: (text: string) => Stmt = (t) => db.prepare(t)): void {
  const row = sql('SELECT seq, data FROM people WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
  sql('DELETE FROM person_keys WHERE person_id = ?').run(id);
  dropFamilyLinks(db, id);
  if (!row) return;
  sql('DELETE FROM people_fts WHERE rowid = ?').run(row.seq);
  const d = JSON.parse(row.data) as PersonData;
  const t = searchText(d);
  sql('INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (?, ?, ?, ?, ?)').run(
    row.seq,
    id,
    t.names,
    t.numbers,
    t.places,
  );
  insertPersonKeys(sql(INSERT_PERSON_KEY), id, d.person);
  writeFamilyLinks(db, id, d);
}

/**
 * The canonical state: SHA-256 of every replicated row, table by table in
 * key order, as JSON of its replicated columns. Every member device that
 * holds the same changes has the same hash.
 */
export function stateHash(db: DB): string {
  const h = createHash('sha256');
  for (const table of REPLICATED_TABLES) {
    const { key } = REPLICATED[table]!;
    const cols = replicatedColumns(db, table);
    const json = new Set(REPLICATED[table]!.json ?? []);
    // A document merged field by field holds the same values as the writer's, perhaps with its keys in another order.
    const value = (c: string, v: unknown) => (json.has(c) && typeof v === 'string' ? canonicalJson(JSON.parse(v)) : (v ?? null));
    h.update(`\u0000${table}\u0000`);
    for (const r of db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${key}`).iterate() as Iterable<Record<string, unknown>>) {
      h.update(JSON.stringify(cols.map((c) => value(c, r[c]))));
      h.update('\n');
    }
  }
  return h.digest('hex');
}
