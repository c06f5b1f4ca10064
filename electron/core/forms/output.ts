import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { fillForm, type FillOptions, type FillResult } from './fill';

/**
 * Fills and saves in one step. The file appears only once complete (write
 * to a sibling temp file, then rename), so any error leaves nothing behind.
 */
export async function fillFormToFile(opts: FillOptions & { outPath: string }): Promise<Omit<FillResult, 'bytes'>> {
  const { bytes, ...result } = await fillForm(opts);
  await writeFileAtomic(opts.outPath, bytes);
  return result;
}

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx', mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
