/**
 * The docket: every open deadline and scheduled hearing from overdue up to
 * the range chosen (30, 90, 365 days or everything open), grouped Overdue /
 * Today / Next 7 days / Next 30 days / Later, detained people first in each
 * group. A group shows a page of rows and "Show more" fetches the next page
 * from the core. Each row's button opens its trail (a hearing: its time,
 * court and judge) in place (Enter or click; Escape closes; Up/Down move
 * between rows). Ended TPS designations are listed apart, as information.
 * From here: one person's deadlines, the clinic's calendar export, and
 * court closure days.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { call } from '../../api';
import { coreErrorCode, invalidateCore, useCoreQuery } from '../../query';
import { useDebounced } from '../../hooks';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import { CASE_TYPES } from '../../../../shared/schemas/intake';
import type { DocketGroup, DocketGroupKey, DocketRow, DocketView, PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { DeadlineDetail } from '../deadlines/DeadlineDetail';
import { DeadlineFlags } from '../deadlines/Badges';
import { IcsExport } from '../deadlines/IcsExport';
import { PersonDeadlines } from '../deadlines/PersonDeadlines';
import { dueDate, fullName, relative, shortDate } from '../deadlines/format';
import { moveRowFocus } from '../deadlines/rowFocus';
import { RowToggle } from '../deadlines/RowToggle';
import { Closures } from './Closures';
import { EoirDue } from '../detention/EoirDue';

type View = { kind: 'docket' } | { kind: 'person'; personId: string; name: string; from: string | null };

export function DocketPage() {
  const [view, setView] = useState<View>({ kind: 'docket' });
  if (view.kind === 'person') {
    return (
      <PersonPage
        personId={view.personId}
        name={view.name}
        onBack={() => {
          const from = view.from;
          setView({ kind: 'docket' });
          if (from) focusWhenReady(() => document.getElementById(`row-${from}`));
        }}
      />
    );
  }
  return <Docket openPerson={(personId, name, from) => setView({ kind: 'person', personId, name, from })} />;
}

function PersonPage({ personId, name, onBack }: { personId: string; name: string; onBack(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="person-page">
      <p className="back-link">
        <button type="button" className="btn-link" onClick={onBack}>
          ← {t('docket.back')}
        </button>
      </p>
      <h2 ref={ref} tabIndex={-1} className="person-name">
        {t('docket.personTitle', { name })}
      </h2>
      <PersonDeadlines personId={personId} />
    </div>
  );
}

interface Filters {
  assignee: string;
  caseType: string;
  /** Held now at this listed facility, or in this ICE field office's area (issue 14 §3). */
  facility: string;
  fieldOffice: string;
  /** Days ahead, or 'all'. */
  range: DocketRange;
}

export const DOCKET_RANGES = ['30', '90', '365', 'all'] as const;
type DocketRange = (typeof DOCKET_RANGES)[number];
/** Rows fetched per group at a time: enough to work through, few enough to draw at once. */
export const DOCKET_PAGE = 200;
const rangeDays = (r: DocketRange): number | null => (r === 'all' ? null : Number(r));

function Docket({ openPerson }: { openPerson(personId: string, name: string, from: string | null): void }) {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>({ assignee: '', caseType: '', facility: '', fieldOffice: '', range: '30' });
  const offices = useCoreQuery('facilities.status', {});
  const [openId, setOpenId] = useState<string | null>(null);
  // A failed "Show more", until the next answer: it belongs to the answer it tried to extend.
  const [moreError, setMoreError] = useState<{ at: number; code: string } | null>(null);
  const scopeRef = useRef<HTMLDivElement>(null);
  const query = useCoreQuery(
    'docket.list',
    {
      days: rangeDays(filters.range),
      limit: DOCKET_PAGE,
      ...(filters.assignee ? { assignee: filters.assignee } : {}),
      ...(filters.caseType ? { caseType: filters.caseType } : {}),
      ...(filters.facility ? { facility: filters.facility } : {}),
      ...(filters.fieldOffice ? { fieldOffice: filters.fieldOffice } : {}),
    },
    // A new filter keeps the rows shown until its answer comes, as before.
    { placeholderData: keepPreviousData },
  );
  // "Show more" pages belong to one answer: a refetch (after a write) starts again from the first page, as a reload did.
  const [more, setMore] = useState<{ at: number; groups: Partial<Record<DocketGroupKey, { total: number; rows: DocketRow[] }>> }>({
    at: 0,
    groups: {},
  });
  const docket = withMore(query.data, more.at === query.dataUpdatedAt ? more.groups : {});
  const error = (moreError?.at === query.dataUpdatedAt ? moreError.code : null) ?? coreErrorCode(query.error);
  // The core lists everyone with open work whatever the filters; a chosen name stays selectable even once their work is done.
  const names = new Set(query.data?.assignees ?? []);
  if (filters.assignee && query.data) names.add(filters.assignee);
  const assignees = [...names].sort((a, b) => a.localeCompare(b));
  const reload = () => void invalidateCore(['docket']);

  const total = docket ? docket.groups.reduce((n, g) => n + g.total, 0) : 0;

  /** The next page of one group, appended to what is shown (same query, same day). */
  const showMore = async (key: DocketGroupKey): Promise<void> => {
    const g = docket?.groups.find((x) => x.key === key);
    if (!docket || !g) return;
    const res = await call('docket.list', {
      days: docket.days,
      today: docket.today,
      group: key,
      offset: g.rows.length,
      limit: DOCKET_PAGE,
      ...(filters.assignee ? { assignee: filters.assignee } : {}),
      ...(filters.caseType ? { caseType: filters.caseType } : {}),
      ...(filters.facility ? { facility: filters.facility } : {}),
      ...(filters.fieldOffice ? { fieldOffice: filters.fieldOffice } : {}),
    });
    const at = query.dataUpdatedAt;
    if (!res.ok) return setMoreError({ at, code: res.error.code });
    setMoreError(null);
    const page = res.value.groups[0];
    if (!page) return;
    setMore((m) => {
      const shown = m.at === at ? m.groups[key] : undefined;
      return {
        at,
        groups: { ...(m.at === at ? m.groups : {}), [key]: { total: page.total, rows: [...(shown?.rows ?? []), ...page.rows] } },
      };
    });
  };
  const rowById = new Map<string, DocketRow>();
  for (const g of docket?.groups ?? []) for (const r of g.rows) rowById.set(r.id, r);

  return (
    <div className="docket">
      <div className="filters docket-filters" role="search" aria-label={t('docket.filters')}>
        <div className="field field--inline">
          <label htmlFor="docket-assignee">{t('docket.assignee')}</label>
          <select id="docket-assignee" value={filters.assignee} onChange={(e) => setFilters((f) => ({ ...f, assignee: e.target.value }))}>
            <option value="">{t('docket.everyone')}</option>
            {assignees.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="docket-casetype">{t('docket.caseType')}</label>
          <select id="docket-casetype" value={filters.caseType} onChange={(e) => setFilters((f) => ({ ...f, caseType: e.target.value }))}>
            <option value="">{t('docket.allCaseTypes')}</option>
            {CASE_TYPES.map((c) => (
              <option key={c} value={c}>
                {t(`enum.caseType.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="docket-fieldoffice">{t('docket.fieldOffice')}</label>
          <select
            id="docket-fieldoffice"
            value={filters.fieldOffice}
            onChange={(e) => setFilters((f) => ({ ...f, fieldOffice: e.target.value }))}
          >
            <option value="">{t('docket.allFieldOffices')}</option>
            {(offices.data?.fieldOffices ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="docket-facility">{t('docket.facility')}</label>
          <select id="docket-facility" value={filters.facility} onChange={(e) => setFilters((f) => ({ ...f, facility: e.target.value }))}>
            <option value="">{t('docket.allFacilities')}</option>
            {/* Where someone is held now (the facility list has hundreds); a chosen one stays while its answer loads. */}
            {[...new Set([...(query.data?.facilities ?? []), ...(filters.facility ? [filters.facility] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="docket-range">{t('docket.range')}</label>
          <select
            id="docket-range"
            value={filters.range}
            onChange={(e) => setFilters((f) => ({ ...f, range: e.target.value as DocketRange }))}
          >
            {DOCKET_RANGES.map((r) => (
              <option key={r} value={r}>
                {t(`docket.range.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <PersonFinder onOpen={(p) => openPerson(p.id, fullName(p), null)} />
      </div>
      <FormAlert id="docket-alert" message={error ? t(errorKey(error)) : null} />
      {docket ? (
        <>
          <p className="list-summary" role="status">
            {docket.days === null
              ? t('docket.summaryAll', { count: total, today: dueDate(docket.today, lang) })
              : t('docket.summaryDays', { count: total, days: docket.days, today: dueDate(docket.today, lang) })}
          </p>
          <div ref={scopeRef} data-row-scope="" className="docket-groups">
            {docket.groups.map((g) => (
              <GroupTable
                key={g.key}
                group={g}
                today={docket.today}
                openId={openId}
                onToggle={(id) => setOpenId((cur) => (cur === id ? null : id))}
                onClose={(id) => {
                  setOpenId(null);
                  reload();
                  focusWhenReady(
                    () => document.getElementById(`row-${id}`) ?? scopeRef.current?.querySelector<HTMLElement>('[data-row-button]'),
                  );
                }}
                onOpenPerson={(r) => openPerson(r.personId, r.personName, r.id)}
                onShowMore={() => void showMore(g.key)}
                // An override moves the row at once; a deadline marked done leaves the docket when its detail closes.
                onChanged={(open) => {
                  if (open) reload();
                }}
              />
            ))}
          </div>
          <Notices rows={docket.notices} />
        </>
      ) : !error ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('docket.loading')}
        </p>
      ) : null}
      <div className="docket-tools">
        <div className="panel">
          <IcsExport headingLevel={2} />
        </div>
        <Closures />
        <EoirDue />
      </div>
    </div>
  );
}

/** The first answer with the pages fetched since by "Show more" appended to their groups. */
function withMore(
  base: DocketView | undefined,
  more: Partial<Record<DocketGroupKey, { total: number; rows: DocketRow[] }>>,
): DocketView | null {
  if (!base) return null;
  return {
    ...base,
    groups: base.groups.map((g) => {
      const m = more[g.key];
      return m ? { ...g, total: m.total, rows: [...g.rows, ...m.rows] } : g;
    }),
  };
}

const GROUP_TITLE: Record<DocketGroup['key'], MessageKey> = {
  overdue: 'docket.group.overdue',
  today: 'docket.group.today',
  next7: 'docket.group.next7',
  next30: 'docket.group.next30',
  later: 'docket.group.later',
};

/** Ended TPS designations: information to act on, never counted as overdue. */
function Notices({ rows }: { rows: DocketRow[] }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  if (rows.length === 0) return null;
  return (
    <section className="docket-notices panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('docket.notices.title')} <span className="count">({rows.length})</span>
      </h2>
      <p className="field-hint">{t('docket.notices.intro')}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <strong>{r.label[lang]}</strong> — {t('docket.notice.ended', { date: dueDate(r.due, lang) })} — {r.personName}
            {r.detained ? <span className="pill pill--danger">{t('docket.detained')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function GroupTable({
  group,
  today,
  openId,
  onToggle,
  onClose,
  onOpenPerson,
  onChanged,
  onShowMore,
}: {
  group: DocketGroup;
  today: string;
  openId: string | null;
  onToggle(id: string): void;
  onClose(id: string): void;
  onOpenPerson(r: DocketRow): void;
  onChanged(stillOpen: boolean): void;
  onShowMore(): void;
}) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const range =
    group.key === 'overdue' || group.from === null
      ? ''
      : group.to === null
        ? t('docket.rangeFrom', { date: shortDate(group.from, lang) })
        : group.from === group.to
          ? shortDate(group.to, lang)
          : `${shortDate(group.from, lang)} – ${shortDate(group.to, lang)}`;
  return (
    <section className={`docket-group docket-group--${group.key}${group.total ? ' docket-group--has' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="docket-group-title">
        {t(GROUP_TITLE[group.key])} <span className="count">({group.total})</span>
        {range ? <span className="range">{range}</span> : null}
      </h2>
      {group.rows.length === 0 ? (
        <p className="muted docket-empty">{t(`docket.empty.${group.key}`)}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table docket-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col" className="col-due">
                  {t('docket.col.due')}
                </th>
                <th scope="col">{t('docket.col.deadline')}</th>
                <th scope="col">{t('docket.col.person')}</th>
                <th scope="col">{t('docket.col.caseType')}</th>
                <th scope="col">{t('docket.col.flags')}</th>
              </tr>
            </thead>
            <tbody onKeyDown={(e: KeyboardEvent<HTMLElement>) => moveRowFocus(e)}>
              {group.rows.map((r) => {
                const open = openId === r.id;
                return (
                  <DocketRowView
                    key={r.id}
                    r={r}
                    open={open}
                    today={today}
                    onToggle={() => onToggle(r.id)}
                    onClose={() => onClose(r.id)}
                    onOpenPerson={() => onOpenPerson(r)}
                    onChanged={onChanged}
                  />
                );
              })}
            </tbody>
          </table>
          {group.total > group.rows.length ? (
            <div className="table-note table-note--more">
              <p className="field-hint">{t('docket.shown', { shown: group.rows.length, total: group.total })}</p>
              <button type="button" className="btn btn-small" onClick={onShowMore}>
                {t('docket.showMore', { count: Math.min(DOCKET_PAGE, group.total - group.rows.length) })}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}

function DocketRowView({
  r,
  open,
  today,
  onToggle,
  onClose,
  onOpenPerson,
  onChanged,
}: {
  r: DocketRow;
  open: boolean;
  today: string;
  onToggle(): void;
  onClose(): void;
  onOpenPerson(): void;
  onChanged(stillOpen: boolean): void;
}) {
  const { t, lang } = useI18n();
  const detailId = `docket-detail-${r.id}`;
  const overdue = r.due < today;
  if (r.kind === 'hearing') {
    return <HearingRowView r={r} open={open} today={today} detailId={detailId} onToggle={onToggle} onOpenPerson={onOpenPerson} />;
  }
  return (
    <>
      <tr className={`${r.detained ? 'row--detained' : ''}${open ? ' row--open' : ''}`} data-deadline-id={r.id}>
        <td className="nowrap col-due">
          <span className="due-cell">{dueDate(r.due, lang)}</span>
          <span className={`rel${overdue ? ' rel--overdue' : ''}`}>{relative(r.due, today, t)}</span>
        </td>
        <RowToggle id={r.id} label={r.label[lang]} open={open} detailId={detailId} onToggle={onToggle} />
        <td>
          <span className="person-cell">{r.personName}</span>
          {r.detained ? <span className="pill pill--danger">{t('docket.detained')}</span> : null}
        </td>
        <td>{r.caseType ? t(`enum.caseType.${r.caseType}` as MessageKey) : <span className="muted">—</span>}</td>
        <td>
          <DeadlineFlags verify={r.verify} overridden={r.overridden} flags={r.flags} />
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={5} id={detailId}>
            <DeadlineDetail
              id={r.id}
              personName={r.personName}
              onClose={onClose}
              onOpenPerson={() => onOpenPerson()}
              onChanged={(v) => onChanged(v.status === 'open')}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A hearing: its row opens time, court and judge, and the way to the person's deadlines. */
function HearingRowView({
  r,
  open,
  today,
  detailId,
  onToggle,
  onOpenPerson,
}: {
  r: DocketRow;
  open: boolean;
  today: string;
  detailId: string;
  onToggle(): void;
  onOpenPerson(): void;
}) {
  const { t, lang } = useI18n();
  const h = r.hearing;
  const facts = [h?.time, h?.court, h?.judge].filter(Boolean).join(' · ');
  return (
    <>
      <tr className={`row--hearing${r.detained ? ' row--detained' : ''}${open ? ' row--open' : ''}`} data-hearing-id={r.id}>
        <td className="nowrap col-due">
          <span className="due-cell">{dueDate(r.due, lang)}</span>
          <span className="rel">{relative(r.due, today, t)}</span>
        </td>
        <RowToggle id={r.id} label={r.label[lang]} open={open} detailId={detailId} onToggle={onToggle} />
        <td>
          <span className="person-cell">{r.personName}</span>
          {r.detained ? <span className="pill pill--danger">{t('docket.detained')}</span> : null}
        </td>
        <td>{r.caseType ? t(`enum.caseType.${r.caseType}` as MessageKey) : <span className="muted">—</span>}</td>
        <td>
          <span className="pill pill--info">{t('docket.kind.hearing')}</span>
          {facts ? <span className="hearing-facts">{facts}</span> : null}
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td
            colSpan={5}
            id={detailId}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              onToggle();
              document.getElementById(`row-${r.id}`)?.focus();
            }}
          >
            <dl className="hearing-detail">
              <dt>{t('docket.hearing.time')}</dt>
              <dd>{h?.time ?? '—'}</dd>
              <dt>{t('docket.hearing.court')}</dt>
              <dd>{h?.court ?? '—'}</dd>
              <dt>{t('docket.hearing.judge')}</dt>
              <dd>{h?.judge ?? '—'}</dd>
            </dl>
            <button type="button" className="btn btn-small" onClick={onOpenPerson}>
              {t('docket.openPersonDeadlines', { name: r.personName })}
            </button>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** "Open a person's deadlines": search by name or A-number, results as buttons (Down arrow from the box). */
function PersonFinder({ onOpen }: { onOpen(p: PersonSummary): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const q = query.trim();
  const settled = useDebounced(q, 200);
  const search = useCoreQuery(
    'people.search',
    { query: settled, limit: 8 },
    // The last answer stays up while the next one is typed; a failed search shows as no match, as before.
    { enabled: settled.length >= 2, placeholderData: keepPreviousData },
  );
  const results = search.isError ? [] : (search.data ?? null);

  const shown = q.length >= 2 ? results : null;
  return (
    <div className="field field--inline person-finder">
      <label htmlFor="docket-person">{t('docket.findPerson')}</label>
      <input
        id="docket-person"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder={t('docket.findPersonPlaceholder')}
        aria-describedby="docket-person-hint"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            const first = listRef.current?.querySelector<HTMLElement>('button');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      />
      <p id="docket-person-hint" className="field-hint">
        {t('docket.findPersonHint')}
      </p>
      {shown ? (
        shown.length === 0 ? (
          <p className="muted" role="status">
            {t('docket.findNone')}
          </p>
        ) : (
          <ul
            ref={listRef}
            className="finder-results"
            aria-label={t('docket.findResults')}
            onKeyDown={(e) => {
              const items = [...(listRef.current?.querySelectorAll<HTMLElement>('button') ?? [])];
              const i = items.indexOf(e.target as HTMLElement);
              if (e.key === 'ArrowDown' && items[i + 1]) {
                e.preventDefault();
                items[i + 1]!.focus();
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                (items[i - 1] ?? document.getElementById('docket-person'))?.focus();
              }
            }}
          >
            {shown.map((p) => (
              <li key={p.id}>
                <button type="button" className="btn-link" onClick={() => onOpen(p)}>
                  {t('docket.openPersonDeadlines', { name: fullName(p) })}
                </button>
                {p.detained ? <span className="pill pill--danger">{t('docket.detained')}</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
