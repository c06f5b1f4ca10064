/**
 * What travels between the devices of a clinic, and the SQLite triggers that
 * record it. Every insert, update and delete on a replicated table writes a
 * row into `changes` in the same statement, so no service code has to
 * remember to: a handler written next year is recorded like one written today.
 *
 * The triggers stamp each change with this device's id, its next sequence
 * number and a hybrid logical clock (milliseconds × 1024 + counter, within JavaScript's exact integers, never
 * going backwards), all kept in the one-row `exchange_state` table. While an
 * import applies other devices' changes, `exchange_state.applying` is 1 and
 * the triggers stay quiet: those changes are stored as they arrived.
 */
import type { DB } from '../db/connection';

export interface TableSpec {
  /** The column that names a row across devices. */
  key: string;
  /** Columns that are this device's own business (an FTS rowid), never sent. */
  local?: readonly string[];
  /**
   * Columns holding a JSON object (a person's whole record). An update records
   * them per field, as `column.key` or `column.key.subkey` paths (two levels:
   * `data.person.phone`, `data.notes`), so two devices editing different fields
   * of one person merge instead of conflicting.
   */
  json?: readonly string[];
  /**
   * Columns the services compute from the JSON document (list and index
   * columns). They follow the last writer like any field, but a conflict on
   * them is the conflict on the document field they copy, recorded once there.
   */
  derived?: readonly string[];
}

const PERSON_COLUMNS = ['given_name', 'family_name', 'dob', 'approx_age', 'a_number', 'phone', 'country_of_birth'];
const CASE_COLUMNS = ['type', 'status', 'court', 'judge', 'hearing_date', 'hearing_time', 'hearing_kind', 'outcome'];

/** In parent-before-child order, which is also the order a canonical dump lists them. */
export const REPLICATED: Readonly<Record<string, TableSpec>> = {
  trainings: { key: 'id' },
  people: {
    key: 'id',
    local: ['seq'],
    json: ['data'],
    derived: [...PERSON_COLUMNS, 'detained', 'facility', 'booking_number', 'next_hearing', 'assigned_to'],
  },
  cases: { key: 'id', json: ['data'], derived: [...CASE_COLUMNS, 'assigned_to'] },
  events: { key: 'id' },
  deadlines: { key: 'id' },
  duplicate_decisions: { key: 'id' },
  case_closings: { key: 'case_id' },
  // Issue 14 §4: what EOIR said when a paralegal checked, so every laptop's "to check" list agrees.
  eoir_checks: { key: 'id' },
};

export const REPLICATED_TABLES = Object.keys(REPLICATED);

/**
 * Columns every write touches (who and when, the optimistic version): they
 * follow the last writer like any field, but two devices both bumping them is
 * not a conflict a person should review.
 */
export const BOOKKEEPING = new Set(['version', 'created_at', 'created_by', 'updated_at', 'updated_by']);

export function replicatedColumns(db: DB, table: string): string[] {
  const spec = REPLICATED[table];
  if (!spec) throw new Error(`not a replicated table: ${table}`);
  const local = new Set(spec.local ?? []);
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name).filter((n) => !local.has(n));
}

const NOW_HLC = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1024`;
/** A change's stamp: fixed-width hex HLC then device id, so text order is (HLC, device) order. */
export const STAMP_SQL = (hlc: string, device: string) => `printf('%016x', ${hlc}) || ':' || ${device}`;
export const stampOf = (hlc: number, device: string) => `${hlc.toString(16).padStart(16, '0')}:${device}`;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A JSON path to one key of a document, quoted: `$."person"."phone"`. */
const pathOf = (...keys: string[]) => `'$.' || ${keys.map((k) => `'"' || ${k} || '"'`).join(` || '.' || `)}`;

/**
 * The changed fields of a JSON column as (k, v) rows: `col.key` for a top-level
 * key whose value is not an object on both sides (a string, an array, an object
 * added or removed), `col.key.subkey` inside objects present on both sides. v is
 * the new value's JSON text, NULL when the key was removed.
 */
function jsonChanges(col: string): string {
  const o = `OLD.${col}`;
  const n = `NEW.${col}`;
  const p1 = pathOf('t.key');
  const p2 = pathOf('t.a', 't.b');
  const bothObjects = (p: string) => `coalesce(json_type(${o}, ${p}) = 'object' AND json_type(${n}, ${p}) = 'object', 0)`;
  return `SELECT ${q(col + '.')} || t.key AS k, '' || (${n} -> (${p1})) AS v
      FROM (SELECT key FROM json_each(${o}) UNION SELECT key FROM json_each(${n})) t
      WHERE ${o} IS NOT ${n} AND NOT ${bothObjects(p1)} AND (${o} -> (${p1})) IS NOT (${n} -> (${p1}))
    UNION ALL
    SELECT ${q(col + '.')} || t.a || '.' || t.b, '' || (${n} -> (${p2}))
      FROM (SELECT x.key AS a, u.key AS b FROM json_each(${o}) x, json_each(x.value) u
              WHERE ${o} IS NOT ${n} AND x.type = 'object' AND json_type(${n}, ${pathOf('x.key')}) = 'object'
            UNION
            SELECT x.key, u.key FROM json_each(${n}) x, json_each(x.value) u
              WHERE ${o} IS NOT ${n} AND x.type = 'object' AND json_type(${o}, ${pathOf('x.key')}) = 'object') t
      WHERE (${o} -> (${p2})) IS NOT (${n} -> (${p2}))`;
}

/**
 * SQL true when field paths a and b are the same field or one holds the
 * other (`data` holds `data.person`, which holds `data.person.phone`).
 */
const related = (a: string, b: string) =>
  `(${a} = ${b} OR substr(${a}, 1, length(${b}) + 1) = ${b} || '.' OR substr(${b}, 1, length(${a}) + 1) = ${a} || '.')`;

function triggersFor(table: string, cols: readonly string[], spec: TableSpec): string {
  const key = spec.key;
  const json = new Set(spec.json ?? []);
  const quiet = `(SELECT applying FROM exchange_state) = 0`;
  const tick = `UPDATE exchange_state SET seq = seq + 1, hlc = max(hlc + 1, ${NOW_HLC});`;
  const all = `json_object(${cols.map((c) => `${q(c)}, NEW.${c}`).join(', ')})`;
  const changed = [
    ...cols.filter((c) => c !== key && !json.has(c)).map((c) => `SELECT ${q(c)} AS k, NEW.${c} AS v WHERE OLD.${c} IS NOT NEW.${c}`),
    ...[...json].map(jsonChanges),
  ];
  const anyChanged = cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const stamp = STAMP_SQL('s.hlc', 's.device_id');
  // The change just written: its fields are computed once, then read back for prev and the row's clock.
  const current = `(SELECT device_id FROM exchange_state) AND seq = (SELECT seq FROM exchange_state)`;
  const fieldsNow = `json_each((SELECT fields FROM changes WHERE device_id = ${current}))`;
  return `
    CREATE TRIGGER xchg_${table}_insert AFTER INSERT ON ${table} WHEN ${quiet}
    BEGIN
      ${tick}
      INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev)
        SELECT device_id, seq, hlc, ${q(table)}, NEW.${key}, 'insert', ${all}, '{}' FROM exchange_state;
    END;
    CREATE TRIGGER xchg_${table}_update AFTER UPDATE ON ${table} WHEN ${quiet} AND (${anyChanged})
    BEGIN
      ${tick}
      INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev)
        SELECT s.device_id, s.seq, s.hlc, ${q(table)}, NEW.${key}, 'update',
          (SELECT json_group_object(k, v) FROM (${changed.join(' UNION ALL ')})), '{}'
        FROM exchange_state s;
      INSERT OR IGNORE INTO row_clock(entity, row_id, base, stamps) VALUES (${q(table)}, NEW.${key}, '', '{}');
      -- A row gets a clock at its first update: until then its only write is the insert, which every
      -- later writer has seen (it wrote on top of it), so no clock is needed to tell concurrent writes apart.
      -- prev: per changed field, the stamp of the latest write this device had seen to it, to a field
      -- holding it or to one inside it (see seenStamp in changes.ts: the two must agree).
      UPDATE changes SET prev = (
          SELECT coalesce(json_group_object(f.key,
              (SELECT coalesce(max(j.value), '') FROM json_each(rc.stamps) j WHERE ${related('j.key', 'f.key')})), '{}')
          FROM ${fieldsNow} f, row_clock rc WHERE rc.entity = ${q(table)} AND rc.row_id = NEW.${key})
        WHERE device_id = ${current};
      UPDATE row_clock SET stamps = (
          SELECT json_group_object(key, value) FROM (
            SELECT key, value FROM json_each(row_clock.stamps)
            WHERE key NOT IN (SELECT f.key FROM ${fieldsNow} f)
            UNION ALL
            SELECT f.key, ${stamp} FROM ${fieldsNow} f, exchange_state s))
        WHERE entity = ${q(table)} AND row_id = NEW.${key};
    END;
    CREATE TRIGGER xchg_${table}_delete AFTER DELETE ON ${table} WHEN ${quiet}
    BEGIN
      ${tick}
      INSERT INTO changes(device_id, seq, hlc, entity, row_id, op, fields, prev)
        SELECT device_id, seq, hlc, ${q(table)}, OLD.${key}, 'delete', '{}', '{}' FROM exchange_state;
      INSERT OR REPLACE INTO tombstones(entity, row_id, stamp) SELECT ${q(table)}, OLD.${key}, ${stamp} FROM exchange_state s;
      DELETE FROM row_clock WHERE entity = ${q(table)} AND row_id = OLD.${key};
    END;`;
}

/**
 * (Re)creates the recording triggers from the tables' current columns. A
 * later migration that adds a column to a replicated table calls this again
 * (a unit test fails until it does, see tests/integration/exchange).
 */
export function installChangeTriggers(db: DB): void {
  for (const table of REPLICATED_TABLES) {
    for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS xchg_${table}_${kind}`);
    const cols = replicatedColumns(db, table);
    // A table a later migration creates (eoir_checks, 0012): that migration installs the triggers again.
    if (cols.length === 0) continue;
    db.exec(triggersFor(table, cols, REPLICATED[table]!));
  }
}

export const EXCHANGE_TABLES_SQL = `
  -- This device: its id (fixed at migration, kept when it joins a clinic), its
  -- last sequence number and hybrid logical clock, and whether an import is applying.
  CREATE TABLE exchange_state (
    one        INTEGER PRIMARY KEY CHECK (one = 1),
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    hlc        INTEGER NOT NULL DEFAULT 0,
    applying   INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  INSERT INTO exchange_state(one, device_id) VALUES (1,
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
          substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));

  -- Every change made here or received, once: (device, seq) names it everywhere. A rowid table:
  -- its rows hold whole records (kilobytes), too big for a WITHOUT ROWID b-tree's cells.
  -- Migration 0018 rebuilds it as CHANGES_TABLE_SQL (the same columns, a cheaper op rule).
  CREATE TABLE changes (
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    hlc        INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    -- JSON {column: value}: every column of an insert, the changed ones of an update.
    fields     TEXT NOT NULL,
    -- JSON {column: stamp}: the stamp each changed field had when it was overwritten (conflict detection).
    prev       TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
  ) STRICT;

  -- The stamp of the winning write of each field of each live row: base for all
  -- fields, stamps for fields written after the row was created.
  CREATE TABLE row_clock (
    entity  TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    base    TEXT NOT NULL,
    stamps  TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (entity, row_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE tombstones (
    entity  TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    stamp   TEXT NOT NULL,
    PRIMARY KEY (entity, row_id)
  ) STRICT, WITHOUT ROWID;

  -- This vault's place in a clinic. Every key lives here, inside the encrypted database.
  CREATE TABLE clinic_self (
    one            INTEGER PRIMARY KEY CHECK (one = 1),
    -- JSON: this device's Ed25519 and X25519 pairs (made with its first join request or at clinic init)
    device_keys    TEXT NOT NULL,
    clinic_id      TEXT,
    role           TEXT CHECK (role IN ('lead', 'member', 'field')),
    clinic_sign_pub TEXT,
    -- lead only
    clinic_sign_priv TEXT,
    clinic_seal_pub TEXT,
    -- lead and members only
    clinic_seal_priv TEXT,
    -- JSON certificate and its signature by the clinic
    cert           TEXT,
    joined_at      TEXT
  ) STRICT;

  -- Clinic data keys by epoch; a revocation adds a new epoch.
  CREATE TABLE clinic_keys (
    epoch       INTEGER PRIMARY KEY,
    key         BLOB NOT NULL,
    created_at  TEXT NOT NULL
  ) STRICT;

  -- Devices of the clinic this vault knows, from approvals and from bundle headers.
  CREATE TABLE clinic_devices (
    device_id   TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('lead', 'member', 'field')),
    sign_pub    TEXT NOT NULL,
    box_pub     TEXT NOT NULL,
    label       TEXT,
    expires     TEXT,
    cert        TEXT NOT NULL,
    revoked_at  TEXT,
    -- the clinic-signed revocation, relayed in bundle headers
    revocation  TEXT
  ) STRICT;

  -- What each peer has told us it holds (device -> last seq), from its bundle headers.
  CREATE TABLE peer_seen (
    peer       TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (peer, device_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE imported_bundles (
    bundle_id    TEXT PRIMARY KEY,
    from_device  TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    applied      INTEGER NOT NULL
  ) STRICT;

  -- Two devices wrote one field without seeing each other's write: both values, for a person to choose.
  CREATE TABLE conflicts (
    id            TEXT PRIMARY KEY,
    entity        TEXT NOT NULL,
    row_id        TEXT NOT NULL,
    field         TEXT NOT NULL,
    kept_value    TEXT,
    kept_stamp    TEXT NOT NULL,
    other_value   TEXT,
    other_stamp   TEXT NOT NULL,
    detected_at   TEXT NOT NULL,
    resolved_at   TEXT
  ) STRICT;
  CREATE INDEX conflicts_open ON conflicts(entity, row_id) WHERE resolved_at IS NULL;

  -- Field devices: each saved intake sealed to the clinic's public key, until delivered.
  CREATE TABLE sealed_intakes (
    id          TEXT PRIMARY KEY,
    sealed      BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    delivered   INTEGER NOT NULL DEFAULT 0
  ) STRICT;
`;

/**
 * The change log's table as migration 0018 rebuilds it: the columns and key of
 * 0007's, with the op rule written as comparisons. SQLite evaluates a CHECK's
 * `op IN ('insert', 'update', 'delete')` by building a temporary b-tree of the
 * three words for every row it inserts (EXPLAIN shows an OpenEphemeral in the
 * trigger program), a cost every recorded write paid for a constant list.
 */
export const CHANGES_TABLE_SQL = (name: string) => `
  CREATE TABLE ${name} (
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    hlc        INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),
    -- JSON {column: value}: every column of an insert, the changed ones of an update.
    fields     TEXT NOT NULL,
    -- JSON {column: stamp}: the stamp each changed field had when it was overwritten (conflict detection).
    prev       TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
  ) STRICT;`;
