/**
 * The benchmarks' vault of N generated people (issues 3 and 17), built once
 * through the bulk path CSV import uses (insertPerson with compiled
 * statements, many rows per transaction) and kept on disk under
 * `.bench-cache/` (gitignored), keyed by the generator's version and N, so a
 * rerun at a million people opens it in seconds instead of building it again.
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

/**
 * Writes n generated people into a new vault at dbPath through insertPerson
 * (the function intake.createFull and the CSV import call), many people per
 * transaction, and returns the build's wall time. `people` receives each draw.
 */
export async function buildPeopleVault(
  dbPath: string,
  n: number,
  rand: () => number,
  people: Generated[],
  log: (s: string) => void = () => {},
  chunk = 50_000,
): Promise<number> {
  const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await core.call('vault.create', { passphrase: PASSPHRASE });
  const ctx = core.ctx();
  // Setup only: a 1 GiB page cache keeps the growing indexes in memory, so
  // the millionth person costs what the first did; the timed searches run
  // on a fresh connection with the app's own cache size.
  ctx.db.pragma('cache_size = -1048576');
  const t0 = performance.now();
  for (let from = 0; from < n; from += chunk) {
    ctx.db.transaction(() => {
      for (let i = from; i < Math.min(n, from + chunk); i++) {
        const g = draw(rand);
        people.push(g);
        insertPerson(ctx, recordOf(g, i));
      }
    })();
    if ((from / chunk) % 2 === 1) log(`  built ${from + chunk} of ${n} people, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // One FTS5 segment, as a long-lived vault's automerge tends to.
  ctx.db.exec(`INSERT INTO people_fts(people_fts) VALUES ('optimize')`);
  const ms = performance.now() - t0;
  core.close();
  return ms;
}

export interface BenchVault {
  core: Core;
  people: Generated[];
  /** The generator's stream after the last person, for the queries. */
  rand: () => number;
  /** Wall time of the build, or null when the cached vault was opened. */
  buildMs: number | null;
  dbPath: string;
  bytes: number;
}

const cacheDir = () => resolve(import.meta.dirname, '../../.bench-cache');

/** Opens the cached vault of n people, building it first when there is none for this generator version. */
export async function benchVault(n: number, log: (s: string) => void = () => {}): Promise<BenchVault> {
  const dir = join(cacheDir(), `people-v${GENERATOR_VERSION}-${n}`);
  const dbPath = join(dir, 'amparo.db');
  const people: Generated[] = [];
  const rand = rng(42);
  let buildMs: number | null = null;
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    buildMs = await buildPeopleVault(join(building, 'amparo.db'), n, rand, people, log);
    renameSync(building, dir);
    // Written last: a build killed half-way is never taken for a finished one.
    mkdirSync(join(dir, 'done'));
  } else {
    for (let i = 0; i < n; i++) people.push(draw(rand));
  }
  const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
  await core.call('vault.unlock', { passphrase: PASSPHRASE });
  return { core, people, rand, buildMs, dbPath, bytes: statSync(dbPath).size };
}
