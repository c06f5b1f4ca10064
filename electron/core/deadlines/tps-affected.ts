/**
 * Who a TPS country affects: for each country of the active dataset, the
 * people in the vault whose TPS country it is, with the dates a clinic acts
 * on (their re-registration deadline, their work permit's expiry and the
 * country's automatic EAD extension). The TPS page lists them; a "TPS drive"
 * batch fill can take the same list.
 *
 * A person matches a country the way their TPS deadlines do (countryIndex:
 * 'SV', 'El Salvador', 'el salvador' alike); people whose TPS was denied are
 * left out, as they get no TPS deadlines. Reads only.
 */
import { AppError } from '../../../shared/errors';
import type { TpsCountry } from '../../../shared/tps';
import type { TpsAffectedCountry, TpsAffectedPerson, TpsAffectedView } from '../../../shared/views';
import type { Ctx } from '../context';
import { activeDataset, countryIndex, fold } from './tps';

interface Row {
  id: string;
  given_name: string;
  family_name: string;
  detained: number;
  country: string;
  tps_status: string | null;
  ead_expiry: string | null;
}

// The people_report_tps index (json_extract of the TPS country) answers the filter.
const PEOPLE_SQL = `SELECT id, given_name, family_name, detained,
    json_extract(data, '$.history.tpsCountry') AS country, json_extract(data, '$.history.tpsStatus') AS tps_status,
    json_extract(data, '$.history.eadExpiry') AS ead_expiry
  FROM people WHERE merged_into IS NULL AND json_extract(data, '$.history.tpsCountry') IS NOT NULL
  ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id`;

/** Open re-registration deadlines by `${personId} ${country}`: the date the person must act by (an override wins). */
function reRegistrationDue(ctx: Ctx): Map<string, string> {
  const rows = ctx.db
    .prepare(`SELECT person_id, tps_ref, due FROM deadlines WHERE tps_ref LIKE '%:re-registration-close' AND status = 'open'`)
    .all() as Array<{ person_id: string; tps_ref: string; due: string }>;
  return new Map(rows.map((r) => [`${r.person_id} ${r.tps_ref.split(':')[0]}`, r.due]));
}

function countryView(entry: TpsCountry, people: TpsAffectedPerson[], limit: number): TpsAffectedCountry {
  return {
    country: entry.country,
    name: entry.name,
    status: entry.status,
    reRegistration: entry.reRegistration ?? null,
    eadAutoExtendedTo: entry.eadAutoExtendedTo ?? null,
    endDate: entry.endDate ?? null,
    total: people.length,
    people: people.slice(0, limit),
    truncated: people.length > limit,
  };
}

export function tpsAffected(ctx: Ctx, q: { country?: string; limit: number }): TpsAffectedView {
  const { dataset } = activeDataset(ctx);
  const entries = q.country === undefined ? dataset.countries : dataset.countries.filter((c) => c.country === q.country);
  if (entries.length === 0) throw new AppError('NOT_FOUND', 'That country is not in the TPS dataset in use.');
  const index = countryIndex(dataset);
  const due = reRegistrationDue(ctx);
  const byCountry = new Map<string, TpsAffectedPerson[]>(entries.map((e) => [e.country, []]));
  for (const r of ctx.db.prepare(PEOPLE_SQL).all() as Row[]) {
    if (r.tps_status === 'denied') continue;
    for (const entry of index.get(fold(r.country)) ?? []) {
      byCountry.get(entry.country)?.push({
        personId: r.id,
        givenName: r.given_name,
        familyName: r.family_name,
        detained: r.detained === 1,
        tpsStatus: r.tps_status,
        reRegistrationDue: due.get(`${r.id} ${entry.country}`) ?? null,
        eadExpiry: r.ead_expiry,
        eadAutoExtendedTo: entry.eadAutoExtendedTo ?? null,
      });
    }
  }
  return { asOf: dataset.asOf, countries: entries.map((e) => countryView(e, byCountry.get(e.country)!, q.limit)) };
}
