/**
 * The clinic's attorney (or accredited representative) block, set once and
 * printed on every G-28. Kept in the vault's `settings` table.
 */
import { AppError } from '../../../../shared/errors';
import type { AttorneyInput } from '../../../../shared/forms/adapter';
import type { AttorneySettings } from '../../../../shared/views';
import { audit } from '../../audit';
import type { Ctx } from '../../context';

export const ATTORNEY_KEY = 'forms.attorney';

interface SettingRow {
  value: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export function getAttorney(ctx: Ctx): AttorneySettings {
  const row = ctx.db.prepare('SELECT value, version, updated_at, updated_by FROM settings WHERE key = ?').get(ATTORNEY_KEY) as
    SettingRow | undefined;
  if (!row) return { attorney: null, version: null, updatedAt: null, updatedBy: null };
  return {
    attorney: JSON.parse(row.value) as AttorneyInput | null,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Saves (or, with null, clears) the block. With `version`, refuses to overwrite someone else's newer save. */
export function setAttorney(ctx: Ctx, attorney: AttorneyInput | null, version?: number): AttorneySettings {
  ctx.db.transaction(() => {
    const current = getAttorney(ctx);
    if (version !== undefined && current.version !== null && current.version !== version) {
      throw new AppError('STALE_WRITE', 'Someone changed the attorney details since you opened them. Reload them and try again.');
    }
    ctx.db
      .prepare(
        `INSERT INTO settings(key, value, version, updated_at, updated_by) VALUES (@key, @value, 1, @now, @actor)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ key: ATTORNEY_KEY, value: JSON.stringify(attorney), now: ctx.now(), actor: ctx.actor });
    audit(ctx, 'forms.setAttorney', 'settings', ATTORNEY_KEY);
  })();
  return getAttorney(ctx);
}
