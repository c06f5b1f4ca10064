/**
 * `window.amparo.saveFile`: a native save dialog, then an atomic write of the
 * bytes to the place the user chose. The only way the renderer can put a file
 * on disk (downloads are refused in main.ts), so client data lands only where
 * the user says.
 */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { Result } from '../../shared/errors';
import { writeFileAtomic } from '../core/files';
import { IPC_SAVE_FILE_CHANNEL } from './channels';
import { SAVE_MIMES, validateSaveFile } from './save-file-guard';

export interface SaveFileResult {
  saved: boolean;
  path?: string;
}

export function registerSaveFile(getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(
    IPC_SAVE_FILE_CHANNEL,
    async (event: IpcMainInvokeEvent, name: unknown, data: unknown, mime: unknown): Promise<Result<SaveFileResult>> => {
      const frame = event.senderFrame;
      const checked = validateSaveFile({ url: frame?.url, isTopFrame: frame != null && frame.parent === null }, name, data, mime);
      if (!checked.ok) return checked;
      const { name: fileName, bytes, mime: kind } = checked.value;
      const { ext, label } = SAVE_MIMES[kind];
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: label, extensions: [ext] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = getWindow() ?? BrowserWindow.fromWebContents(event.sender);
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
      try {
        writeFileAtomic(choice.filePath, bytes);
      } catch {
        // The reason only; never the path (it may name the client).
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Amparo could not write the file there. Choose another folder and try again.' },
        };
      }
      return { ok: true, value: { saved: true, path: choice.filePath } };
    },
  );
  return () => ipcMain.removeHandler(IPC_SAVE_FILE_CHANNEL);
}
