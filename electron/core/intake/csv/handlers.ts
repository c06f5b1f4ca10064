import { AppError } from '../../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../../shared/contract';
import type { Ctx } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import type { JobRunner } from '../../jobs';
import { COMMIT_PHASES, commitWithJob, IMPORT_CANCELLED, previewImport } from './import';
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
  /** The core's job runner: import.commit runs on it, so the UI can follow and cancel it. */
  jobs: JobRunner;
}

export function importHandlers(ctx: () => Ctx, opts: ImportHandlerOptions): FeatureHandlers<'import'> {
  return {
    'import.preview': ({ dataBase64, mapping }) => previewImport(ctx(), { bytes: bytesOf(dataBase64), mapping }),
    'import.commit': ({ dataBase64, mapping, choices }) => {
      const c = ctx();
      const bytes = bytesOf(dataBase64);
      return opts.jobs.start({
        kind: 'import.commit',
        db: c.db,
        phases: COMMIT_PHASES,
        // One transaction across yields: every other operation waits until it commits or rolls back.
        exclusive: true,
        maxRunning: 1,
        busyMessage: 'Another import is still running. Wait for it to finish, or cancel it.',
        cancelMessage: IMPORT_CANCELLED,
        run: (job) => commitWithJob(c, { bytes, mapping, choices }, job),
        result: (_index, value) => {
          if (!value) throw new AppError('INVALID_INPUT', 'The import has not finished yet.');
          return { kind: 'import.commit', result: value };
        },
      });
    },
    'import.template': () => importTemplate(opts.resourcesDir),
    'import.exportCsv': ({ ids }) => exportPeopleCsv(ctx(), ids),
  };
}
