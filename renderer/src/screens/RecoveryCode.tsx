import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { useDocumentTitle, useFocusOnMount } from '../hooks';

/**
 * Shows the recovery code exactly once. It lives only in this component's
 * props; nothing here writes it to storage, the clipboard or a file.
 */
export function RecoveryCode({ code, onContinue }: { code: string; onContinue(): void }) {
  const { t } = useI18n();
  useDocumentTitle(`${t('recoveryCode.title')} — ${t('app.name')}`);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [saved, setSaved] = useState(false);
  const savedId = useId();
  const groups = code.split(/[-\s]+/).filter(Boolean);

  return (
    <section className="card card--wide" aria-labelledby="rc-title">
      <div className="print-area">
        <h1 id="rc-title" tabIndex={-1} ref={headingRef}>
          <span className="screen-only">{t('recoveryCode.title')}</span>
          <span className="print-only">{t('recoveryCode.printHeading')}</span>
        </h1>
        <p className="screen-only">{t('recoveryCode.intro')}</p>
        <figure className="recovery-code">
          <figcaption className="visually-hidden">{t('recoveryCode.codeLabel')}</figcaption>
          <p className="recovery-code-groups" data-testid="recovery-code" aria-hidden="true">
            {groups.map((g, i) => (
              <span key={i} className="recovery-code-group">
                {g}
              </span>
            ))}
          </p>
          {/* Spelled out character by character for screen readers. */}
          <p className="visually-hidden">{groups.map((g) => g.split('').join(' ')).join(', ')}</p>
        </figure>
        <p className="print-only">{t('recoveryCode.printNote')}</p>
      </div>
      <p className="warning screen-only">{t('recoveryCode.instructions')}</p>
      <div className="actions actions--start screen-only">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('recoveryCode.print')}
        </button>
      </div>
      <form
        className="screen-only"
        onSubmit={(e) => {
          e.preventDefault();
          if (saved) onContinue();
        }}
      >
        <div className="checkbox checkbox--big">
          <input id={savedId} type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          <label htmlFor={savedId}>{t('recoveryCode.saved')}</label>
        </div>
        <div className="actions actions--between">
          {saved ? (
            <span />
          ) : (
            <p id="rc-must-confirm" className="field-hint">
              {t('recoveryCode.mustConfirm')}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={!saved} aria-describedby={saved ? undefined : 'rc-must-confirm'}>
            {t('recoveryCode.continue')}
          </button>
        </div>
      </form>
    </section>
  );
}
