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
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(text);
  if (!s) byText.set(text, (s = db.prepare(text)));
  return s;
}
