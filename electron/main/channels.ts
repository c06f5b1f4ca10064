/**
 * IPC channel names, shared by main and preload. Kept in a file of its own so
 * the preload bundle pulls in nothing else from the main process.
 */
export const IPC_CALL_CHANNEL = 'amparo:call';
/** Native save dialog + write (main/save-file.ts); arguments: name, bytes (Uint8Array), mime. */
export const IPC_SAVE_FILE_CHANNEL = 'amparo:save-file';
