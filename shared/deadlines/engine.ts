/**
 * computeDeadline: one rule, one trigger date, a due date with the reasons.
 *
 * Court closures never make `due` later. A closure is flagged and, for a
 * forward deadline, the next open day is offered as `closureDue`: electronic
 * filing often stays open when a building closes, and closure extensions are
 * announced case by case, so relying on one must be a person's decision.
 * Backward and one-year deadlines step over closures when moving earlier,
 * which is always safe.
 *
 * Declared federal closures (executive orders, `options.declared`) are
 * treated the same way, except for rules counted under Fed. R. App. P.
 * 26(a)(6)(B), which makes them legal holidays: there the last day rolls
 * over them like over a federal holiday.
 */
import { AppError } from '../errors';
import { addDays, assertDate, daysBetween, formatYmd, isLeapYear, parseYmd } from './dates';
import { describeClosure, type DeclaredClosure } from './closures';
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
  /** Federal closures declared by executive order (the closures dataset). */
  declared?: readonly DeclaredClosure[];
  /**
   * Periods the applicant caused the clock to stop (rules with `clockStops`):
   * from the day it stopped to the day it ran again; `to - from` days are not counted.
   */
  clockStops?: readonly ClockStop[];
}

export interface ClockStop {
  from: string;
  to: string;
  /** What the applicant asked for or caused, shown in the trail (for example "continuance requested"). */
  reason?: string;
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
  /** Days the clock was stopped by the applicant, added to the period (asylum EAD rules). */
  clockStoppedDays?: number;
  /** What the date is: a deadline, the earliest day to act, or the day a window opens. */
  dateKind: 'deadline' | 'earliest' | 'window-opens';
  /** The practice manual edition the rule follows, when it follows one. */
  edition?: Localized;
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
  stops: ClockStop[];
  cal: Calendar;
}

/**
 * Which days stop a roll and which are only flagged, for one rule:
 * `rolls` are declared closures the rule counts as legal holidays,
 * `declared` every declared closure (flagged when the rule does not count them).
 */
interface Calendar {
  closures: ReadonlySet<string>;
  declared: ReadonlyMap<string, DeclaredClosure>;
  rolls: ReadonlyMap<string, DeclaredClosure>;
}

interface Skipped {
  date: string;
  reason: NonBusinessReason;
}

const NO_CLOSURES: ReadonlySet<string> = new Set();
const NO_DECLARED: ReadonlyMap<string, DeclaredClosure> = new Map();

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
  if (rule.edition) trail.add({ en: `Rule as in: ${rule.edition.en}`, es: `Regla según: ${rule.edition.es}` });
  const counted = countPeriod(rule, trigger, opts, trail, flags);
  const { unconfirmed: shaky, ...dates } = applyRoll(rule, counted.literal, opts.cal, trail, flags);
  trail.add(finalLine(rule, dates.due));

  return {
    rule: rule.id,
    label: rule.label,
    trigger,
    triggerKind: rule.trigger,
    direction: rule.direction,
    ...dates,
    ...(counted.days === undefined ? {} : { daysCounted: counted.days }),
    ...(counted.stopped === undefined ? {} : { clockStoppedDays: counted.stopped }),
    mailingDaysAdded: counted.mailingDays,
    dateKind: rule.dateKind ?? 'deadline',
    ...(rule.edition ? { edition: rule.edition } : {}),
    citation: rule.citation,
    note: rule.note,
    // A February 29 arrival has two readings of the anniversary; the result says so even where the rule is settled.
    // So does a roll over a declared closure whose executive order is not confirmed.
    verify: rule.verify || counted.leapDayLost === true || shaky === true,
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
  const { mailed, days, closures, declared, clockStops } = raw as Record<string, unknown>;
  if (mailed !== undefined && typeof mailed !== 'boolean') throw invalid('mailed must be true or false');
  const clinic = readClosures(closures);
  const all = readDeclared(declared);
  return {
    mailed: mailed === true,
    ...readDays(rule, days),
    closures: clinic,
    stops: readStops(rule, clockStops),
    cal: { closures: clinic, declared: all, rolls: rule.declaredClosures === 'counted' ? all : NO_DECLARED },
  };
}

function readDeclared(declared: unknown): ReadonlyMap<string, DeclaredClosure> {
  if (declared === undefined) return NO_DECLARED;
  if (!Array.isArray(declared)) throw invalid('declared must be a list of declared closures');
  const map = new Map<string, DeclaredClosure>();
  for (const c of declared as DeclaredClosure[]) {
    if (typeof c !== 'object' || c === null) throw invalid('declared must be a list of declared closures');
    map.set(assertDate(c.date, 'declared'), c);
  }
  return map;
}

const MAX_STOPS = 200;

function readStops(rule: DeadlineRule, raw: unknown): ClockStop[] {
  if (raw === undefined) return [];
  if (!rule.clockStops) throw invalid(`rule '${rule.id}' has no clock that stops; clockStops applies only to the asylum EAD rules`);
  if (!Array.isArray(raw) || raw.length > MAX_STOPS)
    throw invalid(`clockStops must be a list of at most ${MAX_STOPS} { from, to } periods`);
  const stops = raw.map((s: unknown) => {
    if (typeof s !== 'object' || s === null) throw invalid('each clock stop needs from and to dates');
    const { from, to, reason } = s as Record<string, unknown>;
    const stop: ClockStop = { from: assertDate(from, 'clockStops.from'), to: assertDate(to, 'clockStops.to') };
    if (stop.to < stop.from) throw invalid('a clock stop cannot end before it starts');
    if (reason !== undefined) {
      if (typeof reason !== 'string' || reason.length > 200) throw invalid('a clock stop reason is text of at most 200 characters');
      stop.reason = reason;
    }
    return stop;
  });
  stops.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < stops.length; i += 1) {
    if (stops[i]!.from < stops[i - 1]!.to) throw invalid('clock stops overlap; enter each stopped period once');
  }
  return stops;
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
  /** Days the applicant stopped the clock (rules with clockStops). */
  stopped?: number;
  /** A February 29 trigger whose anniversary year has no February 29. */
  leapDayLost?: boolean;
}

function finalLine(rule: DeadlineRule, due: string): Localized {
  switch (rule.dateKind ?? 'deadline') {
    case 'deadline':
      return { en: `Due: ${showEn(due)}.`, es: `Fecha límite: ${showEs(due)}.` };
    case 'earliest':
      return { en: `Earliest date: ${showEn(due)}.`, es: `Primera fecha posible: ${showEs(due)}.` };
    case 'window-opens':
      return { en: `Window opens: ${showEn(due)}.`, es: `Se abre el periodo: ${showEs(due)}.` };
  }
}

function countPeriod(rule: DeadlineRule, trigger: string, opts: ReadOptions, trail: TrailBuilder, flags: DeadlineFlag[]): Counted {
  const period = rule.period;
  switch (period.unit) {
    case 'one-year': {
      const year = oneYearLater(trigger, trail);
      return { literal: year.date, mailingDays: 0, leapDayLost: year.leapDayLost };
    }
    case 'business-days':
      return { literal: countBusinessDays(trigger, period.days, opts.cal, trail), days: period.days, mailingDays: 0 };
    case 'calendar-days':
      if (rule.clockStops) return countClockDays(trigger, period.days, opts.stops, trail);
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

/**
 * Days on a clock the applicant can stop (8 CFR 208.7(a)(2)): each stop from
 * A to B leaves the days after A up to B uncounted, so the date moves by
 * B - A days, but only for stops that begin before the count is reached.
 */
function countClockDays(trigger: string, base: number, stops: readonly ClockStop[], trail: TrailBuilder): Counted {
  let cursor = trigger;
  let remaining = base;
  let stopped = 0;
  if (stops.length === 0) trail.add({ en: 'No clock stops entered.', es: 'No se indicaron detenciones del reloj.' });
  for (const stop of stops) {
    if (stop.from < trigger) throw invalid('a clock stop cannot start before the clock did');
    const why = stop.reason ? { en: ` (${stop.reason})`, es: ` (${stop.reason})` } : { en: '', es: '' };
    const reached = addDays(cursor, remaining);
    if (stop.from >= reached) {
      trail.add({
        en: `Clock stop from ${showEn(stop.from)} to ${showEn(stop.to)}${why.en} begins once ${base} days have run (${showEn(reached)}): it does not move this date.`,
        es: `La detención del reloj del ${showEs(stop.from)} al ${showEs(stop.to)}${why.es} empieza cuando ya corrieron ${base} días (${showEs(reached)}): no mueve esta fecha.`,
      });
      continue;
    }
    remaining -= daysBetween(cursor, stop.from);
    const n = daysBetween(stop.from, stop.to);
    stopped += n;
    cursor = stop.to;
    trail.add({
      en: `Clock stopped by the applicant from ${showEn(stop.from)} to ${showEn(stop.to)}${why.en}: ${n} days not counted; ${base - remaining} clock days had run, ${remaining} remain.`,
      es: `Reloj detenido por el solicitante del ${showEs(stop.from)} al ${showEs(stop.to)}${why.es}: ${n} días no se cuentan; habían corrido ${base - remaining} días del reloj, faltan ${remaining}.`,
    });
  }
  const literal = addDays(cursor, remaining);
  trail.add(
    stopped === 0
      ? {
          en: `${base} days on the clock after ${showEn(trigger)} is ${showEn(literal)}.`,
          es: `${base} días de reloj después del ${showEs(trigger)} es el ${showEs(literal)}.`,
        }
      : {
          en: `${base} days on the clock after ${showEn(trigger)}, plus the ${stopped} stopped days, is ${showEn(literal)}.`,
          es: `${base} días de reloj después del ${showEs(trigger)}, más los ${stopped} días de detención, es el ${showEs(literal)}.`,
        },
  );
  return { literal, days: base, mailingDays: 0, stopped };
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

function countBusinessDays(trigger: string, n: number, cal: Calendar, trail: TrailBuilder): string {
  let date = trigger;
  let counted = 0;
  const holidays: Skipped[] = [];
  const declaredCounted: DeclaredClosure[] = [];
  while (counted < n) {
    date = addDays(date, 1);
    const why = nonBusinessReason(date, NO_CLOSURES, cal.rolls);
    if (why === null) {
      counted += 1;
      const declared = cal.declared.get(date);
      if (declared && counted < n) declaredCounted.push(declared);
    } else if (why.kind !== 'weekend') holidays.push({ date, reason: why });
  }
  const skipped = holidays.length ? listDays(holidays) : null;
  trail.add({
    en: `${n} business days after ${showEn(trigger)}, skipping weekends${skipped ? ` and ${skipped.en}` : ''}, is ${showEn(date)}.`,
    es: `${n} días hábiles después del ${showEs(trigger)}, sin contar fines de semana${skipped ? ` ni ${skipped.es}` : ''}, es el ${showEs(date)}.`,
  });
  // A closure by executive order is not a legal public holiday (5 U.S.C. 6103(a)); say so where it was counted.
  for (const c of declaredCounted) {
    const d = describeClosure(c);
    trail.add({
      en: `${showEn(c.date)} was counted as a business day although it was ${d.en}: it is not a legal public holiday, but the agency may not count it.`,
      es: `El ${showEs(c.date)} se contó como día hábil aunque fue ${d.es}: no es un feriado legal, pero la agencia puede no contarlo.`,
    });
  }
  return date;
}

/** The anniversary; a February 29 start falls back to February 28, the earlier and safer reading. */
function oneYearLater(trigger: string, trail: TrailBuilder): { date: string; leapDayLost: boolean } {
  const { year, month, day } = parseYmd(trigger)!;
  const nextYear = year + 1;
  const leapDayLost = month === 2 && day === 29 && !isLeapYear(nextYear);
  const anniversary = formatYmd({ year: nextYear, month, day: leapDayLost ? 28 : day });
  trail.add({
    en: `One year after ${showEn(trigger)} is ${showEn(anniversary)}.`,
    es: `Un año después del ${showEs(trigger)} es el ${showEs(anniversary)}.`,
  });
  if (leapDayLost) {
    const march1 = addDays(anniversary, 1);
    const rolled = scan(march1, 1, NO_CLOSURES, NO_DECLARED).date;
    trail.add({
      en: `${nextYear} has no February 29. Reading the anniversary as February 28 gives ${showEn(anniversary)}; reading it as March 1 gives ${showEn(rolled)}. Not settled: the earlier reading, February 28, is used.`,
      es: `${nextYear} no tiene 29 de febrero. Si el aniversario se lee como el 28 de febrero, da ${showEs(anniversary)}; si se lee como el 1 de marzo, da ${showEs(rolled)}. No está resuelto: se usa la lectura más temprana, el 28 de febrero.`,
    });
  }
  return { date: anniversary, leapDayLost };
}

interface Rolled {
  due: string;
  ruleDue?: string;
  closureDue?: string;
  /** The date rolled over a declared closure whose citation is not confirmed. */
  unconfirmed?: true;
}

function unconfirmed(skipped: readonly Skipped[]): { unconfirmed?: true } {
  return skipped.some((s) => s.reason.kind === 'declared' && s.reason.closure.verify) ? { unconfirmed: true } : {};
}

function applyRoll(rule: DeadlineRule, literal: string, cal: Calendar, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  switch (rule.roll) {
    case 'forward':
      return rollForward(rule, literal, cal, trail, flags);
    case 'both-ways':
      return rollBothWays(rule, literal, cal, trail, flags);
    case 'none':
      return keepLiteral(literal, cal, trail, flags);
  }
}

/** Walks from `from` (inclusive) in `step` direction to the first open day. */
function scan(
  from: string,
  step: 1 | -1,
  closures: ReadonlySet<string>,
  declared: ReadonlyMap<string, DeclaredClosure>,
): { date: string; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  let date = from;
  for (let why = nonBusinessReason(date, closures, declared); why !== null; why = nonBusinessReason(date, closures, declared)) {
    skipped.push({ date, reason: why });
    date = addDays(date, step);
  }
  return { date, skipped };
}

/** The first skipped day always explains itself; later weekend days add nothing worth reading. */
function explain(skipped: Skipped[]): Localized {
  return whyNotBusiness(skipped.filter((s, i) => i === 0 || s.reason.kind !== 'weekend'));
}

/** A day the rule does not roll over but that is closed: a clinic closure or a declared closure the rule only flags. */
function flaggedReason(date: string, cal: Calendar): NonBusinessReason | null {
  const why = nonBusinessReason(date, cal.closures, cal.declared);
  return why !== null && (why.kind === 'closure' || why.kind === 'declared') ? why : null;
}

function closureLine(due: string, why: NonBusinessReason, closureDue: string): Localized {
  if (why.kind === 'declared') {
    const d = describeClosure(why.closure);
    return {
      en: `${showEn(due)} is ${d.en}. It is not a legal holiday for this deadline, so the due date stays ${showEn(due)}; if the office or court treats the closure as extending deadlines, the next open day is ${showEn(closureDue)}.`,
      es: `${showEs(due)} es ${d.es}. No es feriado legal para este plazo, así que la fecha límite sigue siendo ${showEs(due)}; si la oficina o el tribunal considera que el cierre prorroga los plazos, el siguiente día abierto es ${showEs(closureDue)}.`,
    };
  }
  return {
    en: `${showEn(due)} is a court closure day you entered. The due date stays ${showEn(due)}: electronic filing may remain open and closure extensions are announced case by case. If the closure extends deadlines, the next open day is ${showEn(closureDue)}.`,
    es: `${showEs(due)} es un día de cierre del tribunal que ustedes indicaron. La fecha límite sigue siendo ${showEs(due)}: la presentación electrónica puede seguir abierta y las prórrogas por cierre se anuncian caso por caso. Si el cierre prorroga los plazos, el siguiente día abierto es ${showEs(closureDue)}.`,
  };
}

function rollForward(rule: DeadlineRule, literal: string, cal: Calendar, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  const { date: due, skipped } = scan(literal, 1, NO_CLOSURES, cal.rolls);
  if (skipped.length) {
    const why = explain(skipped);
    const by = rule.rollCitation ? ` (${rule.rollCitation})` : '';
    trail.add({
      en: `${why.en}, so the ${rule.dateKind === 'earliest' ? 'date' : 'deadline'} moves to the next business day${by}: ${showEn(due)}.`,
      es: `${why.es}; ${rule.dateKind === 'earliest' ? 'la fecha' : 'el plazo'} pasa al siguiente día hábil${by}: ${showEs(due)}.`,
    });
  } else if (rule.period.unit !== 'business-days') {
    trail.add({ en: `${showEn(due)} is a business day.`, es: `${showEs(due)} es día hábil.` });
  }
  const closed = flaggedReason(due, cal);
  if (!closed) return { due, ...unconfirmed(skipped) };
  flags.push('closure');
  const closureDue = scan(due, 1, cal.closures, cal.declared).date;
  trail.add(closureLine(due, closed, closureDue));
  return { due, closureDue, ...unconfirmed(skipped) };
}

function rollBothWays(rule: DeadlineRule, literal: string, cal: Calendar, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  const safe = scan(literal, -1, cal.closures, cal.declared);
  const later = scan(literal, 1, NO_CLOSURES, cal.rolls);
  if (flaggedReason(literal, cal) || flaggedReason(later.date, cal)) flags.push('closure');
  if (safe.skipped.length === 0) {
    trail.add({ en: `${showEn(literal)} is a business day.`, es: `${showEs(literal)} es día hábil.` });
    return { due: literal, ruleDue: later.date, ...unconfirmed(later.skipped) };
  }
  // The forward walk names any holiday right after the literal day; a closure only shows up walking back.
  const why = explain(later.skipped.length ? later.skipped : safe.skipped.slice(0, 1));
  trail.add({ en: `${why.en}.`, es: `${why.es}.` });
  trail.add({
    en: `Safe due date: the business day before, ${showEn(safe.date)}.`,
    es: `Fecha límite segura: el día hábil anterior, ${showEs(safe.date)}.`,
  });
  trail.add(laterReadingLine(rule, later.date));
  return { due: safe.date, ruleDue: later.date, ...unconfirmed(later.skipped) };
}

function laterReadingLine(rule: DeadlineRule, date: string): Localized {
  if (rule.rollSettled && rule.rollCitation) {
    // The regulation itself settles the roll; the earlier date is only a margin.
    return {
      en: `Rule date: ${rule.rollCitation} runs the period to the end of the next business day, ${showEn(date)}.`,
      es: `Fecha de la norma: ${rule.rollCitation} extiende el plazo hasta el final del siguiente día hábil, ${showEs(date)}.`,
    };
  }
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

function keepLiteral(literal: string, cal: Calendar, trail: TrailBuilder, flags: DeadlineFlag[]): Rolled {
  const why = nonBusinessReason(literal, cal.closures, cal.declared);
  if (why === null) return { due: literal };
  flags.push(why.kind === 'closure' || why.kind === 'declared' ? 'closure' : 'non-business-day');
  const text = whyNotBusiness([{ date: literal, reason: why }]);
  trail.add({
    en: `${text.en}; this date does not move for weekends, holidays or closures.`,
    es: `${text.es}; esta fecha no se mueve por fines de semana, feriados ni cierres.`,
  });
  return { due: literal };
}
