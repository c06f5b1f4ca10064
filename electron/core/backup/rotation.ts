/**
 * Which backups rotation keeps: the newest of each of the last `daily` days,
 * `weekly` ISO weeks and `monthly` months that have a backup (the usual
 * grandfather-father-son scheme), counted in UTC. Pure: the caller deletes.
 */
import type { BackupKeep } from '../../../shared/views';

export const DEFAULT_KEEP: BackupKeep = { daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  file: string;
  /** ISO instant. */
  at: string;
}

/** ISO 8601 week of a UTC date, as 'YYYY-Www'. */
export function isoWeek(at: string): string {
  const d = new Date(at.slice(0, 10) + 'T00:00:00Z');
  const dayNum = d.getUTCDay() || 7; // Monday 1 .. Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - dayNum); // the Thursday of this week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function newestPerBucket(sorted: Dated[], bucket: (at: string) => string, count: number, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const b of sorted) {
    const key = bucket(b.at);
    if (seen.has(key)) continue;
    if (seen.size >= count) break;
    seen.add(key);
    keep.add(b.file);
  }
}

/** The files to remove; the newest backup is always kept. */
export function toRemove(backups: Dated[], keep: BackupKeep): string[] {
  const sorted = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const kept = new Set<string>();
  if (sorted[0]) kept.add(sorted[0].file);
  newestPerBucket(sorted, (at) => at.slice(0, 10), keep.daily, kept);
  newestPerBucket(sorted, isoWeek, keep.weekly, kept);
  newestPerBucket(sorted, (at) => at.slice(0, 7), keep.monthly, kept);
  return sorted.filter((b) => !kept.has(b.file)).map((b) => b.file);
}
