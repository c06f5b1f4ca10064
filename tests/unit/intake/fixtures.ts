import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The hand-out fixtures live beside the checkout, in ../shared/fixtures. */
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

export interface FixtureName {
  given: string;
  family: string;
  dob?: string;
  aNumber?: string;
  note?: string;
}

export interface NamesFixture {
  people: FixtureName[];
  sameness: { pairs: { a: FixtureName; b: FixtureName; expect: 'likely' | 'possible' | 'distinct'; why: string }[] };
  aNumbers: { valid: [string, string][]; invalid: string[] };
}

export const namesFixture = (): NamesFixture => JSON.parse(readFileSync(`${FIXTURES}names/names.json`, 'utf8')) as NamesFixture;
