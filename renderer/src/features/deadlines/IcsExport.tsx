/**
 * Calendar (.ics) export, for one person or the whole clinic. Client names
 * are left out unless the box is ticked, and ticking it shows what that
 * means: a calendar file is not encrypted.
 */
import { useId, useState } from 'react';
import { call, saveText } from '../../api';
import { errorKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';

export function IcsExport({ personId, headingLevel = 3 }: { personId?: string; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const prefix = useId();
  const [names, setNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const exportIcs = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const res = await call('deadlines.exportIcs', { ...(personId ? { personId } : {}), includeNames: names, lang });
      if (!res.ok) return setError(res.error.code);
      const saved = await saveText(res.value.fileName, res.value.ics, 'text/calendar');
      if (!saved.ok) return setError(saved.error.code);
      if (saved.value.saved) setDone(t('ics.saved', { count: res.value.count, file: res.value.fileName }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ics-export" aria-labelledby={`${prefix}-title`}>
      <Heading id={`${prefix}-title`} className="ics-title">
        {personId ? t('ics.titlePerson') : t('ics.titleClinic')}
      </Heading>
      <p className="field-hint">{t('ics.intro')}</p>
      <label className="checkbox" htmlFor={`${prefix}-names`}>
        <input
          id={`${prefix}-names`}
          type="checkbox"
          checked={names}
          onChange={(e) => setNames(e.target.checked)}
          aria-describedby={names ? `${prefix}-warn` : undefined}
        />
        <span>{t('ics.includeNames')}</span>
      </label>
      {names ? (
        <p id={`${prefix}-warn`} className="warning" role="status">
          {t('ics.namesWarning')}
        </p>
      ) : null}
      <FormAlert id={`${prefix}-alert`} message={error ? t(errorKey(error)) : null} />
      <FormStatus message={done} />
      <div className="actions actions--start">
        <button type="button" className="btn" disabled={busy} onClick={() => void exportIcs()}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {personId ? t('ics.exportPerson') : t('ics.exportClinic')}
        </button>
      </div>
    </section>
  );
}
