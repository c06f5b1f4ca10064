/**
 * Shared steps for the datasets a lead imports from a file (TPS designations,
 * court closures, detention facilities): each is JSON checked by its own
 * schema, and a file older than the one in use is refused, so an old download
 * cannot silently roll the clinic's data back.
 */
import { AppError } from '../../shared/errors';

/** `file` names the file as people know it, e.g. "TPS file". */
export function parseDatasetFile<T>(json: string, file: string, parse: (raw: unknown) => T): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('INVALID_INPUT', `The ${file} is not valid JSON.`);
  }
  return parse(raw);
}

export function refuseOlderDataset(next: { asOf: string }, current: { asOf: string }, file: string): void {
  if (next.asOf < current.asOf) {
    throw new AppError('INVALID_INPUT', `This ${file} is as of ${next.asOf}, older than the one in use (${current.asOf}).`, {
      asOf: next.asOf,
      currentAsOf: current.asOf,
    });
  }
}
