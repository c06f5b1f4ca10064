import { describe, it, expect, afterEach } from 'vitest';
import { clinicOf, dbOf, hashOf, quick, receive, send, type Device } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

/** Both ways, until neither has anything new. */
function exchangeAll(root: string, devices: Device[]) {
  for (let round = 0; round < 3; round++) for (const a of devices) for (const b of devices) if (a !== b) receive(b, send(root, a, b).file);
}

describe('deterministic merge', () => {
  it('two devices editing one field since they last exchanged: the later write wins on both, and the pair is kept as a conflict; choosing is a new change', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [Device, Device];
    const p = await quick(lead, 'Rosa', 'Quispe');
    exchangeAll(c.root, c.devices);
    const onLead = await lead.core.call('people.get', { id: p.id });
    const onMember = await member.core.call('people.get', { id: p.id });
    const data = (v: typeof onLead, notes: string) => ({
      person: v.person,
      detention: v.detention,
      history: v.history,
      family: v.family,
      notes,
      urgentNeeds: v.urgentNeeds,
    });
    await lead.core.call('people.update', { id: p.id, version: onLead.version, data: data(onLead, 'from the lead') });
    await member.core.call('people.update', { id: p.id, version: onMember.version, data: data(onMember, 'from the member') });
    exchangeAll(c.root, c.devices);
    expect(hashOf(lead)).toBe(hashOf(member));
    const notesOn = async (d: Device) => (await d.core.call('people.get', { id: p.id })).notes;
    const winner = await notesOn(lead);
    expect(await notesOn(member)).toBe(winner);
    expect(['from the lead', 'from the member']).toContain(winner);
    // The member's write came second, so its stamp is the later one.
    expect(winner).toBe('from the member');
    for (const d of c.devices) {
      const list = await d.core.call('conflicts.list', {});
      const onData = list.filter((x) => x.rowId === p.id && x.field === 'data');
      expect(onData).toHaveLength(1);
      expect(JSON.parse(JSON.parse(onData[0]!.otherValue) as string)).toMatchObject({ notes: 'from the lead' });
    }
    // The lead keeps the other value: a new change, which the member applies too.
    const conflict = (await lead.core.call('conflicts.list', {})).find((x) => x.field === 'data')!;
    await lead.core.call('conflicts.resolve', { id: conflict.id, keep: 'other' });
    exchangeAll(c.root, c.devices);
    expect(await notesOn(lead)).toBe('from the lead');
    expect(await notesOn(member)).toBe('from the lead');
    expect(hashOf(lead)).toBe(hashOf(member));
  });

  it('a second intake of the same person on another laptop lands in the duplicate review queue, never merged', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [Device, Device];
    const a = await quick(lead, 'José', 'García López');
    const b = await quick(member, 'Jose', 'Garcia Lopez');
    const s = receive(member, send(c.root, lead, member).file);
    expect(s.duplicates).toBe(1);
    exchangeAll(c.root, c.devices);
    for (const d of c.devices) {
      const rows = dbOf(d).prepare('SELECT person_id, other_id, decision FROM duplicate_decisions').all();
      expect(rows).toEqual([{ person_id: [a.id, b.id].sort()[0], other_id: [a.id, b.id].sort()[1], decision: 'needs-review' }]);
      expect(dbOf(d).prepare('SELECT count(*) AS n FROM people WHERE merged_into IS NULL').get()).toEqual({ n: 2 });
    }
    expect(hashOf(lead)).toBe(hashOf(member));
  });

  it('a merge and a delete travel as changes', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [Device, Device];
    const a = await quick(lead, 'Ana', 'Tzul');
    const b = await quick(lead, 'Ana María', 'Tzul', { dob: '1991-01-01' });
    const ev = await lead.core.call('events.add', { personId: a.id, event: { kind: 'released', date: '2026-02-01', details: {} } });
    exchangeAll(c.root, c.devices);
    await member.core.call('people.merge', { keepId: a.id, mergeId: b.id });
    await lead.core.call('events.delete', { id: ev.event.id, version: ev.event.version });
    exchangeAll(c.root, c.devices);
    for (const d of c.devices) {
      expect(dbOf(d).prepare('SELECT merged_into FROM people WHERE id = ?').get(b.id)).toEqual({ merged_into: a.id });
      expect(dbOf(d).prepare('SELECT count(*) AS n FROM events WHERE id = ?').get(ev.event.id)).toEqual({ n: 0 });
    }
    expect(hashOf(lead)).toBe(hashOf(member));
  });
});
