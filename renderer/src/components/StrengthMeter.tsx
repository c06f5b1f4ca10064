import { passphraseStrength } from '../../../shared/schemas/vault';
import { useI18n } from '../i18n';

/** Live strength feedback: a bar plus words, so it never relies on colour alone. */
export function StrengthMeter({ id, value }: { id: string; value: string }) {
  const { t } = useI18n();
  const level = passphraseStrength(value);
  const text = value ? t('strength.label', { level: t(`strength.${level}`) }) : '';
  return (
    <div className="strength" data-level={value ? level : 'empty'}>
      <div className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p id={id} className="strength-text" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
