/**
 * Deadline rules as data. Each rule says what starts the clock, how long the
 * period is, which way it runs, whether mailing time is added, and where the
 * law says so. `verify: true` marks rules whose reading is not settled or
 * whose citation we could not confirm; the note says which.
 *
 * Policies that shape every rule:
 * - Mailing days are added only where a regulation says so (8 CFR 103.8(b) for
 *   USCIS notices). EOIR filings and petitions for review never get them.
 * - Periods a notice or judge sets have no default: a wrong default would
 *   silently give a later date than the one on the paper.
 */

export interface Localized {
  en: string;
  es: string;
}

export type TriggerKind =
  | 'ij-decision'
  | 'bia-decision'
  | 'final-order'
  | 'uscis-notice'
  | 'hearing'
  | 'last-arrival'
  | 'vd-granted'
  | 'cfi-negative'
  | 'filing-served'
  | 'address-change'
  | 'briefing-schedule'
  | 'brief-due'
  | 'dhs-decision'
  | 'rfi-referral'
  | 'asylum-filed'
  | 'ead-expiry'
  | 'order'
  | 'pfr-served'
  | 'record-filed'
  | 'n400-denial'
  | 'foia-received'
  | 'foia-determination';

export type Period =
  | { unit: 'calendar-days'; days: number }
  | { unit: 'business-days'; days: number }
  | { unit: 'one-year' }
  /** The notice or order states the number of days; `maxDays` is the legal ceiling when there is one. */
  | { unit: 'set-by-order'; maxDays?: number };

/**
 * - forward: a last day on a weekend or holiday moves to the next business day.
 * - both-ways: `due` is the business day on or before the literal date,
 *   `ruleDue` the business day on or after it (backward counts and the
 *   one-year asylum deadline, where the safe date and the literal reading differ).
 * - none: the literal date stands even on a weekend.
 */
export type RollPolicy = 'forward' | 'both-ways' | 'none';

export interface DeadlineRule {
  id: string;
  label: Localized;
  trigger: TriggerKind;
  period: Period;
  direction: 'after' | 'before';
  roll: RollPolicy;
  mailingAddsDays: 0 | 3;
  citation: string;
  /** Where the weekend/holiday roll comes from, shown in the trail. */
  rollCitation?: string;
  /** For a two-way rule: the roll citation settles that the later date is the legal one (the earlier is a margin). */
  rollSettled?: true;
  note: Localized;
  verify: boolean;
  /**
   * Declared federal closures (executive orders) are legal holidays for this
   * rule and the last day rolls over them: the courts of appeals under
   * Fed. R. App. P. 26(a)(6)(B). Absent, they are only flagged, like clinic closures.
   */
  declaredClosures?: 'counted';
  /** Applicant-caused clock stops (options.clockStops) extend the period (the asylum EAD clock). */
  clockStops?: true;
  /** What the date is: a deadline (default), the earliest day to act, or the day a filing window opens. */
  dateKind?: 'deadline' | 'earliest' | 'window-opens';
  /** The edition of a practice manual the rule follows, shown in the trail; manuals change without notice. */
  edition?: Localized;
}

/**
 * Rules whose dates come from a dataset rather than from a count: they have
 * no trigger date and are computed where the dataset lives (the TPS
 * re-registration window, electron/core/deadlines/tps.ts). Listed here so
 * the CLI and every "all rules" check see them too.
 */
export interface DatasetRule {
  id: string;
  label: Localized;
  source: 'tps-dataset';
  citation: string;
  note: Localized;
  verify: boolean;
}

export const DATASET_RULES: readonly DatasetRule[] = [
  {
    id: 'tps-reregistration',
    label: { en: 'TPS re-registration window (opens and closes)', es: 'Periodo de reinscripción de TPS (apertura y cierre)' },
    source: 'tps-dataset',
    citation: '8 U.S.C. 1254a(c)(3)(C); 8 CFR 244.17; the Federal Register notice for the country',
    note: {
      en: "Two deadlines on the person's docket, from the TPS dataset entry for their country: the day the window opens and the day it closes. They follow the dataset: importing a newer file moves them. Entries without a Federal Register citation are flagged 'no citation on file'.",
      es: 'Dos plazos en la agenda de la persona, tomados de los datos de TPS de su país: el día en que abre el periodo y el día en que cierra. Siguen a los datos: importar un archivo más reciente los mueve. Las entradas sin cita del Federal Register llevan la marca "sin cita registrada".',
    },
    verify: true,
  },
];

export const TRIGGER_LABELS: Record<TriggerKind, Localized> = {
  'ij-decision': { en: 'immigration judge decision', es: 'decisión del juez de inmigración' },
  'bia-decision': { en: 'BIA decision', es: 'decisión de la BIA' },
  'final-order': { en: 'final administrative order', es: 'orden administrativa final' },
  'uscis-notice': { en: 'USCIS notice or decision', es: 'aviso o decisión de USCIS' },
  hearing: { en: 'hearing', es: 'audiencia' },
  'last-arrival': { en: 'last arrival in the U.S.', es: 'última llegada a EE. UU.' },
  'vd-granted': { en: 'voluntary departure order', es: 'orden de salida voluntaria' },
  'cfi-negative': { en: 'negative credible fear determination', es: 'determinación negativa de miedo creíble' },
  'filing-served': { en: "other party's filing", es: 'escrito de la otra parte' },
  'address-change': { en: 'change of address', es: 'cambio de domicilio' },
  'briefing-schedule': { en: 'BIA briefing schedule issued', es: 'calendario de escritos de la BIA emitido' },
  'brief-due': { en: 'original brief due date', es: 'fecha límite original del escrito' },
  'dhs-decision': { en: "DHS officer's decision served", es: 'notificación de la decisión del funcionario de DHS' },
  'rfi-referral': {
    en: 'referral of a negative reasonable fear finding to the immigration judge',
    es: 'remisión al juez de una determinación negativa de miedo razonable',
  },
  'asylum-filed': { en: 'complete asylum application filed', es: 'presentación de la solicitud de asilo completa' },
  'ead-expiry': { en: 'work permit (EAD) expiry date', es: 'vencimiento del permiso de trabajo (EAD)' },
  order: { en: 'order', es: 'orden' },
  'pfr-served': { en: 'service of the petition for review', es: 'notificación de la petición de revisión' },
  'record-filed': { en: 'administrative record filed', es: 'presentación del expediente administrativo' },
  'n400-denial': { en: 'N-400 denial served', es: 'notificación de la negación del N-400' },
  'foia-received': { en: 'FOIA request received', es: 'recepción de la solicitud FOIA' },
  'foia-determination': { en: 'adverse FOIA determination', es: 'decisión FOIA desfavorable' },
};

const EOIR_ROLL = '8 CFR 1001.1(h)';
const DHS_ROLL = '8 CFR 1.2';
const ICPM = 'EOIR Policy Manual, Part II (Immigration Court Practice Manual), ch. 3.1(b)';
const ICPM_ROLL = 'EOIR Policy Manual, Part II, ch. 3.1(c)';
const FRAP_ROLL = 'Fed. R. App. P. 26(a)(1)(C), (a)(6)(B)';

/** The edition the Immigration Court Practice Manual rules follow. */
const ICPM_EDITION: Localized = {
  en: 'EOIR Policy Manual Part II (Immigration Court Practice Manual), ch. 3.1(b), as in effect since PM 25-21 (February 2025), which cancelled DM 22-04.',
  es: 'EOIR Policy Manual, Parte II (Manual de Práctica de los Tribunales de Inmigración), cap. 3.1(b), vigente desde el PM 25-21 (febrero de 2025), que canceló el DM 22-04.',
};
/** The filing deadlines of ch. 3.1(b) changed twice since 2020; a lead checks the manual against this. */
const ICPM_HISTORY: Localized = {
  en: 'This chapter changed twice since 2020: the EOIR Policy Manual (December 2020) raised the non-detained individual hearing deadline from 15 to 30 days, DM 22-04 (2021) returned it to 15, and PM 25-21 (February 2025) cancelled DM 22-04, restoring 30. Check the current manual.',
  es: 'Este capítulo cambió dos veces desde 2020: el EOIR Policy Manual (diciembre de 2020) subió el plazo de las audiencias individuales de no detenidos de 15 a 30 días, el DM 22-04 (2021) lo devolvió a 15 y el PM 25-21 (febrero de 2025) canceló el DM 22-04 y restableció los 30. Revise el manual vigente.',
};
const BIA_EDITION: Localized = {
  en: 'EOIR Policy Manual Part III (BIA Practice Manual), ch. 4.7, as revised on March 22, 2021 (extensions no longer discouraged).',
  es: 'EOIR Policy Manual, Parte III (Manual de Práctica de la BIA), cap. 4.7, según la revisión del 22 de marzo de 2021 (las prórrogas ya no se desalientan).',
};

function withHistory(note: Localized): Localized {
  return { en: `${note.en} ${ICPM_HISTORY.en}`, es: `${note.es} ${ICPM_HISTORY.es}` };
}

export const RULES: readonly DeadlineRule[] = [
  {
    id: 'bia-appeal',
    label: { en: 'Appeal to the BIA (Form EOIR-26)', es: 'Apelación ante la BIA (formulario EOIR-26)' },
    trigger: 'ij-decision',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 CFR 1003.38(b), (c)',
    rollCitation: '8 CFR 1003.38(b)',
    note: {
      en: 'Counted from the oral decision, or from the mailing or electronic notice of a written decision; no mailing days are added. Filed means received by the Board.',
      es: 'Se cuenta desde la decisión oral, o desde el envío o notificación electrónica de la decisión escrita; no se suman días por correo. Presentada significa recibida por la Junta.',
    },
    verify: false,
  },
  {
    id: 'motion-to-reopen',
    label: { en: 'Motion to reopen', es: 'Moción de reapertura' },
    trigger: 'final-order',
    period: { unit: 'calendar-days', days: 90 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1229a(c)(7)(C)(i); 8 CFR 1003.23(b)(1); 8 CFR 1003.2(c)(2)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'Exceptions exist (in absentia orders, changed country conditions for asylum, equitable tolling, joint motions). Filing during a voluntary departure period ends the grant.',
      es: 'Hay excepciones (órdenes en ausencia, cambio de condiciones en el país para asilo, suspensión equitativa del plazo, mociones conjuntas). Presentarla durante la salida voluntaria pone fin a ese beneficio.',
    },
    verify: false,
  },
  {
    id: 'motion-to-reopen-in-absentia',
    label: {
      en: 'Motion to reopen an in absentia order (exceptional circumstances)',
      es: 'Moción de reapertura de una orden en ausencia (circunstancias excepcionales)',
    },
    trigger: 'final-order',
    period: { unit: 'calendar-days', days: 180 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1229a(b)(5)(C)(i); 8 CFR 1003.23(b)(4)(ii)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'Only for failure to appear because of exceptional circumstances. A motion claiming lack of notice may be filed at any time.',
      es: 'Solo si no compareció por circunstancias excepcionales. La moción por falta de notificación puede presentarse en cualquier momento.',
    },
    verify: false,
  },
  {
    id: 'motion-to-reconsider',
    label: { en: 'Motion to reconsider', es: 'Moción de reconsideración' },
    trigger: 'final-order',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1229a(c)(6)(B); 8 CFR 1003.23(b)(1); 8 CFR 1003.2(b)(2)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'Counted from the date of the decision (or its mailing or electronic service); no mailing days are added.',
      es: 'Se cuenta desde la fecha de la decisión (o de su envío o notificación electrónica); no se suman días por correo.',
    },
    verify: false,
  },
  {
    id: 'petition-for-review',
    label: { en: 'Petition for review (court of appeals)', es: 'Petición de revisión (corte de apelaciones)' },
    trigger: 'bia-decision',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1252(b)(1)',
    rollCitation: FRAP_ROLL,
    note: {
      en: 'Runs from the date of the final order, not from service, so no mailing days are ever added. The petition must reach the court of appeals by the due date. A last day on a federal closure declared by the President rolls like a holiday (FRAP 26(a)(6)(B)). Filing ends any voluntary departure grant.',
      es: 'Corre desde la fecha de la orden final, no desde su notificación: nunca se suman días por correo. La petición debe llegar a la corte de apelaciones a más tardar en la fecha límite. Si el último día es un cierre federal declarado por el Presidente, se corre como un feriado (FRAP 26(a)(6)(B)). Presentarla pone fin a la salida voluntaria.',
    },
    verify: false,
    declaredClosures: 'counted',
  },
  {
    id: 'asylum-one-year',
    label: { en: 'Asylum application one-year deadline (Form I-589)', es: 'Plazo de un año para pedir asilo (formulario I-589)' },
    trigger: 'last-arrival',
    period: { unit: 'one-year' },
    direction: 'after',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1158(a)(2)(B); 8 CFR 208.4(a)(2)(ii); 8 CFR 1208.4(a)(2)(ii)',
    rollCitation: '8 CFR 208.4(a)(2)(ii); 8 CFR 1208.4(a)(2)(ii)',
    rollSettled: true,
    note: {
      en: 'The arrival day is day 0 and the last day is the anniversary (Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)). When the anniversary falls on a Saturday, Sunday or legal holiday, the period runs until the end of the next business day (8 CFR 208.4(a)(2)(ii), 1208.4(a)(2)(ii)): that is the rule date. The due date shown first is the last business day on or before the anniversary, a safe margin. For a February 29 arrival the regulation does not say which day ends the year in a common year: February 28 gives the earlier date and is used; March 1 is the other reading, shown in the trail. Exceptions (changed or extraordinary circumstances) are not computed here.',
      es: 'El día de llegada es el día 0 y el último día es el aniversario (Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)). Si el aniversario cae en sábado, domingo o feriado legal, el plazo corre hasta el final del siguiente día hábil (8 CFR 208.4(a)(2)(ii), 1208.4(a)(2)(ii)): esa es la fecha de la norma. La fecha límite que se muestra primero es el último día hábil en o antes del aniversario, un margen seguro. Para una llegada un 29 de febrero la norma no dice qué día cierra el año en un año no bisiesto: el 28 de febrero da la fecha más temprana y es la que se usa; el 1 de marzo es la otra lectura, que se muestra en el detalle del cálculo. Las excepciones (circunstancias cambiadas o extraordinarias) no se calculan aquí.',
    },
    verify: false,
  },
  {
    id: 'vd-pre-conclusion',
    label: {
      en: 'Voluntary departure before the end of proceedings: leave by',
      es: 'Salida voluntaria antes de concluir el proceso: salir a más tardar',
    },
    trigger: 'vd-granted',
    period: { unit: 'set-by-order', maxDays: 120 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1229c(a)(2)(A); 8 CFR 1240.26(b)',
    rollCitation: '8 CFR 1.2, 1001.1(h); Monsalvo Velazquez v. Bondi (U.S. 2025)',
    note: {
      en: 'Enter the number of days the judge granted (at most 120). A weekend or holiday last day moves to the next business day. Failing to depart has severe penalties.',
      es: 'Indique los días que otorgó el juez (máximo 120). Si el último día cae en fin de semana o feriado, pasa al siguiente día hábil. No salir a tiempo tiene sanciones graves.',
    },
    verify: false,
  },
  {
    id: 'vd-post-conclusion',
    label: {
      en: 'Voluntary departure at the end of proceedings: leave by',
      es: 'Salida voluntaria al concluir el proceso: salir a más tardar',
    },
    trigger: 'vd-granted',
    period: { unit: 'set-by-order', maxDays: 60 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1229c(b)(2); 8 CFR 1240.26(c)',
    rollCitation: '8 CFR 1.2, 1001.1(h); Monsalvo Velazquez v. Bondi (U.S. 2025)',
    note: {
      en: 'Enter the number of days the judge granted (at most 60). The bond is due within 5 business days (rule vd-bond). Filing a motion to reopen or reconsider, or a petition for review, ends the grant.',
      es: 'Indique los días que otorgó el juez (máximo 60). La fianza vence en 5 días hábiles (regla vd-bond). Presentar una moción de reapertura o reconsideración, o una petición de revisión, pone fin al beneficio.',
    },
    verify: false,
  },
  {
    id: 'vd-bond',
    label: { en: 'Voluntary departure bond: post with DHS by', es: 'Fianza de salida voluntaria: pagar ante DHS a más tardar' },
    trigger: 'vd-granted',
    period: { unit: 'business-days', days: 5 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 CFR 1240.26(c)(3)',
    note: {
      en: 'Five business days from the order: weekends and federal holidays are skipped. Not posting the bond on time changes the consequences of the order.',
      es: 'Cinco días hábiles desde la orden: no se cuentan fines de semana ni feriados federales. No pagar la fianza a tiempo cambia las consecuencias de la orden.',
    },
    verify: false,
  },
  {
    id: 'i-290b',
    label: { en: 'Appeal or motion to USCIS (Form I-290B)', es: 'Apelación o moción ante USCIS (formulario I-290B)' },
    trigger: 'uscis-notice',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 3,
    citation: '8 CFR 103.3(a)(2)(i); 8 CFR 103.5(a)(1)(i); 8 CFR 103.8(b)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'Add 3 days only when the decision was served by mail. Some decisions carry a different period (for example, revocation of a petition approval); the decision states it.',
      es: 'Sume 3 días solo si la decisión se notificó por correo. Algunas decisiones tienen otro plazo (por ejemplo, la revocación de una petición aprobada); la decisión lo indica.',
    },
    verify: false,
  },
  {
    id: 'uscis-rfe',
    label: { en: 'Response to a USCIS request for evidence', es: 'Respuesta a una solicitud de evidencia de USCIS' },
    trigger: 'uscis-notice',
    period: { unit: 'set-by-order', maxDays: 84 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 3,
    citation: '8 CFR 103.2(b)(8)(iv); 8 CFR 103.8(b)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'Enter the period stated in the notice (at most twelve weeks). If the notice prints a due date, that date controls. If its period already includes mailing time, do not mark it as mailed. USCIS does not extend this period.',
      es: 'Indique el plazo que da el aviso (máximo doce semanas). Si el aviso trae una fecha límite, esa fecha manda. Si el plazo ya incluye el tiempo de correo, no lo marque como enviado por correo. USCIS no prorroga este plazo.',
    },
    verify: false,
  },
  {
    id: 'uscis-noid',
    label: { en: 'Response to a USCIS notice of intent to deny', es: 'Respuesta a un aviso de intención de negar de USCIS' },
    trigger: 'uscis-notice',
    period: { unit: 'set-by-order', maxDays: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 3,
    citation: '8 CFR 103.2(b)(8)(iv); 8 CFR 103.8(b)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'Enter the period stated in the notice (at most 30 days). If the notice prints a due date, that date controls. If its period already includes mailing time, do not mark it as mailed.',
      es: 'Indique el plazo que da el aviso (máximo 30 días). Si el aviso trae una fecha límite, esa fecha manda. Si el plazo ya incluye el tiempo de correo, no lo marque como enviado por correo.',
    },
    verify: false,
  },
  {
    id: 'prehearing-filing-master-nondetained',
    label: {
      en: 'Filings before a master calendar hearing (not detained)',
      es: 'Escritos antes de una audiencia preliminar (no detenido)',
    },
    trigger: 'hearing',
    period: { unit: 'calendar-days', days: 15 },
    direction: 'before',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: ICPM,
    rollCitation: ICPM_ROLL,
    note: withHistory({
      en: 'Applies when a ruling is requested at or before the hearing; otherwise filings may be made at the hearing. The hearing day is day 0. The due date is the safe one; the manual reading may allow the next business day.',
      es: 'Aplica si se pide una resolución en la audiencia o antes; si no, el escrito puede presentarse en la audiencia. El día de la audiencia es el día 0. La fecha límite es la segura; la lectura del manual puede permitir el siguiente día hábil.',
    }),
    verify: false,
    edition: ICPM_EDITION,
  },
  {
    id: 'prehearing-filing-individual-nondetained',
    label: {
      en: 'Filings before an individual (merits) hearing (not detained)',
      es: 'Escritos antes de una audiencia individual (de fondo) (no detenido)',
    },
    trigger: 'hearing',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'before',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: ICPM,
    rollCitation: ICPM_ROLL,
    note: withHistory({
      en: 'Unless the judge set another date. Rebuttal and impeachment evidence is excepted. The due date is the safe one; the manual reading may allow the next business day.',
      es: 'Salvo que el juez fije otra fecha. Se exceptúa la prueba de refutación o impugnación. La fecha límite es la segura; la lectura del manual puede permitir el siguiente día hábil.',
    }),
    verify: false,
    edition: ICPM_EDITION,
  },
  {
    id: 'prehearing-filing-individual-detained',
    label: {
      en: 'Filings before an individual hearing (detained): days set by the judge',
      es: 'Escritos antes de una audiencia individual (detenido): días fijados por el juez',
    },
    trigger: 'hearing',
    period: { unit: 'set-by-order' },
    direction: 'before',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: ICPM,
    rollCitation: ICPM_ROLL,
    note: withHistory({
      en: 'In detained cases the judge sets filing deadlines. Enter the number of days before the hearing that the judge ordered.',
      es: 'En casos de personas detenidas el juez fija los plazos. Indique cuántos días antes de la audiencia ordenó el juez.',
    }),
    verify: false,
    edition: ICPM_EDITION,
  },
  {
    id: 'response-to-filing',
    label: { en: "Response to the other party's filing", es: 'Respuesta al escrito de la otra parte' },
    trigger: 'filing-served',
    period: { unit: 'calendar-days', days: 10 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: ICPM,
    rollCitation: ICPM_ROLL,
    note: withHistory({
      en: 'The manual counts from the day the original filing reached the court. Enter that date, or the service date if it is the same or earlier. If the filing came less than 15 days before a master hearing, the response may be made at the hearing. The judge may set another date.',
      es: 'El manual cuenta desde el día en que el escrito original llegó al tribunal. Indique esa fecha, o la de notificación si es la misma o anterior. Si el escrito llegó menos de 15 días antes de una audiencia preliminar, la respuesta puede darse en la audiencia. El juez puede fijar otra fecha.',
    }),
    verify: false,
    edition: ICPM_EDITION,
  },
  {
    id: 'eoir-33-change-of-address',
    label: {
      en: 'Change of address to the immigration court (Form EOIR-33/IC)',
      es: 'Cambio de domicilio ante el tribunal (formulario EOIR-33/IC)',
    },
    trigger: 'address-change',
    period: { unit: 'calendar-days', days: 5 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 CFR 1003.15(d)(2)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'Five days after the move. Notices go to the last address on file: a missed change can lead to an in absentia order. DHS must be told separately (AR-11).',
      es: 'Cinco días después de la mudanza. Los avisos van al último domicilio registrado: no avisar puede llevar a una orden en ausencia. A DHS se le avisa aparte (AR-11).',
    },
    verify: false,
  },
  {
    id: 'ar-11-change-of-address',
    label: { en: 'Change of address to DHS (Form AR-11)', es: 'Cambio de domicilio ante DHS (formulario AR-11)' },
    trigger: 'address-change',
    period: { unit: 'calendar-days', days: 10 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1305(a); 8 CFR 265.1',
    rollCitation: DHS_ROLL,
    note: {
      en: 'Ten days after the move. People in immigration court must also file the EOIR-33 within five days.',
      es: 'Diez días después de la mudanza. Quien tiene caso en el tribunal de inmigración también debe presentar el EOIR-33 en cinco días.',
    },
    verify: false,
  },
  {
    id: 'credible-fear-review',
    label: {
      en: 'Immigration judge review of a negative credible fear finding: completed by',
      es: 'Revisión por el juez de una determinación negativa de miedo creíble: concluida a más tardar',
    },
    trigger: 'cfi-negative',
    period: { unit: 'calendar-days', days: 7 },
    direction: 'after',
    roll: 'none',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1225(b)(1)(B)(iii)(III); 8 CFR 1003.42(e)',
    note: {
      en: 'A deadline for the court, not a filing deadline: review must be requested when the negative finding is served, and the judge should decide within 24 hours where practicable and no later than 7 days after the supervisor approved the finding. No weekend roll is applied because the law says "in no case later than 7 days". Recent rule changes may affect this: verify.',
      es: 'Es un plazo para el tribunal, no para presentar: la revisión se pide al notificarse la determinación negativa, y el juez debe decidir en 24 horas cuando sea posible y nunca después de 7 días desde que el supervisor aprobó la determinación. No se corre por fin de semana porque la ley dice "en ningún caso después de 7 días". Cambios recientes en las normas pueden afectarlo: verifique.',
    },
    verify: true,
  },
  {
    id: 'bia-brief',
    label: { en: 'Brief in a BIA appeal', es: 'Escrito en una apelación ante la BIA' },
    trigger: 'briefing-schedule',
    period: { unit: 'calendar-days', days: 21 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 CFR 1003.3(c)(1)',
    rollCitation: EOIR_ROLL,
    note: {
      en: "Counted from the date the Board issued the briefing schedule; no mailing days are added. In non-detained cases the appellee has another 21 days after the appellant's due date; in detained cases both parties file within the same 21 days. Filed means received by the Board.",
      es: 'Se cuenta desde la fecha en que la Junta emitió el calendario de escritos; no se suman días por correo. En casos de no detenidos la parte apelada tiene otros 21 días después del plazo de la apelante; en casos de detenidos ambas partes presentan en los mismos 21 días. Presentado significa recibido por la Junta.',
    },
    verify: false,
    edition: BIA_EDITION,
  },
  {
    id: 'bia-brief-extended',
    label: {
      en: 'Brief in a BIA appeal, after the one 21-day extension',
      es: 'Escrito en una apelación ante la BIA, con la prórroga única de 21 días',
    },
    trigger: 'brief-due',
    period: { unit: 'calendar-days', days: 21 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 CFR 1003.3(c)(1); BIA Practice Manual ch. 4.7(c)',
    rollCitation: EOIR_ROLL,
    note: {
      en: "Enter the original due date of the brief: the extension runs 21 days from it, not from the day it is granted. The request must reach the Board by the original due date, and the Board's policy is one extension per party; until it is granted, the original date stands.",
      es: 'Indique la fecha límite original del escrito: la prórroga corre 21 días desde esa fecha, no desde el día en que se concede. La solicitud debe llegar a la Junta a más tardar en la fecha original, y la política de la Junta es una prórroga por parte; mientras no se conceda, sigue valiendo la fecha original.',
    },
    verify: false,
    edition: BIA_EDITION,
  },
  {
    id: 'eoir-29',
    label: {
      en: "Appeal of a DHS officer's decision to the BIA (Form EOIR-29)",
      es: 'Apelación ante la BIA de la decisión de un funcionario de DHS (formulario EOIR-29)',
    },
    trigger: 'dhs-decision',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 3,
    citation: '8 CFR 1003.3(a)(2); 8 CFR 1003.38(b); 8 CFR 103.8(b)',
    rollCitation: '8 CFR 1003.38(b); 8 CFR 1.2',
    note: {
      en: 'Filed with the DHS office that made the decision, not with the Board, and counted from service of the decision. Add 3 days only when the decision was served by mail.',
      es: 'Se presenta ante la oficina de DHS que tomó la decisión, no ante la Junta, y se cuenta desde la notificación de la decisión. Sume 3 días solo si la decisión se notificó por correo.',
    },
    verify: false,
  },
  {
    id: 'reasonable-fear-review',
    label: {
      en: 'Immigration judge review of a negative reasonable fear finding: concluded by',
      es: 'Revisión por el juez de una determinación negativa de miedo razonable: concluida a más tardar',
    },
    trigger: 'rfi-referral',
    period: { unit: 'calendar-days', days: 10 },
    direction: 'after',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: '8 CFR 1208.31(g); 8 CFR 208.31(g)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'A deadline for the court, not a filing deadline: absent exceptional circumstances the judge concludes the review within 10 days of the referral. Whether a weekend or holiday last day moves to the next business day is not settled, so both dates are shown; prepare for the earlier one. Recent rule changes may affect this: verify.',
      es: 'Es un plazo para el tribunal, no para presentar: salvo circunstancias excepcionales el juez concluye la revisión en 10 días desde la remisión. No está resuelto si un último día en fin de semana o feriado pasa al siguiente día hábil, por eso se muestran ambas fechas; prepárese para la primera. Cambios recientes en las normas pueden afectarlo: verifique.',
    },
    verify: true,
  },
  {
    id: 'asylum-ead-file',
    label: {
      en: 'Asylum-based work permit (Form I-765, category (c)(8)): earliest filing date',
      es: 'Permiso de trabajo por asilo (formulario I-765, categoría (c)(8)): primera fecha para presentarlo',
    },
    trigger: 'asylum-filed',
    period: { unit: 'calendar-days', days: 150 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1158(d)(2); 8 CFR 208.7(a); AsylumWorks v. Mayorkas (D.D.C. 2022)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'The I-765 may be filed once 150 days of the asylum clock have run since the complete application was filed; filed earlier, it is denied. Delays the applicant requested or caused stop the clock and push this date (enter each stop). The 2020 rule that raised the wait to 365 days was vacated in AsylumWorks v. Mayorkas (D.D.C. Feb. 2022); later rules or litigation may change it: verify.',
      es: 'El I-765 puede presentarse cuando el reloj de asilo lleva 150 días desde la presentación de la solicitud completa; si se presenta antes, se niega. Las demoras que pidió o causó el solicitante detienen el reloj y corren esta fecha (indique cada detención). La norma de 2020 que subió la espera a 365 días fue anulada en AsylumWorks v. Mayorkas (D.D.C., febrero de 2022); normas o litigios posteriores pueden cambiarlo: verifique.',
    },
    verify: true,
    clockStops: true,
    dateKind: 'earliest',
  },
  {
    id: 'asylum-ead-eligible',
    label: {
      en: 'Asylum-based work permit (category (c)(8)): earliest date it can be granted',
      es: 'Permiso de trabajo por asilo (categoría (c)(8)): primera fecha en que puede concederse',
    },
    trigger: 'asylum-filed',
    period: { unit: 'calendar-days', days: 180 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1158(d)(2); 8 CFR 208.7(a); AsylumWorks v. Mayorkas (D.D.C. 2022)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'The work permit cannot be granted before 180 days of the asylum clock have run. Delays the applicant requested or caused stop the clock and push this date (enter each stop). The 2020 rule that made it 365 days was vacated in AsylumWorks v. Mayorkas (D.D.C. Feb. 2022); later rules or litigation may change it: verify.',
      es: 'El permiso de trabajo no puede concederse antes de que el reloj de asilo lleve 180 días. Las demoras que pidió o causó el solicitante detienen el reloj y corren esta fecha (indique cada detención). La norma de 2020 que lo llevó a 365 días fue anulada en AsylumWorks v. Mayorkas (D.D.C., febrero de 2022); normas o litigios posteriores pueden cambiarlo: verifique.',
    },
    verify: true,
    clockStops: true,
    dateKind: 'earliest',
  },
  {
    id: 'ead-renewal-window',
    label: {
      en: 'Work permit (EAD) renewal: filing window opens',
      es: 'Renovación del permiso de trabajo (EAD): se abre el periodo para presentarla',
    },
    trigger: 'ead-expiry',
    period: { unit: 'calendar-days', days: 180 },
    direction: 'before',
    roll: 'none',
    mailingAddsDays: 0,
    citation: 'Form I-765 instructions (renewal up to 180 days before expiry); 8 CFR 274a.13(d)',
    note: {
      en: 'The renewal may be filed from 180 days before the card expires. This is the day the window opens, not a deadline, so it does not move for weekends or holidays. File before the card expires: only a timely renewal can carry an automatic extension (8 CFR 274a.13(d)).',
      es: 'La renovación puede presentarse desde 180 días antes de que venza la tarjeta. Es el día en que se abre el periodo, no un plazo, así que no se mueve por fines de semana ni feriados. Presente antes de que venza la tarjeta: solo una renovación a tiempo puede tener extensión automática (8 CFR 274a.13(d)).',
    },
    verify: false,
    dateKind: 'window-opens',
  },
  {
    id: 'order-set-forward',
    label: { en: 'Within the days the order sets', es: 'Dentro de los días que fija la orden' },
    trigger: 'order',
    period: { unit: 'set-by-order' },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: 'The order itself; counted under 8 CFR 1001.1(h)',
    rollCitation: EOIR_ROLL,
    note: {
      en: 'Enter the number of days the order gives (for example, "file the I-589 within 30 days"). The order date is day 0 and a weekend or holiday last day moves to the next business day, as for a BIA appeal. If the order prints a date, that date controls.',
      es: 'Indique los días que da la orden (por ejemplo, "presente el I-589 en 30 días"). La fecha de la orden es el día 0 y un último día en fin de semana o feriado pasa al siguiente día hábil, como en una apelación ante la BIA. Si la orden trae una fecha, esa fecha manda.',
    },
    verify: false,
  },
  {
    id: 'pfr-record',
    label: {
      en: 'Petition for review: administrative record due from the agency',
      es: 'Petición de revisión: la agencia debe presentar el expediente administrativo',
    },
    trigger: 'pfr-served',
    period: { unit: 'calendar-days', days: 40 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: 'Fed. R. App. P. 17(a)',
    rollCitation: FRAP_ROLL,
    note: {
      en: "The government files the record within 40 days after it was served with the petition; the brief's clock starts when the record is filed. The court's scheduling order or local rules may set other dates. A last day on a federal closure declared by the President rolls like a holiday (FRAP 26(a)(6)(B)).",
      es: 'El gobierno presenta el expediente dentro de 40 días desde que se le notificó la petición; el plazo del escrito empieza cuando se presenta el expediente. La orden de calendario de la corte o sus reglas locales pueden fijar otras fechas. Si el último día es un cierre federal declarado por el Presidente, se corre como un feriado (FRAP 26(a)(6)(B)).',
    },
    verify: true,
    declaredClosures: 'counted',
  },
  {
    id: 'pfr-brief',
    label: { en: "Petition for review: petitioner's opening brief", es: 'Petición de revisión: escrito inicial del peticionario' },
    trigger: 'record-filed',
    period: { unit: 'calendar-days', days: 40 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1252(b)(3)(C); Fed. R. App. P. 31(a)(1)',
    rollCitation: FRAP_ROLL,
    note: {
      en: "Due 40 days after the record is filed; a late brief can get the petition dismissed. The court's briefing schedule controls when it gives another date, and FRAP 26(c) may add 3 days when the record was served by mail (not added here). A last day on a federal closure declared by the President rolls like a holiday (FRAP 26(a)(6)(B)).",
      es: 'Vence 40 días después de presentarse el expediente; un escrito tardío puede llevar a desestimar la petición. El calendario de la corte manda si da otra fecha, y la FRAP 26(c) puede sumar 3 días si el expediente se notificó por correo (no se suman aquí). Si el último día es un cierre federal declarado por el Presidente, se corre como un feriado (FRAP 26(a)(6)(B)).',
    },
    verify: true,
    declaredClosures: 'counted',
  },
  {
    id: 'n-336',
    label: {
      en: 'Request for a hearing on an N-400 denial (Form N-336)',
      es: 'Solicitud de audiencia sobre la negación del N-400 (formulario N-336)',
    },
    trigger: 'n400-denial',
    period: { unit: 'calendar-days', days: 30 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 3,
    citation: '8 CFR 336.2(a); 8 CFR 103.8(b)',
    rollCitation: DHS_ROLL,
    note: {
      en: 'Counted from service of the denial. Add 3 days only when it was served by mail. Filed with USCIS as the denial directs, with the fee.',
      es: 'Se cuenta desde la notificación de la negación. Sume 3 días solo si se notificó por correo. Se presenta ante USCIS como indica la negación, con la tarifa.',
    },
    verify: false,
  },
  {
    id: 'foia-response',
    label: { en: "Agency's answer to a FOIA request", es: 'Respuesta de la agencia a una solicitud FOIA' },
    trigger: 'foia-received',
    period: { unit: 'business-days', days: 20 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: '5 U.S.C. 552(a)(6)(A)(i)',
    note: {
      en: 'Twenty days excepting Saturdays, Sundays and legal public holidays, from receipt by the component that handles the request (at most 10 days after any part of the agency received it). Unusual circumstances can add 10 working days (5 U.S.C. 552(a)(6)(B)). A missed date lets the requester go to court.',
      es: 'Veinte días sin contar sábados, domingos ni feriados legales, desde que la recibe la oficina que tramita la solicitud (a lo sumo 10 días después de que la recibió cualquier parte de la agencia). Circunstancias inusuales pueden sumar 10 días hábiles (5 U.S.C. 552(a)(6)(B)). Si la agencia no responde a tiempo, se puede acudir a los tribunales.',
    },
    verify: false,
  },
  {
    id: 'foia-appeal',
    label: { en: 'Administrative appeal of a FOIA denial', es: 'Apelación administrativa de una negación FOIA' },
    trigger: 'foia-determination',
    period: { unit: 'calendar-days', days: 90 },
    direction: 'after',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: '5 U.S.C. 552(a)(6)(A)(i)(III)(aa)',
    note: {
      en: "The statute gives at least 90 days after the adverse determination; each agency's FOIA regulation says how it counts them and whether a weekend last day moves, and some give more. File by the due date; the later date is shown for reference only.",
      es: 'La ley da al menos 90 días desde la decisión desfavorable; el reglamento FOIA de cada agencia dice cómo se cuentan y si un último día en fin de semana se corre, y algunos dan más. Presente a más tardar en la fecha límite; la fecha posterior se muestra solo como referencia.',
    },
    verify: true,
  },
];

export function findRule(id: string): DeadlineRule | undefined {
  return RULES.find((r) => r.id === id);
}

export function findDatasetRule(id: string): DatasetRule | undefined {
  return DATASET_RULES.find((r) => r.id === id);
}
