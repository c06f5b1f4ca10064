import type { Core } from '../../../electron/core/app';
import type { DeadlineView, EventResult } from '../../../shared/views';

export interface PersonOpts {
  given?: string;
  family?: string;
  detained?: boolean;
  cases?: Array<Record<string, unknown>>;
  history?: Record<string, unknown>;
}

/** A person through the real intake path; returns the id and case ids. */
export async function person(core: Core, o: PersonOpts = {}): Promise<{ id: string; caseIds: string[] }> {
  const given = o.given ?? 'Ana';
  const family = o.family ?? 'Pérez';
  const dob = '1985-01-01';
  // These tests make different people with one name on purpose: they answer the duplicate check "new person", as a volunteer would.
  const decisions = (await core.call('people.checkDuplicates', { given, family, dob }))
    .filter((c) => c.strength === 'likely')
    .map((c) => ({ otherId: c.id, decision: 'new-person' as const }));
  const p = await core.call('intake.createFull', {
    decisions,
    intake: {
      person: { givenName: given, familyName: family, dob },
      detention: o.detained ? { detained: true, facility: 'Otay Mesa' } : { detained: false },
      history: o.history ?? {},
      cases: o.cases ?? [],
      family: [],
      notes: '',
      consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
    },
  });
  return { id: p.id, caseIds: p.cases.map((c) => c.id) };
}

export function addEvent(core: Core, personId: string, event: Record<string, unknown>): Promise<EventResult> {
  return core.call('events.add', { personId, event: { details: {}, ...event } });
}

export const byRule = (r: { deadlines: DeadlineView[] }) => Object.fromEntries(r.deadlines.map((d) => [d.ruleId ?? d.source, d]));

/** Every deadline row as stored, for byte-for-byte comparisons. */
export function allRows(core: Core): Map<string, string> {
  const rows = core.ctx().db.prepare('SELECT * FROM deadlines ORDER BY id').all() as Array<Record<string, unknown>>;
  return new Map(rows.map((r) => [r.id as string, JSON.stringify(r)]));
}

export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string; details?: unknown };
    return { code: err.code ?? 'NONE', message: err.message, details: err.details };
  }
  throw new Error('expected a failure');
}
