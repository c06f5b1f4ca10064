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
});
