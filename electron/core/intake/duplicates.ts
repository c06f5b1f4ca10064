/**
 * Duplicate and conflict check against the vault: the index narrows 100 000
 * people to a few candidates through shared keys, then the shared matcher
 * decides and explains.
 */
import {
  compareCandidates,
  keysOf,
  mayMatch,
  OTHER_A_NUMBER_NEEDS_SAME_DOB,
  prepareName,
  type CandidateMatch,
  type NameRecord,
  type PreparedName,
} from '../../../shared/intake/duplicates';
import { AppError } from '../../../shared/errors';
import { newId, type Ctx } from '../context';
import { audit } from '../audit';
import { sql } from '../db/statements';
import type { DB } from '../db/connection';
import type { DuplicateCandidate } from '../../../shared/views';

const MAX_PROBED = 200;

/**
 * Which name-key holders are worth comparing: everyone (1), or only people
 * without an A-number (0) when the record checked has one, since a holder of
 * another A-number is never a match unless born the same day, and those are
 * compared anyway (OTHER_A_NUMBER_NEEDS_SAME_DOB, migration 0024).
 */
type Holders = 0 | 1;

/**
 * How many such people hold a name key, counted up to MAX_PROBED + 1:
 * beyond that the key is common. `seen`: counts already taken in this
 * import's analysis, which writes nothing, so García is counted once, not
 * once per row. A count only decides which keys are probed for "possible"
 * matches; likely ones are found through the A-number and the date of
 * birth whatever the counts say.
 */
function holders(ctx: Ctx, key: string, which: Holders, seen?: Map<string, number>): number {
  const memo = `${which}${key}`;
  const known = seen?.get(memo);
  if (known !== undefined) return known;
  const n = (
    sql(ctx.db, `SELECT count(*) AS n FROM (SELECT 1 FROM person_keys WHERE key = ? AND has_a_number <= ? LIMIT ${MAX_PROBED + 1})`).get(
      key,
      which,
    ) as { n: number }
  ).n;
  seen?.set(memo, n);
  return n;
}

/**
 * The people a record could be a "possible" duplicate of: those sharing the
 * most of its rare keys (held by one to MAX_PROBED people), as the check of a
 * file against itself does. A common key (García in a coalition's vault) is
 * held by thousands, and grouping every one of them for each row of an
 * import is what made a second file into a filled vault crawl. When no key
 * is rare, the people of its most specific common key, as many as are
 * compared anyway. A key nobody holds (a new A-number) says nothing either
 * way: it must not stand in for the name's keys. `which`: whose keys count
 * (Holders); keys are counted among those people only.
 */
export function possibleIds(ctx: Ctx, keys: string[], which: Holders = 1, seen?: Map<string, number>): string[] {
  const held = keys.map((k) => ({ k, n: holders(ctx, k, which, seen) })).filter((x) => x.n > 0);
  const rare = held.filter((x) => x.n <= MAX_PROBED).map((x) => x.k);
  const common = held.filter((x) => x.n > MAX_PROBED).map((x) => x.k);
  // Compiled once per connection and key count (a record has a handful of keys): an import probes once per row.
  const rows =
    rare.length > 0
      ? sql(
          ctx.db,
          `SELECT person_id FROM person_keys WHERE key IN (${rare.map(() => '?').join(',')}) AND has_a_number <= ?
             GROUP BY person_id ORDER BY count(*) DESC LIMIT ${MAX_PROBED}`,
        ).all(...rare, which)
      : common.length > 0
        ? sql(ctx.db, `SELECT person_id FROM person_keys WHERE key = ? AND has_a_number <= ? LIMIT ${MAX_PROBED}`).all(
            common.reduce((a, b) => (b.length > a.length ? b : a)),
            which,
          )
        : [];
  return (rows as Array<{ person_id: string }>).map((r) => r.person_id);
}

/** A candidate as the check reads it: the names, date of birth and A-number it compares, nothing else. */
interface CandidateRow {
  id: string;
  given_name: string;
  family_name: string;
  dob: string | null;
  a_number: string | null;
  /** JSON list, from the record. */
  aliases: string | null;
}

/**
 * Prepared names of the vault's people, reused across checks: an import checks
 * each row against up to MAX_PROBED people, mostly the same ones again, and
 * preparing a name (folds, transliteration, phonetic codes) cost more than
 * comparing it. A pure function of the fields, so a cached answer is the same
 * answer. Kept per connection, so no name outlives the open vault; cleared
 * past a bound so memory stays flat.
 */
const preparedByDb = new WeakMap<DB, Map<string, PreparedName>>();
const PREPARED_BOUND = 50_000;

function preparedOf(db: DB, rec: NameRecord): PreparedName {
  let prepared = preparedByDb.get(db);
  if (!prepared) preparedByDb.set(db, (prepared = new Map()));
  // Each part behind its length, so no two records share a key whatever their characters (cheaper than JSON).
  const dob = rec.dob ?? '';
  const a = rec.aNumber ?? '';
  const key = `${rec.given.length}:${rec.given}${rec.family.length}:${rec.family}${dob.length}:${dob}${a.length}:${a}`;
  let p = prepared.get(key);
  if (!p) {
    if (prepared.size >= PREPARED_BOUND) prepared.clear();
    prepared.set(key, (p = prepareName(rec)));
  }
  return p;
}

/** What an import's analysis passes along: each row prepared once, and the key counts it has taken. */
export interface CandidateOpts {
  excludeId?: string | undefined;
  prepared?: PreparedName;
  keyCounts?: Map<string, number>;
}

/**
 * One of a candidate's names compared with the record, or undefined when
 * mayMatch already knows it is no match: most candidates share only the
 * family names, and are turned away without the full comparison.
 */
function matchOf(db: DB, mine: PreparedName, r: CandidateRow, given: string, family: string): CandidateMatch | undefined {
  const theirs = preparedOf(db, { given, family, dob: r.dob, aNumber: r.a_number });
  return mayMatch(mine, theirs) ? compareCandidates(mine, theirs) : undefined;
}

export function findCandidates(ctx: Ctx, rec: NameRecord, opts: CandidateOpts = {}): DuplicateCandidate[] {
  const mine = opts.prepared ?? prepareName(rec);
  const keys = keysOf(mine);
  if (keys.length === 0) return [];
  // The possible ones (people without an A-number when this record has one), and always everyone with the
  // same A-number or the same date of birth: a likely duplicate shares one of those
  // (shared/intake/duplicates.ts), however common its name (migration 0021).
  const rows = sql(
    ctx.db,
    // From the compared fields' own index (migration 0023): no person's row is read.
    `SELECT p.id, p.given_name, p.family_name, p.dob, p.a_number, json_extract(p.data, '$.person.aliases') AS aliases
       FROM people p INDEXED BY people_duplicate_fields
       WHERE p.merged_into IS NULL AND p.id IN (
         SELECT value FROM json_each(@possible)
         UNION SELECT person_id FROM person_keys WHERE key = @aKey
         UNION SELECT id FROM people INDEXED BY people_dob WHERE dob = @dob AND merged_into IS NULL)`,
  ).all({
    possible: JSON.stringify(possibleIds(ctx, keys, mine.aNumber !== undefined && OTHER_A_NUMBER_NEEDS_SAME_DOB ? 0 : 1, opts.keyCounts)),
    aKey: mine.aNumber === undefined ? null : `a:${mine.aNumber}`,
    dob: mine.dob ?? null,
  }) as CandidateRow[];
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.id === opts.excludeId) continue;
    let best = matchOf(ctx.db, mine, r, r.given_name, r.family_name);
    // An alias can be the name that matches: compare against each and keep the strongest (the name itself on a tie).
    if (r.aliases !== null && r.aliases !== '[]') {
      for (const alias of JSON.parse(r.aliases) as string[]) {
        const m = matchOf(ctx.db, mine, r, alias, '');
        if (m !== undefined && (best === undefined || m.score > best.score)) best = m;
      }
    }
    if (best === undefined || best.strength === 'none') continue;
    out.push({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      dob: r.dob,
      aNumber: r.a_number,
      strength: best.strength,
      score: best.score,
      reasons: [...best.reasons],
    });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 10);
}

export type Decision = 'new-person' | 'same-person' | 'needs-review';

/**
 * The likely-duplicate gate: every likely candidate needs a decision before a
 * new record is saved. The candidate ids (never names) travel in the error so
 * the window can show the choice and save again with it.
 */
export function requireDecisions(candidates: readonly DuplicateCandidate[], decisions: ReadonlyArray<{ otherId: string }>): void {
  const decided = new Set(decisions.map((d) => d.otherId));
  const undecided = candidates.filter((c) => c.strength === 'likely' && !decided.has(c.id)).map((c) => c.id);
  if (undecided.length > 0) {
    throw new AppError(
      'DUPLICATE_UNDECIDED',
      'Not saved: someone on file is likely the same person. Choose new person, same person or needs review for each likely match.',
      { candidates: undecided },
    );
  }
}

/** Which record survives when an intake is the same person as `otherId`: chosen explicitly, never assumed. */
export interface MergeChoice {
  otherId: string;
  keep: 'existing' | 'new';
}

/**
 * "Same person" needs the merge that makes it one record: exactly one
 * same-person decision, and `merge` naming it. Refused otherwise, before
 * anything is written.
 */
export function requireMergeForSame(
  decisions: ReadonlyArray<{ otherId: string; decision: Decision }>,
  merge: MergeChoice | undefined,
): void {
  const same = decisions.filter((d) => d.decision === 'same-person').map((d) => d.otherId);
  if (merge === undefined && same.length === 0) return;
  if (same.length === 1 && merge?.otherId === same[0]) return;
  throw new AppError(
    'DUPLICATE_UNDECIDED',
    'Not saved: "same person" is saved by merging into one record. Choose which record stays (one same-person match at a time).',
    { candidates: same, mergeRequired: true },
  );
}

export function recordDecision(ctx: Ctx, personId: string, otherId: string, decision: Decision): void {
  ctx.db.transaction(() => {
    const found = ctx.db.prepare('SELECT count(*) AS n FROM people WHERE id IN (?, ?)').get(personId, otherId) as { n: number };
    if (personId === otherId || found.n !== 2) throw new AppError('NOT_FOUND', 'One of these two records is not in this vault.');
    ctx.db
      .prepare('INSERT INTO duplicate_decisions(id, person_id, other_id, decision, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(newId(), personId, otherId, decision, ctx.now(), ctx.actor);
    audit(ctx, 'duplicate.decide', 'person', personId, { other: otherId, decision });
  })();
}

export function decisionsFor(
  ctx: Ctx,
  personId: string,
): Array<{ otherId: string; decision: Decision; decidedAt: string; decidedBy: string }> {
  return (
    ctx.db
      .prepare(
        'SELECT other_id, decision, decided_at, decided_by FROM duplicate_decisions WHERE person_id = ? OR other_id = ? ORDER BY decided_at',
      )
      .all(personId, personId) as Array<Record<string, string>>
  ).map((r) => ({ otherId: r.other_id!, decision: r.decision as Decision, decidedAt: r.decided_at!, decidedBy: r.decided_by! }));
}
