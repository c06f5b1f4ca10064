/**
 * The confirmed step of "Same person" in intake: which record stays is chosen
 * explicitly (the record on file, or the one being typed), then the intake
 * is saved and merged into one record in the same core transaction.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

export function MergeIntakeDialog({
  name,
  onClose,
  onConfirm,
}: {
  name: string;
  onClose(): void;
  onConfirm(keep: 'existing' | 'new'): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [keep, setKeep] = useState<'existing' | 'new' | null>(null);
  const titleId = useId();
  const group = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('dup.mergeTitle', { name })}</h2>
      <p>{t('dup.mergeIntro')}</p>
      <fieldset className="dup-choice">
        <legend>{t('dup.mergeKeep')}</legend>
        <label className="radio">
          <input type="radio" name={group} checked={keep === 'existing'} onChange={() => setKeep('existing')} autoFocus />
          <span>{t('dup.mergeKeepExisting', { name })}</span>
        </label>
        <label className="radio">
          <input type="radio" name={group} checked={keep === 'new'} onChange={() => setKeep('new')} />
          <span>{t('dup.mergeKeepNew')}</span>
        </label>
      </fieldset>
      <p className="field-hint">{t('dup.mergeNothingLost')}</p>
      <div className="actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={keep === null} onClick={() => keep && onConfirm(keep)}>
          {t('dup.mergeConfirm')}
        </button>
      </div>
    </dialog>
  );
}
