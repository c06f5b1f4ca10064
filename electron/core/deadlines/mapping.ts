/**
 * Which deadlines an event implies. One table in code, so a reviewer can
 * check the legal mapping in one place:
 *
 *   hearing-scheduled / hearing-moved (unlinked)
 *       master, not detained      -> prehearing-filing-master-nondetained
 *       individual, not detained  -> prehearing-filing-individual-nondetained
 *       individual, detained      -> prehearing-filing-individual-detained (needs the judge's days)
 *       master, detained          -> none (the judge sets filing dates): skipped with a reason
 *   ij-decision-oral / -written   -> bia-appeal, motion-to-reopen, motion-to-reconsider
 *                                    (+ motion-to-reopen-in-absentia when inAbsentia)
 *   bia-decision                  -> petition-for-review, motion-to-reopen, motion-to-reconsider
 *   final-order                   -> motion-to-reopen, motion-to-reconsider (+ in-absentia)
 *   uscis-notice rfe / noid       -> uscis-rfe / uscis-noid (days, mailed)
 *   uscis-notice denial           -> i-290b (mailed)
 *   last-arrival                  -> asylum-one-year (see asylumApplies)
 *   vd-granted post-conclusion    -> vd-post-conclusion (days) + vd-bond
 *   vd-granted pre-conclusion     -> vd-pre-conclusion (days)
 *   address-changed               -> eoir-33-change-of-address (unless inCourt: false) + ar-11-change-of-address
 *   cfi-negative                  -> credible-fear-review
 *   filing-served                 -> response-to-filing
 *   tps-reregistration-opened     -> the closing date the notice gives, if entered (no engine rule)
 *   asylum-filed                  -> asylum-ead-file, asylum-ead-eligible, each extended by the
 *                                    person's asylum-clock-stop events (same case or none)
 *   asylum-clock-stop             -> none itself; it recomputes the asylum-filed events it extends
 *   detained, released            -> none (timeline facts; detention itself is edited on the person)
 *
 * A detention history on the person (detention.save) decides detained vs non-detained
 * for a hearing that does not say: a stay that covers the hearing's date means detained.
 */
import type { ClockStop, DeadlineOptions, Localized } from '../../../shared/deadlines';
import type { EventKind } from '../../../shared/views';
import { detainedOn } from '../../../shared/schemas/detention';
import type { ClockStopFact, PersonFacts } from './rows';

export interface PlannedRule {
  rule: string;
  options: DeadlineOptions;
  /** Why this rule follows from this event, when the link is not obvious; first line of the trail. */
  preface?: Localized;
}

export interface PlannedFixed {
  /** A date the notice itself states (no engine rule computes it). */
  fixed: { date: string; label: Localized; citation: string; trail: Localized[]; note: Localized | null; verify: boolean };
}

export interface Plan {
  rules: PlannedRule[];
  fixed: PlannedFixed['fixed'] | null;
  skipped: Array<{ rule: string | null; reason: Localized }>;
}

export interface EventForPlan {
  kind: EventKind;
  date: string;
  caseId: string | null;
  details: Record<string, unknown>;
}

const IJ_AS_FINAL: Localized = {
  en: "The immigration judge's decision is counted as the final order. If it becomes final later (for example when the appeal period ends unused), the real deadline may be later: this is the earliest, safe date.",
  es: 'La decisión del juez de inmigración se cuenta como la orden final. Si queda firme más tarde (por ejemplo, al vencer el plazo de apelación sin apelar), el plazo real puede ser posterior: esta es la fecha más temprana y segura.',
};
const WRITTEN: Localized = {
  en: 'Written decision: the date entered is the date the decision was mailed or served electronically.',
  es: 'Decisión escrita: la fecha indicada es la de envío por correo o notificación electrónica de la decisión.',
};
const BIA_AS_FINAL: Localized = {
  en: 'A BIA decision is a final administrative order, so the motion periods run from it.',
  es: 'Una decisión de la BIA es una orden administrativa final; los plazos de las mociones corren desde ella.',
};

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const openCases = (facts: PersonFacts) => facts.cases.filter((c) => c.status !== 'closed');

export function hearingDetained(ev: EventForPlan, facts: PersonFacts): boolean {
  const given = bool(ev.details.detained);
  if (given !== undefined) return given;
  // A detention history says where the person was on the hearing's date.
  if (facts.detention) return detainedOn(facts.detention, ev.date);
  const c = ev.caseId ? facts.cases.find((x) => x.id === ev.caseId) : undefined;
  if (c?.type === 'removal-detained') return true;
  if (c?.type === 'removal-nondetained') return false;
  return facts.detained;
}

/**
 * The one-year asylum deadline is created when asylum is in play or may be:
 * an open asylum case, an open removal case (asylum can be sought defensively),
 * or no open case at all (nothing decided yet). Only when every open case is
 * something else (TPS, EAD, …) is it skipped, with a reason the UI shows;
 * `asylum: true` or `false` in the event decides it explicitly.
 */
export function asylumApplies(ev: EventForPlan, facts: PersonFacts): { applies: boolean; reason: Localized } {
  const explicit = bool(ev.details.asylum);
  if (explicit === true) return { applies: true, reason: { en: 'Marked as seeking asylum.', es: 'Indicado como solicitante de asilo.' } };
  if (explicit === false) {
    return {
      applies: false,
      reason: {
        en: 'Marked as not seeking asylum: no one-year deadline.',
        es: 'Indicado como no solicitante de asilo: sin plazo de un año.',
      },
    };
  }
  const open = openCases(facts);
  if (open.length === 0) {
    return {
      applies: true,
      reason: {
        en: 'No case type decided yet, so the one-year deadline is kept.',
        es: 'Aún no hay tipo de caso decidido; se mantiene el plazo de un año.',
      },
    };
  }
  if (open.some((c) => c.type.startsWith('asylum-') || c.type.startsWith('removal-'))) {
    return {
      applies: true,
      reason: {
        en: 'This person has an open asylum or removal case.',
        es: 'Esta persona tiene un caso abierto de asilo o de deportación.',
      },
    };
  }
  return {
    applies: false,
    reason: {
      en: 'None of this person’s open cases is an asylum or removal case, so no one-year deadline was created. Mark the event as seeking asylum to add it.',
      es: 'Ninguno de los casos abiertos es de asilo o de deportación; no se creó el plazo de un año. Indique que busca asilo para agregarlo.',
    },
  };
}

/**
 * The clock stops that apply to an asylum filing: the person's stop events of
 * the same case (or with no case on either side). Stops that begin before the
 * filing cannot stop a clock that had not started; they are reported, not counted.
 */
export function clockStopsFor(ev: EventForPlan, facts: PersonFacts): { stops: ClockStop[]; before: ClockStopFact[] } {
  const mine = facts.clockStops.filter((s) => s.caseId === null || ev.caseId === null || s.caseId === ev.caseId);
  const before = mine.filter((s) => s.from < ev.date);
  const stops = mine.filter((s) => s.from >= ev.date).map((s) => ({ from: s.from, to: s.to, ...(s.reason ? { reason: s.reason } : {}) }));
  return { stops, before };
}

const stopBeforeFiling = (s: ClockStopFact, filed: string): Localized => ({
  en: `The clock stop from ${s.from} to ${s.to} begins before the asylum application was filed (${filed}): it is not counted.`,
  es: `La detención del reloj del ${s.from} al ${s.to} empieza antes de presentarse la solicitud de asilo (${filed}): no se cuenta.`,
});

export function planFor(ev: EventForPlan, facts: PersonFacts): Plan {
  const rules: PlannedRule[] = [];
  const skipped: Plan['skipped'] = [];
  let fixed: Plan['fixed'] = null;
  const d = ev.details;
  const add = (rule: string, options: DeadlineOptions = {}, preface?: Localized) =>
    rules.push({ rule, options, ...(preface ? { preface } : {}) });
  const inAbsentia = bool(d.inAbsentia) === true;

  switch (ev.kind) {
    case 'hearing-scheduled':
    case 'hearing-moved': {
      const kind = str(d.hearingKind);
      const detained = hearingDetained(ev, facts);
      const days = num(d.days);
      const withDays = days === undefined ? {} : { days };
      if (kind === 'master' && !detained) add('prehearing-filing-master-nondetained', withDays);
      else if (kind === 'individual' && !detained) add('prehearing-filing-individual-nondetained', withDays);
      else if (kind === 'individual' && detained) {
        if (days === undefined) {
          skipped.push({
            rule: 'prehearing-filing-individual-detained',
            reason: {
              en: 'Detained case: the judge sets the filing deadline. Enter the number of days before the hearing the judge ordered.',
              es: 'Caso de persona detenida: el juez fija el plazo. Indique cuántos días antes de la audiencia ordenó el juez.',
            },
          });
        } else add('prehearing-filing-individual-detained', { days });
      } else if (kind === 'master' && detained) {
        skipped.push({
          rule: null,
          reason: {
            en: 'Detained master calendar hearing: filing deadlines are set by the judge. Add them as manual deadlines.',
            es: 'Audiencia preliminar de persona detenida: el juez fija los plazos. Agréguelos como plazos manuales.',
          },
        });
      }
      break;
    }
    case 'ij-decision-oral':
    case 'ij-decision-written': {
      const written = ev.kind === 'ij-decision-written';
      add('bia-appeal', {}, written ? WRITTEN : undefined);
      add('motion-to-reopen', {}, IJ_AS_FINAL);
      add('motion-to-reconsider', {}, IJ_AS_FINAL);
      if (inAbsentia) add('motion-to-reopen-in-absentia', {}, IJ_AS_FINAL);
      break;
    }
    case 'bia-decision':
      add('petition-for-review');
      add('motion-to-reopen', {}, BIA_AS_FINAL);
      add('motion-to-reconsider', {}, BIA_AS_FINAL);
      break;
    case 'final-order':
      add('motion-to-reopen');
      add('motion-to-reconsider');
      if (inAbsentia) add('motion-to-reopen-in-absentia');
      break;
    case 'uscis-notice': {
      const mailed = bool(d.mailed) === true;
      const days = num(d.days);
      if (d.subkind === 'rfe') add('uscis-rfe', { mailed, ...(days === undefined ? {} : { days }) });
      else if (d.subkind === 'noid') add('uscis-noid', { mailed, ...(days === undefined ? {} : { days }) });
      else add('i-290b', { mailed });
      break;
    }
    case 'last-arrival': {
      const a = asylumApplies(ev, facts);
      if (a.applies) add('asylum-one-year', {}, a.reason);
      else skipped.push({ rule: 'asylum-one-year', reason: a.reason });
      break;
    }
    case 'vd-granted': {
      const days = num(d.days);
      const withDays = days === undefined ? {} : { days };
      if (d.stage === 'pre-conclusion') add('vd-pre-conclusion', withDays);
      else {
        add('vd-post-conclusion', withDays);
        add('vd-bond');
      }
      break;
    }
    case 'address-changed':
      if (bool(d.inCourt) === false) {
        skipped.push({
          rule: 'eoir-33-change-of-address',
          reason: { en: 'Marked as not in immigration court: no EOIR-33.', es: 'Indicado como sin caso en el tribunal: sin EOIR-33.' },
        });
      } else add('eoir-33-change-of-address');
      add('ar-11-change-of-address');
      break;
    case 'cfi-negative':
      add('credible-fear-review');
      break;
    case 'filing-served':
      add('response-to-filing');
      break;
    case 'tps-reregistration-opened': {
      const closes = str(d.closes);
      const citation = str(d.citation);
      if (closes) {
        fixed = {
          date: closes,
          label: {
            en: 'TPS re-registration period closes (from the notice)',
            es: 'Cierra el periodo de reinscripción de TPS (según el aviso)',
          },
          citation: citation ?? 'Federal Register notice (citation not entered)',
          trail: [
            {
              en: `Re-registration period opened on ${ev.date} (entered from the notice).`,
              es: `El periodo de reinscripción abrió el ${ev.date} (según el aviso).`,
            },
            {
              en: `The notice gives ${closes} as the last day to re-register.`,
              es: `El aviso indica el ${closes} como último día para reinscribirse.`,
            },
          ],
          note: {
            en: 'Dates from a notice entered by hand; check them against the Federal Register.',
            es: 'Fechas de un aviso ingresadas a mano; verifíquelas en el Federal Register.',
          },
          verify: citation === undefined,
        };
      } else {
        skipped.push({
          rule: null,
          reason: { en: 'No closing date entered: no deadline created.', es: 'No se indicó fecha de cierre: no se creó plazo.' },
        });
      }
      break;
    }
    case 'asylum-filed': {
      const { stops, before } = clockStopsFor(ev, facts);
      for (const st of before) skipped.push({ rule: null, reason: stopBeforeFiling(st, ev.date) });
      add('asylum-ead-file', { clockStops: stops });
      add('asylum-ead-eligible', { clockStops: stops });
      break;
    }
    case 'detained':
    case 'released':
    case 'asylum-clock-stop':
      break;
  }
  return { rules, fixed, skipped };
}
