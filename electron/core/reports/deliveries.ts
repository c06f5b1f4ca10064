/**
 * Delivery tokens for summaries: the forms service's PendingFills (a row in
 * the case history once the file is saved, never before), plus group tokens
 * for a combined batch PDF, which records one row per person in it.
 */
import { newId, type Ctx } from '../context';
import { PendingFills } from '../forms/service/deliveries';
import type { FillRecord } from '../forms/service/fills';

const MAX_GROUPS = 50;

export class SummaryDeliveries {
  private readonly fills: PendingFills;
  private readonly groups = new Map<string, string[]>();

  constructor(getCtx: () => Ctx) {
    this.fills = new PendingFills(getCtx);
  }

  add(record: FillRecord): string {
    return this.fills.add(record);
  }

  /** One token standing for several: delivering it delivers each. */
  group(tokens: string[]): string {
    const token = newId();
    this.groups.set(token, tokens);
    for (const key of this.groups.keys()) {
      if (this.groups.size <= MAX_GROUPS) break;
      this.groups.delete(key);
    }
    return token;
  }

  deliver(token: string): { fillId: string } {
    const members = this.groups.get(token);
    if (!members) return this.fills.deliver(token);
    const ids = members.map((m) => this.fills.deliver(m).fillId);
    return { fillId: ids[0]! };
  }
}
