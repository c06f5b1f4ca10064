import type { UrgencyFlag } from '../../../../shared/intake/urgency';
import { formatDate } from '../../../../shared/i18n/dates';
import { useI18n } from '../../i18n';

/** One line per flag, in words (never colour alone). */
export function useFlagText() {
  const { t, lang } = useI18n();
  return (f: UrgencyFlag): string => {
    const date = f.date ? formatDate(f.date, lang, 'weekday') : '';
    const days = f.daysLeft ?? 0;
    switch (f.code) {
      case 'detained':
        return t('urgency.detained');
      case 'medical':
        return t('urgency.medical', { terms: (f.terms ?? []).join(', ') });
      case 'hearing-soon':
        return days === 0 ? t('urgency.hearingToday', { date }) : t('urgency.hearingIn', { days, date });
      case 'asylum-one-year-within-60-days':
        return t('urgency.asylumIn', { days, date });
      case 'asylum-one-year-passed':
        return t('urgency.asylumPassed', { days: -days, date });
      case 'work-permit-expired':
        return t('urgency.workPermitExpired', { days: -days, date });
      case 'work-permit-expiring':
        return t('urgency.workPermitExpiring', { days, date });
    }
  };
}

export function UrgencyFlags({ flags, live = true, compact = false }: { flags: UrgencyFlag[]; live?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const text = useFlagText();
  return (
    <div className={compact ? 'urgency urgency--compact' : 'urgency'} aria-live={live ? 'polite' : undefined}>
      {!compact ? <h2 className="aside-title">{t('urgency.title')}</h2> : null}
      {flags.length === 0 ? (
        compact ? null : (
          <p className="muted">{t('urgency.none')}</p>
        )
      ) : (
        <ul className="urgency-list">
          {flags.map((f) => (
            <li key={f.code} className={`pill pill--${f.code === 'detained' ? 'warning' : 'danger'}`} data-flag={f.code}>
              <span aria-hidden="true">⚑ </span>
              {text(f)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
