/**
 * The schema an imported closures dataset must pass (shared/deadlines/closures.ts
 * has the types and why the two live apart). A bad file is refused with the
 * entry and field that are wrong.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isValidDate } from './dates';
import { sortedClosures, type ClosuresDataset, type DeclaredClosure } from './closures';

const isoDate = z.string().refine(isValidDate, { message: 'not a real date (expected YYYY-MM-DD)' });
const text = z.string().trim().min(1);
const localized = z.object({ en: text, es: text }).strict();

export const declaredClosureSchema: z.ZodType<DeclaredClosure> = z
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

export const closuresDatasetSchema: z.ZodType<ClosuresDataset> = z
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

export function parseClosuresDataset(json: unknown): ClosuresDataset {
  const parsed = closuresDatasetSchema.safeParse(json);
  if (parsed.success) return sortedClosures(parsed.data);
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
