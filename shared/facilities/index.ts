/**
 * The detention facility list (issue 14 §3): ICE's public list as data, with
 * the immigration court (or administrative control court) that hears each
 * facility's detained docket. The shipped file is in resources/facilities/;
 * a clinic imports a newer one like the TPS dataset. A bad file is refused
 * with the entry and field that are wrong.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isValidDate } from '../deadlines/dates';
import { foldForSearch } from '../intake/normalize';

const text = (max: number) => z.string().trim().min(1).max(max);
const localized = z.object({ en: text(4000), es: text(4000) }).strict();

export const FACILITY_TYPES = ['SPC', 'CDF', 'IGSA', 'DIGSA', 'USMS', 'BOP', 'FRC', 'hold', 'other'] as const;

export const facilitySchema = z
  .object({
    /** Stable across datasets: a person's stay keeps it. */
    id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'lowercase letters, digits and hyphens'),
    name: text(200),
    /** Former or informal names, matched by the autocomplete. */
    aliases: z.array(text(200)).max(10).default([]),
    address: z
      .object({
        street: text(200),
        city: text(100),
        state: z.string().regex(/^[A-Z]{2}$/),
        zip: z
          .string()
          .regex(/^\d{5}$/)
          .optional(),
      })
      .strict(),
    /** ICE ERO field office (area of responsibility); null when the source did not say. */
    fieldOffice: text(100).nullable(),
    type: z.enum(FACILITY_TYPES).nullable(),
    /** The court that hears the detained docket, or the administrative control court where filings go. */
    court: z
      .object({ name: text(200), role: z.enum(['hearing', 'administrative-control']) })
      .strict()
      .nullable(),
    /** Where this entry's facts come from. */
    source: text(500),
    /** Some field could not be confirmed from the source. */
    verify: z.boolean(),
  })
  .strict();

export const facilitiesDatasetSchema = z
  .object({
    format: z.literal('amparo-facilities'),
    version: z.literal(1),
    asOf: z.string().refine(isValidDate, { message: 'not a real date (expected YYYY-MM-DD)' }),
    source: localized,
    /** The list is known to be incomplete. */
    partial: z.boolean(),
    facilities: z.array(facilitySchema).min(1).max(5000),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.facilities.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['facilities', i, 'id'], message: `duplicate id '${f.id}'` });
      seen.add(f.id);
    });
  });

export type Facility = z.output<typeof facilitySchema>;
export type FacilitiesDataset = z.output<typeof facilitiesDatasetSchema>;

export function parseFacilitiesDataset(json: unknown): FacilitiesDataset {
  const parsed = facilitiesDatasetSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => {
    const [first, index, ...rest] = issue.path;
    const list = (json as { facilities?: unknown } | null)?.facilities;
    const name =
      first === 'facilities' && typeof index === 'number' && Array.isArray(list) ? (list[index] as { name?: unknown })?.name : undefined;
    const head =
      first === 'facilities' && typeof index === 'number'
        ? `facilities[${index}]${typeof name === 'string' ? ` (${name.slice(0, 60)})` : ''}`
        : '';
    const path = head ? [head, ...rest.map(String)].join('.') : issue.path.map(String).join('.') || '(file)';
    return { path, message: issue.message };
  });
  throw new AppError('INVALID_INPUT', `Facility list is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, {
    issues: problems,
  });
}

/** What the UI and the CLI show of the active list. */
export interface FacilitiesStatusView {
  asOf: string;
  source: 'shipped' | 'imported';
  sourceNote: { en: string; es: string };
  partial: boolean;
  count: number;
  fieldOffices: string[];
  importedAt: string | null;
  importedBy: string | null;
}

export interface FacilitiesImportPreview {
  asOf: string;
  currentAsOf: string;
  count: number;
  added: string[];
  removed: string[];
  changed: string[];
}

/** Each list's names folded once (the shipped list has ~200 entries and the box asks on every keystroke). */
const foldedLists = new WeakMap<readonly Facility[], Array<{ hay: string; name: string }>>();
function foldedOf(list: readonly Facility[]): Array<{ hay: string; name: string }> {
  let folded = foldedLists.get(list);
  if (!folded) {
    folded = list.map((f) => ({ hay: foldForSearch([f.name, ...f.aliases, f.address.city].join(' ')), name: foldForSearch(f.name) }));
    foldedLists.set(list, folded);
  }
  return folded;
}

/**
 * Facilities whose name, aliases or city match every word typed (accents and
 * case folded), names starting with the words first. For the autocomplete.
 */
export function matchFacilities(list: readonly Facility[], query: string, limit = 8): Facility[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const folded = foldedOf(list);
  const scored: Array<{ f: Facility; score: number }> = [];
  list.forEach((f, i) => {
    const { hay, name } = folded[i]!;
    if (!words.every((w) => hay.includes(w))) return;
    scored.push({ f, score: name.startsWith(words[0]!) ? 0 : name.includes(words[0]!) ? 1 : 2 });
  });
  scored.sort((a, b) => a.score - b.score || a.f.name.localeCompare(b.f.name));
  return scored.slice(0, limit).map((s) => s.f);
}

/** The listed facility a typed name is (by name or alias, folded), if any. */
export function facilityNamed(list: readonly Facility[], typed: string): Facility | undefined {
  const t = foldForSearch(typed).trim();
  return list.find((f) => [f.name, ...f.aliases].some((n) => foldForSearch(n) === t));
}
