/**
 * A person's duplicate keys as stored in `person_keys`: the name's and each
 * alias's (shared/intake/names.ts nameKeys), every one beside whether the
 * person holds an A-number (migration 0024), which lets the check leave out
 * candidates holding another A-number without reading them. Written by the
 * people service for local saves and by the exchange for applied changes:
 * one definition, so the two cannot store different keys.
 */
import { nameKeys } from '../../../shared/intake/duplicates';
import type { PersonData } from './records';

export const INSERT_PERSON_KEY = 'INSERT OR IGNORE INTO person_keys(person_id, key, has_a_number) VALUES (?, ?, ?)';

export interface PersonKeys {
  keys: string[];
  /** 1 when the name's keys hold an A-number key: the A-number is valid, as the matcher reads it. */
  hasANumber: 0 | 1;
}

export function personKeysOf(person: PersonData['person']): PersonKeys {
  const own = nameKeys({ given: person.givenName, family: person.familyName, dob: person.dob, aNumber: person.aNumber });
  const keys = new Set(own);
  for (const alias of person.aliases) for (const k of nameKeys({ given: alias, family: '' })) keys.add(k);
  return { keys: [...keys], hasANumber: own.some((k) => k.startsWith('a:')) ? 1 : 0 };
}

/** Inserts the keys with a compiled INSERT_PERSON_KEY statement. */
export function insertPersonKeys(insert: { run(...params: unknown[]): unknown }, id: string, person: PersonData['person']): void {
  const { keys, hasANumber } = personKeysOf(person);
  for (const k of keys) insert.run(id, k, hasANumber);
}
