/**
 * The app's own intake summary sheet: a plain one- or two-page PDF of a
 * person's facts for the paper file, labelled in English or Spanish.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { AddressView, FormView } from '../../../shared/forms/view';
import { DocumentFonts } from './fonts';
import { drawMixed, wrapMixed } from './pagetext';
import { formatDate as formatSharedDate } from '../../../shared/i18n/dates';
import { isMessageKey, t } from '../../../shared/i18n';

export type SummaryLang = 'en' | 'es';

export interface SummaryOptions {
  view: FormView;
  lang: SummaryLang;
  /** Date printed as "prepared on", `YYYY-MM-DD`; defaults to today (UTC). */
  preparedOn?: string;
  resourcesDir?: string;
  /** What the paper file must show beside the facts: the next hearing, open deadlines and urgent needs. */
  status?: SummaryStatus;
}

export interface SummaryStatus {
  nextHearing?: { date: string; time?: string | undefined; kind?: string | undefined; court?: string | undefined } | null;
  openDeadlines?: Array<{ due: string; label: { en: string; es: string }; citation: string }>;
  urgentNeeds?: string;
}

const LABELS = {
  en: {
    title: 'Intake summary',
    confidential: 'Confidential: client information',
    prepared: 'Prepared',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    person: 'Person',
    contact: 'Contact',
    immigration: 'Immigration history',
    case: 'Case',
    representative: 'Representative',
    detention: 'Detention',
    familyName: 'Family name',
    givenName: 'Given name',
    middleName: 'Middle name',
    aliases: 'Other names used',
    dob: 'Date of birth',
    sex: 'Sex',
    birthplace: 'Place of birth',
    nationality: 'Nationality',
    nationalityAtBirth: 'Nationality at birth',
    maritalStatus: 'Marital status',
    aNumber: 'A-Number',
    nativeLanguage: 'Native language',
    languages: 'Other languages',
    english: 'Fluent in English',
    phone: 'Phone',
    mobile: 'Mobile phone',
    email: 'Email',
    address: 'Residence',
    mailing: 'Mailing address',
    passport: 'Passport',
    lastLeft: 'Last left home country',
    i94: 'I-94 number',
    entry: (n: number) => `Entry ${n}`,
    caseType: 'Case type',
    nextHearing: 'Next hearing',
    openDeadlines: 'Open deadlines',
    urgentNeeds: 'Urgent needs',
    none: 'None',
    court: 'Court',
    proceedings: 'Court proceedings',
    receipt: 'Receipt number',
    name: 'Name',
    firm: 'Firm',
    bar: 'Bar number',
    detained: 'Detained',
    facility: 'Facility',
    since: 'Since',
    yes: 'Yes',
    no: 'No',
    expires: 'expires',
    sexes: { M: 'Male', F: 'Female', X: 'X' },
    marital: { single: 'Single', married: 'Married', divorced: 'Divorced', widowed: 'Widowed', separated: 'Separated' },
    proceedingsValues: { never: 'Never', now: 'Now in proceedings', past: 'In the past' },
  },
  es: {
    title: 'Resumen de admisión',
    confidential: 'Confidencial: información del cliente',
    prepared: 'Preparado',
    page: (i: number, n: number) => `Página ${i} de ${n}`,
    person: 'Persona',
    contact: 'Contacto',
    immigration: 'Historial migratorio',
    case: 'Caso',
    representative: 'Representante',
    detention: 'Detención',
    familyName: 'Apellidos',
    givenName: 'Nombres',
    middleName: 'Segundo nombre',
    aliases: 'Otros nombres usados',
    dob: 'Fecha de nacimiento',
    sex: 'Sexo',
    birthplace: 'Lugar de nacimiento',
    nationality: 'Nacionalidad',
    nationalityAtBirth: 'Nacionalidad al nacer',
    maritalStatus: 'Estado civil',
    aNumber: 'Número A',
    nativeLanguage: 'Idioma materno',
    languages: 'Otros idiomas',
    english: 'Habla inglés con fluidez',
    phone: 'Teléfono',
    mobile: 'Celular',
    email: 'Correo electrónico',
    address: 'Domicilio',
    mailing: 'Dirección postal',
    passport: 'Pasaporte',
    lastLeft: 'Última salida del país de origen',
    i94: 'Número I-94',
    entry: (n: number) => `Entrada ${n}`,
    caseType: 'Tipo de caso',
    nextHearing: 'Próxima audiencia',
    openDeadlines: 'Plazos pendientes',
    urgentNeeds: 'Necesidades urgentes',
    none: 'Ninguno',
    court: 'Corte',
    proceedings: 'Procedimientos en corte',
    receipt: 'Número de recibo',
    name: 'Nombre',
    firm: 'Despacho',
    bar: 'Número de colegiatura',
    detained: 'Detenido(a)',
    facility: 'Centro de detención',
    since: 'Desde',
    yes: 'Sí',
    no: 'No',
    expires: 'vence',
    sexes: { M: 'Masculino', F: 'Femenino', X: 'X' },
    marital: { single: 'Soltero(a)', married: 'Casado(a)', divorced: 'Divorciado(a)', widowed: 'Viudo(a)', separated: 'Separado(a)' },
    proceedingsValues: { never: 'Nunca', now: 'En procedimientos ahora', past: 'En el pasado' },
  },
} as const;

type Labels = (typeof LABELS)[SummaryLang];
export type Row = [label: string, value: string | undefined];
export interface Section {
  title: string;
  rows: Row[];
}

const PAGE: [number, number] = [612, 792];
const MARGIN = 54;
const LABEL_WIDTH = 160;
const SIZE = 10;
const GREY = rgb(0.4, 0.4, 0.4);

export async function renderSummary(opts: SummaryOptions): Promise<Uint8Array> {
  const L = LABELS[opts.lang];
  return renderSheet({
    title: L.title,
    subtitle: `${L.prepared} ${formatDate(opts.preparedOn ?? todayUtc(), opts.lang)} · ${L.confidential}`,
    sections: [...sections(opts.view, L, opts.lang), ...statusSections(opts.status, L, opts.lang)],
    pageLabel: L.page,
    ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
  });
}

export interface SheetOptions {
  title: string;
  /** The grey line under the title (prepared on, confidential). */
  subtitle: string;
  sections: Section[];
  pageLabel: (i: number, n: number) => string;
  resourcesDir?: string;
  /** Where a batch puts several sheets in one file: each starts on a new page of this document. */
  into?: PDFDocument;
}

/**
 * The one layout of Amparo's own sheets (the intake summary here, the case
 * summary in reports/summary-pdf.ts): a title, then labelled rows by
 * section, wrapped, with Unicode fonts for every script and page numbers.
 * Rows without a value are left out, and so are sections left empty.
 */
export async function renderSheet(opts: SheetOptions): Promise<Uint8Array> {
  const doc = opts.into ?? (await PDFDocument.create());
  await drawSheet(doc, opts);
  return doc.save({ objectsPerTick: Infinity });
}

/** Draws one sheet into `doc` (new pages at its end) and numbers its pages. */
export async function drawSheet(doc: PDFDocument, opts: SheetOptions): Promise<void> {
  doc.setTitle(opts.title);
  doc.setProducer('Amparo');
  const fonts = await fontsFor(doc, opts.resourcesDir);
  const sans = await fonts.get('sans');
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(PAGE);
    pages.push(page);
    y = PAGE[1] - MARGIN;
  };
  const draw = (text: string, x: number, size: number, color = rgb(0, 0, 0)) => drawMixed(page, fonts, text, { x, y, size, color });

  newPage();
  y -= 18;
  await draw(opts.title, MARGIN, 18);
  y -= 16;
  await draw(opts.subtitle, MARGIN, 9, GREY);
  y -= 10;

  const valueWidth = PAGE[0] - 2 * MARGIN - LABEL_WIDTH;
  for (const section of opts.sections) {
    const rows = section.rows.filter((r): r is [string, string] => r[1] !== undefined && r[1].trim() !== '');
    if (rows.length === 0) continue;
    if (y < MARGIN + 60) newPage();
    y -= 22;
    await draw(section.title, MARGIN, 12);
    page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: PAGE[0] - MARGIN, y: y - 4 }, thickness: 0.5, color: GREY });
    y -= 6;
    for (const [label, value] of rows) {
      const labelLines = await wrapMixed(fonts, label, SIZE - 1, LABEL_WIDTH - 8);
      const lines = await wrapMixed(fonts, value, SIZE, valueWidth);
      const lineHeight = SIZE * 1.45;
      const height = Math.max(lines.length, labelLines.length);
      if (y - height * lineHeight < MARGIN) newPage();
      y -= lineHeight;
      const top = y;
      for (const [i, line] of labelLines.entries()) {
        if (i > 0) y -= lineHeight;
        await draw(line, MARGIN, SIZE - 1, GREY);
      }
      y = top;
      for (const [i, line] of lines.entries()) {
        if (i > 0) y -= lineHeight;
        await draw(line, MARGIN + LABEL_WIDTH, SIZE);
      }
      y = Math.min(y, top - (labelLines.length - 1) * lineHeight);
    }
  }

  pages.forEach((p, i) => {
    const text = opts.pageLabel(i + 1, pages.length);
    p.drawText(text, { x: PAGE[0] - MARGIN - sans.widthOfTextAtSize(text, 8), y: MARGIN / 2, size: 8, font: sans, color: GREY });
  });
}

/** One font set per document, so a batch of sheets in one file embeds each font once. */
const FONTS = new WeakMap<PDFDocument, Promise<DocumentFonts>>();
function fontsFor(doc: PDFDocument, resourcesDir: string | undefined): Promise<DocumentFonts> {
  // The promise is kept, so two sheets drawn into one document at once still share one font set.
  let f = FONTS.get(doc);
  if (!f) {
    f = DocumentFonts.open(doc, resourcesDir);
    FONTS.set(doc, f);
  }
  return f;
}

/** A code's label in the summary's language; the code itself only when no label exists (a clinic's own value). */
function label(lang: SummaryLang, key: string, fallback: string): string {
  return isMessageKey(key) ? t(lang, key) : fallback;
}

function statusSections(status: SummaryStatus | undefined, L: Labels, lang: SummaryLang): Section[] {
  if (!status) return [];
  const out: Section[] = [];
  const h = status.nextHearing;
  out.push({
    title: L.nextHearing,
    rows: [
      [
        L.nextHearing,
        h
          ? [formatDate(h.date, lang), h.time, h.kind && label(lang, `enum.hearingKind.${h.kind}`, h.kind), h.court]
              .filter(Boolean)
              .join(' · ')
          : L.none,
      ],
    ],
  });
  const deadlines = status.openDeadlines ?? [];
  out.push({
    title: L.openDeadlines,
    rows: deadlines.length
      ? deadlines.map((d): Row => [formatDate(d.due, lang), `${d.label[lang]} (${d.citation})`])
      : [[L.openDeadlines, L.none]],
  });
  if (status.urgentNeeds?.trim()) out.push({ title: L.urgentNeeds, rows: [[L.urgentNeeds, status.urgentNeeds.trim()]] });
  return out;
}

function sections(v: FormView, L: Labels, lang: SummaryLang): Section[] {
  const p = v.person;
  const date = (d: string | undefined) => (d ? formatDate(d, lang) : undefined);
  const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? L.yes : L.no);
  const out: Section[] = [
    {
      title: L.person,
      rows: [
        [L.familyName, p.familyName],
        [L.givenName, p.givenName],
        [L.middleName, p.middleName],
        [L.aliases, p.aliases?.join('; ')],
        [L.dob, date(p.dob)],
        [L.sex, p.sex && L.sexes[p.sex]],
        [L.birthplace, [p.cityOfBirth, p.countryOfBirth].filter(Boolean).join(', ')],
        [L.nationality, p.nationality],
        [L.nationalityAtBirth, p.nationalityAtBirth],
        [L.maritalStatus, p.maritalStatus && L.marital[p.maritalStatus]],
        [L.aNumber, p.aNumber && formatANumber(p.aNumber)],
        [L.nativeLanguage, p.nativeLanguage],
        [L.languages, p.languages?.join(', ')],
        [L.english, yesNo(p.fluentInEnglish)],
      ],
    },
    {
      title: L.contact,
      rows: [
        [L.phone, p.phone && formatPhone(p.phone)],
        [L.mobile, p.mobilePhone && formatPhone(p.mobilePhone)],
        [L.email, p.email],
        [L.address, p.address && formatAddress(p.address)],
        [L.mailing, p.mailingAddress && formatAddress(p.mailingAddress)],
      ],
    },
    {
      title: L.immigration,
      rows: [
        [
          L.passport,
          p.passport &&
            [p.passport.country, p.passport.number, p.passport.expires && `${L.expires} ${date(p.passport.expires)}`]
              .filter(Boolean)
              .join(', '),
        ],
        [L.lastLeft, date(v.history?.lastLeftCountryDate)],
        [L.i94, v.history?.i94Number],
        ...(v.history?.entries ?? []).map((e, i): Row => [L.entry(i + 1), [date(e.date), e.place, e.status].filter(Boolean).join(', ')]),
      ],
    },
  ];
  if (v.case) {
    out.push({
      title: L.case,
      rows: [
        [L.caseType, label(lang, `enum.caseType.${v.case.type}`, v.case.type)],
        [L.court, v.case.court],
        [L.proceedings, v.case.proceedings && L.proceedingsValues[v.case.proceedings]],
        [L.receipt, v.case.receiptNumber],
      ],
    });
  }
  if (v.attorney) {
    const a = v.attorney;
    out.push({
      title: L.representative,
      rows: [
        [L.name, [a.givenName, a.middleName, a.familyName].filter(Boolean).join(' ')],
        [L.firm, a.firm ?? a.organization],
        [L.bar, a.barNumber],
        [L.phone, a.phone && formatPhone(a.phone)],
        [L.email, a.email],
      ],
    });
  }
  if (v.detention) {
    out.push({
      title: L.detention,
      rows: [
        [L.detained, yesNo(v.detention.detained)],
        [L.facility, v.detention.facility],
        [L.since, date(v.detention.since)],
      ],
    });
  }
  return out;
}

/**
 * The app's one date format (shared/i18n/dates.ts): "Mar 7, 1990" / "7 mar 1990",
 * as on every screen, so the paper file and the window never disagree.
 */
export function formatDate(iso: string, lang: SummaryLang): string {
  return formatSharedDate(iso, lang);
}

function formatANumber(a: string): string {
  const d = a.replace(/\D/g, '').padStart(9, '0');
  return `A-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}

function formatPhone(phone: string): string {
  const d = phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : phone;
}

function formatAddress(a: AddressView): string {
  const unit = a.unit ? ` ${a.unitType ? `${a.unitType.toUpperCase()} ` : '#'}${a.unit}` : '';
  const region = [a.state, a.zip].filter(Boolean).join(' ');
  return [
    a.inCareOf && `c/o ${a.inCareOf}`,
    `${a.street}${unit}`,
    [a.city, region, a.province, a.postalCode].filter(Boolean).join(', '),
    a.country,
  ]
    .filter(Boolean)
    .join(', ');
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
