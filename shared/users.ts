/**
 * Users and roles (issue 10). Pure: the core enforces them (electron/core/users),
 * the UI only hides what a role cannot do.
 */
import { z } from 'zod';

export const ROLES = ['volunteer', 'paralegal', 'attorney', 'lead'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A user name is what people type at the unlock screen: short, no spaces,
 * compared without case ("Maria" and "maria" are the same user).
 */
export const userNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: 'user.nameInvalid' })
  .transform((s) => s.normalize('NFC').toLowerCase());

/** YYYY-MM-DDTHH:MM in local time, or a full ISO instant; stored as an ISO instant. */
export const expirySchema = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'user.expiryInvalid' })
  .transform((s) => new Date(s).toISOString());

export interface UserView {
  name: string;
  displayName: string;
  role: Role;
  /** ISO instant, or null for an account that does not expire. */
  expiresAt: string | null;
  createdAt: string;
  expired: boolean;
}

/** A user as "Assigned to" offers them: nothing but who they are. */
export interface AssignableUser {
  name: string;
  displayName: string;
}

/** Who is unlocked, as the UI needs it to hide what the role cannot do. */
export interface SessionView {
  user: UserView;
  /** Operation names this role may call (volunteer scope is still checked per record). */
  allowed: string[];
}
