/**
 * The in-app reminder: on unlock and again each new day, deadlines due
 * within 3 days (overdue ones included) are counted and shown in a banner
 * that links to the docket. No client names: just counts. Dismissing hides
 * it until the next day's check or the next unlock. (Desktop notifications
 * are the Electron shell's job, from the same reminders.due op.)
 */
import { useEffect, useRef, useState } from 'react';
import { invalidateCore, useCoreQuery } from '../../query';
import { useI18n } from '../../i18n';
import { localToday } from '../deadlines/format';
import { useRunningReconcile } from '../tps/TpsPage';

export const REMINDER_DAYS = 3;

/** The count follows work done elsewhere in the app: every write that changes a deadline refetches `reminders`. */
export function ReminderBanner({ onOpenDocket }: { onOpenDocket(): void }) {
  const { t } = useI18n();
  const [day, setDay] = useState(localToday);
  const { data: list } = useCoreQuery('reminders.due', { withinDays: REMINDER_DAYS, includeNames: false });
  // The TPS update started at unlock changes deadlines with no write from this window; its end refetches the count.
  useRunningReconcile();
  const [dismissedOn, setDismissedOn] = useState<string | null>(null);

  // Once a minute, notice that the date has changed (a laptop left open overnight).
  useEffect(() => {
    const timer = setInterval(() => setDay(localToday()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // A new day changes what is due without any write: count again.
  const countedOn = useRef(day);
  useEffect(() => {
    if (countedOn.current === day) return;
    countedOn.current = day;
    void invalidateCore(['reminders']);
  }, [day]);

  if (!list || list.count === 0 || dismissedOn === day) return null;
  const urgent = list.overdue > 0;
  return (
    <div className={`reminder-banner${urgent ? ' reminder-banner--urgent' : ''}`} role={urgent ? 'alert' : 'status'}>
      <p className="reminder-text">
        {/* Overdue items are counted apart: "due within 3 days" must not include them. */}
        {list.dueSoon ? <strong>{t('reminders.count', { count: list.dueSoon, days: REMINDER_DAYS })}</strong> : null}
        {list.overdue ? <span> {t('reminders.overdue', { count: list.overdue })}</span> : null}
        {list.detained ? <span> {t('reminders.detained', { count: list.detained })}</span> : null}
      </p>
      <div className="reminder-actions">
        <button type="button" className="btn btn-small" onClick={onOpenDocket}>
          {t('reminders.open')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-quiet"
          onClick={() => setDismissedOn(day)}
          aria-label={t('reminders.dismissLabel')}
        >
          {t('reminders.dismiss')}
        </button>
      </div>
    </div>
  );
}
