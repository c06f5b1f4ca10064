/**
 * People and their cases: create, read, update with optimistic versions,
 * list, search and merge. Every write is one transaction that also keeps the
 * search index, the duplicate keys and the audit log in step.
 */
import { AppError } from '../../../shared/errors';
import { withHistory } from '../../../shared/schemas/detention';
import { intakeSchemas } from '../../../shared/contract';
import { LIMITS, type AdditionalContact, type CaseRecord, type FullIntake, type QuickIntake } from '../../../shared/schemas/intake';
import { urgencyFlags } from '../../../shared/intake/urgency';
import { newId, type Ctx } from '../context';
import { sql } from '../db/statements';
import { audit } from '../audit';
import {
  caseFromRow,
  NEXT_HEARING_SQL,
  nextHearingOf,
  personColumns,
  type ListedPersonRow,
  stampOf,
  type CaseRow,
  type PersonData,
  type PersonRow,
  type PersonView,
  type CaseView,
} from './records';
import { ftsQuery, searchText, tokensOf } from './search-text';
import { normalizeANumber } from '../../../shared/schemas/anumber';
import { syncCaseHearing } from './case-hearings';
import { INSERT_PERSON_KEY, insertPersonKeys } from './person-keys';
import { checkFamilyLinks, dropFamilyLinks, familyLinksOf, writeFamilyLinks } from './family-links';
import type { CaseSummary, PersonSearchPage, PersonSummary } from '../../../shared/views';

/** A training's quick intake becomes an ordinary record, parsed by the same schemas as a full one. */
export function fromQuick(q: QuickIntake): { data: PersonData; cases: CaseRecord[] } {
  const cases = q.nextHearingDate
    ? [
        intakeSchemas.caseRecord.parse({
          type: q.detained ? 'removal-detained' : 'removal-nondetained',
          nextHearing: { date: q.nextHearingDate, kind: 'master' },
        }),
      ]
    : [];
  return {
    data: {
      person: intakeSchemas.person.parse({
        givenName: q.givenName,
        familyName: q.familyName,
        dob: q.dob,
        approxAge: q.approxAge,
        aNumber: q.aNumber,
        phone: q.phone,
      }),
      detention: intakeSchemas.detention.parse({ detained: q.detained, facility: q.facility }),
      history: intakeSchemas.history.parse({}),
      family: [],
      notes: '',
      urgentNeeds: q.urgentNeeds,
    },
    cases,
  };
}

export function fromFull(f: FullIntake): { data: PersonData; cases: CaseRecord[] } {
  return {
    data: {
      person: f.person,
      detention: f.detention,
      history: f.history,
      family: f.family,
      notes: f.notes,
      urgentNeeds: '',
      ...(f.consent ? { consent: f.consent } : {}),
    },
    cases: f.cases,
  };
}

// The FTS row's rowid is the person's seq: person_id is UNINDEXED in FTS5,
// so deleting by it would scan the whole index on every save.
const ROWID_OF = '(SELECT seq FROM people WHERE id = ?)';

function writeIndexes(ctx: Ctx, id: string, d: PersonData, seq?: number): void {
  // A new record (its seq known) has no index rows yet to drop.
  if (seq === undefined) dropIndexes(ctx, id);
  const t = searchText(d);
  if (seq === undefined) {
    sql(ctx.db, `INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (${ROWID_OF}, ?, ?, ?, ?)`).run(
      id,
      id,
      t.names,
      t.numbers,
      t.places,
    );
  } else {
    sql(ctx.db, 'INSERT INTO people_fts(rowid, person_id, names, numbers, places) VALUES (?, ?, ?, ?, ?)').run(
      seq,
      id,
      t.names,
      t.numbers,
      t.places,
    );
  }
  insertPersonKeys(sql(ctx.db, INSERT_PERSON_KEY), id, d.person);
  if (seq === undefined || d.family.some((m) => m.personId)) writeFamilyLinks(ctx.db, id, d);
}

function dropIndexes(ctx: Ctx, id: string): void {
  sql(ctx.db, `DELETE FROM people_fts WHERE rowid = ${ROWID_OF}`).run(id);
  sql(ctx.db, 'DELETE FROM person_keys WHERE person_id = ?').run(id);
  dropFamilyLinks(ctx.db, id);
}

function casesOf(ctx: Ctx, personId: string): CaseView[] {
  return (sql(ctx.db, 'SELECT * FROM cases WHERE person_id = ? ORDER BY id').all(personId) as CaseRow[]).map(caseFromRow);
}

/** Recomputes the list columns (names, detention, assignee) after the person or a case changed. */
function refreshColumns(ctx: Ctx, id: string, d: PersonData): void {
  const cols = personColumns(d, casesOf(ctx, id));
  const names = Object.keys(cols);
  sql(ctx.db, `UPDATE people SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
}

function insertCase(ctx: Ctx, personId: string, c: CaseRecord): string {
  const id = newId();
  const now = ctx.now();
  sql(
    ctx.db,
    `INSERT INTO cases(id, person_id, type, status, court, judge, hearing_date, hearing_time, hearing_kind, assigned_to, outcome, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @personId, @type, @status, @court, @judge, @hd, @ht, @hk, @assigned, @outcome, @data, 1, @now, @actor, @now, @actor)`,
  ).run(caseParams(ctx, id, personId, c, now));
  syncCaseHearing(ctx, personId, id, c);
  return id;
}

function caseParams(ctx: Ctx, id: string, personId: string, c: CaseRecord, now: string) {
  return {
    id,
    personId,
    type: c.type,
    status: c.status,
    court: c.court ?? null,
    judge: c.judge ?? null,
    hd: c.nextHearing?.date ?? null,
    ht: c.nextHearing?.time ?? null,
    hk: c.nextHearing?.kind ?? null,
    assigned: c.assignedTo ?? null,
    outcome: c.outcome ?? null,
    data: JSON.stringify(c),
    now,
    actor: ctx.actor,
  };
}

export function createPerson(ctx: Ctx, input: { data: PersonData; cases: CaseRecord[] }): PersonView {
  return getPerson(ctx, insertPerson(ctx, input));
}

/** Inserts without reading back: bulk paths (CSV import, benchmarks) need no view. */
export function insertPerson(ctx: Ctx, input: { data: PersonData; cases: CaseRecord[] }): string {
  const id = newId();
  inOne(ctx, () => {
    input = { ...input, data: { ...input.data, family: checkFamilyLinks(ctx.db, null, input.data.family, ['intake', 'family']) } };
    const now = ctx.now();
    const cols = personColumns(input.data, input.cases);
    const { lastInsertRowid } = sql(
      ctx.db,
      `INSERT INTO people(id, given_name, family_name, dob, approx_age, a_number, phone, country_of_birth, detained, facility, booking_number, assigned_to, data, version, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @given_name, @family_name, @dob, @approx_age, @a_number, @phone, @country_of_birth, @detained, @facility, @booking_number, @assigned_to, @data, 1, @now, @actor, @now, @actor)`,
    ).run({ ...cols, id, data: JSON.stringify(input.data), now, actor: ctx.actor });
    for (const c of input.cases) insertCase(ctx, id, c);
    writeIndexes(ctx, id, input.data, Number(lastInsertRowid));
    audit(ctx, 'person.create', 'person', id);
  });
  return id;
}

/**
 * Runs `fn` in a transaction, or inside the caller's: a bulk load (CSV
 * import, the bench vault) already holds one, and a savepoint per row cost
 * more than the row. Whatever throws still rolls back the caller's whole
 * transaction, which is what every bulk path wants (all or nothing).
 */
function inOne(ctx: Ctx, fn: () => void): void {
  if (ctx.db.inTransaction) fn();
  else ctx.db.transaction(fn)();
}

function personRow(ctx: Ctx, id: string): PersonRow {
  const row = sql(ctx.db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That person is not in this vault.');
  return row;
}

export function viewOf(ctx: Ctx, row: PersonRow): PersonView {
  const data = JSON.parse(row.data) as PersonData;
  const cases = casesOf(ctx, row.id);
  const today = ctx.today();
  const view: PersonView = {
    ...data,
    ...stampOf(row),
    cases,
    urgency: urgencyFlags(
      {
        detained: data.detention.detained,
        nextHearingDate: nextHearingOf(cases, today) ?? undefined,
        lastEntryDate: data.history.lastEntryDate,
        caseTypes: cases.filter((c) => c.status !== 'closed').map((c) => c.type),
        needsText: [data.urgentNeeds, data.notes].join('\n'),
        eadExpiry: data.history.eadExpiry,
      },
      today,
    ),
    familyLinks: familyLinksOf(ctx.db, row.id, data),
  };
  if (row.merged_into) view.mergedInto = row.merged_into;
  return view;
}

/**
 * The previous address is kept by the core, never taken from the editor: a
 * save that changes the address keeps the one it replaces (the AR-11 asks
 * for the previous physical address); any other save keeps the stored one.
 */
function withPreviousAddress(stored: PersonData, person: PersonData['person']): PersonData['person'] {
  const before = stored.person.address;
  const same = JSON.stringify(before ?? null) === JSON.stringify(person.address ?? null);
  const previous = same ? stored.person.previousAddress : (before ?? stored.person.previousAddress);
  return { ...person, previousAddress: previous };
}

export function getPerson(ctx: Ctx, id: string): PersonView {
  return viewOf(ctx, personRow(ctx, id));
}

/**
 * Saves a new version of a person's data. `version` is the one the editor
 * loaded: if someone saved in between, the write is refused, never merged silently.
 */
export function updatePerson(ctx: Ctx, id: string, version: number, data: PersonData): PersonView {
  ctx.db.transaction(() => {
    const row = personRow(ctx, id);
    if (row.merged_into) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
    data = { ...data, family: checkFamilyLinks(ctx.db, id, data.family, ['data', 'family']) };
    // A detention history, once entered, decides detained, facility and booking number (issue 14 §3).
    data = { ...data, detention: withHistory(data.detention) };
    data = { ...data, person: withPreviousAddress(JSON.parse(row.data) as PersonData, data.person) };
    const res = ctx.db
      .prepare('UPDATE people SET data = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?')
      .run(JSON.stringify(data), ctx.now(), ctx.actor, id, version);
    if (res.changes === 0) {
      throw new AppError(
        'STALE_WRITE',
        'Someone saved this record after you opened it. Reload it to see their changes, then make yours again.',
        {
          currentVersion: row.version,
        },
      );
    }
    refreshColumns(ctx, id, data);
    writeIndexes(ctx, id, data);
    audit(ctx, 'person.update', 'person', id);
  })();
  return getPerson(ctx, id);
}

export function addCase(ctx: Ctx, personId: string, c: CaseRecord): CaseView {
  let id = '';
  ctx.db.transaction(() => {
    const row = personRow(ctx, personId);
    id = insertCase(ctx, personId, c);
    refreshColumns(ctx, personId, JSON.parse(row.data) as PersonData);
    audit(ctx, 'case.create', 'case', id);
  })();
  return casesOf(ctx, personId).find((x) => x.id === id)!;
}

export function updateCase(ctx: Ctx, caseId: string, version: number, c: CaseRecord): CaseView {
  let personId = '';
  ctx.db.transaction(() => {
    const row = sql(ctx.db, 'SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That case is not in this vault.');
    personId = row.person_id;
    const p = caseParams(ctx, caseId, personId, c, ctx.now());
    const res = ctx.db
      .prepare(
        `UPDATE cases SET type=@type, status=@status, court=@court, judge=@judge, hearing_date=@hd, hearing_time=@ht, hearing_kind=@hk,
           assigned_to=@assigned, outcome=@outcome, data=@data, version=version+1, updated_at=@now, updated_by=@actor
         WHERE id=@id AND version=@version`,
      )
      .run({ ...p, version });
    if (res.changes === 0)
      throw new AppError('STALE_WRITE', 'Someone saved this case after you opened it. Reload it, then make your change again.');
    // Only a hearing that changed on the case moves its event: saving an unrelated
    // field must not undo a hearing moved from the deadlines panel.
    if (row.hearing_date !== (c.nextHearing?.date ?? null) || row.hearing_kind !== (c.nextHearing?.kind ?? null)) {
      syncCaseHearing(ctx, personId, caseId, c, row.hearing_date);
    }
    refreshColumns(ctx, personId, JSON.parse(personRow(ctx, personId).data) as PersonData);
    audit(ctx, 'case.update', 'case', caseId);
  })();
  return casesOf(ctx, personId).find((x) => x.id === caseId)!;
}

export interface ListQuery {
  detained?: boolean;
  hearingWithinDays?: number;
  assignedTo?: string;
  sort: 'name' | 'hearing' | 'updated' | 'created';
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const summaryOf = (r: ListedRow): PersonSummary => ({
  id: r.id,
  givenName: r.given_name,
  familyName: r.family_name,
  dob: r.dob,
  aNumber: r.a_number,
  detained: r.detained === 1,
  facility: r.facility,
  nextHearing: r.upcoming_hearing,
  assignedTo: r.assigned_to,
  updatedAt: r.updated_at,
});

const SORTS: Record<ListQuery['sort'], string> = {
  name: 'p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE',
  hearing: 'upcoming_hearing IS NULL, upcoming_hearing',
  updated: 'p.updated_at',
  created: 'p.created_at',
};

/**
 * What a summary shows, plus the next hearing as of `@today`. Not p.*: the
 * record's JSON would ride through every sort for nothing.
 */
const LISTED = `p.id, p.given_name, p.family_name, p.dob, p.a_number, p.detained, p.facility, p.assigned_to, p.updated_at,
  ${NEXT_HEARING_SQL('p.id')} AS upcoming_hearing`;
type ListedRow = Pick<
  ListedPersonRow,
  'id' | 'given_name' | 'family_name' | 'dob' | 'a_number' | 'detained' | 'facility' | 'assigned_to' | 'updated_at' | 'upcoming_hearing'
>;

export function listPeople(ctx: Ctx, q: ListQuery): { total: number; rows: PersonSummary[] } {
  const where = ['p.merged_into IS NULL'];
  // Every query binds today: the next hearing is derived for it.
  const params: Record<string, unknown> = { today: ctx.today() };
  if (q.detained !== undefined) {
    where.push('p.detained = @detained');
    params.detained = q.detained ? 1 : 0;
  }
  if (q.hearingWithinDays !== undefined) {
    // "Next hearing within N days" is "some open case has a hearing in [today, today + N]": one range scan of cases_hearing.
    where.push(`p.id IN (SELECT person_id FROM cases WHERE hearing_date BETWEEN @today AND date(@today, @span) AND status <> 'closed')`);
    params.span = `+${q.hearingWithinDays} days`;
  }
  if (q.assignedTo !== undefined) {
    where.push('p.assigned_to = @assignedTo');
    params.assignedTo = q.assignedTo;
  }
  const clause = where.join(' AND ');
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM people p WHERE ${clause}`).get(params) as { n: number }).n;
  const order = SORTS[q.sort]
    .split(', ')
    .map((s) => (s.endsWith('IS NULL') ? s : `${s} ${q.dir === 'desc' ? 'DESC' : 'ASC'}`))
    .join(', ');
  const rows = ctx.db
    .prepare(`SELECT ${LISTED} FROM people p WHERE ${clause} ORDER BY ${order}, p.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as ListedRow[];
  return { total, rows: rows.map(summaryOf) };
}

export interface CaseListQuery extends Omit<ListQuery, 'sort'> {
  status?: 'open' | 'pending' | 'closed';
  sort: 'name' | 'hearing' | 'updated' | 'type';
}

const CASE_SORTS: Record<CaseListQuery['sort'], string[]> = {
  name: ['p.family_name COLLATE NOCASE', 'p.given_name COLLATE NOCASE'],
  hearing: ['c.hearing_date'],
  updated: ['c.updated_at'],
  type: ['c.type'],
};

export function listCases(ctx: Ctx, q: CaseListQuery): { total: number; rows: CaseSummary[] } {
  const where = ['p.merged_into IS NULL'];
  const params: Record<string, unknown> = {};
  if (q.detained !== undefined) {
    where.push('p.detained = @detained');
    params.detained = q.detained ? 1 : 0;
  }
  if (q.hearingWithinDays !== undefined) {
    where.push('c.hearing_date BETWEEN @today AND date(@today, @span)');
    params.today = ctx.today();
    params.span = `+${q.hearingWithinDays} days`;
  }
  if (q.assignedTo !== undefined) {
    where.push('c.assigned_to = @assignedTo');
    params.assignedTo = q.assignedTo;
  }
  if (q.status !== undefined) {
    where.push('c.status = @status');
    params.status = q.status;
  }
  const from = `FROM cases c JOIN people p ON p.id = c.person_id WHERE ${where.join(' AND ')}`;
  const total = (ctx.db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  // Cases without a hearing sort last whichever way the hearing column is sorted.
  const order = [...(q.sort === 'hearing' ? ['c.hearing_date IS NULL'] : []), ...CASE_SORTS[q.sort].map((c) => `${c} ${dir}`), 'c.id'].join(
    ', ',
  );
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.person_id, p.given_name, p.family_name, p.detained, c.type, c.status, c.court, c.hearing_date, c.hearing_kind, c.assigned_to, c.updated_at
       ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as Array<Record<string, string | number | null>>;
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id as string,
      personId: r.person_id as string,
      givenName: r.given_name as string,
      familyName: r.family_name as string,
      detained: r.detained === 1,
      type: r.type as string,
      status: r.status as string,
      court: r.court as string | null,
      hearingDate: r.hearing_date as string | null,
      hearingKind: r.hearing_kind as string | null,
      assignedTo: r.assigned_to as string | null,
      updatedAt: r.updated_at as string,
    })),
  };
}

/**
 * Search as you type, at a million people (issue 17). Index searches only,
 * never a scan and never a sort of every match:
 * - an A-number in any format: the exact number from people_a_number first;
 * - five to eight digits: A-numbers starting with them, a range of the same index;
 * - then (and for words) FTS5, reading at most SEARCH_CANDIDATES matches in
 *   record order (the LIMIT is inside, before any ranking; prefixes of up to
 *   six letters are read from FTS5 prefix indexes, streamed, see migration
 *   0014), ranked here by how well the words match (whole words before
 *   prefixes, then the shorter name).
 * A search matching more than SEARCH_CANDIDATES people returns the best of
 * the first ones read; the header search, asking for SEARCH_CANDIDATES rows,
 * then says "more than 200, keep typing". bm25 is not used: its document
 * frequencies read every match of every word, the very scan this avoids.
 * Each result's summary (and its derived next hearing) is read for the
 * returned rows only, by primary key; no record JSON is parsed.
 */
export const SEARCH_CANDIDATES = 201;

/** The statements of a search, exported so a test can hold their query plans. */
export const SEARCH_SQL = {
  aNumber: 'SELECT seq FROM people WHERE a_number = @a AND merged_into IS NULL ORDER BY seq LIMIT @cap',
  aNumberPrefix: `SELECT seq FROM people WHERE a_number >= @from AND a_number < @to AND merged_into IS NULL ORDER BY a_number, seq LIMIT @cap`,
  fts: 'SELECT rowid AS seq, names, numbers, places FROM people_fts WHERE people_fts MATCH @fts LIMIT @cap',
  rows: `SELECT p.seq, ${LISTED} FROM people p WHERE p.seq IN (SELECT value FROM json_each(@seqs)) AND p.merged_into IS NULL`,
} as const;

/** Five to eight digits, typed with any A-number punctuation: the start of an A-number. */
function aNumberPrefix(query: string): string | null {
  return /^[Aa]?(\d{5,8})$/.exec(query.replace(/[\s#-]/g, ''))?.[1] ?? null;
}

interface Match {
  seq: number;
  tokens: string[];
}

/** Up to `cap` FTS matches, in record order: FTS5 stops reading after them. */
function ftsMatches(ctx: Ctx, fts: string, cap: number): Match[] {
  const rows = sql(ctx.db, SEARCH_SQL.fts).all({ fts, cap }) as Array<{ seq: number; names: string; numbers: string; places: string }>;
  return rows.map((r) => ({ seq: r.seq, tokens: tokensOf(r.names, r.numbers, r.places) }));
}

export function searchPeople(ctx: Ctx, query: string, limit = 20): PersonSummary[] {
  return summariesOf(ctx, [...matchingSeqs(ctx, query, limit)].slice(0, limit));
}

/**
 * The header's search as you type: the first `limit` people and how many
 * matched, counted up to `countUpTo` ("more than 200 — keep typing"). The
 * matches are read as for searchPeople; only the rows shown are summarized.
 */
export function searchPage(ctx: Ctx, query: string, limit: number, countUpTo: number): PersonSearchPage {
  const seqs = [...matchingSeqs(ctx, query, countUpTo)];
  return { rows: summariesOf(ctx, seqs.slice(0, limit)), found: Math.min(seqs.length, countUpTo) };
}

/** Record numbers of the people matching, best first: A-number matches, then up to SEARCH_CANDIDATES name matches, ranked. */
function matchingSeqs(ctx: Ctx, query: string, wanted: number): Set<number> {
  const cap = Math.max(wanted, SEARCH_CANDIDATES);
  const seqs = new Set<number>();
  const a = normalizeANumber(query);
  const prefix = a ? null : aNumberPrefix(query);
  if (a) for (const s of seqsOf(sql(ctx.db, SEARCH_SQL.aNumber).all({ a, cap }))) seqs.add(s);
  else if (prefix) for (const s of seqsOf(sql(ctx.db, SEARCH_SQL.aNumberPrefix).all({ from: prefix, to: `${prefix}:`, cap }))) seqs.add(s);
  const q = ftsQuery(query);
  if (q && seqs.size < wanted) for (const m of rankMatches(ftsMatches(ctx, q.fts, cap), q.words)) seqs.add(m.seq);
  return seqs;
}

/** Each record's summary (and its derived next hearing), read by primary key, in the order given. */
function summariesOf(ctx: Ctx, picked: number[]): PersonSummary[] {
  if (picked.length === 0) return [];
  const rows = sql(ctx.db, SEARCH_SQL.rows).all({ seqs: JSON.stringify(picked), today: ctx.today() }) as Array<ListedRow & { seq: number }>;
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return picked.flatMap((s) => {
    const r = bySeq.get(s);
    return r ? [summaryOf(r)] : [];
  });
}

const seqsOf = (rows: unknown[]) => (rows as Array<{ seq: number }>).map((r) => r.seq);

/**
 * The order a person wants among name matches: more of the typed words
 * matching a whole word first ("rosa" before "rosalba"), then the shorter
 * indexed text (fewer other words: what bm25's length weight gives), then
 * record order.
 */
export function rankMatches(rows: Match[], words: string[]): Match[] {
  const scored = rows.map((m) => {
    const set = new Set(m.tokens);
    let whole = 0;
    for (const w of words) if (set.has(w)) whole++;
    return { m, whole, size: set.size };
  });
  scored.sort((x, y) => y.whole - x.whole || x.size - y.size || x.m.seq - y.m.seq);
  return scored.map((x) => x.m);
}

/**
 * Two records found to be one person: everything from both is kept. The
 * other record's cases move over, its names become aliases, its facts fill
 * gaps, its notes and family are appended; it stays in the database marked
 * as merged, so nothing is ever lost.
 */
export function mergePeople(ctx: Ctx, keepId: string, mergeId: string): PersonView {
  if (keepId === mergeId) throw new AppError('INVALID_INPUT', 'A record cannot be merged into itself.');
  ctx.db.transaction(() => {
    const keep = personRow(ctx, keepId);
    const other = personRow(ctx, mergeId);
    if (keep.merged_into || other.merged_into) throw new AppError('STALE_WRITE', 'One of these records was already merged.');
    const a = JSON.parse(keep.data) as PersonData;
    const b = JSON.parse(other.data) as PersonData;
    const merged = unlinkEachOther(mergeData(a, b), keepId, mergeId);
    checkMergeable(a, b, merged);
    sql(ctx.db, 'UPDATE cases SET person_id = ? WHERE person_id = ?').run(keepId, mergeId);
    ctx.db
      .prepare('UPDATE people SET data = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(JSON.stringify(merged), ctx.now(), ctx.actor, keepId);
    ctx.db
      .prepare('UPDATE people SET merged_into = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(keepId, ctx.now(), ctx.actor, mergeId);
    dropIndexes(ctx, mergeId);
    refreshColumns(ctx, keepId, merged);
    writeIndexes(ctx, keepId, merged);
    audit(ctx, 'person.merge', 'person', keepId, { merged: mergeId });
  })();
  return getPerson(ctx, keepId);
}

/** One record now: a family member linked to either of the two would be the person themself (the typed name stays). */
function unlinkEachOther(d: PersonData, keepId: string, mergeId: string): PersonData {
  const family = d.family.map((m) => {
    if (m.personId !== keepId && m.personId !== mergeId) return m;
    return { ...m, personId: undefined };
  });
  return { ...d, family };
}

function fillGaps<T extends object>(a: T, b: T): T {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (out[k] === undefined || out[k] === '' || out[k] === null) out[k] = v;
  }
  return out as T;
}

/**
 * Two different A-numbers almost always mean two people; and a merged record
 * must still fit the limits every later edit is checked against. Either way
 * the user corrects a record first: a merge never drops anything to fit.
 */
function checkMergeable(a: PersonData, b: PersonData, merged: PersonData): void {
  const problem =
    a.person.aNumber && b.person.aNumber && a.person.aNumber !== b.person.aNumber
      ? 'different A-numbers'
      : merged.person.aliases.length > LIMITS.aliases ||
          merged.person.languages.length > LIMITS.languages ||
          merged.family.length > LIMITS.family ||
          merged.person.additionalContacts.length > LIMITS.additionalContacts ||
          merged.notes.length > LIMITS.notes ||
          merged.urgentNeeds.length > LIMITS.urgentNeeds
        ? 'too much for one record'
        : null;
  if (problem) throw new AppError('MERGE_CONFLICT', `These records cannot be merged (${problem}). Correct one of them first.`);
}

const CONTACT_KINDS = ['phone', 'email', 'address', 'safeContact'] as const;

/** The other record's contact of one kind, as an additional contact of the survivor when it differs from what the survivor has. */
function contactOf(kind: (typeof CONTACT_KINDS)[number], p: PersonData['person']): AdditionalContact | null {
  switch (kind) {
    case 'phone':
      return p.phone ? { kind, phone: p.phone } : null;
    case 'email':
      return p.email ? { kind, email: p.email } : null;
    case 'address':
      return p.address ? { kind, address: p.address } : null;
    case 'safeContact':
      return p.safeContact ? { kind, safeContact: p.safeContact } : null;
  }
}

/**
 * Every way to reach the person, from both records: the survivor's main
 * phone, email, address and safe contact stay; the other record's, where they
 * differ, become additional contacts (with both records' earlier additional
 * ones), each once.
 */
function mergeContacts(a: PersonData['person'], b: PersonData['person']): AdditionalContact[] {
  const out: AdditionalContact[] = [];
  const seen = new Set<string>();
  const add = (c: AdditionalContact | null) => {
    if (!c) return;
    const key = JSON.stringify(c);
    if (!seen.has(key)) out.push(c);
    seen.add(key);
  };
  // The survivor's own main contacts are "seen" so an equal copy from the other record is not added twice.
  for (const kind of CONTACT_KINDS) {
    const mine = contactOf(kind, a);
    if (mine) seen.add(JSON.stringify(mine));
  }
  for (const c of a.additionalContacts ?? []) add(c);
  for (const kind of CONTACT_KINDS) if (a[kind] !== undefined) add(contactOf(kind, b));
  for (const c of b.additionalContacts ?? []) add(c);
  return out;
}

/**
 * Facts both records hold with different values (a facility, a TPS country,
 * a date of birth): the survivor's stay where they are, the other record's
 * are written into the notes, so the merge drops none of them.
 */
function conflictingFacts(a: PersonData, b: PersonData): string[] {
  const lines: string[] = [];
  const groups: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['person', a.person, b.person],
    ['detention', a.detention, b.detention],
    ['history', a.history, b.history],
  ];
  const skip = new Set(['givenName', 'familyName', 'aliases', 'languages', 'additionalContacts', ...CONTACT_KINDS]);
  for (const [group, x, y] of groups) {
    for (const [k, v] of Object.entries(y)) {
      const mine = x[k];
      if (skip.has(k) || v === undefined || v === '' || v === null || mine === undefined || mine === '' || mine === null) continue;
      if (JSON.stringify(mine) !== JSON.stringify(v)) lines.push(`${group}.${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  }
  if (a.consent && b.consent && JSON.stringify(a.consent) !== JSON.stringify(b.consent))
    lines.push(`consent: ${JSON.stringify(b.consent)}`);
  return lines;
}

export function mergeData(a: PersonData, b: PersonData): PersonData {
  const nameOf = (d: PersonData) => `${d.person.givenName} ${d.person.familyName}`.trim();
  const aliases = [...new Set([...a.person.aliases, ...b.person.aliases, nameOf(b)].filter((n) => n && n !== nameOf(a)))];
  const joinText = (...parts: string[]) => parts.filter(Boolean).join('\n\n');
  const conflicts = conflictingFacts(a, b);
  // English, like every stored text Amparo writes itself: the note is data, not a message of the UI.
  const conflictNote = conflicts.length ? `From the merged record ${nameOf(b)} (different values):\n${conflicts.join('\n')}` : '';
  return {
    person: {
      ...fillGaps(a.person, b.person),
      aliases,
      languages: [...new Set([...a.person.languages, ...b.person.languages])],
      additionalContacts: mergeContacts(a.person, b.person),
    },
    detention: fillGaps(a.detention, b.detention),
    history: fillGaps(a.history, b.history),
    family: [...a.family, ...b.family],
    notes: joinText(a.notes, b.notes, conflictNote),
    urgentNeeds: joinText(a.urgentNeeds, b.urgentNeeds),
    ...(a.consent || b.consent ? { consent: a.consent ?? b.consent } : {}),
  };
}
