/**
 * Language state for the UI. The preference (just "en" or "es", never client
 * data) is kept by the core in a preferences file beside the vault, because the
 * Electron window's storage is memory-only; <html lang> follows it so screen
 * readers switch voice and spell-check uses the right dictionary.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  detectLang,
  isLang,
  isMessageKey,
  t as translate,
  type Lang,
  type MessageKey,
  type ParamsArg,
  type Translate,
} from '../../shared/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/schemas/vault';
import { call } from './api';

function initialLang(): Lang {
  return detectLang(navigator.languages ?? [navigator.language]);
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Typed per message: a known key needs exactly its parameters (see shared/i18n/params.ts). */
  t: Translate;
  /** Translates a validation message that should be a catalog key (from a zod schema). */
  tv(message: string | undefined): string | undefined;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    void call('prefs.get', {}).then((r) => {
      if (r.ok && isLang(r.value.lang)) setLangState(r.value.lang);
    });
  }, []);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    void call('prefs.set', { lang: next });
  }, []);

  const value = useMemo<I18n>(() => {
    const t: Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => translate(lang, key, ...params);
    const tv = (message: string | undefined) => {
      if (!message) return undefined;
      // A schema's key is only known at run time; the one parameter any of them takes is the minimum length.
      return isMessageKey(message) ? t(message, { min: MIN_PASSPHRASE_LENGTH }) : t('form.invalid');
    };
    return { lang, setLang, t, tv };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
