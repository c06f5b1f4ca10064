/**
 * A person's case events and deadlines, for the person's page:
 *
 *   <PersonDeadlines personId={id} />
 *
 * Events (a hearing, a decision, a notice) create deadlines; editing or
 * moving one recomputes exactly its deadlines, and the change is listed
 * (before -> after). Each deadline opens its trail. Manual deadlines and a
 * calendar export for the person are here too.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { CASE_READS, callAndInvalidate, coreErrorCode, invalidateCore, useCoreQuery } from '../../query';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import type { DeadlineView, EventResult, EventView, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { DeadlineDetail } from './DeadlineDetail';
import { DeadlineFlags } from './Badges';
import { EventForm, type EventFormMode } from './EventForm';
import { ManualForm } from './ManualForm';
import { IcsExport } from './IcsExport';
import { dueDate, localToday, relative, shortDate } from './format';
import { moveRowFocus } from './rowFocus';
import { RowToggle } from './RowToggle';
import { Ar11Offer } from '../forms/Ar11Offer';

interface Loaded {
  person: PersonView;
  events: EventView[];
  deadlines: DeadlineView[];
}

interface Change {
  result: EventResult;
  before: Map<string, DeadlineView>;
  caseChanged: boolean;
}

export function PersonDeadlines({
  personId,
  onCaseChanged,
}: {
  personId: string;
  /** A moved hearing also moved a case's next hearing: the page may reload its cases. */ onCaseChanged?(): void;
}) {
  const { t, lang } = useI18n();
  const prefix = useId();
  const person = useCoreQuery('people.get', { id: personId });
  const events = useCoreQuery('events.list', { personId });
  const deadlines = useCoreQuery('deadlines.list', { personId, status: 'all' });
  const data: Loaded | null =
    person.data && events.data && deadlines.data ? { person: person.data, events: events.data, deadlines: deadlines.data } : null;
  const error = coreErrorCode(person.error ?? events.error ?? deadlines.error);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<EventFormMode | 'manual' | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const changeRef = useRef<HTMLDivElement>(null);

  const closeForm = (focus: () => HTMLElement | null = () => addRef.current) => {
    setForm(null);
    focusWhenReady(focus);
  };

  const onEventSaved = (result: EventResult, caseChanged: boolean) => {
    const before = new Map((data?.deadlines ?? []).map((d) => [d.id, d]));
    setChange({ result, before, caseChanged });
    setForm(null);
    // After `before` is taken: an event's deadlines, its case's next hearing, the docket and the counts all move with it.
    void invalidateCore(CASE_READS);
    focusWhenReady(() => changeRef.current);
    if (caseChanged) onCaseChanged?.();
  };

  if (error && !data) return <FormAlert id={`${prefix}-load`} message={t(errorKey(error))} />;
  if (!data) {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('deadlines.loading')}
      </p>
    );
  }

  const today = localToday();
  const open = data.deadlines.filter((d) => d.status === 'open');
  const done = data.deadlines.filter((d) => d.status === 'done');
  const ordered = [...open, ...done];
  const readOnly = !!data.person.mergedInto;
  const eventById = new Map(data.events.map((e) => [e.id, e]));

  return (
    <section className="panel person-deadlines" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t('deadlines.title')}</h2>
      <div ref={changeRef} tabIndex={-1} className="change-anchor">
        {change ? <ChangeSummary change={change} onDismiss={() => setChange(null)} /> : null}
        {change?.result.event.kind === 'address-changed' && !readOnly ? <Ar11Offer personId={personId} /> : null}
      </div>

      <h3 className="subhead">{t('deadlines.listTitle', { open: open.length, done: done.length })}</h3>
      {ordered.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table deadline-table">
            <thead>
              <tr>
                <th scope="col">{t('docket.col.due')}</th>
                <th scope="col">{t('docket.col.deadline')}</th>
                <th scope="col">{t('deadlines.col.from')}</th>
                <th scope="col">{t('docket.col.flags')}</th>
              </tr>
            </thead>
            <tbody onKeyDown={(e: KeyboardEvent<HTMLElement>) => moveRowFocus(e)}>
              {ordered.map((d) => {
                const isOpen = openId === d.id;
                const ev = d.eventId ? eventById.get(d.eventId) : undefined;
                return (
                  <DeadlineRows
                    key={d.id}
                    d={d}
                    isOpen={isOpen}
                    today={today}
                    from={
                      ev
                        ? `${t(`event.kind.${ev.kind}` as MessageKey)}, ${shortDate(ev.date, lang)}`
                        : d.source === 'manual'
                          ? t('deadlines.manual')
                          : d.source === 'tps'
                            ? t('deadlines.tps')
                            : ''
                    }
                    onToggle={() => setOpenId(isOpen ? null : d.id)}
                    onClose={() => {
                      setOpenId(null);
                      focusWhenReady(() => document.getElementById(`row-${d.id}`));
                    }}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="subhead">{t('events.title', { count: data.events.length })}</h3>
      {data.events.length === 0 ? (
        <p className="muted">{t('events.none')}</p>
      ) : (
        <EventTable
          events={data.events}
          deadlines={data.deadlines}
          readOnly={readOnly}
          onMove={(hearing) => setForm({ kind: 'move', hearing })}
          onEdit={(event) => setForm({ kind: 'edit', event })}
          onDeleted={(caseChanged) => {
            // Deleting the hearing a case showed moved the case's next hearing too (in the core).
            if (caseChanged) onCaseChanged?.();
          }}
        />
      )}

      {form === 'manual' ? (
        <ManualForm
          person={data.person}
          onCancel={() => closeForm()}
          onDone={(v) => {
            setChange(null);
            setOpenId(v.id);
            closeForm(() => document.getElementById(`row-${v.id}`));
          }}
        />
      ) : form ? (
        <EventForm
          key={form.kind === 'add' ? 'add' : form.kind === 'edit' ? `edit-${form.event.id}` : `move-${form.hearing.id}`}
          person={data.person}
          mode={form}
          onCancel={() => closeForm()}
          onDone={onEventSaved}
        />
      ) : (
        <div className="actions actions--start">
          <button ref={addRef} type="button" className="btn btn-primary" disabled={readOnly} onClick={() => setForm({ kind: 'add' })}>
            + {t('event.add')}
          </button>
          <button type="button" className="btn" disabled={readOnly} onClick={() => setForm('manual')}>
            + {t('manual.add')}
          </button>
        </div>
      )}

      <IcsExport personId={personId} />
    </section>
  );
}

function DeadlineRows({
  d,
  isOpen,
  today,
  from,
  onToggle,
  onClose,
}: {
  d: DeadlineView;
  isOpen: boolean;
  today: string;
  from: string;
  onToggle(): void;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const detailId = `detail-${d.id}`;
  const overdue = d.status === 'open' && d.due < today;
  return (
    <>
      <tr className={`${d.status === 'done' ? 'row--done' : ''}${overdue ? ' row--overdue' : ''}`}>
        <td className="nowrap">
          <span className="due-cell">{dueDate(d.due, lang)}</span>
          {d.status === 'open' ? <span className={`rel${overdue ? ' rel--overdue' : ''}`}>{relative(d.due, today, t)}</span> : null}
        </td>
        <RowToggle id={d.id} label={d.label[lang]} open={isOpen} detailId={detailId} onToggle={onToggle} />
        <td>{from}</td>
        <td>
          <DeadlineFlags verify={d.verify} overridden={d.override !== null} flags={d.flags} done={d.status === 'done'} />
        </td>
      </tr>
      {isOpen ? (
        <tr className="detail-row">
          <td colSpan={4} id={detailId}>
            {/* The detail's writes refetch this list themselves (DEADLINE_WRITE_READS). */}
            <DeadlineDetail id={d.id} onClose={onClose} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function eventSummary(ev: EventView, t: (k: MessageKey, p?: Record<string, string | number>) => string, lang: 'en' | 'es'): string {
  const d = ev.details;
  const parts: string[] = [];
  if (d.hearingKind === 'master' || d.hearingKind === 'individual') parts.push(t(`enum.hearingKind.${d.hearingKind}`));
  if (d.detained === true) parts.push(t('event.sum.detained'));
  if (d.detained === false) parts.push(t('event.sum.notDetained'));
  if (d.subkind === 'rfe' || d.subkind === 'noid' || d.subkind === 'denial') parts.push(t(`event.subkind.${d.subkind}`));
  if (d.mailed === true) parts.push(t('event.sum.mailed'));
  if (typeof d.days === 'number') parts.push(t('event.sum.days', { n: d.days }));
  if (d.inAbsentia === true) parts.push(t('event.sum.inAbsentia'));
  if (d.stage === 'pre-conclusion') parts.push(t('event.stage.pre'));
  if (typeof d.facility === 'string') parts.push(d.facility);
  if (typeof d.closes === 'string') parts.push(t('event.sum.closes', { date: dueDate(d.closes, lang) }));
  if (typeof d.previousDate === 'string') parts.push(t('event.sum.movedFrom', { date: dueDate(d.previousDate, lang) }));
  if (d.asylum === false) parts.push(t('event.sum.noAsylum'));
  if (d.inCourt === false) parts.push(t('event.sum.notInCourt'));
  // A clock stop shows when the clock ran again and why: the two facts that move the EAD dates.
  if (ev.kind === 'asylum-clock-stop' && typeof d.to === 'string') parts.push(t('event.sum.clockRanAgain', { date: dueDate(d.to, lang) }));
  if (ev.kind === 'asylum-clock-stop' && typeof d.reason === 'string') parts.push(d.reason);
  return parts.join(' · ');
}

function EventTable({
  events,
  deadlines,
  readOnly,
  onMove,
  onEdit,
  onDeleted,
}: {
  events: EventView[];
  deadlines: DeadlineView[];
  readOnly: boolean;
  onMove(e: EventView): void;
  onEdit(e: EventView): void;
  onDeleted(caseChanged: boolean): void;
}) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = (id: string) => deadlines.filter((d) => d.eventId === id).length;
  const del = async (ev: EventView) => {
    setError(null);
    // Its deadlines go with it, and a case's next hearing if it was this one.
    const res = await callAndInvalidate('events.delete', { id: ev.id, version: ev.version }, CASE_READS);
    setConfirming(null);
    if (res.ok) onDeleted(res.value.caseUpdated !== null);
    else setError(res.error.code);
  };
  return (
    <>
      <FormAlert id="events-alert" message={error ? t(errorKey(error)) : null} />
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('events.col.date')}</th>
              <th scope="col">{t('events.col.event')}</th>
              <th scope="col">{t('events.col.details')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((ev) => {
              const name = t(`event.kind.${ev.kind}` as MessageKey);
              const movable =
                (ev.kind === 'hearing-scheduled' || ev.kind === 'hearing-moved') && typeof ev.details.hearingEventId !== 'string';
              return (
                <tr key={ev.id}>
                  <td className="nowrap">{dueDate(ev.date, lang)}</td>
                  <th scope="row">{name}</th>
                  <td>{eventSummary(ev, t, lang)}</td>
                  <td className="event-actions">
                    {confirming === ev.id ? (
                      <span className="confirm-inline" role="group" aria-label={t('events.confirmDelete', { count: count(ev.id) })}>
                        <span>{t('events.confirmDelete', { count: count(ev.id) })}</span>
                        <button type="button" className="btn btn-small btn-danger-outline" autoFocus onClick={() => void del(ev)}>
                          {t('events.delete')}
                        </button>
                        <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        {movable ? (
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={readOnly}
                            onClick={() => onMove(ev)}
                            aria-label={t('events.moveNamed', { date: dueDate(ev.date, lang) })}
                          >
                            {t('events.move')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="btn btn-small btn-quiet"
                          disabled={readOnly}
                          onClick={() => onEdit(ev)}
                          aria-label={t('events.editNamed', { event: name, date: dueDate(ev.date, lang) })}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-quiet"
                          disabled={readOnly}
                          onClick={() => setConfirming(ev.id)}
                          aria-label={t('events.deleteNamed', { event: name, date: dueDate(ev.date, lang) })}
                        >
                          {t('events.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What a save did to the event's deadlines: new, moved (before -> after), removed, unchanged, not created and why. */
function ChangeSummary({ change, onDismiss }: { change: Change; onDismiss(): void }) {
  const { t, lang } = useI18n();
  const { result, before } = change;
  const byId = new Map(result.deadlines.map((d) => [d.id, d]));
  const created = result.created.map((id) => byId.get(id)).filter((d): d is DeadlineView => !!d);
  const updated = result.updated
    .map((id) => ({ now: byId.get(id), was: before.get(id) }))
    .filter((x): x is { now: DeadlineView; was: DeadlineView | undefined } => !!x.now);
  const removed = result.removed.map((id) => before.get(id));
  return (
    <div className="notice change-summary" role="status">
      <p className="change-title">
        <strong>
          {t('change.title', { event: t(`event.kind.${result.event.kind}` as MessageKey), date: dueDate(result.event.date, lang) })}
        </strong>
      </p>
      <ul>
        {created.map((d) => (
          <li key={d.id}>{t('change.created', { label: d.label[lang], due: dueDate(d.due, lang) })}</li>
        ))}
        {updated.map(({ now, was }) => (
          <li key={now.id}>
            {was && was.due !== now.due
              ? t('change.moved', { label: now.label[lang], was: dueDate(was.due, lang), due: dueDate(now.due, lang) })
              : t('change.updated', { label: now.label[lang], due: dueDate(now.due, lang) })}
          </li>
        ))}
        {removed.map((d, i) => (
          <li key={d?.id ?? i}>{t('change.removed', { label: d ? d.label[lang] : '?' })}</li>
        ))}
        {result.unchanged.length ? <li>{t('change.unchanged', { count: result.unchanged.length })}</li> : null}
        {change.caseChanged ? <li>{t('change.caseFollowed', { date: dueDate(result.event.date, lang) })}</li> : null}
        {result.skipped.map((s, i) => (
          <li key={`s${i}`} className="change-skip">
            {s.reason[lang]}
          </li>
        ))}
      </ul>
      {created.length + updated.length + removed.length === 0 && result.skipped.length === 0 ? <p>{t('change.nothing')}</p> : null}
      <button type="button" className="btn btn-small btn-quiet" onClick={onDismiss}>
        {t('change.dismiss')}
      </button>
    </div>
  );
}
