import type { FeatureHandlers } from '../handlers';
import type { JobRunner } from './runner';

/** jobs.*: the same five operations for every kind of job. */
export function jobHandlers(runner: JobRunner): FeatureHandlers<'jobs'> {
  return {
    'jobs.status': ({ jobId }) => runner.status(jobId),
    'jobs.list': ({ kind }) => runner.list(kind),
    'jobs.result': ({ jobId, index }) => runner.result(jobId, index),
    'jobs.cancel': ({ jobId }) => runner.cancel(jobId),
    'jobs.discard': async ({ jobId }) => {
      await runner.discard(jobId);
      return { discarded: true as const };
    },
  };
}
