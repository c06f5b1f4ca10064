import { describe, it, expect } from 'vitest';
import { createReminders, reminderText } from '../../../electron/main/reminders';
import type { ReminderList } from '../../../shared/views';

/** `count` items in all, one of them overdue (when there is any). */
const list = (count: number): ReminderList => ({
  withinDays: 3,
  count,
  dueSoon: Math.max(0, count - 1),
  overdue: Math.min(1, count),
  detained: 2,
  items: [],
});

describe('desktop reminders', () => {
  it('say counts only, in the UI language, and nothing when nothing is due', () => {
    expect(reminderText(list(0), 'en')).toBeNull();
    const en = reminderText(list(4), 'en')!;
    // 4 items, 1 of them overdue: 3 are due within the window.
    expect(en.body).toMatch(/^3 deadlines due within 3 days \(1 overdue, 2 for detained people\)/);
    expect(reminderText(list(4), 'es')!.body).toMatch(/^3 plazos vencen en 3 días/);
  });

  it('never count an overdue deadline as due within the window (issue 8)', () => {
    const onlyOverdue: ReminderList = { withinDays: 3, count: 1, dueSoon: 0, overdue: 1, detained: 0, items: [] };
    const text = reminderText(onlyOverdue, 'en')!;
    expect(text).not.toBeNull();
    expect(text.body).toMatch(/^0 deadlines due within 3 days \(1 overdue/);
  });

  it('notify at unlock, then again only after a day, and stop at lock', async () => {
    let clock = 0;
    const shown: string[] = [];
    let tick: (() => void) | null = null;
    let cleared = false;
    const r = createReminders({
      fetch: async () => list(2),
      notify: (t) => shown.push(t.body),
      lang: () => 'en',
      now: () => clock,
      setInterval: (fn) => {
        tick = fn;
        return 1;
      },
      clearInterval: () => {
        cleared = true;
      },
    });
    await r.onUnlock();
    expect(shown).toHaveLength(1);
    clock += 60 * 60 * 1000;
    tick!();
    await Promise.resolve();
    expect(shown).toHaveLength(1);
    clock += 24 * 60 * 60 * 1000;
    tick!();
    await new Promise((res) => setImmediate(res));
    expect(shown).toHaveLength(2);
    r.onLock();
    expect(cleared).toBe(true);
  });

  it('stay quiet when the core cannot answer (locked, error)', async () => {
    const shown: unknown[] = [];
    const r = createReminders({
      fetch: async () => Promise.reject(new Error('locked')),
      notify: (t) => shown.push(t),
      lang: () => 'en',
      setInterval: () => 1,
      clearInterval: () => {},
    });
    await r.onUnlock();
    expect(shown).toEqual([]);
  });
});
