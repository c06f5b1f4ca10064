/**
 * What the core returns to every transport: plain JSON shapes, no classes,
 * no Dates. The renderer, the CLI and tests read records through these.
 */
import type { CaseRecord, Consent, Detention, FamilyMember, History, Person } from './schemas/intake';
import type { UrgencyFlag } from './intake/urgency';

/** A person's whole record as stored (the people table's `data` column). */
export interface PersonData {
  person: Person;
  detention: Detention;
  history: History;
  family: FamilyMember[];
  notes: string;
  urgentNeeds: string;
  consent?: Consent;
}

/** Every record carries these: a cross-machine ID, who and when, and a version for stale-write checks. */
export interface Stamp {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type CaseView = CaseRecord & Stamp & { personId: string };

export type PersonView = PersonData &
  Stamp & {
    cases: CaseView[];
    mergedInto?: string;
    urgency: UrgencyFlag[];
  };

export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  dob: string | null;
  aNumber: string | null;
  detained: boolean;
  facility: string | null;
  nextHearing: string | null;
  assignedTo: string | null;
  updatedAt: string;
}

export interface DuplicateCandidate {
  id: string;
  givenName: string;
  familyName: string;
  dob: string | null;
  aNumber: string | null;
  strength: 'likely' | 'possible';
  score: number;
  reasons: string[];
}

export interface DraftSummary {
  id: string;
  kind: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Draft extends DraftSummary {
  data: unknown;
}
