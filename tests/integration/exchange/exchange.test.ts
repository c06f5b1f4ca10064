import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { clinicOf, dbOf, hashOf, quick, receive, send } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

describe('exchange between two member vaults', () => {
  it('a person written on the lead reaches the member, once, and both states agree', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [typeof c.lead, typeof c.lead];
    const p = await quick(lead, 'Rosa', 'Quispe Mamani');
    const b = send(c.root, lead, member);
    expect(b.changes).toBeGreaterThan(0);
    const header = readFileSync(b.file).toString('latin1');
    expect(header).not.toContain('Quispe');
    const first = receive(member, b.file);
    expect(first.changes).toBe(b.changes);
    expect(await member.core.call('people.get', { id: p.id })).toMatchObject({ person: { givenName: 'Rosa' } });
    expect(hashOf(member)).toBe(hashOf(lead));
    const again = receive(member, b.file);
    expect(again).toMatchObject({ changes: 0, replays: 1 });
    // The search index follows an imported person.
    expect((await member.core.call('people.search', { query: 'Quispe' })).map((r) => r.id)).toEqual([p.id]);
    expect(dbOf(member).prepare('SELECT count(*) AS n FROM person_keys WHERE person_id = ?').get(p.id)).toEqual({ n: expect.any(Number) });
  });

  it('a person imported from another device is found by detention facility, like one typed here', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [typeof c.lead, typeof c.lead];
    const typed = await quick(member, 'Lucía', 'Ajú', { detained: true, facility: 'Otay Mesa Detention Center' });
    const imported = await quick(lead, 'Marta', 'Chocoj', { detained: true, facility: 'Otay Mesa Detention Center' });
    receive(member, send(c.root, lead, member).file);
    const found = (await member.core.call('people.search', { query: 'Otay Mesa' })).map((r) => r.id).sort();
    expect(found).toEqual([typed.id, imported.id].sort());
    // An edit from the other device moves the person to another facility's results.
    const v = await lead.core.call('people.get', { id: imported.id });
    await lead.core.call('people.update', {
      id: imported.id,
      version: v.version,
      data: {
        person: v.person,
        detention: { ...v.detention, facility: 'Adelanto ICE Processing Center' },
        history: v.history,
        family: v.family,
        notes: v.notes,
        urgentNeeds: v.urgentNeeds,
      },
    });
    receive(member, send(c.root, lead, member).file);
    expect((await member.core.call('people.search', { query: 'Adelanto' })).map((r) => r.id)).toEqual([imported.id]);
    expect((await member.core.call('people.search', { query: 'Otay Mesa' })).map((r) => r.id)).toEqual([typed.id]);
  });
});
