/**
 * Shared steps for the datasets a lead imports from a file (TPS designations,
 * court closures, detention facilities): each is JSON checked by its own
 * schema, and a file older than the one in use is refused, so an old download
 * cannot silently roll the clinic's data back.
 */
import { AppError } from '../../shared/errors';
import type { Ctx } from './context';
import { sql } from './db/statements';

/** `file` names the file as people know it, e.g. "TPS file". */
export function parseDatasetFile<T>(json: string, file: string, parse: (raw: unknown) => T): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('INVALID_INPUT', `The ${file} is not valid JSON.`);
  }
  return parse(raw);
}

export function refuseOlderDataset(next: { asOf: string }, current: { asOf: string }, file: string): void {
  if (next.asOf < current.asOf) {
    throw new AppError('INVALID_INPUT', `This ${file} is as of ${next.asOf}, older than the one in use (${current.asOf}).`, {
      asOf: next.asOf,
      currentAsOf: current.asOf,
    });
  }
}

/** An imported dataset as the vault keeps it (JSON in the meta table under its key). */
export interface StoredDataset<T> {
  data: T;
  importedAt: string;
  importedBy: string;
}

/**
 * Reads the imported dataset stored under `key`, or null when none was
 * imported. The parse is cached against the stored text, since every
 * computation reads it and the text changes only on import.
 */
export function storedDatasetReader<T>(key: string, parse: (raw: unknown) => T): (ctx: Ctx) => StoredDataset<T> | null {
  let cache: { text: string; stored: StoredDataset<T> } | null = null;
  return (ctx) => {
    const row = sql(ctx.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return null;
    if (cache?.text === row.value) return cache.stored;
    const raw = JSON.parse(row.value) as { data: unknown; importedAt: string; importedBy: string };
    const value = { data: parse(raw.data), importedAt: raw.importedAt, importedBy: raw.importedBy };
    cache = { text: row.value, stored: value };
    return value;
  };
}
