/**
 * The detention facility list in use: the shipped file in resources/facilities/
 * or the one imported into the vault (meta 'facilities.dataset'), whichever has
 * the later as-of date. An import older than the active list is refused, as
 * for TPS and closures. Nothing is recomputed on import: a person's stay keeps
 * the name it was entered with (and the facility id when picked from the list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import {
  matchFacilities,
  parseFacilitiesDataset,
  type FacilitiesDataset,
  type FacilitiesImportPreview,
  type FacilitiesStatusView,
  type Facility,
} from '../../../shared/facilities';
import type { Ctx } from '../context';
import { parseDatasetFile, refuseOlderDataset, storedDatasetReader, type StoredDataset } from '../dataset-file';
import { audit } from '../audit';

const KEY = 'facilities.dataset';

export function defaultFacilitiesDir(): string {
  return fileURLToPath(new URL('../../../resources/facilities/', import.meta.url));
}

let shippedCache: { dir: string; dataset: FacilitiesDataset } | null = null;

/** The shipped list with the latest as-of date (validated with the schema: it is small). */
export function shippedFacilities(dir = defaultFacilitiesDir()): FacilitiesDataset {
  if (shippedCache?.dir === dir) return shippedCache.dataset;
  const sets = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => parseFacilitiesDataset(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const best = sets.sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
  if (!best) throw new AppError('NOT_FOUND', 'No facility list ships with this build.');
  shippedCache = { dir, dataset: best };
  return best;
}

type Stored = StoredDataset<FacilitiesDataset>;

const stored = storedDatasetReader(KEY, parseFacilitiesDataset);

export function activeFacilities(ctx: Ctx): { dataset: FacilitiesDataset; source: 'shipped' | 'imported'; stored: Stored | null } {
  const shipped = shippedFacilities();
  const imported = stored(ctx);
  if (!imported || imported.data.asOf < shipped.asOf) return { dataset: shipped, source: 'shipped', stored: null };
  return { dataset: imported.data, source: 'imported', stored: imported };
}

export function facilitiesStatus(ctx: Ctx): FacilitiesStatusView {
  const a = activeFacilities(ctx);
  return {
    asOf: a.dataset.asOf,
    source: a.source,
    sourceNote: a.dataset.source,
    partial: a.dataset.partial,
    count: a.dataset.facilities.length,
    fieldOffices: fieldOffices(a.dataset.facilities),
    importedAt: a.stored?.importedAt ?? null,
    importedBy: a.stored?.importedBy ?? null,
  };
}

const fieldOffices = (list: readonly Facility[]) =>
  [...new Set(list.map((f) => f.fieldOffice).filter((x): x is string => x !== null))].sort((a, b) => a.localeCompare(b));

/** The autocomplete: up to `limit` facilities matching what was typed; every one for an empty query. */
export function searchFacilities(ctx: Ctx, query: string, limit: number): Facility[] {
  const list = activeFacilities(ctx).dataset.facilities;
  return query.trim() === '' ? list.slice(0, limit) : matchFacilities(list, query, limit);
}

export function facilityById(ctx: Ctx, id: string): Facility | undefined {
  return activeFacilities(ctx).dataset.facilities.find((f) => f.id === id);
}

const FILE = 'facility list file';
const parseImport = (json: string): FacilitiesDataset => parseDatasetFile(json, FILE, parseFacilitiesDataset);

export function previewFacilitiesImport(ctx: Ctx, json: string): FacilitiesImportPreview {
  const next = parseImport(json);
  const active = activeFacilities(ctx).dataset;
  refuseOlderDataset(next, active, FILE);
  const before = new Map(active.facilities.map((f) => [f.id, JSON.stringify(f)]));
  const after = new Map(next.facilities.map((f) => [f.id, JSON.stringify(f)]));
  return {
    asOf: next.asOf,
    currentAsOf: active.asOf,
    count: next.facilities.length,
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
  };
}

export function applyFacilitiesImport(ctx: Ctx, json: string): { asOf: string; count: number } {
  const next = parseImport(json);
  refuseOlderDataset(next, activeFacilities(ctx).dataset, FILE);
  const value = JSON.stringify({ data: next, importedAt: ctx.now(), importedBy: ctx.actor });
  ctx.db.transaction(() => {
    ctx.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, value);
    audit(ctx, 'facilities.import', 'meta', KEY, { asOf: next.asOf, count: next.facilities.length });
  })();
  return { asOf: next.asOf, count: next.facilities.length };
}
