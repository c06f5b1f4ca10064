/**
 * Declared federal closures: days the President closed the executive
 * departments by executive order (Christmas Eve, national days of mourning).
 * They are not legal public holidays under 5 U.S.C. 6103(a), so most rules
 * only flag them; the federal courts of appeals count them as legal holidays
 * (Fed. R. App. P. 26(a)(6)(B): "any day declared a holiday by the
 * President"), so rules counted under FRAP roll over them.
 *
 * The dataset ships in resources/closures/ and can be replaced by an imported
 * file (a new closure is declared a few days ahead, faster than any release),
 * so everything in it is checked here and a bad file is refused with the
 * entry and field that are wrong.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isValidDate } from './dates';
import type { Localized } from './rules';

const isoDate = z.string().refine(isValidDate, { message: 'not a real date (expected YYYY-MM-DD)' });
const text = z.string().trim().min(1);
const localized = z.object({ en: text, es: text }).strict();

export const declaredClosureSchema = z
  .object({
    date: isoDate,
    name: localized,
    /** The executive order, with its Federal Register page when known. */
    citation: text,
    /** The citation could not be confirmed against the Federal Register. */
    verify: z.boolean(),
    notes: localized.optional(),
  })
  .strict();

export const closuresDatasetSchema = z
  .object({
    format: z.literal('amparo-closures'),
    version: z.literal(1),
    asOf: isoDate,
    source: localized,
    closures: z.array(declaredClosureSchema).min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.closures.forEach((c, i) => {
      if (seen.has(c.date)) ctx.addIssue({ code: 'custom', path: ['closures', i, 'date'], message: `duplicate date '${c.date}'` });
      seen.add(c.date);
    });
  });

export type DeclaredClosure = z.infer<typeof declaredClosureSchema>;
export type ClosuresDataset = z.infer<typeof closuresDatasetSchema>;

export function parseClosuresDataset(json: unknown): ClosuresDataset {
  const parsed = closuresDatasetSchema.safeParse(json);
  if (parsed.success) return { ...parsed.data, closures: [...parsed.data.closures].sort((a, b) => (a.date < b.date ? -1 : 1)) };
  const problems = parsed.error.issues.slice(0, 10).map((issue) => ({ path: describePath(issue.path, json), message: issue.message }));
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new AppError('INVALID_INPUT', `Closures dataset is not valid: ${summary}`, { issues: problems });
}

/** "closures[2] (2020-12-24).citation": the entry's own date makes the message findable in the file. */
function describePath(path: readonly PropertyKey[], json: unknown): string {
  if (path.length === 0) return '(file)';
  const [first, index, ...rest] = path;
  if (first !== 'closures' || typeof index !== 'number') return path.map(String).join('.');
  const list = (json as { closures?: unknown } | null)?.closures;
  const date = Array.isArray(list) ? (list[index] as { date?: unknown } | undefined)?.date : undefined;
  const head = `closures[${index}]${typeof date === 'string' ? ` (${date.slice(0, 10)})` : ''}`;
  return rest.length ? `${head}.${rest.map(String).join('.')}` : head;
}

/** How a declared closure is described in a trail. */
export function describeClosure(c: DeclaredClosure): Localized {
  return {
    en: `${c.name.en}, a federal closure declared by executive order (${c.citation}${c.verify ? '; citation not confirmed' : ''})`,
    es: `${c.name.es}, un cierre federal declarado por orden ejecutiva (${c.citation}${c.verify ? '; cita sin confirmar' : ''})`,
  };
}

/** What an import would change: closures added and removed, by date. */
export interface ClosuresImportPreview {
  asOf: string;
  currentAsOf: string;
  closures: number;
  added: DeclaredClosure[];
  removed: DeclaredClosure[];
}

export interface ClosuresStatusView {
  asOf: string;
  source: 'shipped' | 'imported';
  sourceNote: Localized;
  importedAt: string | null;
  importedBy: string | null;
  closures: DeclaredClosure[];
}

export interface ClosuresImportResult {
  asOf: string;
  /** Deadline rows rewritten because a closure they land on or roll over changed. */
  recomputed: number;
}

/** Added and removed closures between two datasets (a changed name or citation counts as both). */
export function diffClosures(before: ClosuresDataset, after: ClosuresDataset): { added: DeclaredClosure[]; removed: DeclaredClosure[] } {
  const key = (c: DeclaredClosure) => JSON.stringify([c.date, c.name, c.citation, c.verify]);
  const old = new Set(before.closures.map(key));
  const neu = new Set(after.closures.map(key));
  return { added: after.closures.filter((c) => !old.has(key(c))), removed: before.closures.filter((c) => !neu.has(key(c))) };
}
