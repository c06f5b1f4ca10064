/**
 * Failed unlocks per user name, in a small file beside the key file. It is
 * written before any key is known, so it cannot carry a MAC: deleting it
 * resets the wait. That is acceptable because the wait only slows guessing
 * through Amparo itself; what stops an offline attacker with a copy of the
 * files is Argon2id's cost per guess (see README, Security model).
 */
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../files';

/** Wrong passphrases allowed before Amparo starts making people wait. */
export const FREE_TRIES = 5;
const MAX_WAIT_MS = 15 * 60_000;

const stateSchema = z.record(z.string().max(64), z.object({ failures: z.number().int().min(0), lastAt: z.string().max(40) }));
type State = z.infer<typeof stateSchema>;

const pathFor = (keyslotsPath: string) => `${keyslotsPath}.unlock-failures`;

function read(keyslotsPath: string): State {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(pathFor(keyslotsPath), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** 2 s after the 5th wrong passphrase, then 4 s, 8 s, ... up to 15 minutes. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_TRIES + 1));
}

/** UNLOCK_DELAYED (with retryAfterMs) while this user must still wait. */
export function assertMayTry(keyslotsPath: string, name: string, now: Date): void {
  const entry = read(keyslotsPath)[name];
  if (!entry) return;
  const readyAt = Date.parse(entry.lastAt) + waitAfter(entry.failures);
  const retryAfterMs = readyAt - now.getTime();
  if (retryAfterMs > 0) {
    throw new AppError('UNLOCK_DELAYED', 'Too many wrong passphrases: wait a moment before trying again.', { retryAfterMs });
  }
}

export function countFailure(keyslotsPath: string, name: string, now: Date): void {
  const state = read(keyslotsPath);
  state[name] = { failures: (state[name]?.failures ?? 0) + 1, lastAt: now.toISOString() };
  try {
    writeFileAtomic(pathFor(keyslotsPath), JSON.stringify(state));
  } catch {
    // A read-only folder or a full disk: the wrong passphrase is still refused.
  }
}

export function clearFailures(keyslotsPath: string, name: string): void {
  const state = read(keyslotsPath);
  if (!(name in state)) return;
  delete state[name];
  try {
    if (Object.keys(state).length === 0) rmSync(pathFor(keyslotsPath), { force: true });
    else writeFileAtomic(pathFor(keyslotsPath), JSON.stringify(state));
  } catch {
    // Best effort: a stale count only makes the next wrong try wait.
  }
}
