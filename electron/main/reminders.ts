/**
 * Desktop reminders for deadlines due within 3 days: at unlock, then once a
 * day while the vault stays unlocked. No `electron` import: main.ts hands in
 * how to ask the core and how to show a notification. The text holds counts
 * only — a notification can appear over a projector at a training.
 */
import type { ReminderList } from '../../shared/views';
import { t, type Lang } from '../../shared/i18n';

export const REMINDER_WINDOW_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function reminderText(list: ReminderList, lang: Lang): { title: string; body: string } | null {
  if (list.count === 0) return null;
  return {
    title: t(lang, 'reminders.title'),
    // `count` in the text is "due within N days": overdue ones are counted apart.
    body: t(lang, 'reminders.body', { count: list.dueSoon, overdue: list.overdue, detained: list.detained, days: list.withinDays }),
  };
}

export interface ReminderDeps {
  fetch(): Promise<ReminderList | null>;
  notify(text: { title: string; body: string }): void;
  lang(): Lang;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function createReminders(deps: ReminderDeps) {
  const now = deps.now ?? Date.now;
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  let timer: unknown = null;
  let lastShown = 0;

  async function show(): Promise<void> {
    lastShown = now();
    const list = await deps.fetch().catch(() => null);
    const text = list && reminderText(list, deps.lang());
    if (text) deps.notify(text);
  }

  return {
    onUnlock(): Promise<void> {
      if (timer === null) {
        timer = every(() => {
          if (now() - lastShown >= DAY_MS) void show();
        }, CHECK_EVERY_MS);
      }
      return show();
    },
    onLock(): void {
      if (timer !== null) stop(timer);
      timer = null;
    },
  };
}
