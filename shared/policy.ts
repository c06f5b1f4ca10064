/**
 * Who may call what (issue 10). Every contract operation has an entry here:
 * tests/unit/users/policy.test.ts enumerates shared/contract.ts and fails on
 * a missing one, and at run time an operation without one is refused
 * (FORBIDDEN). Keyed by string rather than OpName so that an operation being
 * added in parallel fails that test, not every type check. Enforced in
 * `dispatch` (electron/core/users/access.ts), so IPC, the harness and the CLI
 * are all covered. Pure, so the renderer reads this same table to hide what a
 * role cannot do (renderer/src/session.tsx); hiding is a courtesy, never the check.
 */
import { ROLES, type Role } from './users';

/**
 * How a volunteer's call is narrowed (they see only records they created in
 * the last 24 hours): checked before (`own-person`, `own-draft`) or applied
 * to the result (`own-people`, `own-people-page`, `redact-duplicates`, `own-drafts`).
 */
export type VolunteerRule = 'own-person' | 'own-people' | 'own-people-page' | 'redact-duplicates' | 'own-draft' | 'own-drafts' | 'free';

export interface Policy {
  /** 'public': callable without a session (the unlock screen itself). */
  roles: readonly Role[] | 'public';
  volunteer?: VolunteerRule;
  /** A read that appends an audit entry: a whole person record, a form fill, an export. */
  auditedRead?: boolean;
}

const PUBLIC: Policy = { roles: 'public' };
const EVERYONE = ROLES;
const STAFF: readonly Role[] = ['paralegal', 'attorney', 'lead'];
const ATTORNEY: readonly Role[] = ['attorney', 'lead'];
const LEAD: readonly Role[] = ['lead'];
const staff: Policy = { roles: STAFF };
const lead: Policy = { roles: LEAD };
const leadRead: Policy = { roles: LEAD, auditedRead: true };
const staffRead: Policy = { roles: STAFF, auditedRead: true };

export const POLICY: Readonly<Record<string, Policy>> = {
  'vault.status': PUBLIC,
  'vault.create': PUBLIC,
  'vault.unlock': PUBLIC,
  'vault.unlockWithRecovery': PUBLIC,
  'vault.lock': PUBLIC,
  // Proven by the current passphrase; while unlocked, only your own (checked in the handler).
  'vault.changePassphrase': PUBLIC,
  'vault.rekey': lead,
  'vault.newRecoveryCode': lead,
  'prefs.get': PUBLIC,
  'prefs.set': PUBLIC,

  'intake.createQuick': { roles: EVERYONE, volunteer: 'free' },
  'intake.createFull': { roles: EVERYONE, volunteer: 'free' },
  'people.get': { roles: EVERYONE, volunteer: 'own-person', auditedRead: true },
  'people.update': staff,
  'people.list': staff,
  'cases.list': staff,
  'people.search': { roles: EVERYONE, volunteer: 'own-people' },
  'people.searchPage': { roles: EVERYONE, volunteer: 'own-people-page' },
  'people.checkDuplicates': { roles: EVERYONE, volunteer: 'redact-duplicates' },
  'people.decide': staff,
  'people.merge': staff,
  'cases.add': staff,
  'cases.update': staff,
  'drafts.save': { roles: EVERYONE, volunteer: 'own-draft' },
  'drafts.list': { roles: EVERYONE, volunteer: 'own-drafts' },
  'drafts.get': { roles: EVERYONE, volunteer: 'own-draft' },
  'drafts.discard': { roles: EVERYONE, volunteer: 'own-draft' },
  'import.preview': staff,
  'import.commit': staff,
  'import.template': staff,
  'import.exportCsv': leadRead,

  'events.add': staff,
  'events.update': staff,
  'events.delete': staff,
  'events.list': staff,
  'deadlines.list': staff,
  'deadlines.get': staff,
  'deadlines.preview': staff,
  'deadlines.rules': staff,
  'deadlines.addManual': staff,
  'deadlines.updateManual': staff,
  'deadlines.delete': staff,
  // Overriding a computed deadline is an attorney's call.
  'deadlines.override': { roles: ATTORNEY },
  'deadlines.clearOverride': { roles: ATTORNEY },
  'deadlines.markDone': staff,
  'deadlines.reopen': staff,
  'deadlines.closures': staff,
  'deadlines.setClosures': lead,
  'deadlines.exportIcs': leadRead,
  'docket.list': staff,
  'reminders.due': staff,
  'tps.status': staff,
  'tps.affected': staff,
  'tps.previewImport': lead,
  'tps.applyImport': lead,
  'closures.status': staff,
  'closures.previewImport': lead,
  'closures.applyImport': lead,
  // Issue 14 §3, §4: the facility list, the detention history, the EOIR status log.
  'facilities.status': staff,
  'facilities.search': staff,
  'facilities.previewImport': lead,
  'facilities.applyImport': lead,
  'detention.save': staff,
  'eoir.record': staff,
  'eoir.list': staff,
  'eoir.apply': staff,
  'eoir.due': staff,
  'eoir.setIntervals': lead,

  'forms.importBlank': staff,
  'forms.listTemplates': staff,
  'forms.getTemplate': staff,
  'forms.blankBytes': staff,
  'forms.saveTemplate': staff,
  'forms.deleteTemplate': staff,
  'forms.sources': staff,
  'forms.getAttorney': staff,
  'forms.setAttorney': { roles: ATTORNEY },
  // A form carrying the attorney block (G-28) needs an attorney: checked per template in access.ts.
  'forms.testFill': staffRead,
  'forms.fill': staffRead,
  'forms.summary': staffRead,
  'forms.history': staff,
  'forms.recordDelivery': staff,
  'forms.batchStart': staffRead,

  'jobs.status': staff,
  'jobs.list': staff,
  'jobs.result': staff,
  'jobs.cancel': staff,
  'jobs.discard': staff,

  'backup.status': lead,
  'backup.setSettings': lead,
  'backup.start': lead,
  'backup.list': lead,
  // A backup holds every record; reaching it also needs a passphrase it was made under.
  'backup.verify': lead,
  'backup.restore': lead,
  'backup.replaceVault': lead,

  'reports.caseload': lead,
  'reports.stats': lead,
  'reports.codes': lead,
  'reports.addCode': lead,
  'reports.closeCase': staff,
  'reports.closing': staff,
  'reports.trainings': lead,
  'reports.addTraining': lead,
  'reports.tagTraining': lead,
  'reports.summary': staffRead,
  'reports.summaryBatch': leadRead,
  'reports.recordDelivery': staff,
  'reports.exportColumns': lead,
  'reports.exportCsv': leadRead,
  'reports.exportXlsx': leadRead,

  'users.me': { roles: EVERYONE, volunteer: 'free' },
  // Everything about each user (expiry too): Settings → Users.
  'users.list': lead,
  // Names only, for "Assigned to".
  'users.assignable': staff,
  'users.add': lead,
  'users.update': lead,
  'users.remove': lead,
  'users.resetPassphrase': lead,
  'audit.list': lead,
  'audit.history': staff,
  'audit.verify': lead,
  // Undo of one person-field change: a write to the person, as people.update.
  'audit.restoreField': staff,
  'audit.exportCsv': leadRead,

  // Clinic devices and exchange between laptops (issue 8).
  'clinic.status': staff,
  // Two numbers and a flag, no record: a volunteer taking intakes on a field laptop sees how many wait for delivery.
  'clinic.fieldCounts': { roles: EVERYONE, volunteer: 'free' },
  'clinic.init': lead,
  'clinic.joinRequest': lead,
  'clinic.inspectRequest': lead,
  'clinic.approve': lead,
  'clinic.join': lead,
  'clinic.devices': lead,
  'clinic.lastBundles': lead,
  'clinic.revoke': lead,
  'exchange.export': leadRead,
  'exchange.import': lead,
  'exchange.importStart': lead,
  'exchange.watchStatus': lead,
  'exchange.setWatchFolder': lead,
  'exchange.syncNow': lead,
  'conflicts.list': staff,
  'conflicts.resolve': staff,
};

export function policyOf(name: string): Policy | undefined {
  return Object.prototype.hasOwnProperty.call(POLICY, name) ? POLICY[name] : undefined;
}

export function mayCall(role: Role, name: string): boolean {
  const p = policyOf(name);
  return p !== undefined && (p.roles === 'public' || p.roles.includes(role));
}

/** The operations a role may call, for the UI to hide the rest. */
export const allowedOps = (role: Role): string[] => Object.keys(POLICY).filter((n) => mayCall(role, n));
