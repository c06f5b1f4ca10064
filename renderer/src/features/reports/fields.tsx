/**
 * Small labelled inputs for the Reports forms, on the field frame all forms share. Dates are typed MM/DD/YYYY in
 * both languages (as on U.S. notices) and shown back as a written date.
 */
import { useId } from 'react';
import { formatDate } from '../../../../shared/i18n/dates';
import { isoDateFromLocal, parseUsDate } from '../../../../shared/schemas/dates';
import { useI18n } from '../../i18n';
import { FieldFrame, controlAria } from '../../components/FieldParts';

export const todayLocal = (): string => isoDateFromLocal(new Date());

export function DateInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | null | undefined;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const iso = parseUsDate(value);
  // The date as written, once it parses: the typed digits are read back in words.
  const hint = iso ? formatDate(iso, lang) : t('reports.stats.dateHint');
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} classes={['field--medium']} announce={false}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        {...controlAria(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
