/**
 * `deadline --rule ID --trigger YYYY-MM-DD [--mailed] [--days N] [--closure D]... [--json]`
 *
 * Returns the exit code and the text instead of printing, so cli.ts decides
 * where output goes and tests call it directly. Exit codes: 0 ok, 2 bad usage,
 * 4 any other error (one plain line on stderr, never a stack trace).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { computeDeadline, listRules, type DeadlineResult } from '../../../shared/deadlines';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_ERROR = 4;

const USAGE = [
  'Usage: deadline --rule ID --trigger YYYY-MM-DD [--mailed] [--days N] [--closure YYYY-MM-DD]... [--json]',
  '       deadline --list',
].join('\n');

const OPTIONS = {
  rule: { type: 'string' },
  trigger: { type: 'string' },
  mailed: { type: 'boolean' },
  days: { type: 'string' },
  closure: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function runDeadlineCommand(args: string[]): CommandOutput {
  let values;
  try {
    values = parseArgs({ args: joinNegativeDays(args), options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return usageError(firstLine(err instanceof Error ? err.message : String(err)));
  }
  if (values.help) return { code: EXIT_OK, stdout: `${USAGE}\n`, stderr: '' };
  if (values.list) return { code: EXIT_OK, stdout: renderRuleList(), stderr: '' };
  if (values.rule === undefined || values.trigger === undefined) return usageError('--rule and --trigger are required.');

  try {
    const result = computeDeadline({
      rule: values.rule,
      trigger: values.trigger,
      options: {
        mailed: values.mailed === true,
        ...(values.days === undefined ? {} : { days: parseDays(values.days) }),
        ...(values.closure === undefined ? {} : { closures: values.closure }),
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

function usageError(message: string): CommandOutput {
  return { code: EXIT_USAGE, stdout: '', stderr: `Error: ${message}\n${USAGE}\n` };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function renderText(r: DeadlineResult): string {
  const lines = [r.label.en, `Due: ${r.due}`];
  if (r.ruleDue !== undefined && r.ruleDue !== r.due) lines.push(`Later reading: ${r.ruleDue} (see how it was counted)`);
  if (r.closureDue !== undefined) lines.push(`If the court closure extends deadlines: ${r.closureDue}`);
  lines.push('How it was counted:', ...r.trail.en.map((l) => `  ${l}`));
  lines.push(`Citation: ${r.citation}`, `Note: ${r.note.en}`);
  if (r.flags.includes('over-max')) lines.push('WARNING: the days entered exceed the legal maximum for this rule.');
  if (r.verify) lines.push('VERIFY: this rule is unsettled or its citation is unconfirmed. Check the current law before relying on it.');
  return `${lines.join('\n')}\n`;
}

function renderRuleList(): string {
  const rules = listRules();
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.label.en}${r.verify ? ' [verify]' : ''}`).join('\n')}\n`;
}
