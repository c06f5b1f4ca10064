import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { parseFieldMap, type FieldMap } from '../../../shared/forms/map-schema';

import { defaultResourcesDir } from './resources-dir';

export { defaultResourcesDir };

/** Reads and validates `resources/forms/<form>/<edition>.json`. */
export async function loadFieldMap(form: string, edition: string, resourcesDir = defaultResourcesDir()): Promise<FieldMap> {
  if (!/^[a-z0-9-]+$/.test(form) || !/^[A-Za-z0-9.-]+$/.test(edition)) {
    throw new AppError('INVALID_INPUT', 'Unknown form or edition');
  }
  let text: string;
  try {
    text = await readFile(join(resourcesDir, 'forms', form, `${edition}.json`), 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', 'No field map for this form edition', { form, edition });
  }
  return parseFieldMap(JSON.parse(text) as unknown);
}
