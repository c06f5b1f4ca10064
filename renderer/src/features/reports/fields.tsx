/**
 * Small labelled inputs for the Reports forms. Dates are typed MM/DD/YYYY in
 * both languages (as on U.S. notices) and shown back as a written date.
 */
import { useId } from 'react';
import { formatDate } from '../../../../shared/i18n/dates';
import { isoDateFromLocal, parseUsDate } from '../../../../shared/schemas/dates';
import { useI18n } from '../../i18n';

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
  return (
    <div className="field field--medium">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {iso ? formatDate(iso, lang) : t('reports.stats.dateHint')}
      </p>
      {error ? (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
