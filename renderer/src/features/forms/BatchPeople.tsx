/**
 * Choosing the people of a batch (a form for many people, case summaries
 * for many people): a name filter over the people list, a table of
 * checkboxes with "select all shown", and the count against the batch limit.
 * What is ticked stays ticked when the filter hides it.
 */
import { useMemo, useState } from 'react';
import type { PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { personLabel, showDate } from './lib';

/** The contract's maxBatchPeople. */
export const MAX_BATCH_PEOPLE = 100;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The people whose name or A-number contains the filter, accents and case aside. */
export function filterPeople(rows: readonly PersonSummary[], filter: string): readonly PersonSummary[] {
  const q = fold(filter.trim());
  return q ? rows.filter((p) => fold(`${p.givenName} ${p.familyName} ${p.aNumber ?? ''}`).includes(q)) : rows;
}

/** The filter text, the people it shows, and the ticked ones. */
export function useBatchPeople(rows: readonly PersonSummary[] | undefined) {
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => filterPeople(rows ?? [], filter), [rows, filter]);
  const setMany = (ids: readonly string[], on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      for (const p of ids) {
        if (on) next.add(p);
        else next.delete(p);
      }
      return next;
    });
  const tooMany = picked.size > MAX_BATCH_PEOPLE;
  return { filter, setFilter, shown, picked, setMany, tooMany, canStart: picked.size > 0 && !tooMany };
}

export type BatchPeople = ReturnType<typeof useBatchPeople>;

/** A search box for a list on the page (no autocomplete, no spell check). */
export function FilterField({
  id,
  label,
  value,
  onChange,
  className = 'field field--medium',
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The people table with a checkbox per person, or why there is none. */
export function BatchPeopleTable({
  id,
  people,
  pick,
  disabled,
  caption,
}: {
  id: string;
  people: { total: number; rows: PersonSummary[] } | undefined;
  pick: BatchPeople;
  disabled: boolean;
  caption: string;
}) {
  const { t, lang } = useI18n();
  const { shown, picked, setMany } = pick;
  if (!people) return <p className="muted">{t('forms.batch.loading')}</p>;
  if (people.rows.length === 0) return <p className="muted">{t('forms.batch.noPeople')}</p>;
  const allShown = shown.length > 0 && shown.every((p) => picked.has(p.id));
  return (
    <>
      <div className="table-wrap batch-people">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-check">
                <input
                  type="checkbox"
                  checked={allShown}
                  disabled={disabled || shown.length === 0}
                  aria-label={t('forms.batch.selectAll', { count: shown.length })}
                  onChange={(e) =>
                    setMany(
                      shown.map((p) => p.id),
                      e.target.checked,
                    )
                  }
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
                    disabled={disabled}
                    onChange={(e) => setMany([p.id], e.target.checked)}
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
      {people.total > people.rows.length ? (
        <p className="field-hint">{t('forms.batch.more', { shown: people.rows.length, total: people.total })}</p>
      ) : null}
    </>
  );
}

/** "3 selected (at most 100)", or the error when there are too many; announced as it changes. */
export function PickedCount({ pick }: { pick: BatchPeople }) {
  const { t } = useI18n();
  return (
    <span className={pick.tooMany ? 'field-error' : 'field-hint'} aria-live="polite">
      {pick.tooMany
        ? t('forms.batch.tooMany', { max: MAX_BATCH_PEOPLE })
        : t('forms.batch.picked', { count: pick.picked.size, max: MAX_BATCH_PEOPLE })}
    </span>
  );
}
