/**
 * iCalendar (RFC 5545) export of deadlines, written by hand: CRLF line ends,
 * lines folded at 75 octets without splitting a UTF-8 character, TEXT values
 * escaped, one all-day VEVENT per deadline with a UID that stays the same
 * across exports (so calendar apps update instead of duplicating).
 *
 * Calendars get synced to phones and cloud accounts, so by default nothing
 * in an event names the client: the title says what is due and a short case
 * reference. Free text typed by staff (manual labels and notes, override
 * reasons) may name the client too, so it is left out unless names are asked for.
 */
import { addDays } from '../../../shared/deadlines';
import type { Localized } from '../../../shared/deadlines';
import type { IcsExport } from '../../../shared/views';
import type { Ctx } from '../context';
import { personFacts, withTrail, type DeadlineRow } from './rows';
import { findHearings, hearingLabel, hearingOf, type HearingRow } from './hearings';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 3.1: at most 75 octets per line; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const icsDate = (d: string) => d.replace(/-/g, '');
const icsInstant = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

export interface IcsEvent {
  uid: string;
  due: string;
  /** HH:MM local time (a hearing whose time is known): a one-hour, busy event instead of an all-day one. */
  time?: string | null;
  summary: string;
  description: string;
  sequence: number;
  lastModified: string;
}

export function buildCalendar(events: readonly IcsEvent[], stamp: string, alarmDaysBefore?: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Amparo//Deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsInstant(stamp)}`,
      // A hearing's time is the court's local time: "floating" (RFC 5545 3.3.5, no TZID), shown as written.
      ...(e.time
        ? [`DTSTART:${icsDate(e.due)}T${e.time.replace(':', '')}00`, 'DURATION:PT1H']
        : [`DTSTART;VALUE=DATE:${icsDate(e.due)}`, `DTEND;VALUE=DATE:${icsDate(addDays(e.due, 1))}`]),
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `SEQUENCE:${e.sequence}`,
      `LAST-MODIFIED:${icsInstant(e.lastModified)}`,
      e.time ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
    );
    if (alarmDaysBefore !== undefined) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${alarmDaysBefore}D`, 'DESCRIPTION:Amparo deadline', 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A short, non-identifying reference: the last 4 hex digits of the case id (or the person's). */
export const caseRef = (row: { case_id: string | null; person_id: string }) =>
  (row.case_id ?? row.person_id).replace(/-/g, '').slice(-4).toUpperCase();

const WORDS = {
  en: {
    deadline: 'Deadline',
    done: 'Done',
    manual: 'deadline entered by hand',
    case: 'case',
    due: 'Due',
    computed: 'Computed date',
    later: 'Later reading',
    citation: 'Citation',
    verify: 'VERIFY: unsettled rule or unconfirmed citation; check before relying on it.',
    client: 'Client',
    how: 'How it was counted:',
    overridden: 'Date set by hand',
    reason: 'Reason',
    note: 'Note',
    date: 'Date',
    time: 'Time',
    court: 'Court',
    judge: 'Judge',
  },
  es: {
    deadline: 'Plazo',
    done: 'Hecho',
    manual: 'plazo ingresado a mano',
    case: 'caso',
    due: 'Vence',
    computed: 'Fecha calculada',
    later: 'Lectura posterior',
    citation: 'Cita',
    verify: 'VERIFICAR: regla no resuelta o cita sin confirmar; revísela antes de confiar en ella.',
    client: 'Cliente',
    how: 'Cómo se contó:',
    overridden: 'Fecha fijada a mano',
    reason: 'Motivo',
    note: 'Nota',
    date: 'Fecha',
    time: 'Hora',
    court: 'Tribunal',
    judge: 'Juez(a)',
  },
} as const;

/**
 * A scheduled hearing. Court and judge are not client data; the client's
 * name is there only when asked for, as for deadlines.
 */
export function hearingEventFor(r: HearingRow, lang: 'en' | 'es', includeNames: boolean): IcsEvent {
  const w = WORDS[lang];
  const h = hearingOf(r);
  const client = `${r.given_name} ${r.family_name}`.trim();
  const summary = `${hearingLabel(h)[lang]}${includeNames ? ` - ${client}` : ''} (${w.case} ${caseRef(r)})`;
  const lines = [`${w.date}: ${r.date}`];
  if (h.time) lines.push(`${w.time}: ${h.time}`);
  if (h.court) lines.push(`${w.court}: ${h.court}`);
  if (h.judge) lines.push(`${w.judge}: ${h.judge}`);
  if (includeNames) lines.push(`${w.client}: ${client}`);
  return {
    uid: `hearing-${r.id}@amparo`,
    due: r.date,
    time: h.time,
    summary,
    description: lines.join('\n'),
    sequence: r.version - 1,
    lastModified: r.updated_at,
  };
}

export function eventFor(r: DeadlineRow, lang: 'en' | 'es', includeNames: boolean): IcsEvent {
  const w = WORDS[lang];
  const label = (JSON.parse(r.label) as Localized)[lang];
  const ref = caseRef(r);
  const client = r.person_name;
  const what = r.source === 'manual' && !includeNames ? w.manual : label;
  const prefix = r.status === 'done' ? `${w.done}: ` : '';
  const summary = `${prefix}${w.deadline}: ${what}${includeNames ? ` - ${client}` : ''} (${w.case} ${ref})`;
  const lines = [`${w.due}: ${r.due}`];
  if (includeNames) lines.push(`${w.client}: ${client}`);
  if (r.override_due !== null) {
    lines.push(`${w.overridden}; ${w.computed}: ${r.computed_due}`);
    if (includeNames && r.override_reason) lines.push(`${w.reason}: ${r.override_reason}`);
  }
  if (r.rule_due && r.rule_due !== r.computed_due) lines.push(`${w.later}: ${r.rule_due}`);
  // Rule and dataset citations are fixed text; a citation typed by staff (manual
  // deadlines, a re-registration notice) may name the client, like other free text.
  const staffCitation = r.rule_id === null && r.tps_ref === null;
  if (r.citation && (includeNames || !staffCitation)) lines.push(`${w.citation}: ${r.citation}`);
  if (r.verify === 1) lines.push(w.verify);
  if (r.source !== 'manual' || includeNames) {
    const trail = (JSON.parse(r.trail) as { en: string[]; es: string[] })[lang];
    lines.push(w.how, ...trail);
  }
  if (r.source === 'manual' && includeNames && r.note) lines.push(`${w.note}: ${(JSON.parse(r.note) as Localized)[lang]}`);
  return { uid: `${r.id}@amparo`, due: r.due, summary, description: lines.join('\n'), sequence: r.version - 1, lastModified: r.updated_at };
}

export interface IcsOptions {
  personId?: string | undefined;
  includeNames: boolean;
  includeDone: boolean;
  lang: 'en' | 'es';
  alarmDaysBefore?: number | undefined;
}

export function exportIcs(ctx: Ctx, o: IcsOptions): IcsExport {
  const where = [o.includeDone ? '1 = 1' : `d.status = 'open'`];
  const params: unknown[] = [];
  if (o.personId) {
    personFacts(ctx, o.personId);
    where.push('d.person_id = ?');
    params.push(o.personId);
  }
  const rows = ctx.db
    .prepare(`SELECT * FROM deadlines d WHERE ${where.join(' AND ')} ORDER BY d.due, d.id`)
    .all(...params) as DeadlineRow[];
  const today = ctx.today();
  // Hearings still to come (and past ones too when done deadlines are asked for), in date order with the deadlines.
  const hearings = findHearings(ctx, { from: o.includeDone ? null : today, to: null, personId: o.personId });
  const events = [
    ...rows.map((r) => eventFor(withTrail(ctx, r), o.lang, o.includeNames)),
    ...hearings.map((h) => hearingEventFor(h, o.lang, o.includeNames)),
  ].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const ics = buildCalendar(events, ctx.now(), o.alarmDaysBefore);
  const fileName = o.personId
    ? `amparo-deadlines-case-${caseRef({ case_id: null, person_id: o.personId })}-${today}.ics`
    : `amparo-deadlines-${today}.ics`;
  return { fileName, ics, count: events.length, hearings: hearings.length };
}
