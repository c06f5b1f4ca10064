/**
 * People and cases: one sortable, filterable, paged table, switched between
 * the two lists. Sorting is by buttons in the column headers (aria-sort says
 * which); filters are plain checkboxes and apply to both lists; a name opens
 * the person's record. "Assigned to me" means the unlocked user.
 */
import { useEffect, useId, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { coreErrorCode, useCoreQuery } from '../../query';
import { errorKey, isMessageKey } from '../../../../shared/i18n';
import type { OpInput } from '../../../../shared/contract';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { HEARING_WINDOW_DAYS } from '../../../../shared/intake/urgency';
import type { CaseSummary, PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { session, useNavigation } from './navigation';
import { useSession } from '../../session';
import { localDate, localTime, personName, showDate } from './format';

export const PAGE_SIZE = 25;

type SortKey = 'name' | 'hearing' | 'updated';
type View = 'people' | 'cases';
interface Query {
  view: View;
  sort: SortKey;
  dir: 'asc' | 'desc';
  detained: boolean;
  soon: boolean;
  mine: boolean;
  page: number;
}

const DEFAULT_QUERY: Query = { view: 'people', sort: 'name', dir: 'asc', detained: false, soon: false, mine: false, page: 0 };

export function PeopleList() {
  const { t, lang } = useI18n();
  const nav = useNavigation();
  const [q, setQ] = useState<Query>(() => session.list ?? DEFAULT_QUERY);
  // "Assigned to me" is the unlocked user (issue 10): cases carry user names.
  const me = useSession().user?.name ?? '';
  const meId = useId();

  useEffect(() => {
    session.list = q;
  }, [q]);

  const mineActive = q.mine && me.trim() !== '';
  const input: OpInput<'people.list'> & OpInput<'cases.list'> = {
    sort: q.sort,
    dir: q.dir,
    limit: PAGE_SIZE,
    offset: q.page * PAGE_SIZE,
    ...(q.detained ? { detained: true } : {}),
    ...(q.soon ? { hearingWithinDays: HEARING_WINDOW_DAYS } : {}),
    ...(mineActive ? { assignedTo: me.trim() } : {}),
  };
  // One read per list; the page shown stays up (aria-busy) until the next one's answer, as before.
  const people = useCoreQuery('people.list', input, { enabled: q.view === 'people', placeholderData: keepPreviousData });
  const cases = useCoreQuery('cases.list', input, { enabled: q.view === 'cases', placeholderData: keepPreviousData });
  const current = q.view === 'cases' ? cases : people;
  const data: { view: View; total: number; rows: Array<PersonSummary | CaseSummary> } | null = current.data
    ? { view: q.view, ...current.data }
    : q.view === 'cases' && people.data
      ? { view: 'people', ...people.data }
      : q.view === 'people' && cases.data
        ? { view: 'cases', ...cases.data }
        : null;
  const loading = current.isPending || current.isPlaceholderData;
  const error = coreErrorCode(current.error);

  const sortBy = (sort: SortKey) =>
    setQ((cur) => ({
      ...cur,
      sort,
      dir: cur.sort === sort ? (cur.dir === 'asc' ? 'desc' : 'asc') : sort === 'updated' ? 'desc' : 'asc',
      page: 0,
    }));
  const filter = (patch: Partial<Query>) => setQ((cur) => ({ ...cur, ...patch, page: 0 }));

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : q.page * PAGE_SIZE + 1;
  const to = Math.min(total, (q.page + 1) * PAGE_SIZE);

  const enumLabel = (key: string) => (isMessageKey(key) ? t(key) : key);

  const sortHeader = (k: SortKey, label: string) => {
    const active = q.sort === k;
    return (
      <th key={k} scope="col" aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="th-sort" onClick={() => sortBy(k)}>
          {label}
          <span className="th-sort-icon" aria-hidden="true">
            {active ? (q.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="people-page">
      <div className="segmented" role="group" aria-label={t('people.view.label')}>
        {(['people', 'cases'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="segmented-btn"
            aria-pressed={q.view === v}
            onClick={() => setQ((cur) => ({ ...cur, view: v, page: 0 }))}
          >
            {t(v === 'people' ? 'people.view.people' : 'people.view.cases')}
          </button>
        ))}
      </div>
      <form className="filters" aria-label={t('people.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="checkbox">
          <input id="filter-detained" type="checkbox" checked={q.detained} onChange={(e) => filter({ detained: e.target.checked })} />
          <label htmlFor="filter-detained">{t('people.filter.detained')}</label>
        </div>
        <div className="checkbox">
          <input id="filter-soon" type="checkbox" checked={q.soon} onChange={(e) => filter({ soon: e.target.checked })} />
          <label htmlFor="filter-soon">{t('people.filter.soon', { days: HEARING_WINDOW_DAYS })}</label>
        </div>
        <div className="checkbox">
          <input
            id="filter-mine"
            type="checkbox"
            checked={q.mine}
            onChange={(e) => filter({ mine: e.target.checked })}
            aria-describedby={`${meId}-hint`}
          />
          <label htmlFor="filter-mine">{t('people.filter.mine')}</label>
        </div>
        <p id={`${meId}-hint`} className="field-hint">
          {t('people.mineHint', { name: me })}
        </p>
      </form>

      <FormAlert id="people-alert" message={error ? t(errorKey(error)) : null} />

      <p className="list-summary" role="status" aria-live="polite">
        {loading && !data ? t('people.loading') : total === 0 ? t('people.empty') : t('people.showing', { from, to, total })}
      </p>

      {data?.view === 'cases' && q.view === 'cases' ? (
        <div className="table-wrap">
          <table className="data-table" aria-label={t('people.view.cases')} aria-busy={loading}>
            <thead>
              <tr>
                {sortHeader('name', t('people.col.name'))}
                <th scope="col">{t('field.caseType')}</th>
                <th scope="col">{t('field.caseStatus')}</th>
                {sortHeader('hearing', t('people.col.hearing'))}
                <th scope="col">{t('people.col.assignedTo')}</th>
                {sortHeader('updated', t('people.col.updated'))}
              </tr>
            </thead>
            <tbody>
              {(data.rows as CaseSummary[]).map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="name-cell">
                    <button type="button" className="btn-link row-link" onClick={() => nav.openPerson(c.personId)}>
                      {personName(c)}
                    </button>
                    {c.detained ? <span className="pill pill--warning">{t('people.detained')}</span> : null}
                  </th>
                  <td>{enumLabel(`enum.caseType.${c.type}`)}</td>
                  <td>{enumLabel(`enum.caseStatus.${c.status}`)}</td>
                  <td className="nowrap">
                    {showDate(c.hearingDate, lang)}
                    {c.hearingKind ? <span className="cell-sub">{enumLabel(`enum.hearingKind.${c.hearingKind}`)}</span> : null}
                  </td>
                  <td>{c.assignedTo ?? ''}</td>
                  <td className="nowrap">
                    {localDate(c.updatedAt, lang)}
                    <span className="cell-sub">{localTime(c.updatedAt, lang)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table people-table" aria-label={t('people.tableLabel')} aria-busy={loading}>
            <thead>
              <tr>
                {sortHeader('name', t('people.col.name'))}
                <th scope="col">{t('people.col.dob')}</th>
                <th scope="col">{t('people.col.aNumber')}</th>
                <th scope="col">{t('people.col.detention')}</th>
                {sortHeader('hearing', t('people.col.hearing'))}
                <th scope="col">{t('people.col.assignedTo')}</th>
                {sortHeader('updated', t('people.col.updated'))}
              </tr>
            </thead>
            <tbody>
              {(data?.view === 'people' ? (data.rows as PersonSummary[]) : []).map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="name-cell">
                    <button type="button" className="btn-link row-link" onClick={() => nav.openPerson(p.id)}>
                      {personName(p)}
                    </button>
                  </th>
                  <td className="nowrap">{showDate(p.dob, lang)}</td>
                  <td className="mono nowrap">{p.aNumber ? formatANumber(p.aNumber) : ''}</td>
                  <td>
                    {p.detained ? (
                      <>
                        <span className="pill pill--warning">{t('people.detained')}</span>
                        {p.facility ? <span className="cell-sub">{p.facility}</span> : null}
                      </>
                    ) : null}
                  </td>
                  <td className="nowrap">{showDate(p.nextHearing, lang)}</td>
                  <td>{p.assignedTo ?? ''}</td>
                  <td className="nowrap">
                    {localDate(p.updatedAt, lang)}
                    <span className="cell-sub">{localTime(p.updatedAt, lang)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav className="pager" aria-label={t('people.pager')}>
        <button type="button" className="btn btn-small" disabled={q.page === 0} onClick={() => setQ((c) => ({ ...c, page: c.page - 1 }))}>
          ← {t('people.prev')}
        </button>
        <span>{t('people.page', { page: q.page + 1, pages })}</span>
        <button
          type="button"
          className="btn btn-small"
          disabled={q.page + 1 >= pages}
          onClick={() => setQ((c) => ({ ...c, page: c.page + 1 }))}
        >
          {t('people.next')} →
        </button>
      </nav>
    </div>
  );
}
