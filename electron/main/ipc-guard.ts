/**
 * The IPC boundary check, before anything reaches the core. No `electron`
 * import: `ipc.ts` hands in the sender frame's URL and whether it is the top
 * frame. The core parses the input again with the contract's zod schema; this
 * guard only refuses what must never get that far.
 */
import { isOpName, type OpName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { isAppUrl } from './security';

/** Largest accepted input, measured as UTF-8 JSON. */
export const MAX_IPC_INPUT_BYTES = 10 * 1024 * 1024;
/** Operations that carry a whole file as base64 (a training's CSV, a blank PDF) get room for it. */
const FILE_OPS_MAX_BYTES = 72 * 1024 * 1024;
const carriesFile = (name: string) => name === 'import.preview' || name === 'import.commit' || name === 'forms.importBlank';

export function maxInputBytesFor(name: string): number {
  return carriesFile(name) ? FILE_OPS_MAX_BYTES : MAX_IPC_INPUT_BYTES;
}
const MAX_DEPTH = 32;
const MAX_NODES = 200_000;
/** Keys that mean nothing to any contract schema and only serve prototype tricks. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface IpcSender {
  /** `event.senderFrame?.url`; null when the frame is gone. */
  url: string | null | undefined;
  /** `event.senderFrame.parent === null`: only the app's top frame may call. */
  isTopFrame: boolean;
}

export interface ValidCall {
  name: OpName;
  input: Record<string, unknown>;
}

const invalid = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });
const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the Amparo window.' } };

export function validateIpcCall(sender: IpcSender, name: unknown, input: unknown, maxBytes?: number): Result<ValidCall> {
  if (!sender || sender.isTopFrame !== true || !isAppUrl(sender.url)) return forbidden;
  return validateCall(name, input, maxBytes);
}

/** The transport-independent part (name, shape, size): the loopback harness applies it too. */
export function validateCall(name: unknown, input: unknown, maxBytes?: number): Result<ValidCall> {
  if (typeof name !== 'string' || name.length > 200) return invalid('Unknown operation.');
  if (!isOpName(name)) return invalid('Unknown operation.');
  // `call(name)` without input means "no fields".
  if (input === undefined) return { ok: true, value: { name, input: {} } };
  if (!isPlainObject(input)) return invalid('The request must be an object.');
  const size = jsonSize(input, maxBytes ?? maxInputBytesFor(name));
  if (size === 'not-json') return invalid('The request contains values that are not plain data.');
  if (size === 'too-big') return invalid('The request is too large.');
  return { ok: true, value: { name, input } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks the value once: JSON types plus Uint8Array (bytes travel as binary,
 * counted at their base64 size; no Date, Map, other typed arrays, NaN,
 * undefined, functions, symbols), bounded depth and node count, and stops as
 * soon as the running size passes the limit.
 */
function jsonSize(root: unknown, maxBytes: number): number | 'not-json' | 'too-big' {
  let bytes = 0;
  let nodes = 0;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++nodes > MAX_NODES) return 'too-big';
    if (depth > MAX_DEPTH) return 'not-json';
    if (v === null) bytes += 4;
    else if (typeof v === 'boolean') bytes += 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'not-json';
      bytes += String(v).length;
    } else if (typeof v === 'string') {
      bytes += utf8Length(v) + 2;
    } else if (v instanceof Uint8Array && Object.getPrototypeOf(v) === Uint8Array.prototype) {
      bytes += Math.ceil(v.byteLength / 3) * 4 + 2;
    } else if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype) return 'not-json';
      bytes += 2 + v.length;
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1 });
    } else if (isPlainObject(v)) {
      if (Object.getOwnPropertySymbols(v).length > 0) return 'not-json';
      const keys = Object.keys(v);
      bytes += 2 + keys.length;
      for (const k of keys) {
        if (FORBIDDEN_KEYS.has(k)) return 'not-json';
        bytes += utf8Length(k) + 3;
        stack.push({ v: v[k], depth: depth + 1 });
      }
    } else {
      return 'not-json';
    }
    if (bytes > maxBytes) return 'too-big';
  }
  return bytes;
}

function utf8Length(s: string): number {
  // Fast path for short strings; Buffer is fine in the main process (Node).
  return s.length < 64 && /^[\x20-\x7e]*$/.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
}
