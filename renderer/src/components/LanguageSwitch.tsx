import { LANG_NAMES, LANGS } from '../../../shared/i18n';
import { useI18n } from '../i18n';

/** EN/ES toggle, on every screen. Each name is written in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} className="lang-btn" aria-pressed={l === lang} onClick={() => setLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
