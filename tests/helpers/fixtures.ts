import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './env';

export interface FixturePerson {
  given: string;
  family: string;
  note: string;
}

export interface NamesFixture {
  people: FixturePerson[];
  sameness: {
    pairs: Array<{ a: Record<string, string>; b: Record<string, string>; expect: 'likely' | 'possible' | 'distinct'; why: string }>;
  };
  aNumbers: { valid: [string, string][]; invalid: string[] };
}

export const namesFixture = (): NamesFixture => JSON.parse(readFileSync(join(FIXTURES, 'names', 'names.json'), 'utf8'));
