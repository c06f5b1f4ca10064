import { z } from 'zod';

/**
 * Building blocks for the intake schemas. Every string is trimmed and
 * NFC-normalised once, here, so what is validated is exactly what is stored,
 * and every string has a ceiling so a hostile multi-megabyte value is refused
 * at the boundary. Errors carry message keys, never English, for the i18n layer.
 */

export type Parsed<T> = { value: T } | { error: string };

// Single-line fields refuse control characters: they break CSV export, PDF
// fields and on-screen rendering, and no real name contains them.
const CONTROL_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
// Multi-line notes keep tab and newlines.
const CONTROL_MULTI_LINE = /(?![\t\n\r])\p{Cc}/u;

/** Cheap length check before the costlier trim/normalise on oversized input. */
const rawCeiling = (max: number) => max * 4 + 64;

export interface TextOptions {
  multiline?: boolean;
}

/** A string that may be empty (''), trimmed and NFC-normalised. */
export function text(max: number, options: TextOptions = {}) {
  const control = options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
  return z
    .string({ error: 'text.invalid' })
    .max(rawCeiling(max), { error: 'text.tooLong', abort: true })
    .trim()
    .normalize('NFC')
    .max(max, { error: 'text.tooLong' })
    .refine((s) => !control.test(s), { error: 'text.invalidCharacters' });
}

/** A string that must not be blank after trimming. */
export function requiredText(max: number, options: TextOptions = {}) {
  return text(max, options).refine((s) => s.length > 0, { error: 'text.required' });
}

/** Blank, null or missing all become undefined, so forms and IPC agree. */
export function optionalText(max: number, options: TextOptions = {}) {
  return text(max, options)
    .nullish()
    .transform((s) => (s ? s : undefined));
}

function pushError(ctx: z.core.$RefinementCtx<unknown>, message: string, input: unknown) {
  ctx.issues.push({ code: 'custom', message, input });
}

/** A string turned into a value by `parse`; `maxLength` bounds the raw input. */
export function parsedString<T>(parse: (s: string) => Parsed<T>, error: string, maxLength = 64) {
  return z
    .string({ error })
    .max(maxLength, { error, abort: true })
    .transform((s, ctx): T => {
      const result = parse(s);
      if ('error' in result) {
        pushError(ctx, result.error, s);
        return z.NEVER;
      }
      return result.value;
    });
}

/** As parsedString, but blank, null or missing become undefined. */
export function optionalParsedString<T>(parse: (s: string) => Parsed<T>, error: string, maxLength = 64) {
  return z
    .string({ error })
    .max(maxLength, { error, abort: true })
    .nullish()
    .transform((s, ctx): T | undefined => {
      if (s == null || s.trim() === '') return undefined;
      const result = parse(s);
      if ('error' in result) {
        pushError(ctx, result.error, s);
        return z.NEVER;
      }
      return result.value;
    });
}

/** A select whose blank option means "not answered". */
export function optionalChoice<const T extends readonly string[]>(values: T) {
  const allowed = new Set<string>(values);
  return optionalParsedString(
    (s): Parsed<T[number]> => {
      const v = s.trim();
      return allowed.has(v) ? { value: v as T[number] } : { error: 'option.invalid' };
    },
    'option.invalid',
    100,
  );
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: 'option.invalid' });
}

/** Lists typed into repeating inputs: blank rows are dropped, not rejected. */
export function textList(itemMax: number, maxItems: number) {
  return z
    .array(text(itemMax), { error: 'list.invalid' })
    .max(maxItems, { error: 'list.tooLong' })
    .default([])
    .transform((items) => items.filter((s) => s.length > 0));
}

/** Checkbox answers: absent means no. */
export const flag = () => z.boolean({ error: 'option.invalid' }).default(false);

/**
 * Collapses a sub-form whose fields are all blank to undefined, and otherwise
 * requires `required` fields, so an untouched optional address passes while a
 * half-filled one is flagged at the missing field.
 */
export function optionalGroup<S extends z.ZodRawShape, const K extends keyof z.output<z.ZodObject<S>> & string>(
  shape: S,
  required: readonly K[],
) {
  type Out = z.output<z.ZodObject<S>>;
  type Filled = Omit<Out, K> & { [P in K]-?: NonNullable<Out[P]> };
  return z
    .object(shape)
    .nullish()
    .transform((group, ctx): Filled | undefined => {
      if (!group || Object.values(group).every((v) => v === undefined)) return undefined;
      for (const key of required) {
        if (group[key] === undefined) {
          ctx.issues.push({ code: 'custom', message: 'text.required', path: [key], input: group });
        }
      }
      return group as Filled;
    });
}
