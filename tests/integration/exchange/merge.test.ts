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
      // One conflict, on the field both changed: not on the bookkeeping both bumped (version, updated_at).
      expect(list.filter((x) => x.rowId === p.id).map((x) => x.field)).toEqual(['data.notes']);
      expect(JSON.parse(list[0]!.otherValue)).toBe('from the lead');
      expect(JSON.parse(list[0]!.keptValue)).toBe('from the member');
    }
    // The lead keeps the other value: a new change, which the member applies too.
    const conflict = (await lead.core.call('conflicts.list', {})).find((x) => x.field === 'data.notes')!;
    await lead.core.call('conflicts.resolve', { id: conflict.id, keep: 'other' });
    exchangeAll(c.root, c.devices);
    expect(await notesOn(lead)).toBe('from the lead');
    expect(await notesOn(member)).toBe('from the lead');
    expect(hashOf(lead)).toBe(hashOf(member));
  });

  it('two devices editing different fields of one person merge field by field, with no conflict', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [Device, Device];
    const p = await quick(lead, 'Rosa', 'Quispe', { detained: true, facility: 'Otay Mesa Detention Center' });
    exchangeAll(c.root, c.devices);
    const onLead = await lead.core.call('people.get', { id: p.id });
    const onMember = await member.core.call('people.get', { id: p.id });
    const rest = (v: typeof onLead) => ({ history: v.history, family: v.family, urgentNeeds: v.urgentNeeds });
    // The lead changes the phone and the notes; the member, at the same time, the facility and the aliases.
    await lead.core.call('people.update', {
      id: p.id,
      version: onLead.version,
      data: { ...rest(onLead), person: { ...onLead.person, phone: '555-987-6543' }, detention: onLead.detention, notes: 'called' },
    });
    await member.core.call('people.update', {
      id: p.id,
      version: onMember.version,
      data: {
        ...rest(onMember),
        person: { ...onMember.person, aliases: ['Rosita'] },
        detention: { ...onMember.detention, facility: 'Adelanto ICE Processing Center' },
        notes: onMember.notes,
      },
    });
    exchangeAll(c.root, c.devices);
    expect(hashOf(lead)).toBe(hashOf(member));
    for (const d of c.devices) {
      const v = await d.core.call('people.get', { id: p.id });
      expect(v.person).toMatchObject({ phone: '555-987-6543', aliases: ['Rosita'], givenName: 'Rosa' });
      expect(v.detention.facility).toBe('Adelanto ICE Processing Center');
      expect(v.notes).toBe('called');
      expect(await d.core.call('conflicts.list', {})).toEqual([]);
      // The list columns and the search index follow the merged record.
      expect(dbOf(d).prepare('SELECT phone, facility FROM people WHERE id = ?').get(p.id)).toEqual({
        phone: '555-987-6543',
        facility: 'Adelanto ICE Processing Center',
      });
      expect((await d.core.call('people.search', { query: 'Rosita' })).map((r) => r.id)).toEqual([p.id]);
      expect((await d.core.call('people.search', { query: 'Adelanto' })).map((r) => r.id)).toEqual([p.id]);
    }
    // The change log names the fields, not the whole record.
    const fields = dbOf(lead)
      .prepare(`SELECT fields FROM changes WHERE entity = 'people' AND row_id = ? AND op = 'update' ORDER BY hlc`)
      .all(p.id)
      .map((r) => Object.keys(JSON.parse((r as { fields: string }).fields) as object))
      .flat();
    expect(fields).toEqual(expect.arrayContaining(['data.person.phone', 'data.notes', 'data.person.aliases', 'data.detention.facility']));
    expect(fields).not.toContain('data');
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
