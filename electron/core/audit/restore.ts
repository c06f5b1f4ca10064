/**
 * Field undo for the person record (issue 10): the value a field had before
 * one change, kept in field_history inside the vault, is put back as a new
 * version of the record. It goes through the same save as an edit
 * (updatePerson: STALE_WRITE unless `version` is current, family links
 * checked), and is itself a trail entry naming the field and the change undone.
 */
import { AppError } from '../../../shared/errors';
import { contract } from '../../../shared/contract';
import type { PersonView } from '../../../shared/views';
import type { Ctx } from '../context';
import { getPerson, updatePerson } from '../intake/people';
import { personData, recordFieldChanges } from './service';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** `data` with the field at `path` (top-level key, or key.sub one level down) set to `value`, or removed when undefined. */
function withField(data: Record<string, Json>, path: string, value: Json | undefined): Record<string, Json> {
  const [key, sub] = path.split('.', 2) as [string, string | undefined];
  const out = { ...data };
  if (sub === undefined) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  const inner = { ...((out[key] ?? {}) as Record<string, Json>) };
  if (value === undefined) delete inner[sub];
  else inner[sub] = value;
  out[key] = inner;
  return out;
}

export function restoreField(ctx: Ctx, personId: string, version: number, historyId: number): PersonView {
  const row = ctx.db
    .prepare('SELECT field, old_value, audit_seq FROM field_history WHERE seq = ? AND person_id = ?')
    .get(historyId, personId) as { field: string; old_value: string | null; audit_seq: number | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That earlier value is not in this record’s history.');
  const before = personData(ctx.db, personId);
  if (!before) throw new AppError('NOT_FOUND', 'There is no person with that id.');
  const old = row.old_value === null ? undefined : (JSON.parse(row.old_value) as Json);
  // The record as it would be, checked by the same schema as an edit: an old value the rules no longer accept is refused.
  const parsed = contract['people.update'].input.safeParse({ id: personId, version, data: withField(before, row.field, old) });
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'That earlier value is no longer valid for this field.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  ctx.db.transaction(() => {
    updatePerson(ctx, personId, version, parsed.data.data);
    const after = personData(ctx.db, personId)!;
    recordFieldChanges(ctx, personId, before, after, 'person.restore');
  })();
  return getPerson(ctx, personId);
}
