/**
 * The core's resident memory while it searches (issue 17), in a process of
 * its own, as the host runs it: it opens the cached bench vault, runs the
 * bench's queries (JSON on stdin) twice and prints its peak RSS. The parent
 * bench process holds the generator's million people and would inflate it.
 */
import { readFileSync } from 'node:fs';
import { createCore } from '../../electron/core/app';
import { searchPeople, SEARCH_CANDIDATES } from '../../electron/core/intake/people';
import { BENCH_TODAY, KDF, PASSPHRASE } from './people-vault';

const { dbPath, queries } = JSON.parse(readFileSync(0, 'utf8')) as { dbPath: string; queries: string[] };
const core = createCore({ dbPath, kdfCost: KDF, today: () => BENCH_TODAY });
await core.call('vault.unlock', { passphrase: PASSPHRASE });
let peak = process.memoryUsage().rss;
for (let round = 0; round < 2; round++) {
  for (const q of queries) {
    searchPeople(core.ctx(), q);
    searchPeople(core.ctx(), q, SEARCH_CANDIDATES);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
}
core.close();
process.stdout.write(JSON.stringify({ peak }));
