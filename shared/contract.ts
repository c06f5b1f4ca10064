/**
 * The one typed contract. Every operation the UI (or CLI, or harness) can ask
 * the core for is named here with a zod input schema and an output type.
 * Transports (Electron IPC, the loopback harness, direct calls) parse input
 * with these schemas at the boundary; the core never sees unparsed input.
 */
import { z } from 'zod';
import { passphraseSchema, recoveryCodeSchema } from './schemas/vault';
import { createIntakeSchemas } from './schemas/intake';
import { isoDateFromLocal } from './schemas/dates';

/** Intake schemas as the core receives them: ISO dates, "today" from the local clock. */
export const intakeSchemas = createIntakeSchemas({ dates: 'iso', today: () => isoDateFromLocal(new Date()) });

/** A phantom marker carrying an output type without runtime cost. */
const returns = <T>() => undefined as unknown as T;

function op<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  /** Folder holding the vault, shown so users know where their data lives. */
  location: string;
  schemaVersion?: number;
}

import type { PersonView, CaseView, PersonSummary, DuplicateCandidate, DraftSummary, Draft } from './views';

export interface CreatedVault {
  /** Shown once; never stored in plaintext anywhere. */
  recoveryCode: string;
}

const empty = z.object({}).strict();
const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id.invalid' });
const version = z.number().int().min(1);
const decisionSchema = z.enum(['new-person', 'same-person', 'needs-review']);
/** Choices made in the duplicate check before saving, recorded with the new record. */
const decisions = z.array(z.object({ otherId: id, decision: decisionSchema }).strict()).max(20).default([]);
/** A draft is whatever the form held, as JSON; bounded so a runaway form cannot fill the disk. */
const draftData = z.unknown().refine((v) => JSON.stringify(v ?? null).length <= 2_000_000, { message: 'draft.tooLarge' });
const personData = z
  .object({
    person: intakeSchemas.person,
    detention: intakeSchemas.detention,
    history: intakeSchemas.history,
    family: z.array(intakeSchemas.familyMember).max(100),
    notes: z.string().max(20000),
    urgentNeeds: z.string().max(5000),
    consent: intakeSchemas.consent.optional(),
  })
  .strict();

export const contract = {
  'vault.status': op(empty, returns<VaultStatus>()),
  'vault.create': op(z.object({ passphrase: passphraseSchema }).strict(), returns<CreatedVault>()),
  'vault.unlock': op(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), returns<VaultStatus>()),
  'vault.unlockWithRecovery': op(
    z.object({ recoveryCode: recoveryCodeSchema, newPassphrase: passphraseSchema }).strict(),
    returns<VaultStatus>(),
  ),
  'vault.lock': op(empty, returns<VaultStatus>()),
  'vault.changePassphrase': op(
    z.object({ current: z.string().min(1).max(1024), next: passphraseSchema }).strict(),
    returns<{ changed: true }>(),
  ),

  'intake.createQuick': op(z.object({ intake: intakeSchemas.quickIntake, draftId: id.optional(), decisions }).strict(), returns<PersonView>()),
  'intake.createFull': op(z.object({ intake: intakeSchemas.fullIntake, draftId: id.optional(), decisions }).strict(), returns<PersonView>()),
  'people.get': op(z.object({ id }).strict(), returns<PersonView>()),
  'people.update': op(z.object({ id, version, data: personData }).strict(), returns<PersonView>()),
  'people.list': op(
    z
      .object({
        detained: z.boolean().optional(),
        hearingWithinDays: z.number().int().min(0).max(3650).optional(),
        assignedTo: z.string().max(200).optional(),
        sort: z.enum(['name', 'hearing', 'updated', 'created']).default('name'),
        dir: z.enum(['asc', 'desc']).default('asc'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    returns<{ total: number; rows: PersonSummary[] }>(),
  ),
  'people.search': op(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(), returns<PersonSummary[]>()),
  'people.checkDuplicates': op(
    z
      .object({
        given: z.string().max(200),
        family: z.string().max(200).default(''),
        dob: z.string().max(20).optional(),
        aNumber: z.string().max(30).optional(),
        excludeId: id.optional(),
      })
      .strict(),
    returns<DuplicateCandidate[]>(),
  ),
  'people.decide': op(z.object({ personId: id, otherId: id, decision: decisionSchema }).strict(), returns<{ recorded: true }>()),
  'people.merge': op(z.object({ keepId: id, mergeId: id }).strict(), returns<PersonView>()),
  'cases.add': op(z.object({ personId: id, case: intakeSchemas.caseRecord }).strict(), returns<CaseView>()),
  'cases.update': op(z.object({ id, version, case: intakeSchemas.caseRecord }).strict(), returns<CaseView>()),
  'drafts.save': op(z.object({ id: id.optional(), kind: z.enum(['quick', 'full', 'person-edit']), data: draftData }).strict(), returns<DraftSummary>()),
  'drafts.list': op(empty, returns<DraftSummary[]>()),
  'drafts.get': op(z.object({ id }).strict(), returns<Draft>()),
  'drafts.discard': op(z.object({ id }).strict(), returns<{ discarded: true }>()),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = Contract[K]['output'];

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
