/**
 * A cache, outside the vault, of the decrypted, XFA-free copy (and the field
 * list) of the OFFICIAL blank downloads Amparo ships maps for (issue 15 §3):
 * `fields --blank` then answers without qpdf-wasm or pdf-lib, and `fill` can
 * parse the blank while Argon2id unlocks the vault.
 *
 * Why this may live outside the encrypted vault: a file is cached only when
 * the SHA-256 of the bytes as given equals the `blankSha256` a shipped map
 * records, i.e. it is byte for byte the public form from uscis.gov. What is
 * kept (its decrypted copy and its field names and labels) is computed from
 * those public bytes alone, so it carries no client data. Any other PDF (a
 * filled form someone passes to `fields`, a clinic's own form, an edition we
 * ship no map for) is never cached: its fields could carry names and answers.
 * Files are owner-only (0600, folder 0700), written atomically, checked by
 * SHA-256 when read; a damaged entry is ignored and rewritten. Deleting the
 * folder at any time is safe. `AMPARO_BLANK_CACHE=off` turns it off, and any
 * other value is the folder to use (tests).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FieldInfo } from '../../../shared/forms/types';
import { writeFileAtomic } from '../files';
import { defaultResourcesDir } from './resources-dir';

/** Bumped whenever loadBlank's output or FieldInfo changes, so older entries are not used. */
const VERSION = 1;

export interface CachedBlank {
  /** The decrypted, XFA-free blank (what loadBlank returns as `bytes`). */
  bytes: Uint8Array;
  fields: FieldInfo[];
}

/** The cache folder, or null when turned off. Per-user cache location of each platform. */
export function blankCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const set = env.AMPARO_BLANK_CACHE;
  if (set === 'off') return null;
  if (set) return set;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Amparo', 'blanks');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Amparo', 'blanks');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'Amparo', 'blanks');
}

const official = new Map<string, Set<string>>();

/**
 * SHA-256 of every official blank a shipped map was made from. Read with
 * JSON.parse alone (no schema: only one string is taken, checked by shape),
 * so `fields` stays off zod.
 */
export function officialBlankShas(resourcesDir = defaultResourcesDir()): Set<string> {
  let shas = official.get(resourcesDir);
  if (shas) return shas;
  shas = new Set();
  const root = join(resourcesDir, 'forms');
  let forms: string[] = [];
  try {
    forms = readdirSync(root);
  } catch {
    // No shipped maps: nothing counts as official.
  }
  for (const form of forms) {
    let files: string[];
    try {
      files = readdirSync(join(root, form)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) {
      try {
        const sha = (JSON.parse(readFileSync(join(root, form, f), 'utf8')) as { blankSha256?: unknown }).blankSha256;
        if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) shas.add(sha);
      } catch {
        // A damaged map file is reported where maps are loaded; here it just adds nothing.
      }
    }
  }
  official.set(resourcesDir, shas);
  return shas;
}

/** Here rather than from blank.ts, which loads qpdf-wasm and pdf-lib. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const entry = (dir: string, sha256: string) => ({ pdf: join(dir, `${sha256}.pdf`), meta: join(dir, `${sha256}.json`) });

/** The cached copy of the official blank whose download has this SHA-256, or null (not official, not cached, damaged, off). */
export function readCachedBlank(sha256: string, env: NodeJS.ProcessEnv = process.env): CachedBlank | null {
  const dir = blankCacheDir(env);
  if (!dir || !officialBlankShas().has(sha256)) return null;
  const { pdf, meta } = entry(dir, sha256);
  try {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { version?: unknown; pdfSha256?: unknown; fields?: unknown };
    if (m.version !== VERSION || typeof m.pdfSha256 !== 'string' || !Array.isArray(m.fields)) return null;
    const bytes = new Uint8Array(readFileSync(pdf));
    if (sha256Hex(bytes) !== m.pdfSha256) return null;
    return { bytes, fields: m.fields as FieldInfo[] };
  } catch {
    return null;
  }
}

/**
 * Keeps the decrypted copy of an official blank (`sha256` is that of the
 * download). Does nothing for any other PDF. Best effort: a read-only or
 * full disk only means the next call decrypts again.
 */
export function keepCachedBlank(sha256: string, blank: CachedBlank, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = blankCacheDir(env);
  if (!dir || !officialBlankShas().has(sha256)) return false;
  const { pdf, meta } = entry(dir, sha256);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(pdf, blank.bytes);
    // The metadata goes last: an entry without it (a crash between the two) is never read.
    writeFileAtomic(meta, JSON.stringify({ version: VERSION, pdfSha256: sha256Hex(blank.bytes), fields: blank.fields }));
    return true;
  } catch {
    return false;
  }
}
