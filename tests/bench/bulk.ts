/**
 * Issue 17, bulk loads: a CSV import of N people (`npm run bench -- bulk
 * --people N`, default 100 000) into a fresh encrypted vault, beside its
 * floor measured in the same run: raw inserts of the same rows (people,
 * search index, duplicate keys, audit entries; the schema's change-log
 * triggers fire as they do for the import) into the same schema in one
 * transaction, with every value computed before the clock starts.
 * Rows have no next hearing: hearing events and their deadlines are the
 * deadline engine's cost, measured by the deadlines bench.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { commitImport } from '../../electron/core/intake/csv';
import { MAX_ROWS } from '../../electron/core/intake/csv/parse';
import { draw, rng } from './people-vault';
import { insertRawPeople, rawPeople } from './raw-people';
import { countFlag, peopleFlag } from './search';
import { printRows, type BenchRow } from './util';
import { MAX_IMPORT_BYTES } from '../../shared/contract';

const KDF = { m: 8192, t: 1, p: 1 };

const HEADER = 'given_name,family_name,approx_age,a_number,phone,detained,facility';

/**
 * The n people as CSV files each under the import's caps (MAX_ROWS, 20 000
 * rows, and MAX_IMPORT_BYTES, 50 MB), imported one after another into the
 * same vault, as the cap's error message tells a user to.
 */
function csvFilesOf(n: number, hasANumber: (i: number) => boolean): Uint8Array[] {
  const files: Uint8Array[] = [];
  let lines = [HEADER];
  let bytes = 0;
  const flush = () => {
    files.push(new TextEncoder().encode(lines.join('\n') + '\n'));
    lines = [HEADER];
    bytes = 0;
  };
  const rand = rng(7);
  for (let i = 0; i < n; i++) {
    const g = draw(rand);
    const held = i % 7 === 0;
    lines.push(
      [
        g.given,
        g.family,
        18 + (i % 60),
        hasANumber(i) ? `A${g.aNumber}` : '',
        `555-${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
        held ? 'yes' : 'no',
        held ? 'Adelanto' : '',
      ].join(','),
    );
    bytes += lines[lines.length - 1]!.length + 1;
    // Margin for the multi-byte letters (UTF-16 length undercounts UTF-8 bytes).
    if (bytes > MAX_IMPORT_BYTES * 0.6 || lines.length > MAX_ROWS) flush();
  }
  if (lines.length > 1) flush();
  return files;
}

async function freshVault(dir: string, name: string) {
  const core = createCore({ dbPath: join(dir, name), kdfCost: KDF, today: () => '2026-11-26' });
  await core.call('vault.create', { passphrase: 'bench passphrase 123' });
  return core;
}

/** The floor: the import's rows, precomputed, inserted raw in one transaction. */
async function floorMs(dir: string, n: number, hasANumber: (i: number) => boolean, withTriggers = true): Promise<number> {
  const core = await freshVault(dir, withTriggers ? 'floor.db' : 'floor-no-triggers.db');
  const db = core.ctx().db;
  if (!withTriggers) {
    // What the change log's recording costs: the same floor with the triggers dropped (this throwaway vault only).
    for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as Array<{ name: string }>)
      db.exec(`DROP TRIGGER "${name}"`);
  }
  const rand = rng(7);
  const now = new Date().toISOString();
  const rows = rawPeople(rand, n, 0, hasANumber);
  const t0 = performance.now();
  db.transaction(() => insertRawPeople(db, rows, now))();
  const ms = performance.now() - t0;
  core.close();
  return ms;
}

/**
 * `--a-numbers P`: the percentage of rows with an A-number (default 100). A
 * row with one is compared by name only with people who have none
 * (migration 0024); a training's sign-in sheet has none at all, and each of
 * its rows is compared with everyone sharing its rarer names.
 */
const aNumberShare = (argv = process.argv) => countFlag('--a-numbers', 100, argv, 0, 100);

export async function benchBulk(): Promise<BenchRow[]> {
  const n = peopleFlag();
  const share = aNumberShare();
  const hasANumber = (i: number) => i % 100 < share;
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-bulk-'));
  try {
    const files = csvFilesOf(n, hasANumber);
    const core = await freshVault(dir, 'import.db');
    const phases = new Map<string, number>();
    let phase = '';
    let since = performance.now();
    const t0 = performance.now();
    let imported = 0;
    for (const bytes of files) {
      const result = await commitImport(
        core.ctx(),
        { bytes, choices: {}, onDuplicate: 'import' },
        {
          onProgress: (p) => {
            if (p.phase === phase) return;
            const t = performance.now();
            if (phase) phases.set(phase, (phases.get(phase) ?? 0) + t - since); // summed over the files
            phase = p.phase;
            since = t;
          },
        },
      );
      imported += result.imported;
    }
    const total = performance.now() - t0;
    phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - since);
    core.close();
    const write = phases.get('write') ?? total;
    const floor = await floorMs(dir, n, hasANumber);
    const bare = await floorMs(dir, n, hasANumber, false);
    const rate = (ms: number) => `${Math.round((n / ms) * 1000)} people/s`;
    return [
      {
        name: `CSV import of ${n} people, whole commit`,
        median_ms: total,
        note: `${rate(total)}; ${imported} imported from ${files.length} files of <= 20 000 rows, ${share}% with an A-number; single run`,
      },
      ...[...phases].map(([p, ms]) => ({ name: `  phase ${p}`, median_ms: ms, note: rate(ms) })),
      { name: `floor: raw inserts of the same rows, one transaction`, median_ms: floor, note: rate(floor) },
      {
        name: `  the same without the change-log triggers`,
        median_ms: bare,
        note: `${rate(bare)} (the triggers are ${((1 - bare / floor) * 100).toFixed(0)}% of the floor)`,
      },
      {
        name: 'CSV import write phase vs floor',
        median_ms: write,
        note: `${(write / floor).toFixed(1)}x the floor (goal <= 5x, >= 20 000 people/s)`,
      },
      { name: 'CSV import whole commit vs floor', median_ms: total, note: `${(total / floor).toFixed(1)}x the floor` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bulk.ts')) printRows('Bulk loads (issue 17)', await benchBulk());
