import type { Migration } from '../migrate';

/**
 * People by date of birth, for the duplicate check (issue 17).
 *
 * A likely duplicate shares the A-number or the date of birth (the score
 * table in shared/intake/duplicates.ts: a name alone never reaches "likely").
 * Candidates were the 200 people sharing the most name keys; with more than
 * 200 people of the same name (a common name in a coalition's vault), the
 * one born the same day could be left out of those 200 and the likely
 * duplicate was not shown. Everyone born that day is now compared, found
 * here; records merged away are left out of the index.
 */
export const m0021: Migration = {
  version: 21,
  name: 'duplicate-dob',
  up(db) {
    db.exec(`CREATE INDEX people_dob ON people(dob) WHERE dob IS NOT NULL AND merged_into IS NULL;`);
  },
};
