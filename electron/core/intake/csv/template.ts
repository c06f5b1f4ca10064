import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../../shared/errors';

export const TEMPLATE_FILE_NAME = 'amparo-intake-template.csv';

/** `resources/` of the source tree; a packaged app passes its own resources folder. */
export const sourceResourcesDir = (): string => fileURLToPath(new URL('../../../../resources/', import.meta.url));

/** The template from resources/templates, with a BOM so Excel reads the accents as UTF-8. */
export async function importTemplate(resourcesDir = sourceResourcesDir()): Promise<{ fileName: string; csv: string }> {
  try {
    const text = await readFile(join(resourcesDir, 'templates', 'intake-template.csv'), 'utf8');
    return { fileName: TEMPLATE_FILE_NAME, csv: '\uFEFF' + text.replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n') };
  } catch {
    throw new AppError('NOT_FOUND', 'The import template is missing from this installation.');
  }
}
