/**
 * The declared-closures dataset that ships in resources/closures/. It is part
 * of the build: tests/unit/deadlines/rules-data.test.ts checks every shipped
 * file against the schema, so it is read here without zod, which keeps zod out
 * of the CLI's `deadline` start. Imported files (untrusted) are always parsed
 * with the schema (closures.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { sortedClosures, type ClosuresDataset } from '../../../shared/deadlines/closures';

let shippedCache: { dir: string; dataset: ClosuresDataset } | null = null;

// Resolved once: every deadline computation asks for the shipped dataset by this path.
const DEFAULT_DIR = fileURLToPath(new URL('../../../resources/closures/', import.meta.url));

export function defaultClosuresDir(): string {
  return DEFAULT_DIR;
}

/** The shipped dataset with the latest as-of date among resources/closures/*.json. */
export function shippedClosures(dir = defaultClosuresDir()): ClosuresDataset {
  if (shippedCache?.dir === dir) return shippedCache.dataset;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const sets = files.map((f) => sortedClosures(JSON.parse(readFileSync(join(dir, f), 'utf8')) as ClosuresDataset));
  const best = sets.sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
  if (!best) throw new AppError('NOT_FOUND', 'No closures dataset ships with this build.');
  shippedCache = { dir, dataset: best };
  return best;
}
