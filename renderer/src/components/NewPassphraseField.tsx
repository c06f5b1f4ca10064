import { MIN_PASSPHRASE_LENGTH } from '../../../shared/schemas/vault';
import { useI18n } from '../i18n';
import { Field, type FieldProps } from './Field';
import { StrengthMeter } from './StrengthMeter';

/**
 * Where someone chooses a passphrase (new vault, recovery, change, a user's
 * first or reset one): the minimum length as a hint, and a live strength meter
 * that the input names in aria-describedby.
 */
export function NewPassphraseField({
  strengthId,
  value,
  ...field
}: Omit<FieldProps, 'hint' | 'describedBy' | 'autoComplete' | 'children'> & { strengthId: string; value: string }) {
  const { t } = useI18n();
  return (
    <Field {...field} autoComplete="new-password" hint={t('passphrase.hint', { min: MIN_PASSPHRASE_LENGTH })} describedBy={[strengthId]}>
      <StrengthMeter id={strengthId} value={value} />
    </Field>
  );
}
