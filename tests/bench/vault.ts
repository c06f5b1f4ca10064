/** Issue 2 benchmark: unlock cost, and SQLCipher overhead against plain SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCore } from '../../electron/core/app';
import { closeDb, openEncrypted, openPlain, type DB } from '../../electron/core/db/connection';
import { medianOf, printRows, type BenchRow } from './util';

const N = 100_000;
const RUNS = 5;

function workload(db: DB): { insert: () => void; read: () => void } {
  let run = 0;
  let table = '';
  return {
    // A fresh table per run, so each run times inserts alone (not the delete of the last run's rows).
    insert: () => {
      table = `bench${run++}`;
      db.exec(`CREATE TABLE ${table}(id INTEGER PRIMARY KEY, given TEXT NOT NULL, family TEXT NOT NULL, a_number TEXT, notes TEXT)`);
      const ins = db.prepare(`INSERT INTO ${table}(given, family, a_number, notes) VALUES (?, ?, ?, ?)`);
      db.transaction(() => {
        for (let i = 0; i < N; i++)
          ins.run(`Given${i}`, `Family ${i % 977}`, String(100000000 + i), 'Intake taken at a know-your-rights training.');
      })();
    },
    read: () => {
      const get = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      for (let i = 0; i < N; i++) get.get(1 + ((i * 7919) % N));
    },
  };
}

export async function benchVault(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-'));
  try {
    const core = createCore({ dbPath: join(dir, 'unlock.db') });
    const passphrase = 'a realistic passphrase for the bench';
    await core.call('vault.create', { passphrase });
    core.close();
    const unlock = await medianOf(RUNS, async () => {
      await core.call('vault.unlock', { passphrase });
      core.close();
    });

    const enc = openEncrypted(join(dir, 'enc.db'), randomBytes(32));
    // The baseline uses the same page size as the cipher, so the ratio measures encryption alone.
    const plain = openPlain(join(dir, 'plain.db'));
    const e = workload(enc);
    const p = workload(plain);
    const rows: Record<string, number> = {};
    // Interleave the two so that machine noise hits both alike.
    const times = { encIns: [] as number[], plainIns: [] as number[], encRead: [] as number[], plainRead: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      times.plainIns.push(await medianOf(1, p.insert));
      times.encIns.push(await medianOf(1, e.insert));
      times.plainRead.push(await medianOf(1, p.read));
      times.encRead.push(await medianOf(1, e.read));
    }
    const { median } = await import('./util');
    for (const [k, v] of Object.entries(times)) rows[k] = median(v);
    closeDb(enc);
    closeDb(plain);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x plain (target <= 1.30x)`;
    return [
      { name: 'vault unlock (Argon2id 128 MiB t=8 + SQLCipher open)', median_ms: unlock, note: 'target 200-1000 ms' },
      { name: `${N} inserts, one transaction, plain SQLite`, median_ms: rows.plainIns! },
      { name: `${N} inserts, one transaction, SQLCipher`, median_ms: rows.encIns!, note: ratio(rows.encIns!, rows.plainIns!) },
      { name: `${N} point reads by id, plain SQLite`, median_ms: rows.plainRead! },
      { name: `${N} point reads by id, SQLCipher`, median_ms: rows.encRead!, note: ratio(rows.encRead!, rows.plainRead!) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('vault.ts')) printRows('Vault (issue 2)', await benchVault());
