/**
 * A person's cases: a table, and an inline editor to add one or edit one
 * (`cases.add`, `cases.update` with the loaded version; stale writes refused).
 */
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../../api';
import { errorKey } from '../../../../shared/i18n';
import type { CaseView, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { FormMetaProvider } from '../intake/fields';
import { ErrorSummary, useFocusFirstInvalid } from '../intake/ErrorSummary';
import { CaseFields } from '../intake/sections';
import { emptyCase, formSchemas, toCaseValues, type CaseOutput, type CaseValues } from '../intake/model';
import { showDate } from './format';
import { focusWhenReady } from '../intake/focus';
import { CloseCaseForm } from '../reports/CloseCase';

export function CasesPanel({ view, onChanged }: { view: PersonView; onChanged(): void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<CaseView | 'new' | null>(null);
  const [closing, setClosing] = useState<CaseView | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(null);
    focusWhenReady(() => addRef.current);
  };
  return (
    <section className="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">{t('section.cases')}</h2>
      {view.cases.length === 0 ? (
        <p className="muted">{t('cases.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('field.caseType')}</th>
                <th scope="col">{t('field.caseStatus')}</th>
                <th scope="col">{t('field.court')}</th>
                <th scope="col">{t('field.hearingDate')}</th>
                <th scope="col">{t('field.assignedTo')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{t(`enum.caseType.${c.type}`)}</th>
                  <td>{t(`enum.caseStatus.${c.status}`)}</td>
                  <td>{[c.court, c.judge].filter(Boolean).join(' · ')}</td>
                  <td className="nowrap">
                    {showDate(c.nextHearing?.date, lang)}
                    {c.nextHearing?.time ? ` ${c.nextHearing.time}` : ''}
                    {c.nextHearing?.kind ? ` (${t(`enum.hearingKind.${c.nextHearing.kind}`)})` : ''}
                  </td>
                  <td>{c.assignedTo ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={!!view.mergedInto}
                      onClick={() => setEditing(c)}
                      aria-label={t('cases.editNamed', { type: t(`enum.caseType.${c.type}`) })}
                    >
                      {t('common.edit')}
                    </button>
                    {c.status !== 'closed' ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={!!view.mergedInto}
                        onClick={() => setClosing(c)}
                        aria-label={t('reports.close.buttonNamed', { type: t(`enum.caseType.${c.type}`) })}
                      >
                        {t('reports.close.button')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closing ? (
        <CloseCaseForm
          key={`${closing.id}:${closing.version}`}
          kase={closing}
          onDone={(changed) => {
            setClosing(null);
            focusWhenReady(() => addRef.current);
            if (changed) onChanged();
          }}
        />
      ) : null}
      {editing ? (
        <CaseEditor
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          personId={view.id}
          existing={editing === 'new' ? null : editing}
          onDone={(changed) => {
            close();
            if (changed) onChanged();
          }}
        />
      ) : (
        <div className="actions actions--start">
          <button ref={addRef} type="button" className="btn" disabled={!!view.mergedInto} onClick={() => setEditing('new')}>
            + {t('cases.add')}
          </button>
        </div>
      )}
    </section>
  );
}

function CaseEditor({ personId, existing, onDone }: { personId: string; existing: CaseView | null; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  const form = useForm<CaseValues, unknown, CaseOutput>({
    resolver: zodResolver(formSchemas.caseRecord),
    defaultValues: existing ? toCaseValues(existing) : emptyCase(),
    shouldFocusError: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const submit = form.handleSubmit(
    async (c) => {
      setBusy(true);
      setError(null);
      const res = existing
        ? await call('cases.update', { id: existing.id, version: existing.version, case: c })
        : await call('cases.add', { personId, case: c });
      setBusy(false);
      if (res.ok) onDone(true);
      else setError(res.error.code);
    },
    () => focusInvalid(),
  );
  return (
    <FormProvider {...form}>
      <FormMetaProvider idPrefix="case">
        <form
          ref={formRef}
          className="subgroup case-editor"
          noValidate
          aria-labelledby="case-editor-title"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onDone(false);
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <h3 id="case-editor-title" tabIndex={-1}>
            {existing ? t('cases.editTitle') : t('cases.addTitle')}
          </h3>
          <ErrorSummary idPrefix="case" />
          {error ? <FormAlert id="case-alert" message={error === 'STALE_WRITE' ? t('cases.stale') : t(errorKey(error))} /> : null}
          <CaseFieldsAutofocus />
          <div className="actions actions--start">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('intake.saving') : t('cases.save')}
            </button>
            <button type="button" className="btn" onClick={() => onDone(error === 'STALE_WRITE')}>
              {error === 'STALE_WRITE' ? t('person.reload') : t('common.cancel')}
            </button>
          </div>
        </form>
      </FormMetaProvider>
    </FormProvider>
  );
}

/** The case fields, with focus on the first one when the editor opens. */
function CaseFieldsAutofocus() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('select')?.focus();
  }, []);
  return (
    <div ref={ref}>
      <CaseFields prefix="" />
    </div>
  );
}
