/**
 * The renderer's whole view of the main process: `window.amparo.call(name, input)`
 * and `window.amparo.saveFile(name, bytes, mime)`.
 * Runs sandboxed with context isolation, bundled to CommonJS by esbuild; it may
 * require nothing but `electron`. Never expose `ipcRenderer` or a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_CALL_CHANNEL, IPC_SAVE_FILE_CHANNEL } from '../main/channels';

const api = Object.freeze({
  /** Exactly two arguments cross; the main process checks both before the core sees them. */
  call: (name: string, input?: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input),
  /** Opens a native save dialog in the main process and writes there; the main process checks all three arguments. */
  saveFile: (name: string, bytes: Uint8Array, mime: string): Promise<Result<{ saved: boolean; path?: string }>> =>
    ipcRenderer.invoke(IPC_SAVE_FILE_CHANNEL, name, bytes, mime),
  platform: process.platform,
});

export type AmparoPreloadApi = typeof api;

contextBridge.exposeInMainWorld('amparo', api);
