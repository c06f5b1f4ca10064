import type { JobStatus } from '../../shared/views';
import { call } from './api';

/**
 * Follows a core job started from a settings screen: reads jobs.status every
 * `everyMs` while it runs, handing each status to `onStatus` (for a progress
 * bar), and returns the last one (null if the core no longer knows the job).
 */
export async function followJob(jobId: string, everyMs: number, onStatus: (s: JobStatus) => void): Promise<JobStatus | null> {
  let s: JobStatus | null = null;
  for (;;) {
    const r = await call('jobs.status', { jobId });
    if (!r.ok) return s;
    s = r.value;
    onStatus(s);
    if (s.state !== 'running') return s;
    await new Promise((resolve) => window.setTimeout(resolve, everyMs));
  }
}
