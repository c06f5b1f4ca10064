/**
 * The field laptop's count screen (issue 12 §3): how many intakes wait,
 * sealed, for the next bundle. Counts only: a field device has no names to
 * show once an intake is saved, and this screen never asks for one.
 */
import { useCoreQuery } from '../../query';
import { useI18n } from '../../i18n';

/** Shown on a field device only (elsewhere it renders nothing). */
export function FieldCount() {
  const { t } = useI18n();
  const counts = useCoreQuery('clinic.fieldCounts', {}).data;
  if (!counts?.field) return null;
  const delivered = counts.sealed - counts.undelivered;
  return (
    <section className="panel field-count" aria-labelledby="field-count-title" data-testid="field-count">
      <h2 id="field-count-title">{t('field.title')}</h2>
      <p className="field-count-number">{t('field.undelivered', { count: counts.undelivered })}</p>
      <p>{t('field.delivered', { count: delivered })}</p>
      <p className="hint">{t('field.hint')}</p>
    </section>
  );
}

/** What a field device's intake save answers: the sealed blob's id, never the person. */
export function isSealedSave(v: unknown): v is { id: string; sealed: true } {
  return typeof v === 'object' && v !== null && (v as { sealed?: unknown }).sealed === true;
}
