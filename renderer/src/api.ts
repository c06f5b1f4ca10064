/**
 * The renderer's only door to the core. It does not know which transport it
 * has: in Electron the preload exposes `window.amparo.call`; in the browser
 * harness the same contract is served on loopback with a per-launch token.
 */
import type { OpInput, OpName, OpOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';

export interface AmparoBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    amparo?: AmparoBridge;
  }
}

function harnessToken(): string | null {
  // The harness hands the token in the URL fragment, which never reaches a server log.
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionToken = m[1];
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionToken;
}
let sessionToken: string | null = null;

async function callHarness(name: string, input: unknown): Promise<Result<unknown>> {
  const token = sessionToken ?? harnessToken();
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amparo-token': token ?? '' },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Amparo service is not reachable.' } };
  }
}

export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const bridge = window.amparo;
  const result = bridge ? await bridge.call(name, input) : await callHarness(name, input);
  return result as Result<OpOutput<K>>;
}

/** Read the token early, before any router touches the URL. */
export function initTransport(): void {
  if (!window.amparo) harnessToken();
}
