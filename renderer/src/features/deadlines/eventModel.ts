/**
 * The event form's values (all text and checkboxes, as typed), their checks
 * (messages are catalog keys), and the conversion to the contract's event.
 */
import { z } from 'zod';
import type { OpInput } from '../../../../shared/contract';
import { EVENT_KINDS, type EventKind, type EventView } from '../../../../shared/views';
import { parseDateInput, parseDays, usInput } from './format';

export type EventInput = OpInput<'events.add'>['event'];

/** Kinds offered under "Add event". A moved hearing is entered with "Move" on the hearing itself. */
export const ADD_KINDS = EVENT_KINDS.filter((k) => k !== 'hearing-moved');

export interface EventValues {
  kind: EventKind;
  date: string;
  caseId: string;
  hearingKind: '' | 'master' | 'individual';
  detained: boolean;
  /** The judge's days (detained individual hearing), the notice's days (RFE, NOID) or the days granted (VD). */
  days: string;
  inAbsentia: boolean;
  subkind: '' | 'rfe' | 'noid' | 'denial';
  mailed: boolean;
  stage: 'post-conclusion' | 'pre-conclusion';
  facility: string;
  asylum: 'auto' | 'yes' | 'no';
  closes: string;
  citation: string;
  inCourt: boolean;
  /** Asylum clock stop: the day the clock ran again, and why it stopped. */
  stopTo: string;
  reason: string;
  /** Set for a move of an existing hearing (kind hearing-moved). */
  hearingEventId: string;
}

export const isHearing = (kind: string) => kind === 'hearing-scheduled' || kind === 'hearing-moved';

/** Which kinds take a number of days, and whether it is required. */
export function daysField(v: Pick<EventValues, 'kind' | 'hearingKind' | 'detained' | 'subkind'>): 'judge' | 'notice' | 'granted' | null {
  if (isHearing(v.kind) && v.hearingKind === 'individual' && v.detained) return 'judge';
  if (v.kind === 'uscis-notice' && (v.subkind === 'rfe' || v.subkind === 'noid')) return 'notice';
  if (v.kind === 'vd-granted') return 'granted';
  return null;
}

export function emptyEvent(detained: boolean, caseId: string): EventValues {
  return {
    kind: 'hearing-scheduled',
    date: '',
    caseId,
    hearingKind: 'master',
    detained,
    days: '',
    inAbsentia: false,
    subkind: '',
    mailed: false,
    stage: 'post-conclusion',
    facility: '',
    asylum: 'auto',
    closes: '',
    citation: '',
    inCourt: true,
    stopTo: '',
    reason: '',
    hearingEventId: '',
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function fromEvent(ev: EventView): EventValues {
  const d = ev.details;
  const base = emptyEvent(d.detained === true, ev.caseId ?? '');
  return {
    ...base,
    kind: ev.kind,
    date: usInput(ev.date),
    hearingKind: d.hearingKind === 'master' || d.hearingKind === 'individual' ? d.hearingKind : '',
    days: typeof d.days === 'number' ? String(d.days) : '',
    inAbsentia: d.inAbsentia === true,
    subkind: d.subkind === 'rfe' || d.subkind === 'noid' || d.subkind === 'denial' ? d.subkind : '',
    mailed: d.mailed === true,
    stage: d.stage === 'pre-conclusion' ? 'pre-conclusion' : 'post-conclusion',
    facility: str(d.facility),
    asylum: d.asylum === true ? 'yes' : d.asylum === false ? 'no' : 'auto',
    closes: usInput(str(d.closes)),
    citation: str(d.citation),
    inCourt: d.inCourt !== false,
    stopTo: usInput(str(d.to)),
    reason: str(d.reason),
    hearingEventId: str(d.hearingEventId),
  };
}

/** The move of a hearing: a new date, the hearing's own kind kept. */
export function moveOf(hearing: EventView): EventValues {
  return { ...fromEvent(hearing), kind: 'hearing-moved', date: '', hearingEventId: hearing.id };
}

const HAS_CONTROL = /[\p{Cc}]/u;

export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS),
    date: z.string(),
    caseId: z.string(),
    hearingKind: z.enum(['', 'master', 'individual']),
    detained: z.boolean(),
    days: z.string(),
    inAbsentia: z.boolean(),
    subkind: z.enum(['', 'rfe', 'noid', 'denial']),
    mailed: z.boolean(),
    stage: z.enum(['post-conclusion', 'pre-conclusion']),
    facility: z.string().max(200, { message: 'text.tooLong' }),
    asylum: z.enum(['auto', 'yes', 'no']),
    closes: z.string(),
    citation: z.string().max(300, { message: 'text.tooLong' }),
    inCourt: z.boolean(),
    stopTo: z.string(),
    reason: z.string().max(200, { message: 'text.tooLong' }),
    hearingEventId: z.string(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: keyof EventValues, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.date.trim() === '') issue('date', 'deadlines.date.required');
    else if (parseDateInput(v.date) === null) issue('date', 'date.invalid');
    if (isHearing(v.kind) && v.hearingKind === '') issue('hearingKind', 'deadlines.hearingKind.required');
    if (v.kind === 'uscis-notice' && v.subkind === '') issue('subkind', 'deadlines.subkind.required');
    if (daysField(v)) {
      const d = parseDays(v.days);
      if ('error' in d) issue('days', d.error);
    }
    if (v.kind === 'tps-reregistration-opened' && v.closes.trim() !== '') {
      const closes = parseDateInput(v.closes);
      const opened = parseDateInput(v.date);
      if (closes === null) issue('closes', 'date.invalid');
      else if (opened !== null && closes < opened) issue('closes', 'deadlines.closes.beforeOpen');
    }
    if (v.kind === 'asylum-clock-stop') {
      const to = parseDateInput(v.stopTo);
      const from = parseDateInput(v.date);
      if (v.stopTo.trim() === '') issue('stopTo', 'deadlines.date.required');
      else if (to === null) issue('stopTo', 'date.invalid');
      else if (from !== null && to < from) issue('stopTo', 'clockStop.endsBeforeStart');
      if (HAS_CONTROL.test(v.reason)) issue('reason', 'text.invalidCharacters');
    }
    if (HAS_CONTROL.test(v.facility)) issue('facility', 'text.invalidCharacters');
    if (HAS_CONTROL.test(v.citation)) issue('citation', 'text.invalidCharacters');
  });

/** The contract's event from valid values (call after the schema passed). */
export function toEvent(v: EventValues): EventInput {
  const date = parseDateInput(v.date) ?? v.date.trim();
  const caseId = v.caseId ? { caseId: v.caseId } : {};
  const parsed = daysField(v) ? parseDays(v.days) : null;
  const days = parsed && 'days' in parsed ? parsed.days : undefined;
  const withDays = days === undefined ? {} : { days };
  const hearingKind = v.hearingKind === '' ? 'master' : v.hearingKind;
  switch (v.kind) {
    case 'hearing-scheduled':
      return { kind: v.kind, date, ...caseId, details: { hearingKind, detained: v.detained, ...withDays } };
    case 'hearing-moved':
      if (v.hearingEventId) return { kind: v.kind, date, details: { hearingEventId: v.hearingEventId, hearingKind } };
      return { kind: v.kind, date, ...caseId, details: { hearingKind, detained: v.detained, ...withDays } };
    case 'ij-decision-oral':
    case 'ij-decision-written':
    case 'final-order':
      return { kind: v.kind, date, ...caseId, details: { inAbsentia: v.inAbsentia } };
    case 'uscis-notice': {
      const subkind = v.subkind === '' ? 'denial' : v.subkind;
      return { kind: v.kind, date, ...caseId, details: { subkind, mailed: v.mailed, ...(subkind === 'denial' ? {} : withDays) } };
    }
    case 'detained':
      return { kind: v.kind, date, ...caseId, details: v.facility.trim() ? { facility: v.facility.trim() } : {} };
    case 'last-arrival':
      return { kind: v.kind, date, ...caseId, details: v.asylum === 'auto' ? {} : { asylum: v.asylum === 'yes' } };
    case 'vd-granted':
      return { kind: v.kind, date, ...caseId, details: { days: days ?? 0, stage: v.stage } };
    case 'tps-reregistration-opened': {
      const closes = v.closes.trim() ? parseDateInput(v.closes) : null;
      return {
        kind: v.kind,
        date,
        ...caseId,
        details: { ...(closes ? { closes } : {}), ...(v.citation.trim() ? { citation: v.citation.trim() } : {}) },
      };
    }
    case 'address-changed':
      return { kind: v.kind, date, ...caseId, details: { inCourt: v.inCourt } };
    case 'asylum-clock-stop':
      return {
        kind: v.kind,
        date,
        ...caseId,
        details: { to: parseDateInput(v.stopTo) ?? v.stopTo.trim(), ...(v.reason.trim() ? { reason: v.reason.trim() } : {}) },
      };
    case 'asylum-filed':
    case 'bia-decision':
    case 'released':
    case 'filing-served':
    case 'cfi-negative':
      return { kind: v.kind, date, ...caseId, details: {} };
  }
}
