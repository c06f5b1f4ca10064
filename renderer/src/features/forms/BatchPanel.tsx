/**
 * One template for many people, as a background job: tick people (from the
 * people list, narrowed by a filter), choose the template, start. A progress
 * bar follows jobs.status; Cancel stops after the form being filled now.
 * Each finished PDF waits in the core's memory until it is saved here, one
 * by one or with "Save all" (one save dialog or download after another);
 * the job and its PDFs are discarded when this page closes.
 */
import { useId, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import type { TemplateSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useCoreQuery } from '../../query';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { BatchJobSection, useBatchJob } from './BatchJob';
import { BatchPeopleTable, FilterField, PickedCount, useBatchPeople } from './BatchPeople';
import { EditionPrompt, fillableTemplates, TemplateSelect } from './FillPanel';
import { editionDetails, formsErrorText, personLabel, type EditionDetails } from './lib';

export function BatchPanel({ templates }: { templates: TemplateSummary[] | null }) {
  const { t } = useI18n();
  const id = useId();
  const fillable = fillableTemplates(templates);
  const [templateId, setTemplateId] = useState('');
  const chosen = fillable.find((x) => x.id === templateId) ?? fillable[0];
  const peopleQuery = useCoreQuery('people.list', { sort: 'name', dir: 'asc', limit: 500, offset: 0 });
  const people = peopleQuery.data;
  const pick = useBatchPeople(people?.rows);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [edition, setEdition] = useState<EditionDetails | null>(null);
  const [starting, setStarting] = useState(false);
  const batch = useBatchJob(setError);

  const running = batch.running;
  const names = useMemo(() => new Map((people?.rows ?? []).map((p) => [p.id, personLabel(p)])), [people]);
  const shownError = error ?? peopleQuery.error?.info ?? null;

  const start = async (accept: boolean) => {
    if (!chosen || !pick.canStart) return;
    setStarting(true);
    setError(null);
    setEdition(null);
    const failure = await batch.start({
      templateId: chosen.id,
      personIds: [...pick.picked],
      acceptEditionMismatch: accept,
      flatten: false,
    });
    setStarting(false);
    if (!failure) return;
    const diff = editionDetails(failure);
    if (diff) {
      setEdition(diff);
      focusWhenReady(() => document.getElementById(`${id}-edition`));
    } else setError(failure);
  };

  if (templates && fillable.length === 0) return <p className="muted">{t('forms.fill.noTemplates')}</p>;

  return (
    <div className="batch">
      <div className="field-row">
        <TemplateSelect id={`${id}-template`} templates={fillable} value={chosen?.id ?? ''} disabled={running} onChange={setTemplateId} />
        <FilterField id={`${id}-filter`} label={t('forms.batch.filter')} value={pick.filter} onChange={pick.setFilter} />
      </div>

      <BatchPeopleTable id={id} people={people} pick={pick} disabled={running} caption={t('forms.batch.people')} />

      <div className="actions actions--start">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!chosen || !pick.canStart || running || starting}
          onClick={() => void start(false)}
        >
          {starting ? <span className="spinner" aria-hidden="true" /> : null}
          {t('forms.batch.start', { count: pick.picked.size })}
        </button>
        <PickedCount pick={pick} />
      </div>
      <FormAlert id={`${id}-alert`} message={shownError ? formsErrorText(t, shownError) : null} />
      <EditionPrompt id={`${id}-edition`} edition={edition} onAccept={() => void start(true)} onCancel={() => setEdition(null)} />

      <BatchJobSection id={id} batch={batch} names={names} />
    </div>
  );
}
