import type { Migration } from '../migrate';
import { EXCHANGE_TABLES_SQL, installChangeTriggers } from '../../exchange/schema';

/**
 * The clinic exchange (issue 12): this device's id and clock, the change log
 * every write records through triggers, per-field clocks for the merge, the
 * clinic's keys and devices, conflicts and sealed field intakes.
 */
export const m0007: Migration = {
  version: 7,
  name: 'exchange',
  up(db) {
    db.exec(EXCHANGE_TABLES_SQL);
    installChangeTriggers(db);
  },
};
