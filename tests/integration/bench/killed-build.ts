/**
 * A bench vault build killed half-way (people-vault-resume.test.ts): builds
 * the cache's unfinished vault of N people, `chunk` per transaction, and
 * SIGKILLs itself as the generator starts person `killAt`, i.e. inside an
 * uncommitted transaction. Args: cacheRoot N chunk killAt.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPeopleVault, cachePaths, rng, type Generated } from '../../bench/people-vault';

const [root, n, chunk, killAt] = process.argv.slice(2);
const paths = cachePaths(Number(n), root);
mkdirSync(paths.building, { recursive: true });
const draws = rng(42);
let calls = 0;
// draw() takes three numbers per person.
const rand = () => {
  if (calls++ === Number(killAt) * 3) process.kill(process.pid, 'SIGKILL');
  return draws();
};
const people: Generated[] = [];
await buildPeopleVault(join(paths.building, 'amparo.db'), Number(n), rand, people, (s) => console.log(s), Number(chunk));
console.log('finished without being killed');
