/** Issue 3 benchmark: search-as-you-type at 100 000 people, in the encrypted vault. */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { fromQuick, insertPerson, listPeople, searchPeople } from '../../electron/core/intake/people';
import { intakeSchemas } from '../../shared/contract';
import { median, percentile, printRows, type BenchRow } from './util';

const N = 100_000;
const GIVEN = [
  'José',
  'María',
  'Juan',
  'Ana Lucía',
  'Luis',
  'Carmen',
  'Jean-Baptiste',
  'Wideline',
  'Nguyễn Thị',
  'Mohammad',
  'Fatima',
  'Olga',
  'Iñaki',
  'Sofía',
  'Pedro',
  'Rosa',
  'Ixchel',
  'Yusuf',
  'Søren',
  'Guadalupe',
  'Héctor',
  'Marisol',
  'Kevin',
  'Dayana',
];
const FAMILY = [
  'García',
  'López',
  'Hernández',
  'Martínez',
  'González',
  'Pérez',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Cruz',
  'Désir',
  'Pierre-Louis',
  'Minh Khai',
  'Rahimi',
  'Shevchenko',
  'Muñoz',
  'Xiloj',
  'Çelik',
  'Ødegård',
  'Flores',
  'Morales',
  'Reyes',
  'Ortiz',
  'Castillo',
  'Jiménez',
  'Vásquez',
];

// A fixed-seed generator, so every run searches the same vault.
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** A hearing date in the year after 2026-11-26, spread by person. */
function hearingDate(i: number): string {
  const d = new Date(Date.UTC(2026, 10, 27 + (i % 365)));
  return d.toISOString().slice(0, 10);
}

/** The people list's pages (100 rows), whose next hearing is derived for "today" at query time. */
function listTimes(ctx: ReturnType<ReturnType<typeof createCore>['ctx']>): BenchRow[] {
  const base = { sort: 'name', dir: 'asc', limit: 100, offset: 0 } as const;
  const cases: Array<[string, Parameters<typeof listPeople>[1]]> = [
    ['people.list by name, first page', base],
    ['people.list by next hearing, first page', { ...base, sort: 'hearing' }],
    ['people.list hearing within 30 days, by hearing', { ...base, sort: 'hearing', hearingWithinDays: 30 }],
    ['people.list detained, by next hearing', { ...base, sort: 'hearing', detained: true }],
  ];
  return cases.map(([name, q]) => {
    listPeople(ctx, q);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      total = listPeople(ctx, q).total;
      times.push(performance.now() - s);
    }
    return { name: `${name} (${N} people)`, median_ms: median(times), note: `median of 7; ${total} matching` };
  });
}

export async function benchSearch(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-search-'));
  try {
    // A fixed today, so the people with hearings (one in three, over the next year) are the same every run.
    const core = createCore({ dbPath: join(dir, 'amparo.db'), kdfCost: { m: 8192, t: 1, p: 1 }, today: () => '2026-11-26' });
    await core.call('vault.create', { passphrase: 'bench passphrase 123' });
    const ctx = core.ctx();
    const rand = rng(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const aNumbers: string[] = [];
    const t0 = performance.now();
    ctx.db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const a = String(Math.floor(rand() * 899_999_999) + 100_000_000);
        aNumbers.push(a);
        const q = intakeSchemas.quickIntake.parse({
          givenName: `${pick(GIVEN)}`,
          familyName: `${pick(FAMILY)} ${pick(FAMILY)}`,
          approxAge: 18 + (i % 60),
          phone: `555-${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
          detained: i % 7 === 0,
          facility: i % 7 === 0 ? 'Adelanto' : undefined,
          nextHearingDate: i % 3 === 0 ? hearingDate(i) : undefined,
        });
        const rec = fromQuick(q);
        rec.data.person.aNumber = a;
        insertPerson(ctx, rec);
      }
    })();
    const loadMs = performance.now() - t0;

    const queries: string[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = i % 6;
      const fam = pick(FAMILY).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      if (kind === 0) queries.push(fam.slice(0, 2));
      else if (kind === 1) queries.push(fam.slice(0, 4));
      else if (kind === 2) queries.push(`${pick(GIVEN).normalize('NFD').replace(/\p{M}/gu, '').split(' ')[0]} ${fam}`);
      else if (kind === 3) queries.push(`A-${pick(aNumbers).replace(/(\d{3})(\d{3})(\d{3})/, '$1-$2-$3')}`);
      else if (kind === 4) queries.push('maria garc');
      else queries.push(pick(aNumbers).slice(0, 5));
    }
    // Warm the page cache as a user's first keystrokes would.
    for (const q of queries.slice(0, 20)) searchPeople(ctx, q);
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const s = performance.now();
      hits += searchPeople(ctx, q).length;
      times.push(performance.now() - s);
    }
    const lists = listTimes(ctx);
    core.close();
    return [
      { name: `load ${N} people (intake path, one transaction)`, median_ms: loadMs, note: 'single run, not a median' },
      { name: `search at ${N} people, median of ${queries.length} queries`, median_ms: median(times), note: `${hits} results in all` },
      { name: `search at ${N} people, 95th percentile`, median_ms: percentile(times, 95), note: 'target <= 30 ms' },
      { name: `search at ${N} people, slowest`, median_ms: Math.max(...times) },
      ...lists,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search.ts')) printRows('Search (issue 3)', await benchSearch());
