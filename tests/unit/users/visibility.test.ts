/**
 * The UI hides what a role cannot do from one table (renderer/src/visibility.ts)
 * that reads shared/policy.ts. These check it against the core's own check
 * (authorize, as dispatch runs it) for every operation of the contract and
 * every role, and the side navigation against the defaults of issue 10.
 */
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/users';
import { AppError } from '../../../shared/errors';
import { authorize } from '../../../electron/core/users/access';
import type { DB } from '../../../electron/core/db/connection';
import { PAGE_OPS, pageVisible, roleCan, type VisiblePage } from '../../../renderer/src/visibility';

/**
 * A database answering the per-record checks as "yes, theirs, not a G-28":
 * what is compared here is the role level; a volunteer's record scope is the
 * core's job at run time (tests/integration/users/roles.test.ts).
 */
const ownEverything = {
  prepare: () => ({ all: (..._: unknown[]) => [{ id: 'rec' }], get: () => undefined }),
} as unknown as DB;

function coreAllows(role: Role, op: string): boolean {
  try {
    authorize(op, { id: 'rec' }, { name: 'someone', role, expiresAt: null }, ownEverything, new Date());
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') return false;
    throw e;
  }
}

describe('UI visibility agrees with the core', () => {
  it('for every operation of the contract and every role', () => {
    const disagree: string[] = [];
    for (const op of OP_NAMES) for (const role of ROLES) if (roleCan(role, op) !== coreAllows(role, op)) disagree.push(`${role} ${op}`);
    expect(disagree).toEqual([]);
  });

  it('names only contract operations for its pages', () => {
    for (const op of Object.values(PAGE_OPS)) expect(OP_NAMES).toContain(op);
  });

  it('shows each role the pages of issue 10', () => {
    const pages = (role: Role) => (Object.keys(PAGE_OPS) as VisiblePage[]).filter((p) => pageVisible(role, p));
    // A volunteer takes intakes (and changes their own passphrase): no People list, no exports, no reports.
    expect(pages('volunteer')).toEqual(['intake', 'settings']);
    expect(pages('paralegal')).toEqual(['intake', 'people', 'import', 'docket', 'tps', 'forms', 'settings']);
    expect(pages('attorney')).toEqual(pages('paralegal'));
    expect(pages('lead')).toEqual(Object.keys(PAGE_OPS));
  });
});
