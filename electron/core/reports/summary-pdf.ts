/**
 * The case summary a lead takes to a meeting or a court: one person's facts,
 * detention, each case (or the one asked for), open deadlines with their
 * citations, completed ones, events, forms produced and notes, with any
 * urgent needs at the top of page 1. Labels only (every code goes through the message catalogs), in
 * English or Spanish, dates in the language's one format. It is drawn by
 * the same sheet layout as the intake summary (forms/summary.ts).
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import { formatDate, formatInstantDate } from '../../../shared/i18n/dates';
import { t, type Lang, type MessageKey } from '../../../shared/i18n';
import { formatANumber } from '../../../shared/schemas/anumber';
import type { DeadlineView, EventView, FormFillView, PersonView } from '../../../shared/views';
import type { Ctx } from '../context';
import { getPerson } from '../intake/people';
import { listDeadlines } from '../deadlines/deadlines';
import { listEvents } from '../deadlines/events';
import { fillHistory } from '../forms/service/fills';
import { drawSheet, type Row, type Section } from '../forms/summary';
import { getClosing } from './closing';

export interface CaseSummaryData {
  person: PersonView;
  caseId?: string | undefined;
  deadlines: DeadlineView[];
  events: EventView[];
  fills: FormFillView[];
  closings: Map<string, ReturnType<typeof getClosing>>;
}

export function loadSummaryData(ctx: Ctx, personId: string, caseId?: string): CaseSummaryData {
  const person = getPerson(ctx, personId);
  if (person.mergedInto) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
  if (caseId !== undefined && !person.cases.some((c) => c.id === caseId)) {
    throw new AppError('NOT_FOUND', 'That case does not belong to this person.');
  }
  const inCase = <T extends { caseId: string | null }>(rows: T[]) =>
    caseId === undefined ? rows : rows.filter((r) => r.caseId === caseId);
  return {
    person,
    caseId,
    deadlines: inCase(listDeadlines(ctx, personId, 'all')),
    events: inCase(listEvents(ctx, personId)),
    fills: inCase(fillHistory(ctx, personId)).filter((f) => f.kind !== 'test'),
    closings: new Map(person.cases.map((c) => [c.id, getClosing(ctx, c.id)])),
  };
}

/** A typed hearing time (HH:MM, 24-hour) as the language reads times: "8:30 AM" in English, "08:30" in Spanish. */
function clock(hhmm: string | undefined, lang: Lang): string | undefined {
  const m = hhmm ? /^(\d{1,2}):(\d{2})$/.exec(hhmm) : null;
  if (!m || lang === 'es') return hhmm;
  const h = Number(m[1]);
  return h > 23 ? hhmm : `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`;
}

const labelOf = (lang: Lang, key: string): string => t(lang, key as MessageKey);
/** A code's label when the catalog has one, the stored text otherwise (never a raw key). */
function label(lang: Lang, prefix: string, code: string | undefined | null): string | undefined {
  if (!code) return undefined;
  const key = `${prefix}.${code}`;
  const text = labelOf(lang, key);
  return text === key ? code : text;
}

export function summarySections(d: CaseSummaryData, lang: Lang): Section[] {
  const L = (key: MessageKey) => labelOf(lang, key);
  const date = (iso: string | undefined | null) => (iso ? formatDate(iso, lang) : undefined);
  const yesNo = (b: boolean) => L(b ? 'reports.summary.yes' : 'reports.summary.no');
  const p = d.person.person;
  const det = d.person.detention;
  const sections: Section[] = [
    // Urgent needs first, on page 1: a lead handing this to a court or a detention visit must not miss them on the last page.
    { title: L('field.urgentNeeds'), rows: [['', d.person.urgentNeeds]] },
    {
      title: L('reports.summary.person'),
      rows: [
        [L('field.givenName'), p.givenName],
        [L('field.familyName'), p.familyName],
        [L('field.aliases'), p.aliases.join('; ')],
        [L('field.dob'), date(p.dob) ?? (p.approxAge !== undefined ? String(p.approxAge) : undefined)],
        [L('field.countryOfBirth'), p.countryOfBirth],
        [L('field.nationality'), p.nationality],
        [L('field.languages'), p.languages.join(', ')],
        [L('field.interpreterNeeded'), yesNo(p.interpreterNeeded)],
        [L('field.aNumber'), p.aNumber ? formatANumber(p.aNumber) : undefined],
        [L('field.phone'), p.phone],
        [L('field.email'), p.email],
      ],
    },
    {
      title: L('reports.summary.detention'),
      rows: [
        [L('field.detained'), yesNo(det.detained)],
        [L('field.facility'), det.facility],
        [L('field.bookingNumber'), det.bookingNumber],
        [L('field.dateDetained'), date(det.dateDetained)],
        [L('field.iceFieldOffice'), det.iceFieldOffice],
      ],
    },
  ];
  const cases = d.caseId === undefined ? d.person.cases : d.person.cases.filter((c) => c.id === d.caseId);
  for (const [i, c] of cases.entries()) {
    const closing = d.closings.get(c.id);
    const hearing = c.nextHearing;
    sections.push({
      title: t(lang, 'reports.summary.caseN', { n: i + 1, type: label(lang, 'enum.caseType', c.type) ?? c.type }),
      rows: [
        [L('field.caseStatus'), label(lang, 'enum.caseStatus', c.status)],
        [L('field.court'), c.court],
        [L('field.judge'), c.judge],
        [
          L('reports.summary.nextHearing'),
          hearing?.date
            ? [formatDate(hearing.date, lang, 'weekday'), clock(hearing.time, lang), label(lang, 'enum.hearingKind', hearing.kind)]
                .filter(Boolean)
                .join(', ')
            : undefined,
        ],
        [L('field.assignedTo'), c.assignedTo],
        [L('field.outcome'), c.outcome],
        [L('reports.summary.closedOn'), closing && c.status === 'closed' ? date(closing.closedOn) : undefined],
        [
          L('reports.summary.closingOutcome'),
          closing && c.status === 'closed' ? label(lang, 'reports.outcome', closing.outcome) : undefined,
        ],
      ],
    });
  }
  const open = d.deadlines.filter((x) => x.status === 'open').sort((a, b) => a.due.localeCompare(b.due));
  const done = d.deadlines.filter((x) => x.status === 'done').sort((a, b) => a.due.localeCompare(b.due));
  sections.push({
    title: L('reports.summary.openDeadlines'),
    rows: open.length
      ? open.map((x): Row => [
          formatDate(x.due, lang, 'weekday'),
          `${x.label[lang]} (${x.citation})${x.verify ? ` · ${L('reports.summary.verify')}` : ''}`,
        ])
      : [[L('reports.summary.none'), L('reports.summary.noOpenDeadlines')]],
  });
  sections.push({
    title: L('reports.summary.doneDeadlines'),
    rows: done.map((x): Row => [
      formatDate(x.due, lang),
      `${x.label[lang]}${x.doneAt ? ` · ${t(lang, 'reports.summary.doneOn', { date: formatInstantDate(x.doneAt, lang) })}` : ''}`,
    ]),
  });
  sections.push({
    title: L('reports.summary.events'),
    rows: [...d.events]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e): Row => [formatDate(e.date, lang), label(lang, 'event.kind', e.kind) ?? e.kind]),
  });
  sections.push({
    title: L('reports.summary.forms'),
    rows: d.fills.map((f): Row => [
      formatInstantDate(f.filledAt, lang),
      f.kind === 'summary'
        ? L(f.form === 'case-summary' ? 'reports.summary.caseSummaryForm' : 'reports.summary.intakeSummaryForm')
        : [f.form.toUpperCase(), f.edition ? t(lang, 'reports.summary.edition', { edition: f.edition }) : ''].filter(Boolean).join(', '),
    ]),
  });
  sections.push({ title: L('field.notes'), rows: [['', d.person.notes]] });
  return sections;
}

export interface SummaryRender {
  lang: Lang;
  preparedOn: string;
  resourcesDir?: string;
}

/** Draws one person's summary into `doc` (a batch draws many into one). */
export async function drawCaseSummary(doc: PDFDocument, d: CaseSummaryData, r: SummaryRender): Promise<void> {
  const p = d.person.person;
  const name = [p.givenName, p.familyName].filter(Boolean).join(' ');
  await drawSheet(doc, {
    title: t(r.lang, 'reports.summary.title', { name }),
    subtitle: t(r.lang, 'reports.summary.subtitle', { date: formatDate(r.preparedOn, r.lang) }),
    sections: summarySections(d, r.lang),
    pageLabel: (i, n) => t(r.lang, 'reports.summary.page', { i, n }),
    ...(r.resourcesDir ? { resourcesDir: r.resourcesDir } : {}),
  });
}

export async function renderCaseSummary(d: CaseSummaryData, r: SummaryRender): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  await drawCaseSummary(doc, d, r);
  return doc.save({ objectsPerTick: Infinity });
}
