/**
 * The policy check around every operation (see policy.ts): who may call it,
 * and for volunteers, on which records. Runs in `dispatch` before and after
 * the handler.
 */
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/users';
import type { DraftSummary, DuplicateCandidate, PersonSearchPage, PersonSummary, PersonView } from '../../../shared/views';
import type { DB } from '../db/connection';
import { policyOf, type Policy } from './policy';

/** A volunteer sees what they created within this long. */
export const VOLUNTEER_WINDOW_MS = 24 * 3600_000;

export interface Session {
  name: string;
  role: Role;
  expiresAt: string | null;
}

const forbidden = () => new AppError('FORBIDDEN', 'Your role does not allow this. Ask a paralegal or a lead.');

/** FORBIDDEN, ACCOUNT_EXPIRED or VAULT_LOCKED before the handler runs; the policy when allowed. */
export function authorize(name: string, input: unknown, session: Session | null, db: DB | null, now: Date): Policy {
  const policy = policyOf(name);
  if (!policy) throw forbidden();
  if (policy.roles === 'public') return policy;
  if (!session || !db) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
  if (session.expiresAt && Date.parse(session.expiresAt) <= now.getTime()) {
    throw new AppError('ACCOUNT_EXPIRED', 'This account has expired. Ask a lead to extend it.');
  }
  if (!policy.roles.includes(session.role)) throw forbidden();
  if (session.role === 'paralegal' && carriesAttorneyBlock(name, input, db)) throw forbidden();
  if (session.role === 'volunteer') checkVolunteer(policy, input, session, db, now);
  return policy;
}

/** The G-28 is the attorney's own notice of appearance: only attorneys (and leads) fill it. */
function carriesAttorneyBlock(name: string, input: unknown, db: DB): boolean {
  if (name !== 'forms.fill' && name !== 'forms.testFill' && name !== 'forms.batchStart') return false;
  const i = (input ?? {}) as { form?: string; templateId?: string };
  if (i.form === 'g-28') return true;
  if (!i.templateId) return false;
  const row = db.prepare('SELECT form FROM form_templates WHERE id = ?').get(i.templateId) as { form: string } | undefined;
  return row?.form === 'g-28';
}

const since = (now: Date) => new Date(now.getTime() - VOLUNTEER_WINDOW_MS).toISOString();

function ownRecentPeople(db: DB, ids: string[], session: Session, now: Date): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = db
    .prepare(`SELECT id FROM people WHERE created_by = ? AND created_at >= ? AND id IN (SELECT value FROM json_each(?))`)
    .all(session.name, since(now), JSON.stringify(ids)) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

function checkVolunteer(policy: Policy, input: unknown, session: Session, db: DB, now: Date): void {
  const rule = policy.volunteer;
  if (!rule) throw forbidden();
  const id = (input as { id?: unknown } | null)?.id;
  if (rule === 'own-person' && (typeof id !== 'string' || !ownRecentPeople(db, [id], session, now).has(id))) throw forbidden();
  if (rule === 'own-draft' && typeof id === 'string') {
    const row = db.prepare('SELECT updated_by FROM drafts WHERE id = ?').get(id) as { updated_by: string } | undefined;
    if (row && row.updated_by !== session.name) throw forbidden();
  }
}

/**
 * A volunteer's result, narrowed: search hits only among their own recent
 * intakes, duplicate matches without anyone's details (they learn that a match
 * exists and go to a paralegal), their own drafts.
 */
export function narrow(policy: Policy, value: unknown, session: Session | null, db: DB | null, now: Date): unknown {
  if (!session || session.role !== 'volunteer' || !db) return value;
  switch (policy.volunteer) {
    case 'own-people':
      return ownRows(value as PersonSummary[], db, session, now);
    case 'own-people-page': {
      // The count too is of their own records only: how many others match is not theirs to learn.
      const rows = ownRows((value as PersonSearchPage).rows, db, session, now);
      return { rows, found: rows.length } satisfies PersonSearchPage;
    }
    case 'redact-duplicates':
      return (value as DuplicateCandidate[]).map((c): DuplicateCandidate => ({
        id: c.id,
        givenName: '',
        familyName: '',
        dob: null,
        aNumber: null,
        strength: c.strength,
        score: 0,
        reasons: [],
      }));
    case 'own-drafts':
      return (value as DraftSummary[]).filter((d) => d.updatedBy === session.name);
    default:
      return hasFamilyLinks(value) ? ownFamilyLinks(value, db, session, now) : value;
  }
}

function ownRows(rows: PersonSummary[], db: DB, session: Session, now: Date): PersonSummary[] {
  const own = ownRecentPeople(
    db,
    rows.map((r) => r.id),
    session,
    now,
  );
  return rows.filter((r) => own.has(r.id));
}

const hasFamilyLinks = (v: unknown): v is PersonView => typeof v === 'object' && v !== null && 'familyLinks' in v;

/** A record a volunteer may see (their own intake) names only the linked records they may see too (issue 8). */
function ownFamilyLinks(view: PersonView, db: DB, session: Session, now: Date): PersonView {
  const links = view.familyLinks;
  if (!links) return view;
  const own = ownRecentPeople(
    db,
    [...Object.values(links.to), ...links.from].map((r) => r.personId),
    session,
    now,
  );
  const to = Object.fromEntries(Object.entries(links.to).filter(([, r]) => own.has(r.personId)));
  return { ...view, familyLinks: { to, from: links.from.filter((r) => own.has(r.personId)) } };
}
