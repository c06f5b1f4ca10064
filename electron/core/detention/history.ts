/**
 * Saving a person's detention history (detention.save): the history is stored
 * in the record, the detained flag, current facility, booking number and date
 * detained are derived from it (the people service writes the list columns and
 * the search index, so a search by facility finds the person), the field office
 * comes from the facility list when the facility is on it, and every hearing of
 * the person is put on the docket the history gives for its date; exactly the
 * deadlines of the hearings that changed docket are recomputed. One transaction.
 */
import { AppError } from '../../../shared/errors';
import { detentionNow, withHistory, type DetentionHistory } from '../../../shared/schemas/detention';
import { facilityNamed } from '../../../shared/facilities';
import type { PersonData, PersonView } from '../../../shared/views';
import type { Ctx } from '../context';
import { audit } from '../audit';
import { updatePerson } from '../intake/people';
import { redocketHearings } from '../deadlines/events';
import { activeFacilities } from './facilities';

export interface DetentionSaveResult {
  person: PersonView;
  /** Hearing events whose docket (detained or not) changed, and the deadlines that moved with them. */
  hearings: string[];
  created: string[];
  updated: string[];
  removed: string[];
}

function fieldOfficeFor(ctx: Ctx, h: DetentionHistory): string | undefined {
  const now = detentionNow(h);
  if (!now.detained || !now.facility) return undefined;
  const list = activeFacilities(ctx).dataset.facilities;
  const listed = (now.facilityId ? list.find((f) => f.id === now.facilityId) : undefined) ?? facilityNamed(list, now.facility);
  return listed?.fieldOffice ?? undefined;
}

export function saveDetention(ctx: Ctx, personId: string, version: number, history: DetentionHistory): DetentionSaveResult {
  return ctx.db.transaction((): DetentionSaveResult => {
    const row = ctx.db.prepare('SELECT data, merged_into FROM people WHERE id = ?').get(personId) as
      { data: string; merged_into: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That person is not in this vault.');
    if (row.merged_into) throw new AppError('STALE_WRITE', 'This record was merged into another one. Open that record instead.');
    const data = JSON.parse(row.data) as PersonData;
    const office = fieldOfficeFor(ctx, history);
    const detention = withHistory({ ...data.detention, history, ...(office ? { iceFieldOffice: office } : {}) });
    const person = updatePerson(ctx, personId, version, { ...data, detention });
    const moved = redocketHearings(ctx, personId);
    audit(ctx, 'detention.save', 'person', personId, { stays: history.stays.length, hearings: moved.events.length });
    return { person, hearings: moved.events, ...moved.changes };
  })();
}
