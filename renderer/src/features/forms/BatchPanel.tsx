/**
 * One template for many people, as a background job: tick people (from the
 * people list, narrowed by a filter), choose the template, start. A progress
 * bar follows jobs.status; Cancel stops after the form being filled now.
 * Each finished PDF waits in the core's memory until it is saved here, one
 * by one or with "Save all" (one save dialog or download after another);
 * the job and its PDFs are discarded when this page closes.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { PersonSummary, TemplateSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { EditionDiff } from './EditionDiff';
import { BatchJobSection, useBatchJob } from './BatchJob';
import { fillableTemplates, templateOptionLabel } from './FillPanel';
import { editionDetails, formsErrorText, personLabel, showDate, type EditionDetails } from './lib';

/** The contract's MAX_BATCH_PEOPLE. */
const MAX_PEOPLE = 100;

export function BatchPanel({ templates }: { templates: TemplateSummary[] | null }) {
  const { t, lang } = useI18n();
  const id = useId();
  const fillable = fillableTemplates(templates);
  const [templateId, setTemplateId] = useState('');
  const chosen = fillable.find((x) => x.id === templateId) ?? fillable[0];
  const [people, setPeople] = useState<{ total: number; rows: PersonSummary[] } | null>(null);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [edition, setEdition] = useState<EditionDetails | null>(null);
  const [starting, setStarting] = useState(false);
  const batch = useBatchJob(setError);

  useEffect(() => {
    let live = true;
    void call('people.list', { sort: 'name', dir: 'asc', limit: 500, offset: 0 }).then((res) => {
      if (!live) return;
      if (res.ok) setPeople(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const running = batch.running;
  const names = useMemo(() => new Map((people?.rows ?? []).map((p) => [p.id, personLabel(p)])), [people]);

  const shown = useMemo(() => {
    const q = filter.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const rows = people?.rows ?? [];
    if (!q) return rows;
    return rows.filter((p) =>
      `${p.givenName} ${p.familyName} ${p.aNumber ?? ''}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(q),
    );
  }, [people, filter]);

  const toggle = (personId: string, on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  const allShown = shown.length > 0 && shown.every((p) => picked.has(p.id));
  const toggleAll = (on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      for (const p of shown) {
        if (on) next.add(p.id);
        else next.delete(p.id);
      }
      return next;
    });

  const start = async (accept: boolean) => {
    if (!chosen || picked.size === 0 || picked.size > MAX_PEOPLE) return;
    setStarting(true);
    setError(null);
    setEdition(null);
    const failure = await batch.start({ templateId: chosen.id, personIds: [...picked], acceptEditionMismatch: accept, flatten: false });
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
        <div className="field field--grow">
          <label htmlFor={`${id}-template`}>{t('forms.fill.template')}</label>
          <select
            id={`${id}-template`}
            className="select"
            value={chosen?.id ?? ''}
            disabled={running}
            onChange={(e) => setTemplateId(e.target.value)}
          >
            {fillable.map((x) => (
              <option key={x.id} value={x.id}>
                {templateOptionLabel(t, x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--medium">
          <label htmlFor={`${id}-filter`}>{t('forms.batch.filter')}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>

      {!people ? (
        <p className="muted">{t('forms.batch.loading')}</p>
      ) : people.rows.length === 0 ? (
        <p className="muted">{t('forms.batch.noPeople')}</p>
      ) : (
        <div className="table-wrap batch-people">
          <table className="data-table" aria-label={t('forms.batch.people')}>
            <thead>
              <tr>
                <th scope="col" className="col-check">
                  <input
                    type="checkbox"
                    checked={allShown}
                    disabled={running || shown.length === 0}
                    aria-label={t('forms.batch.selectAll', { count: shown.length })}
                    onChange={(e) => toggleAll(e.target.checked)}
                  />
                </th>
                <th scope="col">{t('forms.batch.name')}</th>
                <th scope="col">{t('forms.batch.dob')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td className="col-check">
                    <input
                      id={`${id}-p-${p.id}`}
                      type="checkbox"
                      checked={picked.has(p.id)}
                      disabled={running}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <label htmlFor={`${id}-p-${p.id}`}>{personLabel(p)}</label>
                  </th>
                  <td>{showDate(p.dob, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people && people.total > people.rows.length ? (
        <p className="field-hint">{t('forms.batch.more', { shown: people.rows.length, total: people.total })}</p>
      ) : null}

      <div className="actions actions--start">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!chosen || picked.size === 0 || picked.size > MAX_PEOPLE || running || starting}
          onClick={() => void start(false)}
        >
          {starting ? <span className="spinner" aria-hidden="true" /> : null}
          {t('forms.batch.start', { count: picked.size })}
        </button>
        <span className={picked.size > MAX_PEOPLE ? 'field-error' : 'field-hint'} aria-live="polite">
          {picked.size > MAX_PEOPLE
            ? t('forms.batch.tooMany', { max: MAX_PEOPLE })
            : t('forms.batch.picked', { count: picked.size, max: MAX_PEOPLE })}
        </span>
      </div>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      {edition ? (
        <EditionDiff id={`${id}-edition`} form={edition.form} edition={edition.edition} missing={edition.missing} added={edition.added}>
          <button type="button" className="btn btn-primary" onClick={() => void start(true)}>
            {t('forms.edition.accept')}
          </button>
          <button type="button" className="btn" onClick={() => setEdition(null)}>
            {t('forms.edition.cancel')}
          </button>
        </EditionDiff>
      ) : null}

      <BatchJobSection id={id} batch={batch} names={names} />
    </div>
  );
}
