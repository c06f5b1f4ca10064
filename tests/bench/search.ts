/**
 * Issues 3 and 17: search as you type in the encrypted vault, at N people
 * (`npm run bench -- search --people 1000000`; default 100 000). The vault is
 * built once by the bulk path and cached (people-vault.ts). Each figure is
 * printed beside a floor measured in the same run: the bare primary-key
 * reads of the same result rows, i.e. what any search must at least do.
 */
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { listPeople, searchPage, searchPeople, SEARCH_CANDIDATES } from '../../electron/core/intake/people';
import type { Ctx } from '../../electron/core/context';
import { benchVault, FAMILY, GIVEN } from './people-vault';
import { median, percentile, printRows, type BenchRow } from './util';

/** A whole-number flag, `--name N` or `--name=N`, from `min` (default 1) to `max`, or `fallback` when absent. */
export function countFlag(name: string, fallback: number, argv = process.argv, min = 1, max = Infinity): number {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} needs a whole number from ${min} to ${max}, not ${String(raw)}`);
  return n;
}

/** `--people N` (also `--people=N`), default 100 000. */
export const peopleFlag = (argv = process.argv, fallback = 100_000): number => countFlag('--people', fallback, argv);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The people list's pages (100 rows), whose next hearing is derived for "today" at query time. */
function listTimes(ctx: Ctx, n: number): BenchRow[] {
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
    return { name: `${name} (${n} people)`, median_ms: median(times), note: `median of 7; ${total} matching` };
  });
}

function timed<T>(fn: () => T): [T, number] {
  const s = performance.now();
  const out = fn();
  return [out, performance.now() - s];
}

/** Peak RSS of a fresh process that opens the vault and runs the queries (search-rss.ts). */
function coreRss(dbPath: string, queries: string[]): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'search-rss.ts')], {
    input: JSON.stringify({ dbPath, queries }),
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { peak: number }).peak;
}

export async function benchSearch(): Promise<BenchRow[]> {
  const n = peopleFlag();
  const v = await benchVault(n, (s) => console.log(s));
  const ctx = v.core.ctx();
  const pick = <T>(xs: T[]) => xs[Math.floor(v.rand() * xs.length)]!;
  const aNumbers = v.people.map((p) => p.aNumber);
  // The same 300-query mix as issue 3's bench: two- and four-letter prefixes,
  // given plus family, formatted A-numbers, "maria garc", five-digit A-number prefixes.
  const queries: string[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i % 6;
    const fam = fold(pick(FAMILY));
    if (kind === 0) queries.push(fam.slice(0, 2));
    else if (kind === 1) queries.push(fam.slice(0, 4));
    else if (kind === 2) queries.push(`${fold(pick(GIVEN)).split(' ')[0]} ${fam}`);
    else if (kind === 3) queries.push(`A-${pick(aNumbers).replace(/(\d{3})(\d{3})(\d{3})/, '$1-$2-$3')}`);
    else if (kind === 4) queries.push('maria garc');
    else queries.push(pick(aNumbers).slice(0, 5));
  }
  v.people.length = 0;
  aNumbers.length = 0;

  // Warm the page cache as a user's first keystrokes would.
  for (const q of queries.slice(0, 20)) searchPeople(ctx, q);
  const times: number[] = [];
  const uiTimes: number[] = [];
  const floor: number[] = [];
  let hits = 0;
  let capped = 0;
  let rss = 0;
  const bare = ctx.db.prepare(
    'SELECT id, given_name, family_name, dob, a_number, detained, facility, assigned_to, updated_at FROM people WHERE id = ?',
  );
  for (const q of queries) {
    const [rows, ms] = timed(() => searchPeople(ctx, q));
    times.push(ms);
    hits += rows.length;
    // What the header search asks (people.searchPage): the 8 rows it shows, and a count up to 201 to say "more than 200".
    const [ui, uiMs] = timed(() => searchPage(ctx, q, 8, SEARCH_CANDIDATES));
    uiTimes.push(uiMs);
    if (ui.found >= SEARCH_CANDIDATES) capped++;
    floor.push(timed(() => rows.forEach((r) => bare.get(r.id)))[1]);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  const lists = listTimes(ctx, n);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x the floor (${b.toFixed(2)} ms)`;
  v.core.close();
  const core = coreRss(v.dbPath, queries);
  const b = v.build;
  const built =
    b === null
      ? { name: `vault of ${n} people: cached, opened`, median_ms: 0, note: v.dbPath }
      : {
          name: `build ${n} people (bulk path, 50 000 per transaction)`,
          median_ms: b.ms,
          note: `${Math.round((b.built / b.ms) * 1000)} people/s${b.built < n ? `; resumed, this run built ${b.built}` : ''}`,
        };
  return [
    built,
    {
      name: `vault size at ${n} people`,
      median_ms: 0,
      note: `${Math.round(v.bytes / n)} bytes per person (${(v.bytes / 2 ** 20).toFixed(0)} MiB)`,
    },
    {
      name: `search at ${n} people, median of ${queries.length} queries`,
      median_ms: median(times),
      note: `${hits} results in all; ${ratio(median(times), median(floor))}`,
    },
    {
      name: `search at ${n} people, 95th percentile`,
      median_ms: percentile(times, 95),
      note: `goal <= 10 ms; ${ratio(percentile(times, 95), percentile(floor, 95))}`,
    },
    { name: `search at ${n} people, slowest`, median_ms: Math.max(...times), note: 'goal <= 30 ms' },
    {
      name: `header search (8 rows, counted up to ${SEARCH_CANDIDATES}), 95th percentile`,
      median_ms: percentile(uiTimes, 95),
      note: `slowest ${Math.max(...uiTimes).toFixed(1)} ms; ${capped} of ${queries.length} queries "more than 200"`,
    },
    {
      name: 'resident memory of a core process while searching',
      median_ms: 0,
      note: `${(core / 2 ** 20).toFixed(0)} MiB peak rss (goal <= 500 MB); this bench process, holding the generator's people: ${(rss / 2 ** 20).toFixed(0)} MiB`,
    },
    ...lists,
  ];
}

if (process.argv[1]?.endsWith('search.ts')) printRows('Search (issues 3, 17)', await benchSearch());
