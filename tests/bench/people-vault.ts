/**
 * The benchmarks' vault of N generated people (issues 3 and 17), built once
 * through the bulk path CSV import uses (insertPerson with compiled
 * statements, many rows per transaction) and kept on disk under
 * `.bench-cache/` (gitignored), keyed by the generator's version and N, so a
 * rerun at a million people opens it in seconds instead of building it again.
 * A killed build is resumed where its last committed chunk ended, and only a
 * complete one is ever taken from the cache (benchVault).
 * Change GENERATOR_VERSION whenever what is generated changes.
 */
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app';
import { insertPerson } from '../../electron/core/intake/people';
import type { PersonData } from '../../electron/core/intake/records';
import type { CaseRecord } from '../../shared/schemas/intake';
import { intakeSchemas } from '../../shared/contract';

export const GENERATOR_VERSION = 1;
export const PASSPHRASE = 'bench passphrase 123';
export const BENCH_TODAY = '2026-11-26';
export const KDF = { m: 8192, t: 1, p: 1 };

export const GIVEN = [
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
export const FAMILY = [
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

/** A fixed-seed generator, so every run searches the same vault. */
export function rng(seed: number) {
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

export interface Generated {
  given: string;
  family: string;
  aNumber: string;
}

/** Person i's random draws, in a fixed order (the same stream builds the vault and, reopened, rebuilds the A-number list). */
export function draw(rand: () => number): Generated {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const aNumber = String(Math.floor(rand() * 899_999_999) + 100_000_000);
  return { aNumber, given: pick(GIVEN), family: `${pick(FAMILY)} ${pick(FAMILY)}` };
}

// Parsed once: a record is the schemas' defaults plus what varies, the same
// shape a quick intake's parse gives (fromQuick), without a zod parse per person.
const TEMPLATE = {
  person: intakeSchemas.person.parse({ givenName: 'x', familyName: 'x', approxAge: 30 }),
  free: intakeSchemas.detention.parse({ detained: false }),
  held: intakeSchemas.detention.parse({ detained: true, facility: 'Adelanto' }),
  history: intakeSchemas.history.parse({}),
  detainedCase: intakeSchemas.caseRecord.parse({ type: 'removal-detained', nextHearing: { date: '2027-01-01', kind: 'master' } }),
  freeCase: intakeSchemas.caseRecord.parse({ type: 'removal-nondetained', nextHearing: { date: '2027-01-01', kind: 'master' } }),
};

export function recordOf(g: Generated, i: number): { data: PersonData; cases: CaseRecord[] } {
  const detained = i % 7 === 0;
  const c = detained ? TEMPLATE.detainedCase : TEMPLATE.freeCase;
  return {
    data: {
      person: {
        ...TEMPLATE.person,
        givenName: g.given,
        familyName: g.family,
        approxAge: 18 + (i % 60),
        aNumber: g.aNumber,
        phone: `555-${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
        aliases: [],
        languages: [],
        additionalContacts: [],
      },
      detention: detained ? TEMPLATE.held : TEMPLATE.free,
      history: TEMPLATE.history,
      family: [],
      notes: '',
      urgentNeeds: '',
    },
    cases: i % 3 === 0 ? [{ ...c, nextHearing: { ...c.nextHearing!, date: hearingDate(i) } }] : [],
  };
}

/** "12 min 5 s" */
const clock = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`);

/**
 * Opens the vault a build writes into: a new one, or the one a killed build
 * left, with the number of people its committed transactions hold (each
 * chunk is one transaction, so a kill loses at most the chunk it was in).
 */
async function openForBuild(dbPath: string, n: number): Promise<{ core: Core; done: number }> {
  const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  if (!existsSync(dbPath)) {
    await core.call('vault.create', { passphrase: PASSPHRASE });
    return { core, done: 0 };
  }
  await core.call('vault.unlock', { passphrase: PASSPHRASE });
  const done = (core.ctx().db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  if (done > n) {
    core.close();
    throw new Error(`${dbPath} holds ${done} people, more than the ${n} asked for`);
  }
  return { core, done };
}

export interface Built {
  /** Wall time of this run's part of the build. */
  ms: number;
  /** People written by this run (fewer than n when it resumed a killed build). */
  built: number;
}

/**
 * Writes n generated people into the vault at dbPath through insertPerson
 * (the function intake.createFull and the CSV import call), `chunk` people
 * per transaction. A vault left by a killed build is resumed after its last
 * committed chunk: the generator is replayed up to there, so the result is
 * the vault an uninterrupted build writes. `people` receives every draw.
 */
export async function buildPeopleVault(
  dbPath: string,
  n: number,
  rand: () => number,
  people: Generated[],
  log: (s: string) => void = () => {},
  chunk = 50_000,
): Promise<Built> {
  const { core, done } = await openForBuild(dbPath, n);
  for (let i = 0; i < done; i++) people.push(draw(rand));
  if (done > 0) log(`  resuming the build at ${done} of ${n} people (${dbPath})`);
  const ctx = core.ctx();
  // Setup only: a 1 GiB page cache keeps the growing indexes in memory, so
  // the millionth person costs what the first did; the timed searches run
  // on a fresh connection with the app's own cache size.
  ctx.db.pragma('cache_size = -1048576');
  const t0 = performance.now();
  for (let from = done; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    ctx.db.transaction(() => {
      for (let i = from; i < to; i++) {
        const g = draw(rand);
        people.push(g);
        insertPerson(ctx, recordOf(g, i));
      }
    })();
    const s = (performance.now() - t0) / 1000;
    const rate = (to - done) / s;
    log(`  built ${to} of ${n} people (${Math.floor((to / n) * 100)}%), ${Math.round(rate)} people/s, ETA ${clock((n - to) / rate)}`);
  }
  // One FTS5 segment, as a long-lived vault's automerge tends to.
  ctx.db.exec(`INSERT INTO people_fts(people_fts) VALUES ('optimize')`);
  const ms = performance.now() - t0;
  core.close();
  return { ms, built: n - done };
}

export interface BenchVault {
  core: Core;
  people: Generated[];
  /** The generator's stream after the last person, for the queries. */
  rand: () => number;
  /** This run's build, or null when the cached vault was opened. */
  build: Built | null;
  dbPath: string;
  bytes: number;
}

const defaultCache = () => resolve(import.meta.dirname, '../../.bench-cache');

/** Where the vault of n people lives: `dir` once complete, `building` while a build (perhaps a killed one) writes it. */
export function cachePaths(n: number, cacheRoot = defaultCache()) {
  const dir = join(cacheRoot, `people-v${GENERATOR_VERSION}-${n}`);
  return { dir, dbPath: join(dir, 'amparo.db'), building: `${dir}.building`, done: join(dir, 'done') };
}

/**
 * Opens the cached vault of n people, building it first when there is none
 * for this generator version, or finishing the build a killed run left.
 * Only a complete build is ever moved to the cache's name: it is checked
 * (all n people), marked done, then renamed in one step.
 */
export async function benchVault(
  n: number,
  log: (s: string) => void = () => {},
  opts: { cacheRoot?: string; chunk?: number } = {},
): Promise<BenchVault> {
  const p = cachePaths(n, opts.cacheRoot);
  const people: Generated[] = [];
  const rand = rng(42);
  let build: Built | null = null;
  if (!existsSync(p.done)) {
    // Under the cache's name but unmarked: an older build killed between its rename and its mark. Not trusted.
    rmSync(p.dir, { recursive: true, force: true });
    mkdirSync(p.building, { recursive: true });
    const dbPath = join(p.building, 'amparo.db');
    build = await buildOrRestart(dbPath, p.building, n, rand, people, log, opts.chunk);
    const check = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
    await check.call('vault.unlock', { passphrase: PASSPHRASE });
    const count = (check.ctx().db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    check.close();
    if (count !== n) throw new Error(`the build of ${n} people holds ${count}: left in ${p.building}`);
    mkdirSync(join(p.building, 'done'));
    renameSync(p.building, p.dir);
  } else {
    for (let i = 0; i < n; i++) people.push(draw(rand));
  }
  const core = createCore({ dbPath: p.dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await core.call('vault.unlock', { passphrase: PASSPHRASE });
  return { core, people, rand, build, dbPath: p.dbPath, bytes: statSync(p.dbPath).size };
}

/** Resumes the build in `dir`; a vault that cannot be opened (killed while being created) is thrown away and built afresh. */
async function buildOrRestart(
  dbPath: string,
  dir: string,
  n: number,
  rand: () => number,
  people: Generated[],
  log: (s: string) => void,
  chunk?: number,
): Promise<Built> {
  try {
    return await buildPeopleVault(dbPath, n, rand, people, log, chunk);
  } catch (e) {
    if (people.length > 0) throw e;
    log(`  the unfinished vault in ${dir} does not open (${(e as Error).message}): building it afresh`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return buildPeopleVault(dbPath, n, rand, people, log, chunk);
  }
}

// `node --import tsx tests/bench/people-vault.ts 100000`: times a build of N people into a
// temporary vault, outside the cache, so two commits can be compared back to back.
if (process.argv[1]?.endsWith('people-vault.ts')) {
  const n = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`N needs a whole number, not ${process.argv[2]}`);
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-build-'));
  try {
    const { ms } = await buildPeopleVault(join(dir, 'amparo.db'), n, rng(42), [], (s) => console.log(s));
    console.log(`${n} people in ${(ms / 1000).toFixed(1)} s: ${Math.round((n / ms) * 1000)} people/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
