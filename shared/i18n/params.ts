/**
 * The parameters of an ICU message, read from the message's literal type, so
 * that `t(lang, 'importer.doneTitle', { count: 3 })` type-checks and a missing
 * or misspelled parameter fails `tsc`. Without this the catalog and its call
 * sites drift apart silently: a forgotten `{count}` shows "{count} people" to a
 * volunteer, a forgotten plural count shows "NaN".
 *
 * This is a small parser over template literal types. It understands what the
 * catalogs use: `{name}`, `{n, number}`, `{count, plural, one {…} other {…}}`
 * (also `selectordinal`), `{kind, select, a {…} other {…}}`, with arguments
 * nested inside branches. Branch text is scanned as text, so a word in braces
 * inside a branch is an argument, exactly as intl-messageformat reads it.
 * tests/unit/i18n checks the runtime parse of every message against the same
 * rules.
 */

/** One argument found in a message: its name and the value type it needs. */
type Arg = [name: string, type: unknown];

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** True when `S` contains the character `C`. */
type Has<S extends string, C extends string> = S extends `${string}${C}${string}` ? true : false;

/**
 * Text up to the end of the string or the `}` that closes the enclosing
 * branch. Returns the arguments found and what follows the closing brace.
 */
type Text<S extends string, Acc extends Arg = never> = S extends `${infer Before}{${infer After}`
  ? Has<Before, '}'> extends true
    ? S extends `${string}}${infer Rest}`
      ? [Acc, Rest]
      : [Acc, '']
    : ArgStart<After, Acc>
  : S extends `${string}}${infer Rest}`
    ? [Acc, Rest]
    : [Acc, ''];

/** Just after an argument's `{`: `name}` or `name, type…`. */
type ArgStart<S extends string, Acc extends Arg> = S extends `${infer Head}}${infer Rest}`
  ? Has<Head, ','> extends true
    ? S extends `${infer Name},${infer Tail}`
      ? ArgType<Trim<Name>, Tail, Acc>
      : never
    : Text<Rest, Acc | [Trim<Head>, string | number]>
  : [Acc, ''];

/** After `name,`: the argument's type decides what follows. */
type ArgType<Name extends string, S extends string, Acc extends Arg> = S extends `${infer Kind},${infer Tail}`
  ? Has<Kind, '}'> extends true
    ? SimpleTyped<Name, S, Acc>
    : Trim<Kind> extends 'plural' | 'selectordinal'
      ? Branches<Tail, Acc | [Name, number]>
      : Trim<Kind> extends 'select'
        ? Branches<Tail, Acc | [Name, string]>
        : SimpleTyped<Name, S, Acc>
  : SimpleTyped<Name, S, Acc>;

/**
 * `{n, number}`, `{n, number, ::percent}`: no nested braces. (Dates are never
 * ICU arguments here: they go through shared/i18n/dates.ts and arrive as text.)
 */
type SimpleTyped<Name extends string, S extends string, Acc extends Arg> = S extends `${infer Kind}}${infer Rest}`
  ? Text<Rest, Acc | [Name, Trim<Kind> extends `number${string}` ? number : string | number]>
  : [Acc, ''];

/** `one {…} other {…}}`: each branch is text; the final `}` ends the argument. */
type Branches<S extends string, Acc extends Arg> = S extends `${infer Before}{${infer After}`
  ? Has<Before, '}'> extends true
    ? S extends `${string}}${infer Rest}`
      ? Text<Rest, Acc>
      : [Acc, '']
    : Text<After> extends [infer Found extends Arg, infer Rest extends string]
      ? Branches<Rest, Acc | Found>
      : never
  : S extends `${string}}${infer Rest}`
    ? Text<Rest, Acc>
    : [Acc, ''];

/** A top-level text keeps reading after a stray `}` (intl-messageformat would refuse it; the tests do). */
type All<S extends string, Acc extends Arg = never> =
  Text<S> extends [infer Found extends Arg, infer Rest extends string] ? (Rest extends '' ? Acc | Found : All<Rest, Acc | Found>) : Acc;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * A name used twice must satisfy both uses: `{count}` and `{count, plural, …}`
 * together need a number. Boxing keeps `string | number` and `number` apart
 * until they are intersected.
 */
type TypeOf<Found extends Arg, Name> =
  UnionToIntersection<Found extends [Name, infer T] ? { v: T } : never> extends { v: infer T } ? T : never;

/** The parameter object a message needs; `{}` when it has none. */
export type ParamsOf<S extends string> = string extends S
  ? Record<string, string | number>
  : {
      [Name in All<S>[0]]: TypeOf<All<S>, Name>;
    };
