import type { Migration } from '../migrate';
import { installChangeTriggers } from '../../exchange/schema';
import { recordBaseline } from '../../exchange/changes';

/**
 * Issue 14 §4 with issue 12: EOIR checks travel between a clinic's laptops
 * like events. `eoir_checks` is now in REPLICATED, so its recording triggers
 * are installed; checks recorded before this migration get their insert
 * change now (recordBaseline skips every row whose insert is already logged,
 * so for the other tables this writes nothing). The detention history needs
 * nothing: it lives in the person's record, which already travels.
 */
export const m0016: Migration = {
  version: 16,
  name: 'exchange-eoir-checks',
  up(db) {
    installChangeTriggers(db);
    recordBaseline(db);
  },
};
