/**
 * The TPS dataset file. It ships in resources/tps/ and can be replaced by an
 * imported file without a new release, so everything in it is checked here
 * and a bad file is refused with the entry and field that are wrong.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isValidDate } from '../deadlines/dates';

const isoDate = z.string().refine(isValidDate, { message: 'not a real date (expected YYYY-MM-DD)' });
const text = z.string().trim().min(1);

/**
 * A text of the dataset in English and Spanish: `{ "en": "…", "es": "…" }`.
 * A plain string (files made before Spanish was added) or `{ "en": "…" }`
 * alone is English only: Spanish screens then show the English text with a
 * note saying so (tpsText), never a blank.
 */
const bilingual = z.union([text, z.object({ en: text, es: text.optional() }).strict()]);
export type TpsText = z.infer<typeof bilingual>;

/** The text for one language; `fallback` when Spanish was asked for and the file has only English. */
export function tpsText(value: TpsText, lang: 'en' | 'es'): { text: string; fallback: boolean } {
  if (typeof value === 'string') return { text: value, fallback: lang === 'es' };
  if (lang === 'es' && value.es) return { text: value.es, fallback: false };
  return { text: value.en, fallback: lang === 'es' };
}

export const TPS_STATUSES = [
  'designated',
  'extended',
  /** Extended by operation of law because no decision came 60 days before expiry (8 U.S.C. 1254a(b)(3)(C)). */
  'auto-extended',
  'termination-announced',
  'terminated',
  'terminated-stayed',
  'litigation',
] as const;

export type TpsStatus = (typeof TPS_STATUSES)[number];

/** ISO 3166 alpha-2 ('SV'), or alpha-2 plus a designation year when a country has two ('VE-2021'). */
const countryId = z.string().regex(/^[A-Z]{2}(-\d{4})?$/, { message: "expected a country code like 'SV' or 'VE-2021'" });

export const tpsCountrySchema = z
  .object({
    country: countryId,
    name: z.object({ en: text, es: text }).strict(),
    designation: text.optional(),
    status: z.enum(TPS_STATUSES),
    latestAction: bilingual,
    /** The Federal Register citation; null when the research found none, which the UI must show. */
    citation: text.nullable(),
    effectiveDate: isoDate.optional(),
    endDate: isoDate.optional(),
    reRegistration: z
      .object({ start: isoDate, end: isoDate })
      .strict()
      .refine((r) => r.start <= r.end, { message: 'start must not be after end' })
      .optional(),
    eadAutoExtendedTo: isoDate.optional(),
    litigation: bilingual.optional(),
    verify: z.boolean(),
    notes: bilingual.optional(),
  })
  .strict();

export const tpsDatasetSchema = z
  .object({
    format: z.literal('amparo-tps'),
    version: z.literal(1),
    asOf: isoDate,
    source: bilingual,
    countries: z.array(tpsCountrySchema).min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.countries.forEach((c, i) => {
      if (seen.has(c.country)) {
        ctx.addIssue({ code: 'custom', path: ['countries', i, 'country'], message: `duplicate country '${c.country}'` });
      }
      seen.add(c.country);
    });
  });

export type TpsCountry = z.infer<typeof tpsCountrySchema>;
export type TpsDataset = z.infer<typeof tpsDatasetSchema>;

export function parseTpsDataset(json: unknown): TpsDataset {
  const parsed = tpsDatasetSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => ({
    path: describePath(issue.path, json),
    message: issue.message,
  }));
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new AppError('INVALID_INPUT', `TPS dataset is not valid: ${summary}`, { issues: problems });
}

/** "countries[3] (HT).endDate": the entry's own id makes the message findable in the file. */
function describePath(path: readonly PropertyKey[], json: unknown): string {
  if (path.length === 0) return '(file)';
  const [first, index, ...rest] = path;
  if (first !== 'countries' || typeof index !== 'number') return path.map(String).join('.');
  const entry = countryAt(json, index);
  const head = `countries[${index}]${entry ? ` (${entry})` : ''}`;
  return rest.length ? `${head}.${rest.map(String).join('.')}` : head;
}

function countryAt(json: unknown, index: number): string | undefined {
  const countries = (json as { countries?: unknown } | null)?.countries;
  if (!Array.isArray(countries)) return undefined;
  const id = (countries[index] as { country?: unknown } | undefined)?.country;
  return typeof id === 'string' ? id.slice(0, 12) : undefined;
}
