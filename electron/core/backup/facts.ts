/**
 * What a backup's header says about its database (vault id, schema version,
 * row counts per table), read through a connection: the live vault's inside
 * the snapshot's read transaction, or a checked copy's. Table names only,
 * never client data.
 */
import type { DB } from '../db/connection';

export interface Facts {
  vaultId: string | null;
  schemaVersion: number;
  tables: Record<string, number>;
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row counts of every table of an attached (or main) schema, by name. */
export function countRows(db: DB, schema: string): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM ${quoteId(schema)}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const n of names) {
    counts[n] = db
      .prepare(`SELECT count(*) FROM ${quoteId(schema)}.${quoteId(n)}`)
      .pluck()
      .get() as number;
  }
  return counts;
}

export function readFacts(db: DB, schema: string): Facts {
  const vaultId = db
    .prepare(`SELECT value FROM ${quoteId(schema)}.meta WHERE key = 'vault_id'`)
    .pluck()
    .get() as string | undefined;
  const schemaVersion = db.pragma(`${quoteId(schema)}.user_version`, { simple: true }) as number;
  return { vaultId: vaultId ?? null, schemaVersion, tables: countRows(db, schema) };
}

export const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
