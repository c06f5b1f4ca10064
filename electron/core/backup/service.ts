/**
 * Backups of the open vault as the app runs them: settings (folder, interval,
 * rotation) in the vault's `settings` table, the last good backup and the
 * last problem in `meta` (so a stick unplugged at lock is reported at the
 * next unlock), automatic backups at lock and quit and at most once per
 * interval, and rotation after each good backup.
 */
import { statSync, unlinkSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupProblem, BackupSettings, BackupStatus, BackupWritten } from '../../../shared/views';
import type { Ctx } from '../context';
import type { DB } from '../db/connection';
import { audit } from '../audit';
import type { Job } from '../jobs/job';
import { parseBackupFileName } from './format';
import { DEFAULT_KEEP, toRemove } from './rotation';
import { folderUnavailable, writeBackup } from './write';

const SETTINGS_KEY = 'backup.settings';
const LAST_KEY = 'backup.last';
const PROBLEM_KEY = 'backup.problem';
const HOUR_MS = 3_600_000;

export const DEFAULT_SETTINGS: BackupSettings = { folder: null, intervalHours: 24, keep: DEFAULT_KEEP };

function readJson<T>(db: DB, sql: string, key: string): T | null {
  const raw = db.prepare(sql).pluck().get(key) as string | undefined;
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function getSettings(db: DB): BackupSettings {
  const stored = readJson<Partial<BackupSettings>>(db, 'SELECT value FROM settings WHERE key = ?', SETTINGS_KEY);
  return { ...DEFAULT_SETTINGS, ...stored, keep: { ...DEFAULT_KEEP, ...stored?.keep } };
}

const getMeta = <T>(db: DB, key: string) => readJson<T>(db, 'SELECT value FROM meta WHERE key = ?', key);
function setMeta(db: DB, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else
    db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      JSON.stringify(value),
    );
}

/** A folder must exist now and must not be the vault's own folder (a backup there is lost with the laptop). */
function checkFolder(folder: string, dbPath: string): string {
  if (!isAbsolute(folder)) throw new AppError('INVALID_INPUT', 'Give the backup folder as a full path.');
  const dir = resolve(folder);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw folderUnavailable();
  if (dir === resolve(dirname(dbPath))) {
    throw new AppError('INVALID_INPUT', 'Choose a folder outside the vault folder: a backup there is lost with this computer.');
  }
  return dir;
}

export function setSettings(ctx: Ctx, dbPath: string, next: BackupSettings): BackupSettings {
  const value: BackupSettings = { ...next, folder: next.folder === null ? null : checkFolder(next.folder, dbPath) };
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO settings(key, value, version, updated_at, updated_by) VALUES (@key, @value, 1, @now, @actor)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ key: SETTINGS_KEY, value: JSON.stringify(value), now: ctx.now(), actor: ctx.actor });
    audit(ctx, 'backup.setSettings', 'settings', SETTINGS_KEY);
  })();
  return value;
}

export function backupStatus(db: DB, now: number = Date.now()): BackupStatus {
  const settings = getSettings(db);
  const last = getMeta<BackupStatus['last']>(db, LAST_KEY);
  const limit = (settings.intervalHours + 24) * HOUR_MS;
  const stale = settings.folder !== null && (last === null || now - Date.parse(last.at) > limit);
  return { settings, last, stale, problem: getMeta<BackupProblem>(db, PROBLEM_KEY) };
}

/** An automatic backup is due once per interval since the last good one. */
export function isDue(db: DB, now: number = Date.now()): boolean {
  const { settings, last } = backupStatus(db, now);
  if (settings.folder === null) return false;
  return last === null || now - Date.parse(last.at) >= settings.intervalHours * HOUR_MS;
}

/** Removes this vault's backups that rotation no longer keeps; failed ones and other vaults' files are left alone. */
function rotate(folder: string, vaultId: string, settings: BackupSettings): number {
  const mine = readdirSync(folder)
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((b) => b.parsed && !b.parsed.failed && b.parsed.vaultPrefix === vaultId.slice(0, 8))
    .map((b) => ({ file: join(folder, b.name), at: b.parsed!.at }));
  let removed = 0;
  for (const file of toRemove(mine, settings.keep)) {
    try {
      unlinkSync(file);
      removed++;
    } catch {
      // Removed by someone else, or a read-only share: the next rotation tries again.
    }
  }
  return removed;
}

export interface BackupTarget {
  db: DB;
  keyslotsPath: string;
}

/** One backup into the configured folder, verified, then rotation. A failure is recorded for the next unlock, then thrown. */
export async function backupNow(
  target: BackupTarget,
  when: BackupProblem['when'],
  job?: Job,
  now: Date = new Date(),
): Promise<BackupWritten> {
  const { db } = target;
  const settings = getSettings(db);
  if (settings.folder === null) throw new AppError('INVALID_INPUT', 'Choose a backup folder in Settings first.');
  try {
    const written = await writeBackup({ db, keyslotsPath: target.keyslotsPath, dir: settings.folder, now, ...(job ? { job } : {}) });
    setMeta(db, LAST_KEY, { file: written.file, at: written.header.createdAt, size: written.size });
    setMeta(db, PROBLEM_KEY, null);
    const removed = rotate(settings.folder, written.header.vaultId, settings);
    return { file: written.file, createdAt: written.header.createdAt, size: written.size, removed };
  } catch (e) {
    const code = e instanceof AppError ? e.code : 'INTERNAL';
    if (code !== 'CANCELLED' && db.open) setMeta(db, PROBLEM_KEY, { code, at: now.toISOString(), when } satisfies BackupProblem);
    throw e;
  }
}
