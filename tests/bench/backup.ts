/**
 * Issue 11 benchmark: back up and verify a vault of 100 000 people (seeded
 * like the deadlines bench), beside a plain `cp` of the same two files.
 * Goals: backup <= 2x the cp, verify <= 3x. "backup" is the snapshot and
 * seal alone (raw copy of the encrypted file inside a read transaction,
 * SHA-256, keyslots and header, fsync, rename); "verify" is the standalone
 * check of a file as `verify-backup` runs it (copy with the salt put back,
 * SHA-256 as it copies, integrity_check, counts); the app runs both for every backup
 * before it gets its name, timed as a third row. The runs interleave, so a
 * busy machine slows all three alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackup } from '../../electron/core/backup/write';
import { verifyBackup } from '../../electron/core/backup/verify';
import { readLayout } from '../../electron/core/backup/format';
import { eachChunk } from '../../electron/core/backup/io';
import { discardRestore, stageRestore } from '../../electron/core/backup/restore';
import { openEncrypted } from '../../electron/core/db/connection';
import { closeSync, openSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { insertPeople, newCore, PASS, rng } from './deadlines';
import { median, timeIt, type BenchRow } from './util';

const PEOPLE = 100_000;
const RUNS = 5;

/**
 * What verify cannot do without: read and hash the payload, decrypt and
 * authenticate every page once (SQLCipher), and integrity_check itself over
 * pages already decrypted in the cache. Timed on a staged copy of `file`.
 */
async function verifyFloor(
  file: string,
  stageIn: string,
): Promise<{ sha: number; cold: number; warm: number; quick: number; noJson: number }> {
  const layout = readLayout(file, (b) => createHash('sha256').update(b).digest());
  const sha: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const quick: number[] = [];
  const noJson: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const fd = openSync(file, 'r');
    try {
      sha.push(await timeIt(() => eachChunk(fd, 0, layout.header.payload.length, () => {})));
    } finally {
      closeSync(fd);
    }
    const s = await stageRestore(file, { passphrase: PASS }, join(stageIn, String(r)));
    try {
      const db = openEncrypted(s.staged.dbPath, Buffer.from(s.staged.key!));
      try {
        db.pragma(`cache_size = -${Math.ceil(layout.header.payload.length / 1024) + 1024}`);
        cold.push(await timeIt(() => db.pragma('integrity_check', { simple: true })));
        warm.push(await timeIt(() => db.pragma('integrity_check', { simple: true })));
        quick.push(await timeIt(() => db.pragma('quick_check', { simple: true })));
        // What the json_extract expression indexes cost the check (each is re-evaluated per row): dropped in this throwaway copy only.
        const jsonIndexes = db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%json_extract%'`)
          .pluck()
          .all() as string[];
        for (const name of jsonIndexes) db.exec(`DROP INDEX "${name}"`);
        noJson.push(await timeIt(() => db.pragma('integrity_check', { simple: true })));
      } finally {
        db.close();
      }
    } finally {
      discardRestore(s);
    }
  }
  return { sha: median(sha), cold: median(cold), warm: median(warm), quick: median(quick), noJson: median(noJson) };
}

export async function benchBackup(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-backup-'));
  try {
    const core = await newCore(dir, 'amparo.db');
    const rand = rng(11);
    insertPeople(core, PEOPLE, (i) => ({ notes: `intake ${i}`, phone: `(415) 555-${String(i % 10000).padStart(4, '0')}` }), 0.2, rand);
    const db = core.vault.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbPath = join(dir, 'amparo.db');
    const files = [dbPath, core.vault.keyslotsPath];
    const size = files.reduce((n, f) => n + statSync(f).size, 0);
    const out = join(dir, 'out');
    mkdirSync(out);
    const clear = () => {
      for (const f of readdirSync(out)) rmSync(join(out, f), { recursive: true, force: true });
    };
    const cp: number[] = [];
    const backup: number[] = [];
    const verify: number[] = [];
    const both: number[] = [];
    let file = '';
    for (let r = 0; r < RUNS; r++) {
      clear();
      // cp of the same files, synced to disk like the backup (cp alone would stop at the page cache).
      cp.push(await timeIt(() => execFileSync('sh', ['-c', `cp "$0" "$1" "$2" && sync "$2"/*`, dbPath, core.vault.keyslotsPath, out])));
      clear();
      backup.push(
        await timeIt(async () => {
          const w = await writeBackup({ db, keyslotsPath: core.vault.keyslotsPath, dir: out, verify: false });
          if (w.method !== 'copy') throw new Error('the bench backup fell back to VACUUM INTO');
          file = w.file;
        }),
      );
      verify.push(
        await timeIt(async () => {
          const { report } = await verifyBackup(file, { passphrase: PASS });
          if (!report.ok) throw new Error('the bench backup did not verify');
        }),
      );
      clear();
      both.push(await timeIt(() => writeBackup({ db, keyslotsPath: core.vault.keyslotsPath, dir: out })));
    }
    clear();
    const { file: last } = await writeBackup({ db, keyslotsPath: core.vault.keyslotsPath, dir: out, verify: false });
    const floor = await verifyFloor(last, join(dir, 'floor'));
    core.close();
    const [c, b, v, bv] = [median(cp), median(backup), median(verify), median(both)];
    return [
      { name: `cp of the vault's two files (${(size / 1024 / 1024).toFixed(1)} MiB, ${PEOPLE} people), with sync`, median_ms: c },
      {
        name: 'backup (raw copy in a read transaction, SHA-256, seal, fsync, rename)',
        median_ms: b,
        note: `${(b / c).toFixed(2)}x cp (goal <= 2x)`,
      },
      {
        name: 'verify (copy with the salt back and its SHA-256, integrity_check, counts)',
        median_ms: v,
        note: `${(v / c).toFixed(2)}x cp (goal <= 3x)`,
      },
      { name: 'backup as the app runs it (written, verified, then named)', median_ms: bv, note: `${(bv / c).toFixed(2)}x cp` },
      { name: "verify's floor, part 1: read + SHA-256 of the payload", median_ms: floor.sha, note: `${(floor.sha / c).toFixed(2)}x cp` },
      {
        name: "verify's floor, part 2: decrypt + HMAC every page once",
        median_ms: floor.cold - floor.warm,
        note: `${((floor.cold - floor.warm) / c).toFixed(2)}x cp (integrity_check cold minus warm)`,
      },
      {
        name: "verify's floor, part 3: integrity_check, pages decrypted",
        median_ms: floor.warm,
        note: `${(floor.warm / c).toFixed(2)}x cp (quick_check: ${(floor.quick / c).toFixed(2)}x)`,
      },
      {
        name: "verify's floor, part 3 without the json_extract indexes",
        median_ms: floor.noJson,
        note: `${(floor.noJson / c).toFixed(2)}x cp (what those indexes cost the check: ${((floor.warm - floor.noJson) / c).toFixed(2)}x)`,
      },
      {
        name: "verify's floor on one thread: parts 2 + 3 (part 1 runs on the second core)",
        median_ms: floor.cold,
        note: `${(floor.cold / c).toFixed(2)}x cp`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
