/**
 * Court closure days the clinic knows of (a storm, a building closure). A
 * closure never moves a deadline later on its own: the deadline is flagged
 * and the next open day is offered for a person to decide on. Saving
 * recomputes the open deadlines at once.
 */
import { useId, useRef, useState } from 'react';
import { CASE_READS, callAndInvalidate, coreErrorCode, useCoreQuery } from '../../query';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { FieldError } from '../../components/FieldParts';
import { dueDate, parseDateInput } from '../deadlines/format';

export function Closures() {
  const { t, lang } = useI18n();
  const prefix = useId();
  const closures = useCoreQuery('deadlines.closures', {});
  const dates = closures.data?.dates ?? null;
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<MessageKey | null>(null);
  const [saveError, setError] = useState<string | null>(null);
  const error = saveError ?? coreErrorCode(closures.error);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const save = async (next: string[], message: (recomputed: number) => string) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    // Saving recomputes every open deadline: the docket, reminders and each person's list change with it.
    const res = await callAndInvalidate('deadlines.setClosures', { dates: next }, CASE_READS);
    setBusy(false);
    if (!res.ok) return setError(res.error.code);
    setStatus(message(res.value.recomputed));
  };

  const add = async () => {
    const s = text.trim();
    const iso = s === '' ? null : parseDateInput(s);
    if (iso === null) {
      setInputError(s === '' ? 'deadlines.date.required' : 'date.invalid');
      inputRef.current?.focus();
      return;
    }
    if (dates?.includes(iso)) {
      setInputError('closures.already');
      inputRef.current?.focus();
      return;
    }
    setInputError(null);
    await save([...(dates ?? []), iso], (n) => t('closures.added', { date: dueDate(iso, lang), count: n }));
    setText('');
    inputRef.current?.focus();
  };

  const inputId = `${prefix}-date`;
  return (
    <section className="panel closures" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t('closures.title')}</h2>
      <p className="field-hint">{t('closures.intro')}</p>
      <FormAlert id={`${prefix}-alert`} message={error ? t(errorKey(error)) : null} />
      <FormStatus message={status} />
      {dates === null ? null : dates.length === 0 ? (
        <p className="muted">{t('closures.none')}</p>
      ) : (
        <ul className="closure-list">
          {dates.map((d) => (
            <li key={d}>
              <span>{dueDate(d, lang)}</span>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={busy}
                aria-label={t('closures.removeNamed', { date: dueDate(d, lang) })}
                onClick={() =>
                  void save(
                    dates.filter((x) => x !== d),
                    (n) => t('closures.removed', { date: dueDate(d, lang), count: n }),
                  )
                }
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="closure-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className={`field field--short${inputError ? ' field--invalid' : ''}`}>
          <label htmlFor={inputId}>{t('closures.date')}</label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={`${inputId}-hint${inputError ? ` ${inputId}-error` : ''}`}
            onChange={(e) => {
              setText(e.target.value);
              if (inputError) setInputError(null);
            }}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            {t('deadlines.dateHint')}
          </p>
          <FieldError id={inputId} error={inputError ? t(inputError) : undefined} />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {t('closures.add')}
        </button>
      </form>
    </section>
  );
}
