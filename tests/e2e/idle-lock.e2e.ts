/**
 * A laptop left open at a training locks itself: 15 idle minutes lock the
 * vault, activity keeps it open. The page runs on Playwright's fake clock, so
 * the test moves time itself (the shipped 15 minutes, not a shortened value)
 * and waits for states, never for the wall clock: a busy machine cannot make
 * it pass or fail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harnessCall, openSession, type Session } from './browser';

let s: Session;

const MINUTE = 60_000;
const IDLE = 15 * MINUTE;

beforeAll(async () => {
  s = await openSession();
  await harnessCall(s.harness, 'vault.create', { passphrase: 'idle lock test passphrase' });
});
afterEach(() => expect(s.problems).toEqual([]));
afterAll(async () => s?.close());

const unlocked = async () => (await harnessCall(s.harness, 'vault.status', {})).unlocked;

describe('idle lock', () => {
  it('locks after 15 idle minutes, and activity starts the 15 minutes again', async () => {
    const { page, harness } = s;
    // Time flows normally while the app loads, then stops: from here on only runFor() moves it.
    await page.clock.install();
    await page.goto(harness.launchUrl);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    // A minute ahead of the page's clock, so the jump can never land in its past; it fires nothing due in 15 minutes.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + MINUTE);

    // A key press starts the idle time from a known instant.
    await page.keyboard.press('Shift');
    await page.clock.runFor(IDLE - 1000);
    expect(await unlocked()).toBe(true);
    expect(await nav.isVisible()).toBe(true);

    // Activity 1 s before the lock: another full 15 minutes (29 min 58 s in all) and still open.
    await page.keyboard.press('Shift');
    await page.clock.runFor(IDLE - 1000);
    expect(await unlocked()).toBe(true);
    expect(await nav.isVisible()).toBe(true);

    // The last 2 s of quiet: the lock screen, and the core's vault is closed.
    await page.clock.runFor(2000);
    await page.getByRole('heading', { level: 1, name: 'Unlock Amparo' }).waitFor();
    expect(await unlocked()).toBe(false);
  });
});
