/**
 * Declared federal closures (executive orders) for every computation.
 *
 * - The active dataset is the shipped file in resources/closures/ or the one
 *   imported into the vault (meta 'closures.dataset'), whichever has the
 *   later as-of date; an import older than the active one is refused, as for TPS.
 * - An import is validated, previewed (closures added and removed) and then
 *   applied: stored and, in the same transaction, every event with an open
 *   deadline is recomputed, so rules counted under FRAP 26(a)(6)(B) roll over
 *   a new closure and the others flag it.
 */
import {
  diffClosures,
  parseClosuresDataset,
  type ClosuresDataset,
  type ClosuresImportPreview,
  type ClosuresImportResult,
  type ClosuresStatusView,
  type DeclaredClosure,
} from '../../../shared/deadlines';
import type { Ctx } from '../context';
import { parseDatasetFile, refuseOlderDataset, storedDatasetReader } from '../dataset-file';
import { shippedClosures } from './shipped-closures';

export { defaultClosuresDir, shippedClosures } from './shipped-closures';
import { audit } from '../audit';

const KEY = 'closures.dataset';

interface Active {
  dataset: ClosuresDataset;
  source: 'shipped' | 'imported';
  importedAt: string | null;
  importedBy: string | null;
}

const stored = storedDatasetReader(KEY, parseClosuresDataset);

export function activeClosures(ctx: Ctx): Active {
  const shipped = shippedClosures();
  const imported = stored(ctx);
  if (!imported || imported.data.asOf < shipped.asOf) return { dataset: shipped, source: 'shipped', importedAt: null, importedBy: null };
  return { dataset: imported.data, source: 'imported', importedAt: imported.importedAt, importedBy: imported.importedBy };
}

/** What every computation in this vault passes to the engine as `declared`. */
export function declaredClosures(ctx: Ctx): readonly DeclaredClosure[] {
  return activeClosures(ctx).dataset.closures;
}

export function closuresStatus(ctx: Ctx): ClosuresStatusView {
  const a = activeClosures(ctx);
  return {
    asOf: a.dataset.asOf,
    source: a.source,
    sourceNote: a.dataset.source,
    importedAt: a.importedAt,
    importedBy: a.importedBy,
    closures: a.dataset.closures,
  };
}

const FILE = 'closures file';
const parseImport = (json: string): ClosuresDataset => parseDatasetFile(json, FILE, parseClosuresDataset);

/** Validates a file and says which closures it adds and removes, writing nothing. */
export function previewClosuresImport(ctx: Ctx, json: string): ClosuresImportPreview {
  const next = parseImport(json);
  const active = activeClosures(ctx).dataset;
  refuseOlderDataset(next, active, FILE);
  return { asOf: next.asOf, currentAsOf: active.asOf, closures: next.closures.length, ...diffClosures(active, next) };
}

/**
 * Stores the file and recomputes the deadlines that depend on it, in one
 * transaction: a failure leaves the previous dataset and every deadline as they were.
 * `recompute` is the events service's closure recompute (passed in to keep this module free of it).
 */
export function applyClosuresImport(ctx: Ctx, json: string, recompute: (ctx: Ctx) => number): ClosuresImportResult {
  const next = parseImport(json);
  refuseOlderDataset(next, activeClosures(ctx).dataset, FILE);
  const value = JSON.stringify({ data: next, importedAt: ctx.now(), importedBy: ctx.actor });
  const recomputed = ctx.db.transaction(() => {
    ctx.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, value);
    const n = recompute(ctx);
    audit(ctx, 'closures.import', 'meta', KEY, { asOf: next.asOf, closures: next.closures.length, recomputed: n });
    return n;
  })();
  return { asOf: next.asOf, recomputed };
}
