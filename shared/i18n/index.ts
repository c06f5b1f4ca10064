/**
 * Tiny i18n: two flat catalogs of ICU MessageFormat messages and
 * `t(lang, key, params)`. Pure TypeScript, usable from the renderer, the core
 * (e.g. CLI messages, PDFs) and tests. Plurals are real plurals
 * (`{count, plural, one {# person} other {# people}}`), chosen by each
 * language's CLDR rules through intl-messageformat, which interprets the parsed
 * message and never evaluates code (the renderer's CSP forbids eval).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalog, type MessageKey } from './en';
import { es } from './es';
import type { ParamsOf } from './params';

export type { Catalog, MessageKey } from './en';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's own name, shown in the language switch in that language. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export const catalogs: Record<Lang, Catalog> = { en, es };

export type MessageParams = Record<string, string | number>;

/** The parameters one message needs, read from its English text. */
export type ParamsFor<K extends MessageKey> = ParamsOf<(typeof en)[K]>;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * `t`'s trailing argument. A known key with parameters requires exactly those;
 * a key without any takes none. A key only known at run time (a union, such as
 * `errorKey(code)`) takes any parameters, as it cannot be checked.
 */
export type ParamsArg<K extends MessageKey> = [K] extends [never]
  ? [params?: MessageParams]
  : true extends IsUnion<K>
    ? [params?: MessageParams]
    : keyof ParamsFor<K> extends never
      ? [params?: Record<string, never>]
      : [params: ParamsFor<K>];

/** A `t` bound to one language, as the UI passes it around. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

/** The locale whose plural rules and digits each UI language uses. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

const compiled = new Map<string, IntlMessageFormat>();

function compile(lang: Lang, key: string, template: string): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // ignoreTag: a "<" in a message is text, never markup.
    format = new IntlMessageFormat(template, LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

/** `{name}` filled by plain replacement: the fallback when a message cannot be formatted. */
function fillPlain(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Looks a message up, falling back to English, then formats it. A message that
 * cannot be formatted (a missing parameter, which tsc normally catches) still
 * shows its text with the known parameters filled, never an exception in the UI.
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...[params]: ParamsArg<K>): string {
  const template = catalogs[lang]?.[key] ?? en[key] ?? key;
  if (!template.includes('{')) return template;
  const values = (params ?? {}) as MessageParams;
  try {
    const out = compile(lang, key, template).format(values);
    return typeof out === 'string' ? out : String(out);
  } catch {
    return fillPlain(template, values);
  }
}

/** The catalog key for an error code; unknown codes get the generic message. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return isMessageKey(key) ? key : 'error.INTERNAL';
}

/** Best guess from the OS/browser languages: Spanish if it comes first, else English. */
export function detectLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
