/**
 * clinic.lastBundles, the devices list's "last bundle received": empty until
 * a bundle from a device is applied, then that device with the import's time;
 * lead-only through the contract like the rest of the devices screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicOf, deviceIdOf, quick, receive, send, type Device } from './helpers';

let c: Awaited<ReturnType<typeof clinicOf>>;
let lead: Device;
let member: Device;

beforeAll(async () => {
  c = await clinicOf(1);
  [lead, member] = c.devices as [Device, Device];
});
afterAll(() => c.cleanup());

describe('clinic.lastBundles', () => {
  it('lists a device only once one of its bundles was applied here', async () => {
    expect(await lead.core.call('clinic.lastBundles', {})).toEqual([]);
    await quick(member, 'Rosa', 'Quispe Mamani');
    receive(lead, send(c.root, member, lead).file);
    const seen = await lead.core.call('clinic.lastBundles', {});
    expect(seen).toHaveLength(1);
    expect(seen[0]!.deviceId).toBe(deviceIdOf(member));
    expect(Number.isNaN(Date.parse(seen[0]!.lastBundleAt))).toBe(false);
    // The member has applied nothing from the lead yet.
    expect(await member.core.call('clinic.lastBundles', {})).toEqual([]);
  });
});
