import { userInfo } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from './db/connection';
import { isoDateFromLocal } from '../../shared/schemas/dates';
import type { Role } from '../../shared/users';

/** What every service needs besides its input: the open database, who acts, and a clock. */
export interface Ctx {
  db: DB;
  /** The unlocked user's name (issue 10); recorded in created_by/updated_by and the audit trail. */
  actor: string;
  /** The unlocked user's role: services that shape their output by role read it here. */
  role?: Role;
  /** false only in the audit benchmark's baseline: no audit entries at all. */
  auditTrail?: boolean;
  /** Now, as a UTC ISO instant. */
  now(): string;
  /** Today's legal date (YYYY-MM-DD) where the clinic is. */
  today(): string;
}

/** Sortable, unique across machines: records can move between laptops without renumbering. */
export const newId = (): string => uuidv7();

export function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export const localToday = (): string => isoDateFromLocal(new Date());
