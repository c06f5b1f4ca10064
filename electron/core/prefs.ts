/**
 * Preferences that must be readable before unlock (the UI language of the
 * lock screen). They hold no client data, so they live in a small plain JSON
 * file beside the vault rather than inside it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './files';

export const prefsSchema = z.object({ lang: z.enum(['en', 'es']).optional() }).strict();
export type Prefs = z.infer<typeof prefsSchema>;

export const prefsPathFor = (dbPath: string) => join(dirname(dbPath), 'preferences.json');

export function readPrefs(dbPath: string): Prefs {
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(prefsPathFor(dbPath), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // Missing or damaged preferences are not worth an error: defaults apply.
    return {};
  }
}

export function writePrefs(dbPath: string, next: Prefs): Prefs {
  const merged = { ...readPrefs(dbPath), ...next };
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  writeFileAtomic(prefsPathFor(dbPath), JSON.stringify(merged) + '\n');
  return merged;
}
