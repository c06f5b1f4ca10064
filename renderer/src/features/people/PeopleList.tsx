/**
 * People: a sortable, filterable, paged table. Sorting is by buttons in the
 * column headers (aria-sort says which); filters are plain checkboxes; the
 * name opens the record. "Me" for "assigned to me" is kept in memory only.
 */
import { useEffect, useId, useState } from 'react';
import { call } from '../../api';
import { errorKey } from '../../../../shared/i18n';
import type { OpInput } from '../../../../shared/contract';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { HEARING_WINDOW_DAYS } from '../../../../shared/intake/urgency';
import type { PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { session, useNavigation } from './navigation';
import { localDate, localTime, personName, usDate } from './format';

export const PAGE_SIZE = 25;

type SortKey = 'name' | 'hearing' | 'updated';
interface Query {
  sort: SortKey;
  dir: 'asc' | 'desc';
  detained: boolean;
  soon: boolean;
  mine: boolean;
  page: number;
}

const DEFAULT_QUERY: Query = { sort: 'name', dir: 'asc', detained: false, soon: false, mine: false, page: 0 };

export function PeopleList() {
  const { t, lang } = useI18n();
  const nav = useNavigation();
  const [q, setQ] = useState<Query>(() => session.list ?? DEFAULT_QUERY);
  const [me, setMe] = useState(session.me);
  const [data, setData] = useState<{ total: number; rows: PersonSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const meId = useId();

  useEffect(() => {
    session.list = q;
  }, [q]);
  useEffect(() => {
    session.me = me;
  }, [me]);

  const mineActive = q.mine && me.trim() !== '';
  const request = JSON.stringify({
    sort: q.sort,
    dir: q.dir,
    limit: PAGE_SIZE,
    offset: q.page * PAGE_SIZE,
    ...(q.detained ? { detained: true } : {}),
    ...(q.soon ? { hearingWithinDays: HEARING_WINDOW_DAYS } : {}),
    ...(mineActive ? { assignedTo: me.trim() } : {}),
  });
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const loading = loadedFor !== request;
  useEffect(() => {
    let live = true;
    void call('people.list', JSON.parse(request) as OpInput<'people.list'>).then((res) => {
      if (!live) return;
      setLoadedFor(request);
      if (res.ok) {
        setData(res.value);
        setError(null);
      } else setError(res.error.code);
    });
    return () => {
      live = false;
    };
  }, [request]);

  const sortBy = (sort: SortKey) =>
    setQ((cur) => ({ ...cur, sort, dir: cur.sort === sort ? (cur.dir === 'asc' ? 'desc' : 'asc') : sort === 'updated' ? 'desc' : 'asc', page: 0 }));
  const filter = (patch: Partial<Query>) => setQ((cur) => ({ ...cur, ...patch, page: 0 }));

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : q.page * PAGE_SIZE + 1;
  const to = Math.min(total, (q.page + 1) * PAGE_SIZE);

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
          <input id="filter-mine" type="checkbox" checked={q.mine} onChange={(e) => filter({ mine: e.target.checked })} aria-describedby={`${meId}-hint`} />
          <label htmlFor="filter-mine">{t('people.filter.mine')}</label>
        </div>
        <div className="field field--inline">
          <label htmlFor={meId}>{t('people.me')}</label>
          <input id={meId} type="text" value={me} autoComplete="off" spellCheck={false} onChange={(e) => setMe(e.target.value)} aria-describedby={`${meId}-hint`} />
          <p id={`${meId}-hint`} className="field-hint">
            {q.mine && !me.trim() ? t('people.meNeeded') : t('people.meHint')}
          </p>
        </div>
      </form>

      <FormAlert id="people-alert" message={error ? t(errorKey(error)) : null} />

      <p className="list-summary" role="status" aria-live="polite">
        {loading && !data ? t('people.loading') : total === 0 ? t('people.empty') : t('people.showing', { from, to, total })}
      </p>

      <div className="table-wrap">
        <table className="data-table" aria-label={t('people.tableLabel')} aria-busy={loading}>
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
            {(data?.rows ?? []).map((p) => (
              <tr key={p.id}>
                <th scope="row" className="name-cell">
                  <button type="button" className="btn-link row-link" onClick={() => nav.openPerson(p.id)}>
                    {personName(p)}
                  </button>
                </th>
                <td className="nowrap">{usDate(p.dob)}</td>
                <td className="mono nowrap">{p.aNumber ? formatANumber(p.aNumber) : ''}</td>
                <td>
                  {p.detained ? (
                    <>
                      <span className="pill pill--warning">{t('people.detained')}</span>
                      {p.facility ? <span className="cell-sub">{p.facility}</span> : null}
                    </>
                  ) : null}
                </td>
                <td className="nowrap">{usDate(p.nextHearing)}</td>
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

      <nav className="pager" aria-label={t('people.pager')}>
        <button type="button" className="btn btn-small" disabled={q.page === 0} onClick={() => setQ((c) => ({ ...c, page: c.page - 1 }))}>
          ← {t('people.prev')}
        </button>
        <span>{t('people.page', { page: q.page + 1, pages })}</span>
        <button type="button" className="btn btn-small" disabled={q.page + 1 >= pages} onClick={() => setQ((c) => ({ ...c, page: c.page + 1 }))}>
          {t('people.next')} →
        </button>
      </nav>
    </div>
  );
}
