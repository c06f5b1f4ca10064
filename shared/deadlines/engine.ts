/**
 * computeDeadline: one rule, one trigger date, a due date with the reasons.
 *
 * Court closures never make `due` later. A closure is flagged and, for a
 * forward deadline, the next open day is offered as `closureDue`: electronic
 * filing often stays open when a building closes, and closure extensions are
 * announced case by case, so relying on one must be a person's decision.
 * Backward and one-year deadlines step over closures when moving earlier,
 * which is always safe.
 */
import { AppError } from '../errors';
import { addDays, assertDate, formatYmd, isLeapYear, parseYmd } from './dates';
import { nonBusinessReason, type NonBusinessReason } from './holidays';
import { RULES, TRIGGER_LABELS, findRule, type DeadlineRule, type Localized } from './rules';
import { TrailBuilder, listDays, showEn, showEs, whyNotBusiness } from './trail';

export const MAX_DAYS = 3650;

export interface DeadlineOptions {
  /** The notice was served by mail; adds days only where the rule allows it. */
  mailed?: boolean;
  /** The period a notice or judge set, for rules whose period is not fixed by law. */
  days?: number;
  /** Clinic-entered court closure days (YYYY-MM-DD). */
  closures?: readonly string[];
}

export interface DeadlineInput {
  rule: string;
  trigger: string;
  options?: DeadlineOptions;
}

export type DeadlineFlag = 'closure' | 'over-max' | 'non-business-day';

export interface DeadlineResult {
  rule: string;
  label: Localized;
  trigger: string;
  triggerKind: DeadlineRule['trigger'];
  direction: DeadlineRule['direction'];
  /** The date to file or act by. For two-way rules it is the earlier, safe date. */
  due: string;
  /** The later date a literal reading of the roll rule gives (backward and one-year rules only). */
  ruleDue?: string;
  /** The next open day when `due` is a court closure, if the closure extends deadlines. */
  closureDue?: string;
  /** Days counted, mailing days included; absent for the one-year rule. */
  daysCounted?: number;
  mailingDaysAdded: number;
  citation: string;
  note: Localized;
  verify: boolean;
  flags: DeadlineFlag[];
  trail: { en: string[]; es: string[] };
}

interface ReadOptions {
  mailed: boolean;
  days?: number;
  closures: ReadonlySet<string>;
}

interface Skipped {
  date: string;
  reason: NonBusinessReason;
}

const NO_CLOSURES: ReadonlySet<string> = new Set();

export function listRules(): DeadlineRule[] {
  return RULES.map((r) => ({ ...r }));
}

export function computeDeadline(input: DeadlineInput): DeadlineResult {
  if (typeof input !== 'object' || input === null) throw invalid('expected { rule, trigger, options }');
  const rule = requireRule(input.rule);
  const trigger = assertDate(input.trigger, 'trigger');
  const opts = readOptions(rule, input.options);
  const trail = new TrailBuilder();
  const flags: DeadlineFlag[] = [];

  trail.add(startLine(rule, trigger));
  const counted = countPeriod(rule, trigger, opts, trail, flags);
  const dates = applyRoll(rule, counted.literal, opts.closures, trail, flags);
  trail.add({ en: `Due: ${showEn(dates.due)}.`, es: `Fecha límite: ${showEs(dates.due)}.` });

  return {
    rule: rule.id,
    label: rule.label,
    trigger,
    triggerKind: rule.trigger,
    direction: rule.direction,
    ...dates,
    ...(counted.days === undefined ? {} : { daysCounted: counted.days }),
    mailingDaysAdded: counted.mailingDays,
    citation: rule.citation,
    note: rule.note,
    verify: rule.verify,
    flags,
    trail: trail.build(),
  };
}

function requireRule(id: unknown): DeadlineRule {
  const rule = typeof id === 'string' ? findRule(id) : undefined;
  if (!rule) {
    const shown = typeof id === 'string' ? id.slice(0, 60) : String(id);
    const known = RULES.map((r) => r.id).join(', ');
    throw new AppError('UNKNOWN_RULE', `unknown rule '${shown}'. Known rules: ${known}`, { known: RULES.map((r) => r.id) });
  }
  return rule;
}

function readOptions(rule: DeadlineRule, raw: unknown): ReadOptions {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('options must be an object');
  const { mailed, days, closures } = raw as Record<string, unknown>;
  if (mailed !== undefined && typeof mailed !== 'boolean') throw invalid('mailed must be true or false');
  return {
    mailed: mailed === true,
    ...readDays(rule, days),
    closures: readClosures(closures),
  };
}

function readDays(rule: DeadlineRule, days: unknown): { days?: number } {
  if (rule.period.unit !== 'set-by-order') {
    if (days !== undefined) {
      throw invalid(`rule '${rule.id}' has a period fixed by law; days applies only to periods a notice or judge sets`);
    }
    return {};
  }
  if (days === undefined) throw invalid(`rule '${rule.id}' needs days: the number of days the notice or order gives`);
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw invalid(`days must be a whole number from 1 to ${MAX_DAYS}`);
  }
  return { days };
}

function readClosures(closures: unknown): ReadonlySet<string> {
  if (closures === undefined) return NO_CLOSURES;
  if (!Array.isArray(closures)) throw invalid('closures must be a list of YYYY-MM-DD dates');
  return new Set(closures.map((c) => assertDate(c, 'closures')));
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function startLine(rule: DeadlineRule, trigger: string): Localized {
  const what = TRIGGER_LABELS[rule.trigger];
  return {
    en: `Start: ${showEn(trigger)}, the ${what.en} (day 0).`,
    es: `Inicio: ${showEs(trigger)}, ${what.es} (día 0).`,
  };
}

interface Counted {
  literal: string;
  days?: number;
  mailingDays: number;
}

function countPeriod(rule: DeadlineRule, trigger: string, opts: ReadOptions, trail: TrailBuilder, flags: DeadlineFlag[]): Counted {
  const period = rule.period;
  switch (period.unit) {
    case 'one-year':
      return { literal: oneYearLater(trigger, trail), mailingDays: 0 };
    case 'business-days':
      return { literal: countBusinessDays(trigger, period.days, trail), days: period.days, mailingDays: 0 };
    case 'calendar-days':
      return countCalendarDays(rule, trigger, period.days, opts, trail);
    case 'set-by-order': {
      const days = opts.days as number;
      trail.add({ en: `Period set by the notice or order: ${days} days.`, es: `Plazo fijado por el aviso u orden: ${days} días.` });
      if (period.maxDays !== undefined && days > period.maxDays) {
        flags.push('over-max');
        trail.add(overMaxLine(days, period.maxDays, rule.citation));
      }
      return countCalendarDays(rule, trigger, days, opts, trail);
    }
  }
}

function overMaxLine(days: number, max: number, citation: string): Localized {
  return {
    en: `Warning: ${days} days is more than the ${max}-day maximum (${citation}); check the notice or order.`,
    es: `Atención: ${days} días supera el máximo de ${max} días (${citation}); revise el aviso u orden.`,
  };
}

function countCalendarDays(rule: DeadlineRule, trigger: string, base: number, opts: ReadOptions, trail: TrailBuilder): Counted {
  const mailingDays = opts.mailed ? rule.mailingAddsDays : 0;
  if (opts.mailed) trail.add(mailingLine(rule, base, mailingDays));
  const days = base + mailingDays;
  const sign = rule.direction === 'after' ? 1 : -1;
  const literal = addDays(trigger, sign * days);
  trail.add(
    rule.direction === 'after'
      ? {
          en: `${days} calendar days after ${showEn(trigger)} is ${showEn(literal)}.`,
          es: `${days} días calendario después del ${showEs(trigger)} es el ${showEs(literal)}.`,
        }
      : {
          en: `${days} calendar days before ${showEn(trigger)} is ${showEn(literal)}.`,
          es: `${days} días calendario antes del ${showEs(trigger)} es el ${showEs(literal)}.`,
        },
  );
  return { literal, days, mailingDays };
}

function mailingLine(rule: DeadlineRule, base: number, added: number): Localized {
  if (added === 0) {
    return {
      en: 'Served by mail, but no mailing days are added to this deadline.',
      es: 'Notificado por correo, pero a este plazo no se le suman días por correo.',
    };
  }
  return {
    en: `Served by mail: ${added} days added (8 CFR 103.8(b)), so ${base + added} days are counted.`,
    es: `Notificado por correo: se suman ${added} días (8 CFR 103.8(b)); se cuentan ${base + added} días.`,
  };
}

function countBusinessDays(trigger: string, n: number, trail: TrailBuilder): string {
  let date = trigger;
  let counted = 0;
  const holidays: Skipped[] = [];
  while (counted < n) {
    date = addDays(date, 1);
    const why = nonBusinessReason(date);
    if (why === null) counted += 1;
    else if (why.kind !== 'weekend') holidays.push({ date, reason: why });
  }
  const skipped = holidays.length ? listDays(holidays) : null;
  trail.add({
    en: `${n} business days after ${showEn(trigger)}, skipping weekends${skipped ? ` and ${skipped.en}` : ''}, is ${showEn(date)}.`,
    es: `${n} días hábiles después del ${showEs(trigger)}, sin contar fines de semana${skipped ? ` ni ${skipped.es}` : ''}, es el ${showEs(date)}.`,
  });
  return date;
}

/** The anniversary; a February 29 start falls back to February 28, the earlier and safer reading. */
function oneYearLater(trigger: string, trail: TrailBuilder): string {
  const { year, month, day } = parseYmd(trigger)!;
  const nextYear = year + 1;
  const leapDayLost = month === 2 && day === 29 && !isLeapYear(nextYear);
  const anniversary = formatYmd({ year: nextYear, month, day: leapDayLost ? 28 : day });
  trail.add({
    en: `One year after ${showEn(trigger)} is ${showEn(anniversary)}.`,
    es: `Un año después del ${showEs(trigger)} es el ${showEs(anniversary)}.`,
  });
  if (leapDayLost) {
    trail.add({
      en: `${nextYear} has no February 29, so the anniversary is taken as February 28, the earlier reading.`,
      es: `${nextYear} no tiene 29 de febrero; se toma el 28 de febrero, la lectura más temprana.`,
    });
  }
  return anniversary;
}

interface Rolled {
  due: string;
  ruleDue?: string;
  closureDue?: string;
}

function applyRoll(rule: DeadlineRule, literal: string, closures: ReadonlySet<string>, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  switch (rule.roll) {
    case 'forward':
      return rollForward(rule, literal, closures, trail, flags);
    case 'both-ways':
      return rollBothWays(rule, literal, closures, trail, flags);
    case 'none':
      return keepLiteral(literal, closures, trail, flags);
  }
}

/** Walks from `from` (inclusive) in `step` direction to the first open day. */
function scan(from: string, step: 1 | -1, closures: ReadonlySet<string>): { date: string; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  let date = from;
  for (let why = nonBusinessReason(date, closures); why !== null; why = nonBusinessReason(date, closures)) {
    skipped.push({ date, reason: why });
    date = addDays(date, step);
  }
  return { date, skipped };
}

/** The first skipped day always explains itself; later weekend days add nothing worth reading. */
function explain(skipped: Skipped[]): Localized {
  return whyNotBusiness(skipped.filter((s, i) => i === 0 || s.reason.kind !== 'weekend'));
}

function rollForward(
  rule: DeadlineRule,
  literal: string,
  closures: ReadonlySet<string>,
  trail: TrailBuilder,
  flags: DeadlineFlag[],
): Rolled {
  const { date: due, skipped } = scan(literal, 1, NO_CLOSURES);
  if (skipped.length) {
    const why = explain(skipped);
    const by = rule.rollCitation ? ` (${rule.rollCitation})` : '';
    trail.add({
      en: `${why.en}, so the deadline moves to the next business day${by}: ${showEn(due)}.`,
      es: `${why.es}; el plazo pasa al siguiente día hábil${by}: ${showEs(due)}.`,
    });
  } else if (rule.period.unit !== 'business-days') {
    trail.add({ en: `${showEn(due)} is a business day.`, es: `${showEs(due)} es día hábil.` });
  }
  if (!closures.has(due)) return { due };
  flags.push('closure');
  const closureDue = scan(due, 1, closures).date;
  trail.add({
    en: `${showEn(due)} is a court closure day you entered. The due date stays ${showEn(due)}: electronic filing may remain open and closure extensions are announced case by case. If the closure extends deadlines, the next open day is ${showEn(closureDue)}.`,
    es: `${showEs(due)} es un día de cierre del tribunal que ustedes indicaron. La fecha límite sigue siendo ${showEs(due)}: la presentación electrónica puede seguir abierta y las prórrogas por cierre se anuncian caso por caso. Si el cierre prorroga los plazos, el siguiente día abierto es ${showEs(closureDue)}.`,
  });
  return { due, closureDue };
}

function rollBothWays(
  rule: DeadlineRule,
  literal: string,
  closures: ReadonlySet<string>,
  trail: TrailBuilder,
  flags: DeadlineFlag[],
): Rolled {
  const safe = scan(literal, -1, closures);
  const later = scan(literal, 1, NO_CLOSURES);
  if (closures.has(literal) || closures.has(later.date)) flags.push('closure');
  if (safe.skipped.length === 0) {
    trail.add({ en: `${showEn(literal)} is a business day.`, es: `${showEs(literal)} es día hábil.` });
    return { due: literal, ruleDue: later.date };
  }
  // The forward walk names any holiday right after the literal day; a closure only shows up walking back.
  const why = explain(later.skipped.length ? later.skipped : safe.skipped.slice(0, 1));
  trail.add({ en: `${why.en}.`, es: `${why.es}.` });
  trail.add({
    en: `Safe due date: the business day before, ${showEn(safe.date)}.`,
    es: `Fecha límite segura: el día hábil anterior, ${showEs(safe.date)}.`,
  });
  trail.add(laterReadingLine(rule, later.date));
  return { due: safe.date, ruleDue: later.date };
}

function laterReadingLine(rule: DeadlineRule, date: string): Localized {
  if (rule.rollCitation) {
    return {
      en: `Literal reading of ${rule.rollCitation}, which moves a weekend or holiday to the next business day: ${showEn(date)}.`,
      es: `Lectura literal de ${rule.rollCitation}, que pasa un fin de semana o feriado al siguiente día hábil: ${showEs(date)}.`,
    };
  }
  return {
    en: `If the deadline rolls forward to the next business day (not settled): ${showEn(date)}.`,
    es: `Si el plazo se corre al siguiente día hábil (no está resuelto): ${showEs(date)}.`,
  };
}

function keepLiteral(literal: string, closures: ReadonlySet<string>, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  const why = nonBusinessReason(literal, closures);
  if (why === null) return { due: literal };
  flags.push(why.kind === 'closure' ? 'closure' : 'non-business-day');
  const text = whyNotBusiness([{ date: literal, reason: why }]);
  trail.add({
    en: `${text.en}; this deadline does not move for weekends, holidays or closures.`,
    es: `${text.es}; este plazo no se mueve por fines de semana, feriados ni cierres.`,
  });
  return { due: literal };
}
