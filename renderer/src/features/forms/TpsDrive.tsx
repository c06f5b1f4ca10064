/**
 * The TPS drive, under a country's list of affected people on the TPS page:
 * tick people, and one background batch fills the I-765 for each of them
 * with category (a)(12), or (c)(19) where the I-821 is pending (the core
 * decides, from the record: eadBasis 'tps'). When the clinic has mapped an
 * I-821 blank (a template whose form is "i-821"), it can be filled in the
 * same batch. Progress, Cancel, Save and the case history work as for any
 * batch (BatchJob.tsx).
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { useCoreQuery } from '../../query';
import type { ErrorInfo } from '../../../../shared/errors';
import { tpsEadCategory } from '../../../../shared/forms/adapter';
import type { TemplateSummary, TpsAffectedPerson } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { useNavigation } from '../people/navigation';
import { BatchJobSection, useBatchJob } from './BatchJob';
import { editionDetails, formsErrorText } from './lib';

/** The contract's MAX_BATCH_PEOPLE. */
const MAX_PEOPLE = 100;

/** The best template of a form: ready first, then an exact edition match. */
function templateFor(templates: readonly TemplateSummary[], form: string): TemplateSummary | undefined {
  const rank = (x: TemplateSummary) => (x.status === 'ready' ? 2 : 0) + (x.match?.exact ? 1 : 0);
  return templates.filter((x) => x.mapped && x.form === form).sort((a, b) => rank(b) - rank(a))[0];
}

export function TpsDrive({ country, people }: { country: string; people: readonly TpsAffectedPerson[] }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const id = useId();
  // A failed list reads as no templates, which says where to map one.
  const list = useCoreQuery('forms.listTemplates', {});
  const templates = list.isError ? [] : (list.data ?? null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [withI821, setWithI821] = useState(true);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [starting, setStarting] = useState(false);
  const onError = useCallback((e: ErrorInfo) => setError(e), []);
  const batch = useBatchJob(onError);

  const i765 = templates ? templateFor(templates, 'i-765') : undefined;
  const i821 = templates ? templateFor(templates, 'i-821') : undefined;
  const names = useMemo(() => new Map(people.map((p) => [p.personId, `${p.familyName}, ${p.givenName}`])), [people]);
  const formName = (templateId: string | undefined) => (templateId === i821?.id ? 'I-821' : templateId === i765?.id ? 'I-765' : undefined);
  const eligible = people.filter((p) => tpsEadCategory(p.tpsStatus) !== null);
  const allPicked = eligible.length > 0 && eligible.every((p) => picked.has(p.personId));

  const toggle = (personId: string, on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });

  const start = async (accept: boolean) => {
    if (!i765 || picked.size === 0 || picked.size > MAX_PEOPLE) return;
    setStarting(true);
    setError(null);
    const failure = await batch.start({
      templateId: i765.id,
      personIds: [...picked],
      ...(withI821 && i821 ? { alsoTemplateIds: [i821.id] } : {}),
      eadBasis: 'tps',
      acceptEditionMismatch: accept,
      flatten: false,
    });
    setStarting(false);
    if (failure) setError(failure);
  };

  if (!templates) return null;
  const titleId = `${id}-title`;
  return (
    <section className="tps-drive" aria-labelledby={titleId}>
      <h5 id={titleId}>{t('forms.tpsDrive.title', { country })}</h5>
      {!i765 ? (
        <p className="field-hint">
          {t('forms.tpsDrive.noTemplate')}{' '}
          <button type="button" className="btn-link" onClick={() => nav.go('forms')}>
            {t('forms.person.openForms')}
          </button>
        </p>
      ) : (
        <>
          <p className="field-hint">{t('forms.tpsDrive.intro')}</p>
          <fieldset className="tps-drive-people" disabled={batch.running}>
            <legend>{t('forms.tpsDrive.people')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allPicked}
                disabled={eligible.length === 0}
                onChange={(e) => setPicked(e.target.checked ? new Set(eligible.map((p) => p.personId)) : new Set())}
              />{' '}
              {t('forms.tpsDrive.selectAll', { count: eligible.length })}
            </label>
            {people.map((p) => {
              const category = tpsEadCategory(p.tpsStatus);
              return (
                <label key={p.personId} className="checkbox">
                  <input
                    type="checkbox"
                    checked={picked.has(p.personId)}
                    disabled={category === null}
                    onChange={(e) => toggle(p.personId, e.target.checked)}
                  />{' '}
                  {names.get(p.personId)} <span className="muted">{category ?? t('forms.tpsDrive.noCategory')}</span>
                </label>
              );
            })}
          </fieldset>
          {i821 ? (
            <label className="checkbox">
              <input type="checkbox" checked={withI821} disabled={batch.running} onChange={(e) => setWithI821(e.target.checked)} />{' '}
              {t('forms.tpsDrive.alsoI821', { name: i821.name })}
            </label>
          ) : null}
          <div className="actions actions--start">
            <button
              type="button"
              className="btn btn-primary"
              disabled={picked.size === 0 || picked.size > MAX_PEOPLE || batch.running || starting}
              onClick={() => void start(false)}
            >
              {starting ? <span className="spinner" aria-hidden="true" /> : null}
              {t('forms.tpsDrive.start', { count: picked.size })}
            </button>
            {picked.size > MAX_PEOPLE ? <span className="field-error">{t('forms.batch.tooMany', { max: MAX_PEOPLE })}</span> : null}
          </div>
          <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
          {error && editionDetails(error) ? (
            <button type="button" className="btn" onClick={() => void start(true)}>
              {t('forms.edition.accept')}
            </button>
          ) : null}
          <BatchJobSection id={id} batch={batch} names={names} formName={formName} title={t('forms.tpsDrive.jobTitle')} level={6} />
        </>
      )}
    </section>
  );
}
