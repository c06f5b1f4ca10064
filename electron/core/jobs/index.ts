/** Long work with progress, cancel and a result: `Job` (job.ts) and the one runner for all of it (runner.ts). */
export { Job, runJob, type JobOptions, type Progress } from './job';
export { JobRunner, inTransaction, type JobSpec } from './runner';
