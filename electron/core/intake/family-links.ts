/**
 * Family members linked to their own records (issue 8): `family[i].personId`.
 * Checked on every write (the record must exist; never the person
 * themself), followed through merges (a link to a record merged since leads
 * to its survivor) and kept in the derived `family_links` table, so a record
 * also shows who lists it as family without reading every record.
 */
import { AppError } from '../../../shared/errors';
import type { FamilyMember } from '../../../shared/schemas/intake';
import type { FamilyLinkRef, FamilyLinks } from '../../../shared/views';
import type { DB } from '../db/connection';
import type { PersonData } from './records';
import { sql } from '../db/statements';

/** Longer merge chains than this are a damaged vault, not a real history. */
const MAX_MERGE_HOPS = 50;

interface NameRow {
  id: string;
  given_name: string;
  family_name: string;
  merged_into: string | null;
}

function nameRow(db: DB, id: string): NameRow | undefined {
  return sql(db, 'SELECT id, given_name, family_name, merged_into FROM people WHERE id = ?').get(id) as NameRow | undefined;
}

/** The record `id` leads to now: itself, or the survivor of the merges it went through; undefined when it is not in the vault. */
function survivorOf(db: DB, id: string): NameRow | undefined {
  let row = nameRow(db, id);
  for (let hops = 0; row?.merged_into && hops < MAX_MERGE_HOPS; hops++) row = nameRow(db, row.merged_into);
  return row?.merged_into ? undefined : row;
}

const refOf = (r: NameRow): FamilyLinkRef => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name });

/**
 * The family list as it is stored: each link checked and pointed at the
 * record it leads to now. `selfId` is the record being written (null for a
 * new one). A link to a record missing from the vault is refused
 * (LINK_NOT_FOUND, with the item's path), nothing written. A link to the
 * person themself is refused when typed; one that became so because the
 * linked record was merged into this one is dropped (the typed name stays).
 */
export function checkFamilyLinks(db: DB, selfId: string | null, family: FamilyMember[], path: string[] = ['family']): FamilyMember[] {
  return family.map((m, i) => {
    if (!m.personId) return m;
    const issue = (message: string) => ({ issues: [{ path: [...path, String(i), 'personId'], message }] });
    if (m.personId === selfId)
      throw new AppError('INVALID_INPUT', 'A person cannot be linked as their own family member.', issue('family.linkSelf'));
    const to = survivorOf(db, m.personId);
    if (!to)
      throw new AppError('LINK_NOT_FOUND', 'A family member is linked to a record that is not in this vault.', issue('family.linkMissing'));
    if (to.id === selfId) {
      return { ...m, personId: undefined };
    }
    return to.id === m.personId ? m : { ...m, personId: to.id };
  });
}

/** Rewrites the person's rows of `family_links` from their data (with the other derived indexes). */
export function writeFamilyLinks(db: DB, personId: string, data: PersonData): void {
  dropFamilyLinks(db, personId);
  const insert = sql(db, 'INSERT OR IGNORE INTO family_links(linked_id, person_id) VALUES (?, ?)');
  for (const m of data.family) if (m.personId) insert.run(m.personId, personId);
}

export function dropFamilyLinks(db: DB, personId: string): void {
  sql(db, 'DELETE FROM family_links WHERE person_id = ?').run(personId);
}

/**
 * Both directions for a record's view. Links are read through merges: a
 * stored link to a record merged since names its survivor, and the records
 * merged into this one count as this one for "who lists them as family".
 */
export function familyLinksOf(db: DB, personId: string, data: PersonData): FamilyLinks {
  const to: Record<string, FamilyLinkRef> = {};
  for (const m of data.family) {
    if (!m.personId || to[m.personId]) continue;
    const r = survivorOf(db, m.personId);
    if (r) to[m.personId] = refOf(r);
  }
  const mine = new Set([personId, ...mergedInto(db, personId)]);
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id, p.given_name, p.family_name, p.merged_into, p.data
       FROM family_links l JOIN people p ON p.id = l.person_id
       WHERE l.linked_id IN (SELECT value FROM json_each(@ids)) AND p.merged_into IS NULL AND p.id != @id
       ORDER BY p.family_name, p.given_name, p.id`,
    )
    .all({ id: personId, ids: JSON.stringify([...mine]) }) as Array<NameRow & { data: string }>;
  const from = rows.map((r) => {
    const theirs = (JSON.parse(r.data) as PersonData).family;
    const relationship = theirs.find((m) => m.personId && mine.has(m.personId))?.relationship ?? '';
    return { ...refOf(r), relationship };
  });
  return { to, from };
}

/** The ids of the records merged (directly or through others) into `personId`. */
function mergedInto(db: DB, personId: string): string[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE m(id, depth) AS (
           SELECT id, 1 FROM people WHERE merged_into = @id
           UNION SELECT p.id, m.depth + 1 FROM people p JOIN m ON p.merged_into = m.id WHERE m.depth < ${MAX_MERGE_HOPS}
         )
         SELECT id FROM m`,
      )
      .all({ id: personId }) as Array<{ id: string }>
  ).map((r) => r.id);
}
