/**
 * The renderer's whole view of the main process: `window.amparo.call(name, input)`.
 * Runs sandboxed with context isolation, bundled to CommonJS by esbuild; it may
 * require nothing but `electron`. Never expose `ipcRenderer` or a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_CALL_CHANNEL } from '../main/channels';

const api = Object.freeze({
  /** Exactly two arguments cross; the main process checks both before the core sees them. */
  call: (name: string, input?: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input),
  platform: process.platform,
});

export type AmparoPreloadApi = typeof api;

contextBridge.exposeInMainWorld('amparo', api);
