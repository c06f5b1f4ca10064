/**
 * The one typed contract. Every operation the UI (or CLI, or harness) can ask
 * the core for is named here with a zod input schema and an output type.
 * Transports (Electron IPC, the loopback harness, direct calls) parse input
 * with these schemas at the boundary; the core never sees unparsed input.
 */
import { z } from 'zod';
import { passphraseSchema, recoveryCodeSchema } from './schemas/vault';

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

export interface CreatedVault {
  /** Shown once; never stored in plaintext anywhere. */
  recoveryCode: string;
}

const empty = z.object({}).strict();

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
