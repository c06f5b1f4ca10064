import type { DeadlineViewFlag } from '../../../../shared/views';
import { useI18n } from '../../i18n';

/** Verify, override, closure and done markers, each with words (never colour alone). */
export function DeadlineFlags({
  verify,
  overridden,
  flags,
  done,
}: {
  verify: boolean;
  overridden: boolean;
  flags: readonly DeadlineViewFlag[];
  done?: boolean;
}) {
  const { t } = useI18n();
  const items: Array<{ key: string; label: string; title: string; tone: 'danger' | 'warning' | 'info' | 'ok' }> = [];
  if (done) items.push({ key: 'done', label: t('badge.done'), title: t('badge.done'), tone: 'ok' });
  if (verify) items.push({ key: 'verify', label: t('badge.verify'), title: t('badge.verifyTitle'), tone: 'warning' });
  if (overridden) items.push({ key: 'override', label: t('badge.overridden'), title: t('badge.overriddenTitle'), tone: 'info' });
  if (flags.includes('override-stale'))
    items.push({ key: 'override-stale', label: t('badge.overrideStale'), title: t('badge.overrideStaleTitle'), tone: 'danger' });
  if (flags.includes('closure')) items.push({ key: 'closure', label: t('badge.closure'), title: t('badge.closureTitle'), tone: 'warning' });
  if (flags.includes('over-max'))
    items.push({ key: 'over-max', label: t('badge.overMax'), title: t('badge.overMaxTitle'), tone: 'danger' });
  if (flags.includes('changed-after-done'))
    items.push({ key: 'changed-after-done', label: t('badge.changedAfterDone'), title: t('badge.changedAfterDoneTitle'), tone: 'danger' });
  if (items.length === 0) return null;
  return (
    <ul className="badge-list">
      {items.map((i) => (
        <li key={i.key} className={`pill pill--${i.tone}`} title={i.title} data-flag={i.key}>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
