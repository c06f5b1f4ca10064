import type { Migration } from '../migrate';
import { installChangeTriggers } from '../../exchange/schema';

/**
 * Issue 12: the change log records a person's (and a case's) JSON record per
 * field (`data.person.phone`, `data.notes`) instead of as one value, so two
 * devices editing different fields of one person merge without a conflict.
 * Only the recording triggers change; changes already in the log keep their
 * whole-column form, which the merge still applies (a write to `data` holds
 * every field inside it).
 */
export const m0013: Migration = {
  version: 13,
  name: 'exchange-field-paths',
  up(db) {
    installChangeTriggers(db);
  },
};
