/**
 * What the UI shows each role: one table, read from the same policy the core
 * enforces (shared/policy.ts). A page or a button is shown when the role may
 * call the operation it stands for; the core still refuses anything else
 * (FORBIDDEN), so this only spares people buttons that cannot work.
 * tests/unit/users/visibility.test.ts checks it against the core's own check.
 */
import { mayCall } from '../../shared/policy';
import type { OpName } from '../../shared/contract';
import type { Role } from '../../shared/users';

/** The operation each page of the side navigation stands for. */
export const PAGE_OPS = {
  intake: 'intake.createQuick',
  people: 'people.list',
  import: 'import.commit',
  docket: 'docket.list',
  tps: 'tps.status',
  forms: 'forms.listTemplates',
  reports: 'reports.caseload',
  settings: 'vault.changePassphrase',
} as const satisfies Record<string, OpName>;

export type VisiblePage = keyof typeof PAGE_OPS;

/** True when `role` may call `op` (a volunteer's calls are still narrowed to their own records by the core). */
export const roleCan = (role: Role, op: OpName): boolean => mayCall(role, op);

export const pageVisible = (role: Role, page: VisiblePage): boolean => roleCan(role, PAGE_OPS[page]);
