import { useId } from 'react';
import { useI18n } from '../i18n';

export function ShowPassphrases({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{t('common.showPassphrases')}</label>
    </div>
  );
}
