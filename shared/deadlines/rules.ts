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
  | 'address-change';

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
  note: Localized;
  verify: boolean;
}

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
};

const EOIR_ROLL = '8 CFR 1001.1(h)';
const DHS_ROLL = '8 CFR 1.2';
const ICPM_ROLL = 'Immigration Court Practice Manual ch. 3.1(c)';

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
    rollCitation: 'Fed. R. App. P. 26(a)(1)(C)',
    note: {
      en: 'Runs from the date of the final order, not from service, so no mailing days are ever added. The petition must reach the court of appeals by the due date. Filing ends any voluntary departure grant.',
      es: 'Corre desde la fecha de la orden final, no desde su notificación: nunca se suman días por correo. La petición debe llegar a la corte de apelaciones a más tardar en la fecha límite. Presentarla pone fin a la salida voluntaria.',
    },
    verify: false,
  },
  {
    id: 'asylum-one-year',
    label: { en: 'Asylum application one-year deadline (Form I-589)', es: 'Plazo de un año para pedir asilo (formulario I-589)' },
    trigger: 'last-arrival',
    period: { unit: 'one-year' },
    direction: 'after',
    roll: 'both-ways',
    mailingAddsDays: 0,
    citation: '8 U.S.C. 1158(a)(2)(B); 8 CFR 208.4(a)(2); 8 CFR 1208.4(a)(2)',
    note: {
      en: 'The arrival day is day 0 and the last day is the anniversary (Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)). Whether a weekend or holiday anniversary rolls forward is not settled: file by the due date; the later date is shown for reference only. For a February 29 arrival the anniversary in a common year is taken as February 28, the earlier of the two possible readings. Exceptions (changed or extraordinary circumstances) are not computed here.',
      es: 'El día de llegada es el día 0 y el último día es el aniversario (Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)). No está resuelto si un aniversario en fin de semana o feriado se corre al siguiente día hábil: presente a más tardar en la fecha límite; la fecha posterior se muestra solo como referencia. Para una llegada un 29 de febrero, en un año no bisiesto se toma el 28 de febrero, la más temprana de las dos lecturas. Las excepciones (circunstancias cambiadas o extraordinarias) no se calculan aquí.',
    },
    verify: true,
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
    citation: 'Immigration Court Practice Manual ch. 3.1(b)',
    rollCitation: ICPM_ROLL,
    note: {
      en: 'Applies when a ruling is requested at or before the hearing; otherwise filings may be made at the hearing. The hearing day is day 0. The due date is the safe one; the manual reading may allow the next business day.',
      es: 'Aplica si se pide una resolución en la audiencia o antes; si no, el escrito puede presentarse en la audiencia. El día de la audiencia es el día 0. La fecha límite es la segura; la lectura del manual puede permitir el siguiente día hábil.',
    },
    verify: false,
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
    citation: 'Immigration Court Practice Manual ch. 3.1(b)',
    rollCitation: ICPM_ROLL,
    note: {
      en: 'Unless the judge set another date. Rebuttal and impeachment evidence is excepted. The due date is the safe one; the manual reading may allow the next business day.',
      es: 'Salvo que el juez fije otra fecha. Se exceptúa la prueba de refutación o impugnación. La fecha límite es la segura; la lectura del manual puede permitir el siguiente día hábil.',
    },
    verify: false,
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
    citation: 'Immigration Court Practice Manual ch. 3.1(b)',
    rollCitation: ICPM_ROLL,
    note: {
      en: 'In detained cases the judge sets filing deadlines. Enter the number of days before the hearing that the judge ordered.',
      es: 'En casos de personas detenidas el juez fija los plazos. Indique cuántos días antes de la audiencia ordenó el juez.',
    },
    verify: false,
  },
  {
    id: 'response-to-filing',
    label: { en: "Response to the other party's filing", es: 'Respuesta al escrito de la otra parte' },
    trigger: 'filing-served',
    period: { unit: 'calendar-days', days: 10 },
    direction: 'after',
    roll: 'forward',
    mailingAddsDays: 0,
    citation: 'Immigration Court Practice Manual ch. 3.1(b)',
    rollCitation: ICPM_ROLL,
    note: {
      en: 'The manual counts from the day the original filing reached the court. Enter that date, or the service date if it is the same or earlier. If the filing came less than 15 days before a master hearing, the response may be made at the hearing. The judge may set another date.',
      es: 'El manual cuenta desde el día en que el escrito original llegó al tribunal. Indique esa fecha, o la de notificación si es la misma o anterior. Si el escrito llegó menos de 15 días antes de una audiencia preliminar, la respuesta puede darse en la audiencia. El juez puede fijar otra fecha.',
    },
    verify: false,
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
];

export function findRule(id: string): DeadlineRule | undefined {
  return RULES.find((r) => r.id === id);
}
