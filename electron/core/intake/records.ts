/**
 * Row <-> record mapping for people and cases. The full record is JSON in
 * `data`; the columns are copies for lists, filters and the search index.
 */
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { CaseView, PersonData, Stamp } from '../../../shared/views';

export type { CaseView, PersonData, PersonView, Stamp } from '../../../shared/views';

export interface PersonRow {
  seq: number;
  id: string;
  given_name: string;
  family_name: string;
  dob: string | null;
  approx_age: number | null;
  a_number: string | null;
  phone: string | null;
  country_of_birth: string | null;
  detained: number;
  facility: string | null;
  booking_number: string | null;
  /**
   * Unused since issue 9: a copy computed at write time went stale the day
   * its hearing passed. The next hearing is derived when asked
   * (NEXT_HEARING_SQL, nextHearingOf); the column stays so old vaults open.
   */
  next_hearing: string | null;
  assigned_to: string | null;
  data: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  merged_into: string | null;
}

export interface CaseRow {
  id: string;
  person_id: string;
  hearing_date: string | null;
  hearing_kind: string | null;
  data: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export const stampOf = (r: {
  id: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}): Stamp => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function caseFromRow(r: CaseRow): CaseView {
  return { ...(JSON.parse(r.data) as CaseRecord), ...stampOf(r), personId: r.person_id };
}

/** A person row with the next hearing derived for the query's "today" (see NEXT_HEARING_SQL). */
export type ListedPersonRow = PersonRow & { upcoming_hearing: string | null };

/**
 * The person's next hearing, derived in the query for `@today`: the earliest
 * hearing of an open case on or after today. Never stored, because "today"
 * moves: a stored copy would keep showing (and filtering by) a hearing that
 * has passed. One lookup in cases_person per row: the unary + keeps the
 * planner off the hearing-date indexes, which on a vault with few cases it
 * took for this (a range over every future hearing, for each row).
 */
export const NEXT_HEARING_SQL = (personId: string) =>
  `(SELECT min(h.hearing_date) FROM cases h WHERE h.person_id = ${personId} AND h.status <> 'closed' AND +h.hearing_date >= @today)`;

/** The same rule over cases already in memory. */
export function nextHearingOf(cases: readonly CaseRecord[], today: string): string | null {
  const upcoming = cases
    .filter((c) => c.status !== 'closed')
    .map((c) => c.nextHearing?.date)
    .filter((x): x is string => !!x && x >= today)
    .sort();
  return upcoming[0] ?? null;
}

/** The list columns derived from a person's data and cases (none depends on the date). */
export function personColumns(d: PersonData, cases: readonly CaseRecord[]) {
  const assigned = cases.find((c) => c.status !== 'closed' && c.assignedTo)?.assignedTo;
  return {
    given_name: d.person.givenName,
    family_name: d.person.familyName,
    dob: d.person.dob ?? null,
    approx_age: d.person.approxAge ?? null,
    a_number: d.person.aNumber ?? null,
    phone: d.person.phone ?? null,
    country_of_birth: d.person.countryOfBirth ?? null,
    detained: d.detention.detained ? 1 : 0,
    facility: d.detention.facility ?? null,
    booking_number: d.detention.bookingNumber ?? null,
    assigned_to: assigned ?? null,
  };
}
