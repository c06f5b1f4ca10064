import { AppError } from '../../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../../shared/contract';
import type { Ctx } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import { commitImport, previewImport } from './import';
import { exportPeopleCsv } from './export';
import { importTemplate } from './template';

function bytesOf(dataBase64: string): Uint8Array {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError('CSV_INVALID', 'This file is larger than 50 MB. Split it into smaller files and import them one by one.');
  return bytes;
}

export interface ImportHandlerOptions {
  /** Where resources/ lives in a packaged app; the source tree's by default. */
  resourcesDir?: string;
}

export function importHandlers(ctx: () => Ctx, opts: ImportHandlerOptions = {}): FeatureHandlers<'import'> {
  return {
    'import.preview': ({ dataBase64, mapping }) => previewImport(ctx(), { bytes: bytesOf(dataBase64), mapping }),
    'import.commit': ({ dataBase64, mapping, choices }) => commitImport(ctx(), { bytes: bytesOf(dataBase64), mapping, choices }),
    'import.template': () => importTemplate(opts.resourcesDir),
    'import.exportCsv': ({ ids }) => exportPeopleCsv(ctx(), ids),
  };
}
