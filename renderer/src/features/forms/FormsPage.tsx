/**
 * Forms: the imported blanks (templates) and "Import blank PDF"; filling a
 * form or the intake summary for one person, with that person's history;
 * a batch for many people; and the clinic's attorney block (G-28 Part 1).
 * "Map fields" swaps the page for the mapper until it is closed.
 */
import { useId, useState } from 'react';
import { invalidateCore, useCoreQuery } from '../../query';
import type { PersonSummary } from '../../../../shared/views';
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

/** A filled form or a summary was delivered: its history row is new, and so are the counts that include it. */
export function formDelivered(): void {
  void invalidateCore(['forms', 'reports', 'audit']);
}

/** Templates changed (imported, mapped, deleted): the lists of templates and what they can fill. */
const templatesChanged = () => void invalidateCore(['forms']);

export function FormsPage() {
  const { t } = useI18n();
  const id = useId();
  const [mapper, setMapper] = useState<string | null>(null);
  const list = useCoreQuery('forms.listTemplates', {});
  const templates = list.data ?? null;
  const error = list.error?.info ?? null;
  const [person, setPerson] = useState<PersonSummary | null>(null);

  if (mapper) {
    return (
      <Mapper
        key={mapper}
        templateId={mapper}
        onClose={() => {
          setMapper(null);
          templatesChanged();
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
        <TemplatesList templates={templates} onOpenMapper={setMapper} onChanged={templatesChanged} />
        <ImportBlank onChanged={templatesChanged} onOpenMapper={setMapper} />
      </section>

      <section className="panel" aria-labelledby={`${id}-fill`}>
        <h2 id={`${id}-fill`}>{t('forms.fill.title')}</h2>
        <PersonPicker label={t('forms.fill.person')} value={person} onChange={setPerson} />
        {person ? (
          <>
            <FillForm key={person.id} personId={person.id} templates={templates} onFilled={formDelivered} />
            <h3>{t('forms.summary.title')}</h3>
            <SummaryButton key={`s-${person.id}`} personId={person.id} onMade={formDelivered} />
            <FormHistory personId={person.id} />
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
