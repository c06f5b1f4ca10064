/**
 * `npm run bench`: plain Node benchmarks printing medians. Pass names to run
 * only some: `npm run bench -- vault forms`.
 */
import { cpus } from 'node:os';
import { printRows, type BenchRow } from './util';
import { benchVault } from './vault';
import { benchSearch } from './search';
import { benchBulk } from './bulk';
import { benchForms } from './forms';
import { benchDeadlines } from './deadlines';
import { benchCli } from './cli';
import { benchHost } from './host';
import { benchBackup } from './backup';
import { benchReports } from './reports';
import { benchExchange } from './exchange';
import { benchAudit } from './audit';

const suites: Record<string, { title: string; run: () => Promise<BenchRow[]> }> = {
  vault: { title: 'Vault (issue 2)', run: benchVault },
  search: { title: 'Search (issues 3, 17; --people N)', run: benchSearch },
  bulk: { title: 'Bulk loads: CSV import beside raw inserts (issue 17; --people N)', run: benchBulk },
  forms: { title: 'Forms (issue 5)', run: benchForms },
  deadlines: { title: 'Deadlines (issues 4, 17; --deadlines N --tps-people N)', run: benchDeadlines },
  cli: { title: 'CLI start (issue 9)', run: benchCli },
  backup: { title: 'Backups: back up and verify 100 000 people beside cp (issue 11)', run: benchBackup },
  host: { title: 'Core host: event-loop delay of the serving process (issue 9)', run: benchHost },
  reports: { title: 'Reports page data (issue 13)', run: benchReports },
  exchange: { title: 'Clinic exchange: bundles, change log, convergence (issue 12)', run: benchExchange },
  audit: { title: 'Audit trail overhead: 10 000 intake saves, on vs off (issue 10)', run: benchAudit },
};

// Suite names; a flag's value (`--people 1000000`) is not one.
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith('-') && !(args[i - 1]?.startsWith('--') && !args[i - 1]?.includes('=')));
console.log(`Amparo benchmarks: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}`);
for (const [name, s] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  printRows(s.title, await s.run());
}
