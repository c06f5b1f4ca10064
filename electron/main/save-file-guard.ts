/**
 * The checks on `window.amparo.saveFile(name, bytes, mime)` before a save
 * dialog opens. No `electron` import, so it is unit-tested directly;
 * save-file.ts hands in the sender frame like ipc.ts does.
 *
 * The name is only a suggestion shown in the dialog: the user picks the real
 * place. It still must be a bare file name (no folder, nothing a file system
 * would read as a path or a stream), and the content one of the kinds Amparo
 * produces.
 */
import type { Result } from '../../shared/errors';
import type { IpcSender } from './ipc-guard';
import { isAppUrl } from './security';

export const MAX_SAVE_BYTES = 100 * 1024 * 1024;
export const MAX_SAVE_NAME = 200;

/** What the renderer may save, with the extension and the dialog's filter label. */
export const SAVE_MIMES = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'text/csv': { ext: 'csv', label: 'CSV' },
  'text/calendar': { ext: 'ics', label: 'Calendar (iCalendar)' },
  // Clinic join requests and acceptances (public keys and sealed keys, never a record).
  'application/json': { ext: 'json', label: 'Amparo join file' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'Excel workbook' },
} as const;
export type SaveMime = keyof typeof SAVE_MIMES;

export interface SaveFileRequest {
  /** The suggested name, with the extension the mime calls for. */
  name: string;
  bytes: Buffer;
  mime: SaveMime;
}

/** Path separators, characters Windows refuses (":" also opens NTFS streams), and control/format characters. */
const BAD_NAME = /[\\/:*?"<>|\p{Cc}\p{Cf}]/u;

const invalid = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });
const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the Amparo window.' } };

export function validateSaveFile(sender: IpcSender, name: unknown, data: unknown, mime: unknown): Result<SaveFileRequest> {
  if (!sender || sender.isTopFrame !== true || !isAppUrl(sender.url)) return forbidden;
  if (typeof mime !== 'string' || !Object.prototype.hasOwnProperty.call(SAVE_MIMES, mime))
    return invalid('Amparo cannot save this kind of file.');
  if (typeof name !== 'string') return invalid('The file name is not valid.');
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '' || trimmed.length > MAX_SAVE_NAME || BAD_NAME.test(trimmed) || /^\.+$/.test(trimmed)) {
    return invalid('The file name is not valid.');
  }
  // Bytes as structured clone carries them (no base64 round trip); anything else is refused.
  if (!(data instanceof Uint8Array)) return invalid('The file content is not valid.');
  if (data.byteLength > MAX_SAVE_BYTES) return invalid('The file is too large to save.');
  const { ext } = SAVE_MIMES[mime as SaveMime];
  const withExt = trimmed.toLowerCase().endsWith(`.${ext}`) ? trimmed : `${trimmed}.${ext}`;
  if (withExt.length > MAX_SAVE_NAME + ext.length + 1) return invalid('The file name is not valid.');
  return { ok: true, value: { name: withExt, bytes: Buffer.from(data.buffer, data.byteOffset, data.byteLength), mime: mime as SaveMime } };
}
