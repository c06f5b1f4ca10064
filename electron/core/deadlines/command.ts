/**
 * `deadline --rule ID --trigger YYYY-MM-DD [--mailed] [--days N] [--closure D]... [--stop FROM:TO]... [--json]`
 * `deadline --rule tps-reregistration --country CODE [--json]`
 *
 * Declared federal closures come from the shipped closures dataset (no vault
 * is opened; an imported dataset applies inside the app and the vault CLI).
 *
 * Returns the exit code and the text instead of printing, so cli.ts decides
 * where output goes and tests call it directly. Exit codes: 0 ok, 2 bad usage,
 * 4 any other error (one plain line on stderr, never a stack trace).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
// The engine's own modules, not the shared/deadlines index: the index also
// carries the zod schemas for imported datasets, and loading zod on every
// `deadline` call would double the CLI's start (issue #9: ≤ 2× a bare node).
import { computeDeadline, listRules, type ClockStop, type DeadlineResult } from '../../../shared/deadlines/engine';
import { DATASET_RULES, findRule } from '../../../shared/deadlines/rules';
import { shippedClosures } from './shipped-closures';
import type { TpsWindow } from './tps-window';

/** The same id as shared/tps's TPS_REREGISTRATION_RULE, which this file must not import (zod). */
export const TPS_REREGISTRATION_RULE = 'tps-reregistration';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_ERROR = 4;

const USAGE = [
  'Usage: deadline --rule ID --trigger YYYY-MM-DD [--mailed] [--days N] [--closure YYYY-MM-DD]... [--stop FROM:TO]... [--json]',
  '       deadline --rule tps-reregistration --country CODE [--json]',
  '       deadline --list',
].join('\n');

const OPTIONS = {
  rule: { type: 'string' },
  trigger: { type: 'string' },
  mailed: { type: 'boolean' },
  days: { type: 'string' },
  closure: { type: 'string', multiple: true },
  stop: { type: 'string', multiple: true },
  country: { type: 'string' },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tpsWindow` answers `--rule tps-reregistration --country CODE`; it reads the
 * TPS dataset, so callers load it (tps-window.ts) only for that rule.
 */
export function runDeadlineCommand(args: string[], tpsWindow?: TpsWindow): CommandOutput {
  let values;
  try {
    values = parseArgs({ args: joinNegativeDays(args), options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return usageError(firstLine(err instanceof Error ? err.message : String(err)));
  }
  if (values.help) return { code: EXIT_OK, stdout: `${USAGE}\n`, stderr: '' };
  if (values.list) return { code: EXIT_OK, stdout: renderRuleList(), stderr: '' };
  if (values.rule === TPS_REREGISTRATION_RULE) {
    if (values.country === undefined) return usageError('--country is required for tps-reregistration (for example --country SV).');
    if (!tpsWindow) return { code: EXIT_ERROR, stdout: '', stderr: 'Error: the TPS dataset was not loaded for this command.\n' };
    return tpsWindow(values.country, values.json === true);
  }
  if (values.rule === undefined || values.trigger === undefined) return usageError('--rule and --trigger are required.');

  try {
    const result = computeDeadline({
      rule: values.rule,
      trigger: values.trigger,
      options: {
        mailed: values.mailed === true,
        ...(values.days === undefined ? {} : { days: parseDays(values.days) }),
        ...(values.closure === undefined ? {} : { closures: values.closure }),
        ...(values.stop === undefined ? {} : { clockStops: values.stop.map(parseStop) }),
        declared: shippedClosures().closures,
      },
    });
    const stdout = values.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result);
    return { code: EXIT_OK, stdout, stderr: '' };
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'unexpected failure while computing the deadline';
    return { code: EXIT_ERROR, stdout: '', stderr: `Error: ${firstLine(message)}\n` };
  }
}

/** parseArgs reads `--days -5` as a missing value; joining it lets the range check give the real reason. */
function joinNegativeDays(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const next = args[i + 1];
    if (args[i] === '--days' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--days=${next}`);
      i += 1;
    } else {
      out.push(args[i] as string);
    }
  }
  return out;
}

function parseDays(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new AppError('INVALID_INPUT', 'days must be a whole number');
  return Number(text.trim());
}

/** `--stop 2025-03-01:2025-03-15`: the clock stopped on the first date and ran again on the second. */
function parseStop(text: string): ClockStop {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m)
    throw new AppError(
      'INVALID_INPUT',
      'each --stop is FROM:TO, two YYYY-MM-DD dates (the day the clock stopped and the day it ran again)',
    );
  return { from: m[1]!, to: m[2]! };
}

function usageError(message: string): CommandOutput {
  return { code: EXIT_USAGE, stdout: '', stderr: `Error: ${message}\n${USAGE}\n` };
}

export function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function renderText(r: DeadlineResult): string {
  const head = r.dateKind === 'earliest' ? 'Earliest date' : r.dateKind === 'window-opens' ? 'Window opens' : 'Due';
  const lines = [r.label.en, `${head}: ${r.due}`];
  if (r.ruleDue !== undefined && r.ruleDue !== r.due) {
    const settled = findRule(r.rule)?.rollSettled === true;
    lines.push(
      settled ? `Rule date: ${r.ruleDue} (the due date above is a safe margin)` : `Later reading: ${r.ruleDue} (see how it was counted)`,
    );
  }
  if (r.closureDue !== undefined) lines.push(`If the court closure extends deadlines: ${r.closureDue}`);
  lines.push('How it was counted:', ...r.trail.en.map((l) => `  ${l}`));
  lines.push(`Citation: ${r.citation}`);
  if (r.edition) lines.push(`Edition followed: ${r.edition.en}`);
  lines.push(`Note: ${r.note.en}`);
  if (r.flags.includes('over-max')) lines.push('WARNING: the days entered exceed the legal maximum for this rule.');
  if (r.verify) lines.push('VERIFY: this rule is unsettled or its citation is unconfirmed. Check the current law before relying on it.');
  return `${lines.join('\n')}\n`;
}

function renderRuleList(): string {
  const rows = [
    ...listRules().map((r) => ({ id: r.id, text: `${r.label.en}${r.verify ? ' [verify]' : ''}` })),
    ...DATASET_RULES.map((r) => ({ id: r.id, text: `${r.label.en} [from the TPS dataset: --country CODE]${r.verify ? ' [verify]' : ''}` })),
  ];
  const width = Math.max(...rows.map((r) => r.id.length));
  return `${rows.map((r) => `${r.id.padEnd(width)}  ${r.text}`).join('\n')}\n`;
}
