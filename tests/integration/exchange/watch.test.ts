import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { PASS } from '../../helpers/env';
import { clinicOf, hashOf, quick, type Device } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

describe('the watched exchange folder', () => {
  it('sync now writes the outgoing bundle and imports the others; after an unlock the vault syncs by itself', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [Device, Device];
    const shared = join(c.root, 'stick');
    mkdirSync(shared);
    for (const d of c.devices) await d.core.call('exchange.setWatchFolder', { dir: shared });
    const p = await quick(lead, 'Rosa', 'Quispe');
    const fromLead = await lead.core.call('exchange.syncNow', {});
    expect(fromLead.last?.exported).toBeGreaterThan(0);
    const onMember = await member.core.call('exchange.syncNow', {});
    expect(onMember.last?.imported?.changes).toBe(fromLead.last?.exported);
    expect((await member.core.call('people.get', { id: p.id })).person.givenName).toBe('Rosa');

    // A write on the member, then lock and unlock the lead: the lead's watcher imports it without being asked.
    const q = await quick(member, 'Ana', 'Tzul');
    await member.core.call('exchange.syncNow', {});
    await lead.core.call('vault.lock', {});
    await lead.core.call('vault.unlock', { passphrase: PASS });
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const s = await lead.core.call('exchange.watchStatus', {});
      if (s.last?.imported?.changes) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await lead.core.call('people.get', { id: q.id })).person.familyName).toBe('Tzul');
    expect(hashOf(lead)).toBe(hashOf(member));
  }, 150_000);
});
