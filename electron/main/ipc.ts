/**
 * The Electron IPC transport: one invoke channel, checked by the pure guard in
 * ipc-guard.ts (sender frame, op name, input shape and size), then handed to
 * the core, which parses the input again with the contract's zod schema.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app';
import type { Result } from '../../shared/errors';
import { IPC_CALL_CHANNEL } from './channels';
import { validateIpcCall } from './ipc-guard';

/** Told about every successful call, so the shell can react (reminders after unlock). */
export type AfterCall = (name: string, result: Result<unknown>) => void;

export function registerIpc(core: Pick<Core, 'dispatch'>, afterCall: AfterCall = () => {}): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const checked = validateIpcCall({ url: frame?.url, isTopFrame: frame != null && frame.parent === null }, name, input);
    if (!checked.ok) return checked;
    try {
      const result = await core.dispatch(checked.value.name, checked.value.input);
      afterCall(checked.value.name, result);
      return result;
    } catch {
      // dispatch turns failures into values; this is a last fence that says nothing specific.
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Amparo. Your saved data is unchanged.' } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}
