/**
 * The renderer's only door to the core. It does not know which transport it
 * has: in Electron the preload exposes `window.amparo.call`; in the browser
 * harness the same contract is served on loopback with a per-launch token.
 * Bytes (filled PDFs) travel as Uint8Array: Electron's structured clone
 * carries them as they are; the harness's JSON wraps them (shared/wire.ts).
 */
import type { OpInput, OpName, OpOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../../shared/wire';
// A cycle (query.ts calls `call`), used only inside functions, so either module may load first.
import { invalidateCore } from './query';

export { base64ToBytes, bytesToBase64 };

export interface AmparoBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Electron only: a native save dialog in the main process, which writes the file there. */
  saveFile?(name: string, bytes: Uint8Array, mime: string): Promise<Result<SaveFileResult>>;
}

export interface SaveFileResult {
  /** False when the user closed the dialog without saving. */
  saved: boolean;
  /** Where it went (Electron only; a browser does not say). */
  path?: string;
}

export type SaveMime = 'application/pdf' | 'text/csv' | 'text/calendar' | 'application/json' | typeof XLSX_MIME;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      body: encodeWire(input ?? {}),
    });
    return decodeWire(await res.text()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Amparo service is not reachable.' } };
  }
}

/**
 * While another Amparo process writes (a CLI import), the core answers
 * VAULT_BUSY after its own short wait. A save is tried again here for a
 * bounded time before the person sees the message: the core guarantees a
 * VAULT_BUSY changed nothing, unless it says `retryable: false`.
 */
export const BUSY_RETRY = { totalMs: 15_000, pauseMs: 500 } as const;

function busyAndRetryable(result: Result<unknown>): boolean {
  if (result.ok || result.error.code !== 'VAULT_BUSY') return false;
  return (result.error.details as { retryable?: unknown } | undefined)?.retryable !== false;
}

export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const started = Date.now();
  for (;;) {
    const bridge = window.amparo;
    const result = bridge ? await bridge.call(name, input) : await callHarness(name, input);
    if (!busyAndRetryable(result) || Date.now() - started + BUSY_RETRY.pauseMs > BUSY_RETRY.totalMs) {
      return result as Result<OpOutput<K>>;
    }
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY.pauseMs));
  }
}

/** Read the token early, before any router touches the URL. */
export function initTransport(): void {
  if (!window.amparo) harnessToken();
}

/**
 * Puts a file the core produced (a filled form, an export) where the user
 * chooses, and nowhere else. Electron: a native save dialog in the main
 * process. Browser harness: a download of an in-memory Blob through a
 * temporary object URL, revoked right after, so nothing is left behind.
 */
export async function saveFile(suggestedName: string, bytes: Uint8Array, mime: SaveMime): Promise<Result<SaveFileResult>> {
  const bridge = window.amparo;
  if (bridge?.saveFile) return bridge.saveFile(suggestedName, bytes, mime);
  try {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    try {
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } finally {
      // The click has started the download; give the browser a moment to read the Blob, then let it go.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
    return { ok: true, value: { saved: true } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The file could not be saved.' } };
  }
}

/** Text (CSV, iCalendar) saved where the user chooses: the same path as PDFs, so Electron shows its save dialog. */
export function saveText(suggestedName: string, text: string, mime: SaveMime): Promise<Result<SaveFileResult>> {
  return saveFile(suggestedName, new TextEncoder().encode(text), mime);
}

/** What became of a PDF handed to the person: saved (and whether the case history has its row), not saved, or failed. */
export type DeliveryState = { kind: 'saved'; path?: string | undefined; recorded: boolean } | { kind: 'notSaved' } | { kind: 'failed' };

/** The ops that record a delivered PDF (a form fill, a case summary) in the case history. */
export type DeliveryOp = 'forms.recordDelivery' | 'reports.recordDelivery';

/**
 * Saves a PDF the core made where the user chooses, and only once it is
 * saved tells the core to write the case history row (`recordOp` with the
 * PDF's token): a closed dialog records nothing. The reads that list fills
 * are refetched after a recorded delivery.
 */
export async function saveAndRecord(
  pdf: { fileName: string; pdf: Uint8Array; token: string },
  recordOp: DeliveryOp,
): Promise<DeliveryState> {
  const res = await saveFile(pdf.fileName, pdf.pdf, 'application/pdf');
  if (!res.ok) return { kind: 'failed' };
  if (!res.value.saved) return { kind: 'notSaved' };
  const recorded = await call(recordOp, { token: pdf.token });
  if (recorded.ok) await invalidateCore(['forms', 'reports', 'audit']);
  return { kind: 'saved', path: res.value.path, recorded: recorded.ok };
}
