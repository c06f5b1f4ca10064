/**
 * The convergence scenario shared by the property test (fixed seeds, small)
 * and `npm run bench -- exchange` (longer): random writes on 3 to 5 member
 * devices, bundles sent in random orders, dropped, duplicated and held back,
 * then a full exchange. Every member must end with the same canonical state.
 */
import fc from 'fast-check';
import { AppError } from '../../../shared/errors';
import { versionVector } from '../../../electron/core/exchange/changes';
import { clinicOf, dbOf, hashOf, receive, send, type Device } from './helpers';

const NAMES = [
  ['Rosa', 'Quispe'],
  ['José', 'García López'],
  ['Jose', 'Garcia Lopez'],
  ['Ana', 'Tzul'],
  ['Marisol', 'Xiloj Cux'],
  ['Kwame', 'Mensah'],
] as const;

export type Action =
  | { t: 'create'; d: number; n: number }
  | { t: 'edit'; d: number; p: number; note: string }
  | { t: 'field'; d: number; p: number; field: Field; v: number }
  | { t: 'case'; d: number; p: number }
  | { t: 'event'; d: number; p: number }
  | { t: 'deadline'; d: number; p: number }
  | { t: 'done'; d: number; k: number }
  | { t: 'merge'; d: number; p: number; q: number }
  | { t: 'delete'; d: number; k: number }
  | { t: 'send'; from: number; to: number; fate: 'deliver' | 'drop' | 'dup' | 'hold' }
  | { t: 'flush'; to: number };

/** Fields of one person's record that the scenarios edit, and the change-log path each is recorded under. */
export const FIELDS = ['phone', 'aliases', 'urgentNeeds', 'notes', 'countryOfBirth'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_PATH: Record<Field, string> = {
  phone: 'data.person.phone',
  aliases: 'data.person.aliases',
  urgentNeeds: 'data.urgentNeeds',
  notes: 'data.notes',
  countryOfBirth: 'data.person.countryOfBirth',
};

/** The record to save with one field set to value number `v` (every value valid for the schema). */
function withField(
  p: { person: Record<string, unknown>; detention: unknown; history: unknown; family: unknown; notes: string; urgentNeeds: string },
  field: Field,
  v: number,
) {
  const data = {
    person: { ...p.person },
    detention: p.detention,
    history: p.history,
    family: p.family,
    notes: p.notes,
    urgentNeeds: p.urgentNeeds,
  };
  if (field === 'phone') data.person.phone = `555-010-00${10 + v}`;
  else if (field === 'aliases') data.person.aliases = [`Alias ${v}`];
  else if (field === 'countryOfBirth') data.person.countryOfBirth = `Country ${v}`;
  else data[field] = `${field} ${v}`;
  return data;
}

/** Reads a field back from a person as the value withField wrote. */
export function fieldOf(p: { person: Record<string, unknown>; notes: string; urgentNeeds: string }, field: Field): unknown {
  return field === 'notes' || field === 'urgentNeeds' ? p[field] : p.person[field];
}

export function actionArb(devices: number): fc.Arbitrary<Action> {
  const d = fc.nat({ max: devices - 1 });
  const i = fc.nat({ max: 20 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), d, n: fc.nat({ max: NAMES.length - 1 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), d, p: i, note: fc.constantFrom('a', 'b', 'c', 'urgent') }) },
    {
      weight: 3,
      arbitrary: fc.record({ t: fc.constant('field' as const), d, p: i, field: fc.constantFrom(...FIELDS), v: fc.nat({ max: 9 }) }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('case' as const), d, p: i }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('event' as const), d, p: i }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('deadline' as const), d, p: i }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('done' as const), d, k: i }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('merge' as const), d, p: i, q: i }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), d, k: i }) },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('send' as const),
        from: d,
        to: d,
        fate: fc.constantFrom<Array<'deliver' | 'drop' | 'dup' | 'hold'>>('deliver', 'deliver', 'drop', 'dup', 'hold'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('flush' as const), to: d }) },
  );
}

export const scenarioArb = (minDevices = 3, maxDevices = 5, maxActions = 30) =>
  fc
    .integer({ min: minDevices, max: maxDevices })
    .chain((n) => fc.tuple(fc.constant(n), fc.array(actionArb(n), { minLength: 5, maxLength: maxActions })));

const pick = <T>(list: readonly T[], k: number): T | undefined => (list.length === 0 ? undefined : list[k % list.length]);
const ids = (d: Device, sql: string) => (dbOf(d).prepare(sql).all() as Array<{ id: string }>).map((r) => r.id);
const livePeople = (d: Device) => ids(d, 'SELECT id FROM people WHERE merged_into IS NULL ORDER BY id');

/** A write the core may refuse (a stale version, a person merged meanwhile): refusals are part of the game. */
async function attempt(f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

async function write(d: Device, a: Exclude<Action, { t: 'send' | 'flush' }>): Promise<void> {
  const call = d.core.call;
  const p = pick(livePeople(d), 'p' in a ? a.p : 0);
  switch (a.t) {
    case 'create': {
      const [given, family] = NAMES[a.n]!;
      const intake = { givenName: given, familyName: family, dob: '1990-03-07', phone: '555-123-4567', detained: false };
      const first = await d.core.dispatch('intake.createQuick', { intake });
      if (!first.ok && first.error.code === 'DUPLICATE_UNDECIDED') {
        const candidates = (first.error.details as { candidates: string[] }).candidates;
        await attempt(() =>
          call('intake.createQuick', { intake, decisions: candidates.map((otherId) => ({ otherId, decision: 'new-person' as const })) }),
        );
      }
      return;
    }
    case 'edit':
      if (!p) return;
      return attempt(async () => {
        const v = await call('people.get', { id: p });
        await call('people.update', {
          id: p,
          version: v.version,
          data: {
            person: v.person,
            detention: v.detention,
            history: v.history,
            family: v.family,
            notes: `${v.notes} ${a.note}`.trim(),
            urgentNeeds: v.urgentNeeds,
          },
        });
      });
    case 'field':
      if (!p) return;
      return attempt(async () => {
        const v = await call('people.get', { id: p });
        await call('people.update', { id: p, version: v.version, data: withField(v as never, a.field, a.v) as never });
      });
    case 'case':
      if (!p) return;
      return attempt(() => call('cases.add', { personId: p, case: { type: 'asylum', status: 'open' } }));
    case 'event':
      if (!p) return;
      return attempt(() => call('events.add', { personId: p, event: { kind: 'released', date: '2026-02-01', details: {} } }));
    case 'deadline':
      if (!p) return;
      return attempt(() => call('deadlines.addManual', { personId: p, label: 'Call back', due: '2026-04-01' }));
    case 'done': {
      const row = pick(
        dbOf(d).prepare(`SELECT id, version FROM deadlines WHERE status = 'open' ORDER BY id`).all() as Array<{
          id: string;
          version: number;
        }>,
        a.k,
      );
      if (!row) return;
      return attempt(() => call('deadlines.markDone', { id: row.id, version: row.version }));
    }
    case 'merge': {
      const people = livePeople(d);
      const keep = pick(people, a.p);
      const merge = pick(people, a.q);
      if (!keep || !merge || keep === merge) return;
      return attempt(() => call('people.merge', { keepId: keep, mergeId: merge }));
    }
    case 'delete': {
      const row = pick(dbOf(d).prepare('SELECT id, version FROM events ORDER BY id').all() as Array<{ id: string; version: number }>, a.k);
      if (!row) return;
      return attempt(() => call('events.delete', { id: row.id, version: row.version }));
    }
  }
}

export interface Outcome {
  hashes: string[];
  vectors: string[];
  delivered: number;
  replayUnchanged: boolean;
}

export async function runScenario(devices: number, actions: readonly Action[]): Promise<Outcome> {
  const c = await clinicOf(devices - 1);
  try {
    const all = c.devices;
    const held: Array<Array<string>> = all.map(() => []);
    const sent: string[] = [];
    let delivered = 0;
    for (const a of actions) {
      if (a.t === 'send') {
        if (a.from === a.to) continue;
        const file = send(c.root, all[a.from]!, all[a.to]!).file;
        sent.push(file);
        if (a.fate === 'drop') continue;
        if (a.fate === 'hold') {
          held[a.to]!.push(file);
          continue;
        }
        receive(all[a.to]!, file);
        if (a.fate === 'dup') receive(all[a.to]!, file);
        delivered++;
      } else if (a.t === 'flush') {
        // Held bundles arrive late and in reverse order.
        for (const f of held[a.to]!.reverse()) receive(all[a.to]!, f);
        held[a.to] = [];
      } else {
        await write(all[a.d]!, a);
      }
    }
    // The final full exchange: every pair, until nobody has anything new (a chain of n devices needs at most n rounds).
    for (let round = 0; round < devices; round++)
      for (const from of all) for (const to of all) if (from !== to) receive(to, send(c.root, from, to).file);
    const hashes = all.map(hashOf);
    // Replaying any bundle sent during the game changes nothing.
    const replayFile = sent[sent.length - 1];
    let replayUnchanged = true;
    if (replayFile) {
      const before = hashOf(all[0]!);
      const s = receive(all[0]!, replayFile, false);
      replayUnchanged = hashOf(all[0]!) === before && s.changes === 0;
    }
    return { hashes, vectors: all.map((d) => JSON.stringify(versionVector(dbOf(d)))), delivered, replayUnchanged };
  } finally {
    c.cleanup();
  }
}

export function assertConverges(o: Outcome): void {
  if (new Set(o.hashes).size !== 1) throw new Error(`devices disagree: ${o.hashes.map((h) => h.slice(0, 12)).join(' ')}`);
  if (new Set(o.vectors).size !== 1) throw new Error(`a change was lost: ${o.vectors.join(' | ')}`);
  if (!o.replayUnchanged) throw new Error('replaying a bundle changed the state');
}

/** Runs the property with fast-check; a failure names its seed so it can be replayed exactly. */
export async function checkConvergence(opts: { seed: number; numRuns: number; maxActions?: number }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(scenarioArb(3, 5, opts.maxActions ?? 30), async ([n, actions]) => {
      assertConverges(await runScenario(n, actions));
    }),
    {
      seed: opts.seed,
      numRuns: opts.numRuns,
      endOnFailure: true,
      reporter: (r) => {
        if (r.failed)
          throw new Error(
            `convergence failed with seed ${r.seed} (path ${r.counterexamplePath ?? '-'}): ${String(r.errorInstance ?? '')}\n${fc.stringify(r.counterexample)}`,
          );
      },
    },
  );
}

// ---- One person, edited on several devices at once ----

/** Per device (index), the fields it edits between two full exchanges. */
export const fieldEditsArb = fc
  .integer({ min: 2, max: 4 })
  .chain((n) => fc.array(fc.subarray([...FIELDS]), { minLength: n, maxLength: n }));

export interface FieldOutcome {
  hashes: string[];
  /** Per device: the fields with an open conflict on the person, sorted. */
  conflicts: string[][];
  /** Per device: the person's value of each field. */
  values: Array<Record<Field, unknown>>;
}

/** One person on every device; each device edits its fields concurrently (no exchange between), then a full exchange. */
export async function runFieldEdits(edits: readonly (readonly Field[])[]): Promise<FieldOutcome & { person: string }> {
  const c = await clinicOf(edits.length - 1);
  try {
    const all = c.devices;
    const full = () => {
      for (let round = 0; round < all.length; round++)
        for (const from of all) for (const to of all) if (from !== to) receive(to, send(c.root, from, to).file);
    };
    const created = await all[0]!.core.call('intake.createQuick', {
      intake: { givenName: 'Rosa', familyName: 'Quispe', dob: '1990-03-07', phone: '555-123-4567', detained: false },
    });
    full();
    for (const [i, fields] of edits.entries()) {
      if (fields.length === 0) continue;
      const d = all[i]!;
      const cur = await d.core.call('people.get', { id: created.id });
      let v = cur as never as Parameters<typeof withField>[0];
      for (const f of fields) v = withField(v, f, i) as never;
      await d.core.call('people.update', { id: created.id, version: cur.version, data: v as never });
    }
    full();
    const conflicts: string[][] = [];
    const values: Array<Record<Field, unknown>> = [];
    for (const d of all) {
      const list = await d.core.call('conflicts.list', {});
      conflicts.push([...new Set(list.filter((x) => x.rowId === created.id).map((x) => x.field))].sort());
      const p = (await d.core.call('people.get', { id: created.id })) as never as Parameters<typeof fieldOf>[0];
      values.push(Object.fromEntries(FIELDS.map((f) => [f, fieldOf(p, f)])) as Record<Field, unknown>);
    }
    return { hashes: all.map(hashOf), conflicts, values, person: created.id };
  } finally {
    c.cleanup();
  }
}

/**
 * Same state everywhere; a conflict exactly on the fields two or more devices
 * changed (each wrote its own value); a field one device changed holds its value.
 */
export function assertFieldMerge(edits: readonly (readonly Field[])[], o: FieldOutcome): void {
  if (new Set(o.hashes).size !== 1) throw new Error(`devices disagree: ${o.hashes.map((h) => h.slice(0, 12)).join(' ')}`);
  const editors = (f: Field) => edits.flatMap((fields, i) => (fields.includes(f) ? [i] : []));
  const expected = FIELDS.filter((f) => editors(f).length >= 2)
    .map((f) => FIELD_PATH[f])
    .sort();
  for (const [i, got] of o.conflicts.entries())
    if (JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error(`device ${i}: conflicts on [${got.join(', ')}], expected [${expected.join(', ')}]`);
  for (const f of FIELDS) {
    const by = editors(f);
    if (by.length !== 1) continue;
    const want = fieldOf(withField({ person: {}, detention: null, history: null, family: [], notes: '', urgentNeeds: '' }, f, by[0]!), f);
    for (const [i, v] of o.values.entries())
      if (JSON.stringify(v[f]) !== JSON.stringify(want))
        throw new Error(`device ${i}: ${f} is ${JSON.stringify(v[f])}, expected device ${by[0]}'s ${JSON.stringify(want)}`);
  }
}

export async function checkFieldMerge(opts: { seed: number; numRuns: number }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fieldEditsArb, async (edits) => assertFieldMerge(edits, await runFieldEdits(edits))),
    {
      seed: opts.seed,
      numRuns: opts.numRuns,
      endOnFailure: true,
      reporter: (r) => {
        if (r.failed)
          throw new Error(
            `field merge failed with seed ${r.seed} (path ${r.counterexamplePath ?? '-'}): ${String(r.errorInstance ?? '')}\n${fc.stringify(r.counterexample)}`,
          );
      },
    },
  );
}
