/**
 * JSON that carries bytes, for the loopback HTTP harness only (the browser
 * build's api.ts and electron/harness/server.ts). Electron IPC needs none of
 * this: structured clone carries a Uint8Array as it is.
 *
 * A Uint8Array (a Node Buffer included) becomes {"$bytes": "<base64>"} and
 * comes back as a Uint8Array. Nothing else changes, so every other value
 * reads exactly as plain JSON.
 */

const BYTES = '$bytes';
/** btoa/atob exist in browsers and in Node 16+; shared/ declares them itself to stay free of DOM and Node types. */
const codec = globalThis as unknown as { btoa(binary: string): string; atob(base64: string): string };
/** String.fromCharCode takes its characters as arguments, and engines cap the argument count. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return codec.btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = codec.atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function isWrappedBytes(v: unknown): v is { [BYTES]: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === BYTES && typeof (v as Record<string, unknown>)[BYTES] === 'string';
}

/** JSON.stringify, with every Uint8Array as {"$bytes": base64}. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // The holder's own value: a Buffer's toJSON has already turned `v` into {type, data}.
    const raw = this[key];
    return raw instanceof Uint8Array ? { [BYTES]: bytesToBase64(raw) } : v;
  });
}

/** JSON.parse, with every {"$bytes": base64} back as a Uint8Array. Throws SyntaxError on bad JSON or bad base64. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isWrappedBytes(v) ? base64ToBytes(v[BYTES]) : v));
}
