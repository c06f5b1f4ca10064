/**
 * The pieces of the SIGKILL torture tests (backup, rekey): a child script
 * bundled once (a bundle starts in a fraction of the time tsx needs, so
 * dozens of children stay cheap on 2 cores), a vault of a few MiB so a kill
 * has many places to land, a seeded random source so a failure can be
 * replayed, and one child run killed when its output says so.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type Database from 'better-sqlite3-multiple-ciphers';
import { NODE_EXTERNALS } from '../../scripts/bundles.mjs';
import { REPO_ROOT } from './env';

/** Bundles a test's child script to dist/test/NAME.cjs and returns its path. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = join(REPO_ROOT, 'dist', 'test', `${name}.cjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: NODE_EXTERNALS,
    logLevel: 'error',
  });
  return outfile;
}

/** `count` people with 4 KB of notes each, in one transaction: a few MiB of pages for a kill to land in. */
export function seedPaddedPeople(db: Database.Database, count: number): void {
  const ins = db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 0, ?, 1, 'now', 't', 'now', 't')`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) ins.run(`p-${i}`, `Given${i}`, `Family${i}`, JSON.stringify({ notes: 'x'.repeat(4000) }));
  })();
}

/** A seeded linear congruential source in [0, 1): the same kill points on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export interface KillRun {
  /** Everything the child wrote to stdout before it died or exited. */
  out: string;
  /** True when the child was killed; false when it exited 0 on its own first. */
  killed: boolean;
}

/**
 * Runs `node script ...args` and SIGKILLs it once `killAt(stdoutSoFar)` says
 * so: it returns false to let the child go on, or the milliseconds to wait
 * before the kill (0: at once). `beforeKill` runs just before the signal, to
 * look at the disk as the child leaves it. Any other exit than SIGKILL or 0 fails.
 */
export function runKilled(opts: {
  script: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  killAt(out: string): number | false;
  beforeKill?(): void;
}): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.script, ...opts.args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.env ? { env: opts.env } : {}),
    });
    let out = '';
    let err = '';
    let armed = false;
    const kill = () => {
      opts.beforeKill?.();
      child.kill('SIGKILL');
    };
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (armed) return;
      const delay = opts.killAt(out);
      if (delay === false) return;
      armed = true;
      if (delay === 0) kill();
      else setTimeout(kill, delay);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ out, killed: true });
      else if (code === 0) resolve({ out, killed: false });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}
