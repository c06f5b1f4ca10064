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
import { useCoreMutation, useCoreQuery } from './query';

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
  // The stored preference once it is read; the browser's languages until then; a choice made here wins.
  const prefs = useCoreQuery('prefs.get', {}, { staleTime: Infinity });
  const [chosen, setLangState] = useState<Lang | null>(null);
  const [detected] = useState<Lang>(initialLang);
  const stored = prefs.data && isLang(prefs.data.lang) ? prefs.data.lang : null;
  const lang = chosen ?? stored ?? detected;
  const { mutate: savePrefs } = useCoreMutation('prefs.set', { invalidates: ['prefs'] });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      setLangState(next);
      savePrefs({ lang: next });
    },
    [savePrefs],
  );

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
