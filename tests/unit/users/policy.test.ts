import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../shared/contract';
import { ROLES } from '../../../shared/users';
import { POLICY, allowedOps, mayCall } from '../../../electron/core/users/policy';

describe('role policy', () => {
  it('has a policy for every operation in shared/contract.ts', () => {
    const missing = OP_NAMES.filter((op) => !(op in POLICY));
    expect(missing, 'operations without a policy in electron/core/users/policy.ts').toEqual([]);
  });

  it('names no operation the contract does not have', () => {
    const ops = new Set<string>(OP_NAMES);
    expect(Object.keys(POLICY).filter((k) => !ops.has(k))).toEqual([]);
  });

  it('keeps the defaults of issue 10', () => {
    // Volunteers: intakes, drafts, the duplicate check; nothing exported, no lists.
    for (const op of ['intake.createQuick', 'intake.createFull', 'drafts.save', 'people.checkDuplicates'])
      expect(mayCall('volunteer', op), op).toBe(true);
    for (const op of ['people.list', 'cases.list', 'import.exportCsv', 'reports.exportCsv', 'people.update', 'forms.fill']) {
      expect(mayCall('volunteer', op), op).toBe(false);
    }
    // Only attorneys and leads override computed deadlines.
    expect(mayCall('paralegal', 'deadlines.override')).toBe(false);
    expect(mayCall('attorney', 'deadlines.override')).toBe(true);
    // Lead-only: users, rekey, backups, exports, reports, the TPS dataset.
    for (const op of [
      'users.add',
      'users.remove',
      'vault.rekey',
      'backup.start',
      'reports.exportXlsx',
      'reports.stats',
      'tps.applyImport',
      'audit.verify',
    ]) {
      for (const role of ROLES) expect(mayCall(role, op), `${role} ${op}`).toBe(role === 'lead');
    }
    expect(allowedOps('lead')).toEqual(expect.arrayContaining(OP_NAMES.filter((op) => op in POLICY)));
  });
});
