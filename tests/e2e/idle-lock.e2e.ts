/** A laptop left open at a training locks itself: idle time locks the vault, activity keeps it open. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser';

let s: Session;

beforeAll(async () => {
  s = await openSession();
  await s.harness.core.call('vault.create', { passphrase: 'idle lock test passphrase' });
});
afterEach(() => expect(s.problems).toEqual([]));
afterAll(async () => s?.close());

describe('idle lock', () => {
  it('locks after the idle time, but not while someone is typing', async () => {
    const { page, harness } = s;
    // The harness URL may only shorten the 15-minute idle time (here to 3 s), never lengthen it.
    await page.goto(harness.launchUrl.replace('/#', '/?idleLockMs=3000#'));
    await page.getByRole('navigation').waitFor();
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(1000);
      await page.keyboard.press('Shift');
    }
    expect(harness.core.vault.unlocked).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Unlock Amparo' }).waitFor({ timeout: 10_000 });
    expect(harness.core.vault.unlocked).toBe(false);
  });
});
