/**
 * Field maps are data: one JSON file per form edition says which FormView
 * path fills which PDF field, and how the value is written. This schema is
 * the one check every map passes before use.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import type { FieldInfo, FieldType } from './types';
import { isViewPath } from './view';

const TEXT_TRANSFORMS = [
  'text',
  'upper',
  'date-mdy',
  'a-number',
  'phone-area',
  'phone-number',
  'phone-digits',
  'zip5',
  /** The three boxes of an I-765 eligibility category: "(c)(3)(C)" -> "c", "3", "C". */
  'ead-category-1',
  'ead-category-2',
  'ead-category-3',
] as const;
const NAME_TRANSFORMS = ['name-given', 'name-family', 'name-middle'] as const;

/** A path, or several joined with `separator` (e.g. city and country of birth). */
/** Bounds everywhere: a map can arrive over IPC or from a file a clinic scripted. */
const str = (max = 500) => z.string().max(max);
const path = str(200).min(1);
const source = z.union([path, z.array(path).min(1).max(10)]);

const scalar = z.union([str(), z.number(), z.boolean()]);

/**
 * Fill only when another view value equals this (the matter box of the
 * chosen agency), or only when it is present or absent (the I-765's physical
 * address, asked only when the mailing address differs).
 */
const condition = z
  .object({ source: path, equals: scalar.optional(), present: z.boolean().optional() })
  .strict()
  .refine((c) => (c.equals === undefined) !== (c.present === undefined), {
    message: 'a condition needs exactly one of `equals` or `present`',
  });

const textEntry = z
  .object({
    transform: z.enum(TEXT_TRANSFORMS),
    source,
    separator: str(20).optional(),
    when: condition.optional(),
    note: str(2000).optional(),
  })
  .strict();

/** Name transforms read a whole name-bearing object (`person`, `attorney`) to apply the mononym rule. */
const nameEntry = z.object({ transform: z.enum(NAME_TRANSFORMS), source: path, note: str(2000).optional() }).strict();

const checkboxEntry = z
  .object({
    transform: z.literal('checkbox-if'),
    source: path,
    equals: scalar.optional(),
    truthy: z.boolean().optional(),
    /** Leave the box as the blank has it unless this holds (the (c)(8) arrest question). */
    when: condition.optional(),
    note: str(2000).optional(),
  })
  .strict()
  .refine((e) => (e.equals === undefined) !== (e.truthy === undefined), {
    message: 'checkbox-if needs exactly one of `equals` or `truthy`',
  });

const constantEntry = z
  .object({ transform: z.literal('constant'), value: z.union([str(), z.boolean()]), note: str(2000).optional() })
  .strict();

export const mapEntrySchema = z.union([textEntry, nameEntry, checkboxEntry, constantEntry]);
export type MapEntry = z.infer<typeof mapEntrySchema>;
export type Transform = MapEntry['transform'];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex sha256');

export const fieldMapSchema = z
  .object({
    form: z
      .string()
      .max(50)
      .regex(/^[a-z0-9-]+$/),
    edition: str(100).min(1),
    title: str(300).optional(),
    /** sha256 of the official blank as downloaded (before decryption). */
    blankSha256: sha256Hex,
    /** Every field name of that blank, so a new edition's added fields can be named. */
    blankFields: z.array(str(300).min(1)).min(1).max(5000),
    /**
     * Short names for the first present object among several paths, e.g.
     * `clientMail: ["person.mailingAddress", "person.address"]`; sources may
     * then start with `clientMail.`.
     */
    aliases: z
      .record(
        z
          .string()
          .max(50)
          .regex(/^[a-zA-Z]+$/),
        z.array(path).min(1).max(10),
      )
      .optional(),
    fields: z.record(str(300).min(1), mapEntrySchema).refine((f) => Object.keys(f).length <= 5000, { message: 'map.tooManyFields' }),
  })
  .strict();

export type FieldMap = z.infer<typeof fieldMapSchema>;

/** Parses map JSON; problems come back as INVALID_INPUT with zod's issue paths. */
export function parseFieldMap(json: unknown): FieldMap {
  const parsed = fieldMapSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Field map is not valid', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const badSources = mapSources(parsed.data).filter((p) => !isViewPath(resolveAliasPath(parsed.data, p)));
  if (badSources.length > 0) {
    throw new AppError('INVALID_INPUT', 'Field map names paths outside the form view', { paths: badSources });
  }
  return parsed.data;
}

function mapSources(map: FieldMap): string[] {
  const out = Object.values(map.aliases ?? {}).flat();
  for (const entry of Object.values(map.fields)) {
    if ('source' in entry) out.push(...(Array.isArray(entry.source) ? entry.source : [entry.source]));
    if ('when' in entry && entry.when) out.push(entry.when.source);
  }
  return out;
}

/** For validation only: an alias is checked through its first target. */
function resolveAliasPath(map: FieldMap, path: string): string {
  const [head, ...rest] = path.split('.');
  const target = head === undefined ? undefined : map.aliases?.[head]?.[0];
  return target === undefined ? path : [target, ...rest].join('.');
}

export interface MapProblem {
  field: string;
  problem: 'missing' | 'wrong-type';
  expected?: FieldType[];
  actual?: FieldType;
}

const CHECKABLE: FieldType[] = ['checkbox', 'radio'];
const TEXTUAL: FieldType[] = ['text', 'dropdown', 'list', 'radio'];

/** Types of PDF field an entry can fill. */
export function fieldTypesFor(entry: MapEntry): FieldType[] {
  if (entry.transform === 'checkbox-if') return CHECKABLE;
  if (entry.transform === 'constant') return typeof entry.value === 'boolean' ? CHECKABLE : TEXTUAL;
  return TEXTUAL;
}

/** Checks that every mapped field exists in `fields` and has a type the entry can fill. */
export function validateMap(map: FieldMap, fields: readonly FieldInfo[]): MapProblem[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems: MapProblem[] = [];
  for (const [name, entry] of Object.entries(map.fields)) {
    const field = byName.get(name);
    const expected = fieldTypesFor(entry);
    if (!field) problems.push({ field: name, problem: 'missing' });
    else if (!expected.includes(field.type)) {
      problems.push({ field: name, problem: 'wrong-type', expected, actual: field.type });
    }
  }
  return problems;
}
