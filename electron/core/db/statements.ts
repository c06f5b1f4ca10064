import type Database from 'better-sqlite3-multiple-ciphers';
import type { DB } from './connection';

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection. Bulk paths (CSV
 * import, a million-person bench vault) write the same few statements
 * millions of times, and compiling each one again per row cost more than
 * the write itself. Only for statements run with run/get/all: an iterating
 * statement is busy until its loop ends, so it cannot be shared.
 */
export function sql(db: DB, text: string): Database.Statement {
  return cached(db, text, false);
}

/**
 * The same, answering rows as arrays in column order. Hot reads of thousands
 * of rows (the docket) take half the time this way: building an object with
 * named keys per row was what the driver spent its time on.
 */
export function sqlArrays(db: DB, text: string): Database.Statement {
  return cached(db, text, true);
}

function cached(db: DB, text: string, raw: boolean): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  const key = raw ? `arrays:${text}` : text;
  let s = byText.get(key);
  if (!s) byText.set(key, (s = raw ? db.prepare(text).raw(true) : db.prepare(text)));
  return s;
}
