/**
 * When this vault last imported a bundle from each device: the devices list
 * shows it so a lead sees which laptop has gone quiet. A read only, kept apart
 * from the exchange logic itself.
 */
import type { DB } from '../db/connection';
import { requireMembership } from './clinic';

export interface DeviceActivity {
  deviceId: string;
  /** The newest imported_at of an applied bundle from that device. */
  lastBundleAt: string;
}

export function lastBundles(db: DB): DeviceActivity[] {
  requireMembership(db);
  return db
    .prepare(
      'SELECT from_device AS deviceId, max(imported_at) AS lastBundleAt FROM imported_bundles WHERE applied = 1 GROUP BY from_device ORDER BY from_device',
    )
    .all() as DeviceActivity[];
}
