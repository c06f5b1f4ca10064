/**
 * The watched exchange folder: on unlock and every few minutes while
 * unlocked, the vault writes its outgoing bundle there (when it has
 * something new) and imports the bundles others left. The folder can be a
 * USB stick, a share, or a folder Syncthing keeps in step; Amparo opens no
 * socket. A refused bundle is counted, never fatal; a missing folder (the
 * stick is out) is reported in the status and tried again next time.
 */
import { AppError } from '../../../shared/errors';
import type { ExchangeWatchView } from '../../../shared/exchange';
import type { Ctx } from '../context';
import type { DB } from '../db/connection';
import type { JobRunner } from '../jobs';
import { membership } from './clinic';
import { exportBundle, importBundles } from './service';

const KEY = 'exchange.watchFolder';
/** How often a watched folder is synced while unlocked. */
export const WATCH_EVERY_MS = 5 * 60_000;
/** How often the watcher looks whether a sync is due (an unlock is noticed within this). */
const TICK_MS = 15_000;

export const watchFolderOf = (db: DB): string | null =>
  (db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined)?.value ?? null;

export function setWatchFolder(db: DB, dir: string | null): void {
  if (dir === null) db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
  else db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, dir);
}

export class Watcher {
  private last: ExchangeWatchView['last'] = null;
  private lastDb: DB | null = null;
  private lastAt = 0;
  private running = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ctx: () => Ctx,
    private readonly jobs: JobRunner,
  ) {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    // Never keeps a CLI process or a test alive.
    this.timer.unref();
  }

  status(): ExchangeWatchView {
    return { folder: watchFolderOf(this.ctx().db), last: this.last };
  }

  /** Due at the first tick after each unlock (a new connection), then every WATCH_EVERY_MS. */
  private due(db: DB): boolean {
    return db !== this.lastDb || Date.now() - this.lastAt >= WATCH_EVERY_MS;
  }

  private async tick(): Promise<void> {
    let c: Ctx;
    try {
      c = this.ctx();
    } catch {
      return; // locked
    }
    if (this.running || !this.due(c.db) || !watchFolderOf(c.db) || !membership(c.db)) return;
    await this.syncNow();
  }

  async syncNow(): Promise<ExchangeWatchView> {
    if (this.running) return this.status();
    this.running = true;
    const leave = await this.jobs.enter();
    try {
      const c = this.ctx();
      const dir = watchFolderOf(c.db);
      if (!dir) throw new AppError('INVALID_INPUT', 'No exchange folder is set.');
      this.lastDb = c.db;
      this.lastAt = Date.now();
      try {
        const out = exportBundle(c.db, dir, { now: c.now(), skipEmpty: true });
        const m = membership(c.db);
        const s = m && m.role !== 'field' ? importBundles(c, [dir]) : null;
        this.last = { at: c.now(), exported: out?.changes ?? 0, imported: s, error: null };
      } catch (e) {
        this.last = { at: c.now(), exported: 0, imported: null, error: e instanceof AppError ? e.code : 'INTERNAL' };
      }
      return this.status();
    } finally {
      leave();
      this.running = false;
    }
  }
}
