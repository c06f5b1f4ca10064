/**
 * Tiny i18n: two flat catalogs and `t(lang, key, params)`. Pure TypeScript,
 * usable from the renderer, the core (e.g. CLI messages) and tests.
 */
import { en, type Catalog, type MessageKey } from './en';
import { es } from './es';

export type { Catalog, MessageKey } from './en';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's own name, shown in the language switch in that language. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export const catalogs: Record<Lang, Catalog> = { en, es };

export type MessageParams = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

/** Looks a message up, falling back to English, then fills `{name}` parameters. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[lang]?.[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
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
