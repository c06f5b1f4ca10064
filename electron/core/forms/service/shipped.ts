/**
 * The field maps Amparo ships (resources/forms/<form>/<edition>.json), and
 * which of them fits a blank: the same file (sha256), or the nearest edition
 * by field names, with what differs.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FieldMap } from '../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../shared/forms/types';
import type { TemplateMatch } from '../../../../shared/views';
import { compareEdition } from '../edition';
import { defaultResourcesDir, loadFieldMap } from '../resources';

/** Share of field names two blanks must have in common to count as editions of one form. */
export const MIN_OVERLAP = 0.5;

const cache = new Map<string, Promise<FieldMap[]>>();

/** Every shipped map, newest edition first within a form. Read once per process. */
export function shippedMaps(resourcesDir = defaultResourcesDir()): Promise<FieldMap[]> {
  let maps = cache.get(resourcesDir);
  if (!maps) {
    maps = readShipped(resourcesDir);
    cache.set(resourcesDir, maps);
    maps.catch(() => cache.delete(resourcesDir));
  }
  return maps;
}

async function readShipped(resourcesDir: string): Promise<FieldMap[]> {
  const root = join(resourcesDir, 'forms');
  const out: FieldMap[] = [];
  let forms: string[];
  try {
    forms = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  for (const form of forms.sort()) {
    const editions = (await readdir(join(root, form))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    for (const edition of editions.sort().reverse()) out.push(await loadFieldMap(form, edition, resourcesDir));
  }
  return out;
}

export interface MapMatch {
  map: FieldMap;
  match: TemplateMatch;
}

/** The shipped map for this blank: by sha256 first, else the best field-name overlap (at least MIN_OVERLAP). */
export function detectMap(maps: readonly FieldMap[], fields: readonly FieldInfo[], sha256: string): MapMatch | null {
  const names = fields.map((f) => f.name);
  const exact = maps.find((m) => m.blankSha256 === sha256);
  const nameSet = new Set(names);
  let best: { map: FieldMap; score: number } | undefined;
  if (!exact) {
    for (const map of maps) {
      const common = map.blankFields.filter((n) => nameSet.has(n)).length;
      const score = common / Math.max(map.blankFields.length, names.length);
      if (score >= MIN_OVERLAP && (!best || score > best.score)) best = { map, score };
    }
  }
  const map = exact ?? best?.map;
  if (!map) return null;
  const report = compareEdition(map, names, sha256);
  const match: TemplateMatch = {
    form: map.form,
    edition: map.edition,
    exact: report.shaMatches,
    missing: report.missing,
    added: report.added,
  };
  if (map.title !== undefined) match.title = map.title;
  return { map, match };
}

/** The shipped map to fill `form` with: the edition whose sha256 is this blank's, else the newest. */
export async function shippedMapFor(form: string, sha256: string, resourcesDir?: string): Promise<FieldMap | undefined> {
  const maps = (await shippedMaps(resourcesDir)).filter((m) => m.form === form);
  return maps.find((m) => m.blankSha256 === sha256) ?? maps[0];
}
