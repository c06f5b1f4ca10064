import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, type ErrorCode } from '../../../shared/errors';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
/** The hand-out folder beside the checkout holds the worked examples nobody on the team wrote. */
export const PUBLIC_CASES_PATH = resolve(REPO_ROOT, '../shared/fixtures/deadlines/public-cases.json');

export interface PublicCase {
  id: string;
  rule: string;
  trigger: string;
  options: { mailed?: boolean; days?: number };
  due: string;
  ruleDue?: string;
  why: string;
}

export function loadPublicCases(): PublicCase[] {
  return (JSON.parse(readFileSync(PUBLIC_CASES_PATH, 'utf8')) as { cases: PublicCase[] }).cases;
}

/** Runs `fn` and returns the AppError it throws; fails the test if it throws anything else or nothing. */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

export function expectCode(fn: () => unknown, code: ErrorCode): AppError {
  const err = appErrorOf(fn);
  if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`);
  return err;
}
