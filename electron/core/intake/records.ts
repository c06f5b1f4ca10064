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

/** The list columns derived from a person's data and cases. */
export function personColumns(d: PersonData, cases: readonly CaseRecord[], today: string) {
  const upcoming = cases
    .filter((c) => c.status !== 'closed')
    .map((c) => c.nextHearing?.date)
    .filter((x): x is string => !!x && x >= today)
    .sort();
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
    next_hearing: upcoming[0] ?? null,
    assigned_to: assigned ?? null,
  };
}
