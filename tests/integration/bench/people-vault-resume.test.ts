/**
 * Issue 17: the million-person bench vault takes long enough to build that a
 * build gets interrupted. A killed build must be resumed after its last
 * committed chunk into the vault an uninterrupted build writes, and an
 * unfinished or unmarked vault must never be opened as the cached one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchVault, cachePaths, draw, rng, type BenchVault } from '../../bench/people-vault';
import { REPO_ROOT } from '../../helpers/env';
import { contents, open, viaIntake } from './vault-contents';

const N = 45;
const CHUNK = 20;
const root = mkdtempSync(join(tmpdir(), 'amparo-bench-resume-'));
const paths = cachePaths(N, root);
let expected: Awaited<ReturnType<typeof viaIntake>>;
beforeAll(async () => {
  expected = await viaIntake(join(root, 'intake.db'), N);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs killed-build.ts; resolves with its output once it has died of SIGKILL. */
function killedBuild(killAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = join(import.meta.dirname, 'killed-build.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, root, String(N), String(CHUNK), String(killAt)], { cwd: REPO_ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited ${code}: ${out}`))));
  });
}

async function opened(log: string[]): Promise<BenchVault> {
  return benchVault(N, (s) => log.push(s), { cacheRoot: root, chunk: CHUNK });
}

async function peopleIn(dbPath: string): Promise<number> {
  const core = await open(dbPath);
  const n = (core.ctx().db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  core.close();
  return n;
}

function generated(n: number) {
  const rand = rng(42);
  return Array.from({ length: n }, () => draw(rand));
}

describe('the bench vault cache', () => {
  it('resumes a build killed inside a transaction after its last committed chunk', async () => {
    // Killed as person 30 is drawn: the first chunk (20) is committed, the second is not.
    const out = await killedBuild(30);
    expect(out).toContain('built 20 of 45 people');
    expect(out).not.toContain('finished without being killed');
    expect(existsSync(paths.dir)).toBe(false);
    expect(await peopleIn(join(paths.building, 'amparo.db'))).toBe(20);

    const log: string[] = [];
    const v = await opened(log);
    v.core.close();
    expect(log.join('\n')).toContain('resuming the build at 20 of 45 people');
    expect(log.join('\n')).toMatch(/built 45 of 45 people \(100%\), \d+ people\/s, ETA 0 s/);
    expect(v.build?.built).toBe(25);
    expect(v.people).toEqual(generated(N));
    expect(existsSync(paths.building)).toBe(false);
    expect(existsSync(paths.done)).toBe(true);

    const core = await open(v.dbPath);
    const c = contents(core);
    core.close();
    expect(c.deadlines.length).toBeGreaterThan(0);
    for (const k of Object.keys(c) as Array<keyof typeof c>) expect(c[k], k).toEqual(expected[k]);

    // Now complete: opened, not built again, with the same people for the queries.
    const again = await opened([]);
    again.core.close();
    expect(again.build).toBeNull();
    expect(again.people).toEqual(generated(N));
  }, 120_000);

  it('never opens an unmarked vault as the cached one', async () => {
    rmSync(paths.done, { recursive: true });
    const v = await opened([]);
    v.core.close();
    expect(v.build?.built).toBe(N);
    expect(existsSync(paths.done)).toBe(true);
    expect(await peopleIn(v.dbPath)).toBe(N);
  }, 120_000);

  it('builds afresh when the unfinished vault does not open', async () => {
    rmSync(paths.dir, { recursive: true });
    mkdirSync(paths.building, { recursive: true });
    // What a build killed while creating the vault can leave: a database file and no key file.
    writeFileSync(join(paths.building, 'amparo.db'), '');
    const log: string[] = [];
    const v = await opened(log);
    v.core.close();
    expect(log.join('\n')).toContain('does not open');
    expect(v.build?.built).toBe(N);
    expect(await peopleIn(v.dbPath)).toBe(N);
  }, 120_000);
});
