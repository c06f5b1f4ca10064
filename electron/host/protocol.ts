/**
 * The messages between the process that owns the window (Electron main, or
 * the loopback harness) and the core's host process. Plain structured-clone
 * values: binary (Uint8Array) crosses as it is, never as base64.
 */
import type { Result } from '../../shared/errors';

/** What the host needs to create the core. No functions: they cannot cross a process boundary. */
export interface HostOptions {
  dbPath: string;
  /** Argon2id cost; tests lower it, production uses the default. */
  kdfCost?: { m: number; t: number; p: number };
  actor?: string;
}

export type ToHost =
  | { type: 'init'; options: HostOptions }
  | { type: 'call'; id: number; name: string; input: unknown }
  /** Close the vault and end the process (lock, quit). */
  | { type: 'exit' };

export type FromHost = { type: 'ready' } | { type: 'result'; id: number; result: Result<unknown> };
