/**
 * An independent day count for the worked examples: plain Date arithmetic
 * and a list of observed federal holidays typed by hand from the calendar,
 * sharing no code with shared/deadlines. The tests check the engine against
 * hand-computed dates and this helper against the same dates, so a wrong hand
 * count and a wrong engine cannot agree by accident.
 */
const HOLIDAYS = new Set([
  // 2018-2020 (only the ones the examples cross)
  '2018-11-22',
  '2018-12-25',
  '2019-11-28',
  '2019-12-25',
  '2020-01-01',
  '2020-11-26',
  '2020-12-25',
  '2021-01-01',
  // 2024
  '2024-01-01',
  '2024-01-15',
  '2024-02-19',
  '2024-05-27',
  '2024-06-19',
  '2024-07-04',
  '2024-09-02',
  '2024-10-14',
  '2024-11-11',
  '2024-11-28',
  '2024-12-25',
  // 2025
  '2025-01-01',
  '2025-01-20',
  '2025-02-17',
  '2025-05-26',
  '2025-06-19',
  '2025-07-04',
  '2025-09-01',
  '2025-10-13',
  '2025-11-11',
  '2025-11-27',
  '2025-12-25',
  // 2026 (July 4 is a Saturday: observed Friday July 3)
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  // 2027 (June 19 Sat -> Fri 18, July 4 Sun -> Mon 5, Dec 25 Sat -> Fri 24, Jan 1 2028 Sat -> Fri Dec 31)
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-06-18',
  '2027-07-05',
  '2027-09-06',
  '2027-10-11',
  '2027-11-11',
  '2027-11-25',
  '2027-12-24',
  '2027-12-31',
  // 2028 (Nov 11 Sat -> Fri 10)
  '2028-01-17',
  '2028-02-21',
  '2028-05-29',
  '2028-06-19',
  '2028-07-04',
  '2028-09-04',
  '2028-10-09',
  '2028-11-10',
  '2028-11-23',
  '2028-12-25',
  // 2029 (Nov 11 Sun -> Mon 12)
  '2029-01-01',
  '2029-01-15',
  '2029-02-19',
  '2029-05-28',
  '2029-06-19',
  '2029-07-04',
  '2029-09-03',
  '2029-10-08',
  '2029-11-12',
  '2029-11-22',
  '2029-12-25',
]);

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const plus = (d: string, n: number) => fromMs(toMs(d) + n * DAY);

export function isOff(d: string, extra: ReadonlySet<string> = new Set()): boolean {
  const wd = new Date(toMs(d)).getUTCDay();
  return wd === 0 || wd === 6 || HOLIDAYS.has(d) || extra.has(d);
}

/** The first day on or after `d` that is open. */
export function nextOpen(d: string, extra: ReadonlySet<string> = new Set()): string {
  let x = d;
  while (isOff(x, extra)) x = plus(x, 1);
  return x;
}

/** The last day on or before `d` that is open. */
export function prevOpen(d: string, extra: ReadonlySet<string> = new Set()): string {
  let x = d;
  while (isOff(x, extra)) x = plus(x, -1);
  return x;
}

/** `n` business days after `d`, walking one day at a time. */
export function businessDaysAfter(d: string, n: number): string {
  let x = d;
  for (let left = n; left > 0;) {
    x = plus(x, 1);
    if (!isOff(x)) left -= 1;
  }
  return x;
}

/** `n` clock days after `d`, one day at a time, skipping the days after each stop's start up to its end. */
export function clockDaysAfter(d: string, n: number, stops: ReadonlyArray<{ from: string; to: string }>): string {
  let x = d;
  for (let left = n; left > 0;) {
    x = plus(x, 1);
    if (!stops.some((s) => s.from < x && x <= s.to)) left -= 1;
  }
  return x;
}
