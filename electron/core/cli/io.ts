import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { FileExistsError, writeFileAtomic } from '../files';
import { storageError } from '../db/connection';

/** 5 (issue 10): this user's role does not allow the command, or the account has expired. */
export const EXIT = { OK: 0, USAGE: 2, WRONG_PASSPHRASE: 3, ERROR: 4, NOT_ALLOWED: 5 } as const;

export class UsageError extends Error {}

export interface CliIO {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Asks for a secret without echoing it. */
  prompt(question: string): Promise<string>;
}

export function processIO(): CliIO {
  return {
    env: process.env,
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    prompt: promptHidden,
  };
}

let pipedLines: string[] | null = null;

async function readPipedLines(): Promise<string[]> {
  if (pipedLines) return pipedLines;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  pipedLines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  return pipedLines;
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped input (scripts): one secret per line, in the order asked.
    const lines = await readPipedLines();
    const line = lines.shift();
    if (line === undefined || line === '') throw new UsageError('no passphrase given: set AMPARO_PASSPHRASE or type it at the prompt');
    return line;
  }
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** The passphrase comes from the environment or a prompt, never from argv (which other users can read in `ps`). */
export async function secretFrom(io: CliIO, envName: string, question: string): Promise<string> {
  const v = io.env[envName];
  if (v !== undefined && v !== '') return v;
  return io.prompt(question);
}

/** An AppError as is; a full disk or a held lock from SQLite or the file system as its coded error. */
const asKnown = (e: unknown): unknown => (e instanceof AppError ? e : (storageError(e) ?? e));

export function exitCodeFor(error: unknown): number {
  const e = asKnown(error);
  if (e instanceof UsageError) return EXIT.USAGE;
  if (e instanceof AppError) {
    if (e.code === 'WRONG_PASSPHRASE' || e.code === 'WRONG_RECOVERY_CODE') return EXIT.WRONG_PASSPHRASE;
    if (e.code === 'FORBIDDEN' || e.code === 'ACCOUNT_EXPIRED' || e.code === 'CLOCK_BEHIND') return EXIT.NOT_ALLOWED;
    if (e.code === 'INVALID_INPUT') return EXIT.ERROR;
  }
  return EXIT.ERROR;
}

/** One plain line, never a stack trace (which could quote client data). */
export function errorLine(error: unknown): string {
  const e = asKnown(error);
  if (e instanceof UsageError) return `Usage error: ${e.message}`;
  if (e instanceof AppError) {
    const issues = (e.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues;
    const detail = issues?.length ? ` (${issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')})` : '';
    return `Error: ${e.message}${detail}`;
  }
  return 'Error: something went wrong inside Amparo. Your saved data is unchanged.';
}

/**
 * Writes a file the user named with --out: atomically, owner-only, and never
 * over an existing file unless they said --force. One plain error otherwise.
 */
export function writeCliFile(path: string, data: string | Uint8Array, force: boolean): void {
  try {
    writeFileAtomic(resolve(path), data, { overwrite: force });
  } catch (e) {
    if (e instanceof FileExistsError) throw new AppError('INVALID_INPUT', `${path} already exists. Add --force to overwrite it.`);
    const known = storageError(e);
    if (known) throw known;
    throw new AppError('INVALID_INPUT', `Cannot write ${path}: check the folder exists and you may write there.`);
  }
}
