import { describe, it, expect } from 'vitest';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportBundle } from '../../../electron/core/exchange/service';
import { clinicOf, dbOf, NOW, quick, receive, type Device } from './helpers';
import { configure, generate, start, stop, waitFor, type Instance } from './syncthing';

describe('Syncthing as the transport', () => {
  it('a bundle written by vault A into its Syncthing folder reaches B’s folder, and B applies it', async () => {
    const c = await clinicOf(1);
    const [a, b] = c.devices as [Device, Device];
    const instances: Instance[] = [];
    try {
      const folderA = join(c.root, 'sync-a');
      const folderB = join(c.root, 'sync-b');
      mkdirSync(folderA);
      mkdirSync(folderB);
      const sa = await generate(join(c.root, 'st-a'), folderA);
      const sb = await generate(join(c.root, 'st-b'), folderB);
      instances.push(sa, sb);
      configure(sa, sb);
      configure(sb, sa);
      start(sa);
      start(sb);
      const p = await quick(a, 'Rosa', 'Quispe Mamani');
      const written = exportBundle(dbOf(a), folderA, { now: NOW })!;
      const name = written.file.slice(folderA.length + 1);
      const size = statSync(written.file).size;
      const logs = () => instances.map((i) => i.log.join('').slice(-3000)).join('\n----\n');
      // Syncthing writes into a hidden temp file and renames it: the bundle appears whole or not at all.
      await waitFor(
        `${name} in B's folder`,
        () => (readdirSync(folderB).includes(name) && statSync(join(folderB, name)).size === size ? true : null),
        120_000,
        logs,
      );
      const s = receive(b, folderB);
      expect(s.changes).toBe(written.changes);
      expect((await b.core.call('people.get', { id: p.id })).person.familyName).toBe('Quispe Mamani');
    } finally {
      await Promise.all(instances.map(stop));
      c.cleanup();
    }
  }, 180_000);
});
