/**
 * Forms: the imported blanks (templates) and "Import blank PDF"; filling a
 * form or the intake summary for one person, with that person's history;
 * a batch for many people; and the clinic's attorney block (G-28 Part 1).
 * "Map fields" swaps the page for the mapper until it is closed.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { PersonSummary, TemplateSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { AttorneySettings } from './AttorneySettings';
import { BatchPanel } from './BatchPanel';
import { FillForm, SummaryButton } from './FillPanel';
import { FormHistory } from './FormHistory';
import { ImportBlank } from './ImportBlank';
import { Mapper } from './Mapper';
import { PersonPicker } from './PersonPicker';
import { TemplatesList } from './TemplatesList';
import { formsErrorText } from './lib';

export function FormsPage() {
  const { t } = useI18n();
  const id = useId();
  const [mapper, setMapper] = useState<string | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [reload, setReload] = useState(0);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  useEffect(() => {
    let live = true;
    void call('forms.listTemplates', {}).then((res) => {
      if (!live) return;
      if (res.ok) {
        setTemplates(res.value);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  const bump = useCallback(() => setHistoryKey((n) => n + 1), []);

  if (mapper) {
    return (
      <Mapper
        key={mapper}
        templateId={mapper}
        onClose={() => {
          setMapper(null);
          refresh();
          focusWhenReady(() => document.getElementById(`${id}-templates`));
        }}
      />
    );
  }

  return (
    <div className="forms-page">
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />

      <section className="panel" aria-labelledby={`${id}-templates`}>
        <h2 id={`${id}-templates`} tabIndex={-1}>
          {t('forms.templates.title')}
        </h2>
        <p className="field-hint">{t('forms.templates.intro')}</p>
        <TemplatesList templates={templates} onOpenMapper={setMapper} onChanged={refresh} />
        <ImportBlank onChanged={refresh} onOpenMapper={setMapper} />
      </section>

      <section className="panel" aria-labelledby={`${id}-fill`}>
        <h2 id={`${id}-fill`}>{t('forms.fill.title')}</h2>
        <PersonPicker label={t('forms.fill.person')} value={person} onChange={setPerson} />
        {person ? (
          <>
            <FillForm key={person.id} personId={person.id} templates={templates} onFilled={bump} />
            <h3>{t('forms.summary.title')}</h3>
            <SummaryButton key={`s-${person.id}`} personId={person.id} onMade={bump} />
            <FormHistory personId={person.id} refreshKey={historyKey} />
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby={`${id}-batch`}>
        <h2 id={`${id}-batch`}>{t('forms.batch.title')}</h2>
        <p className="field-hint">{t('forms.batch.intro')}</p>
        <BatchPanel templates={templates} />
      </section>

      <section className="panel" aria-labelledby={`${id}-attorney`}>
        <h2 id={`${id}-attorney`}>{t('forms.attorney.title')}</h2>
        <AttorneySettings />
      </section>
    </div>
  );
}
