/**
 * Fills made but not yet delivered. A fill hands the UI its bytes and a
 * token; the UI calls forms.recordDelivery(token) once the save dialog (or
 * the browser download) has put the file somewhere, and only then does the
 * case history gain its row. A cancelled save records nothing, so the
 * history never claims a form was produced that nobody has.
 *
 * Tokens live in memory, belong to the session they were made in (a lock
 * drops them) and are bounded: the oldest undelivered ones are forgotten.
 */
import { AppError } from '../../../../shared/errors';
import { newId, type Ctx } from '../../context';
import type { DB } from '../../db/connection';
import { recordFill, type FillRecord } from './fills';

/** Undelivered fills kept; a clinic saves each form within minutes, and each entry is a few hundred bytes. */
const MAX_PENDING = 500;

interface Pending {
  db: DB;
  record: FillRecord;
  /** Set once recorded: saving the same file again records nothing more. */
  fillId?: string;
}

export class PendingFills {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly getCtx: () => Ctx) {}

  /** A token for a fill just made on the open vault. */
  add(record: FillRecord): string {
    const ctx = this.getCtx();
    for (const [token, p] of this.pending) if (p.db !== ctx.db) this.pending.delete(token);
    const token = newId();
    this.pending.set(token, { db: ctx.db, record });
    // Maps keep insertion order: the first keys are the oldest.
    for (const token of this.pending.keys()) {
      if (this.pending.size <= MAX_PENDING) break;
      this.pending.delete(token);
    }
    return token;
  }

  /** Records the delivered fill once; a second call for the same token returns the same row. */
  deliver(token: string): { fillId: string } {
    const ctx = this.getCtx();
    const p = this.pending.get(token);
    if (!p || p.db !== ctx.db) {
      throw new AppError('NOT_FOUND', 'This filled form can no longer be recorded (the vault was locked since). Fill it again.');
    }
    p.fillId ??= recordFill(ctx, p.record);
    return { fillId: p.fillId };
  }
}
