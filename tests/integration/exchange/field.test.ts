import { describe, it, expect, afterEach } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clinicOf, dbOf, quick, receive, send, type Device } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

const NAMES = [
  'Xochitl Ramírez',
  'Wideline Pierre',
  'Mohammad Rahimi',
  'Kwame Mensah',
  'Ixchel Tzul',
  'Søren Iversen',
  'Nguyễn Thị Lan',
  'Fatima Zahra',
  'Guadalupe Quispe',
  'Iñaki Etxeberria',
];

/** Every row of every table, shadow tables of the search index included, as one text. */
function dumpAll(d: Device): string {
  const db = dbOf(d);
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>;
  return tables
    .map((t) =>
      JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).raw().all(), (_k, v: unknown) =>
        Buffer.isBuffer(v) ? v.toString('latin1') : v,
      ),
    )
    .join('\n');
}

function rawFiles(dir: string): Buffer {
  const out: Buffer[] = [];
  for (const n of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, n);
    if (statSync(p).isFile()) out.push(readFileSync(p));
  }
  return Buffer.concat(out);
}

function whereIs(dir: string, part: string): string {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((n) => statSync(join(dir, n)).isFile() && readFileSync(join(dir, n)).includes(Buffer.from(part)))
    .join(', ');
}

describe('field devices: what a seized laptop yields', () => {
  it('ten intakes are sealed to the clinic key and erased; neither the files nor the unlocked vault nor any answer holds a name; a member opens them', async () => {
    const c = await clinicOf(1, { field: 1 });
    cleanup = c.cleanup;
    const field = c.field[0]!;
    const [lead] = c.devices as [Device];
    const answers: unknown[] = [];
    for (const n of NAMES) {
      const [given, ...family] = n.split(' ');
      answers.push(await quick(field, given!, family.join(' ')));
    }
    const status = await field.core.call('clinic.status', {});
    expect(status.sealed).toEqual({ sealed: 10, undelivered: 10 });
    // The count screen's own read: a flag and two numbers, whoever is signed in.
    const counts = await field.core.call('clinic.fieldCounts', {});
    expect(counts).toEqual({ field: true, sealed: 10, undelivered: 10 });
    expect((await field.core.call('people.list', {})).total).toBe(0);
    const said = JSON.stringify([answers, status, counts]);
    const dump = dumpAll(field);
    const files = rawFiles(field.dir);
    for (const n of NAMES) {
      for (const part of n.split(' ')) {
        expect(said).not.toContain(part);
        expect(dump).not.toContain(part);
        // Ciphertext is random: a 3-byte word turns up by chance in a few MB of it; 5 bytes or more cannot.
        if (Buffer.byteLength(part) < 5) continue;
        expect(files.includes(Buffer.from(part)), `${part} in ${whereIs(field.dir, part)}`).toBe(false);
        expect(files.includes(Buffer.from(part, 'utf16le'))).toBe(false);
      }
    }
    // The field laptop cannot open its own sealed intakes; a member can, on import.
    const b = send(c.root, field);
    expect(b.sealedIntakes).toBe(10);
    expect((await field.core.call('clinic.status', {})).sealed.undelivered).toBe(0);
    expect(await field.core.call('clinic.fieldCounts', {})).toEqual({ field: true, sealed: 10, undelivered: 0 });
    const s = receive(lead, b.file);
    expect(s.intakes).toBe(10);
    // Not a field device: the count screen does not show on the lead.
    expect((await lead.core.call('clinic.fieldCounts', {})).field).toBe(false);
    const onLead = (await lead.core.call('people.list', {})).rows.map((r) => `${r.givenName} ${r.familyName}`).sort();
    expect(onLead).toEqual([...NAMES].sort());
    expect(receive(lead, b.file)).toMatchObject({ replays: 1, intakes: 0 });
  }, 120_000);
});
