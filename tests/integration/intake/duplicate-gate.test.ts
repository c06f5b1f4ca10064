/**
 * The likely-duplicate gate lives in the core: an intake whose person is
 * likely already on file is refused until each likely match has a decision,
 * whoever calls (the window, the harness, the CLI, a test).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
});
afterEach(() => cleanup());

const quickIntake = (given: string, family: string, dob = '1990-03-07') => ({
  givenName: given,
  familyName: family,
  dob,
  phone: '555-123-4567',
  detained: false,
});
const fullIntake = (given: string, family: string, aNumber?: string) => ({
  person: { givenName: given, familyName: family, dob: '1985-01-01', ...(aNumber ? { aNumber } : {}) },
  detention: { detained: false },
  history: {},
  cases: [{ type: 'asylum-affirmative', nextHearing: { date: '2027-01-12', kind: 'master' } }],
  family: [],
  notes: '',
  consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
});

const count = (sql: string) => (core.ctx().db.prepare(sql).get() as { n: number }).n;

describe('the likely-duplicate gate in the core', () => {
  it('refuses a quick intake with an undecided likely duplicate, then accepts it with a decision', async () => {
    const first = await core.call('intake.createQuick', { intake: quickIntake('José', 'García López') });
    const draft = await core.call('drafts.save', { kind: 'quick', data: { typed: 'Jose Garcia' } });

    const refused = await core.dispatch('intake.createQuick', { intake: quickIntake('Jose', 'Garcia Lopez'), draftId: draft.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [first.id] } } });
    // Nothing was written: one person, no decision, the draft is still there.
    expect(count('SELECT count(*) AS n FROM people')).toBe(1);
    expect(count('SELECT count(*) AS n FROM duplicate_decisions')).toBe(0);
    expect((await core.call('drafts.list', {})).map((d) => d.id)).toEqual([draft.id]);
    // The message is plain and carries no client data.
    if (!refused.ok) expect(refused.error.message).not.toMatch(/Jos|Garc/i);

    const saved = await core.call('intake.createQuick', {
      intake: quickIntake('Jose', 'Garcia Lopez'),
      draftId: draft.id,
      decisions: [{ otherId: first.id, decision: 'new-person' }],
    });
    expect(saved.person.givenName).toBe('Jose');
    expect(count('SELECT count(*) AS n FROM people')).toBe(2);
    expect(core.ctx().db.prepare('SELECT person_id, other_id, decision FROM duplicate_decisions').all()).toEqual([
      { person_id: saved.id, other_id: first.id, decision: 'new-person' },
    ]);
    expect(await core.call('drafts.list', {})).toEqual([]);
  });

  it('refuses a full intake whose A-number is on file (any format) and names every undecided match', async () => {
    const a = await core.call('intake.createFull', { intake: fullIntake('Wideline', 'Désir', '012345678') });
    const b = await core.call('intake.createFull', {
      intake: fullIntake('Wideline', 'Desir'),
      decisions: [{ otherId: a.id, decision: 'needs-review' }],
    });
    // A decision about one match does not cover another.
    const refused = await core.dispatch('intake.createFull', {
      intake: fullIntake('W.', 'Dezir', 'A12345678'),
      decisions: [{ otherId: b.id, decision: 'new-person' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [a.id] } } });
    expect(count('SELECT count(*) AS n FROM people')).toBe(2);
    // No case, event or deadline of the refused intake was written either.
    expect(count('SELECT count(*) AS n FROM cases')).toBe(2);
    expect(count('SELECT count(*) AS n FROM events')).toBe(2);

    const saved = await core.call('intake.createFull', {
      intake: fullIntake('W.', 'Dezir', 'A12345678'),
      decisions: [
        { otherId: a.id, decision: 'needs-review' },
        { otherId: b.id, decision: 'new-person' },
      ],
    });
    expect(saved.id).not.toBe(a.id);
    expect(count('SELECT count(*) AS n FROM duplicate_decisions')).toBe(3);
  });

  it('finds a person through an alias, and reports the alias match over a weaker match of the name', async () => {
    const intake = fullIntake('José María', 'García López');
    const saved = await core.call('intake.createFull', {
      intake: { ...intake, person: { ...intake.person, aliases: ['Chema Rodríguez'] } },
    });
    const byAlias = await core.call('people.checkDuplicates', { given: 'Chema', family: 'Rodriguez', dob: '1985-01-01' });
    expect(byAlias.map((c) => [c.id, c.strength])).toEqual([[saved.id, 'likely']]);
    // The name alone (different given name, same family names, same birth date) is weaker than the alias.
    const byName = await core.call('people.checkDuplicates', { given: 'Chema', family: 'García López', dob: '1985-01-01' });
    expect(byName[0]).toMatchObject({ id: saved.id });
    expect(byAlias[0]!.score).toBeGreaterThan(byName[0]!.score);
  });

  it('lets a possible (not likely) match through without a decision', async () => {
    await core.call('intake.createQuick', { intake: quickIntake('María', 'Hernández', '1970-01-01') });
    const check = await core.call('people.checkDuplicates', { given: 'María', family: 'Fernández', dob: '1991-02-02' });
    expect(check.every((c) => c.strength !== 'likely')).toBe(true);
    const res = await core.dispatch('intake.createQuick', { intake: quickIntake('María', 'Fernández', '1991-02-02') });
    expect(res.ok).toBe(true);
  });
});
