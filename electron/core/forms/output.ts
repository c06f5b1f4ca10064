import { writeFileAtomic } from '../files';
import { fillForm, type FillOptions, type FillResult } from './fill';

/**
 * Fills and saves in one step. The file appears only once complete (write
 * to a sibling temp file, then rename), so any error leaves nothing behind.
 */
export async function fillFormToFile(opts: FillOptions & { outPath: string }): Promise<Omit<FillResult, 'bytes'>> {
  const { bytes, ...result } = await fillForm(opts);
  writeFileAtomic(opts.outPath, bytes);
  return result;
}
