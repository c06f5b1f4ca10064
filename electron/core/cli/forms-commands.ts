/**
 * PDF forms from a terminal. `fields` needs no vault: it lists what a blank
 * can hold. `fill` fills a blank for one person of the vault and writes the
 * PDF only to --out (atomically, refusing to overwrite without --force), and
 * records the fill in the person's history like the app does.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MAX_BLANK_BYTES, SHIPPED_FORMS } from '../../../shared/forms/limits';
import { AppError } from '../../../shared/errors';
import type { FieldMap } from '../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../shared/forms/types';
import { basename } from 'node:path';
import type { LoadedBlank } from '../forms/blank';
import { keepCachedBlank, officialBlankShas, readCachedBlank, sha256Hex, type CachedBlank } from '../forms/blank-cache';
import { withPlainPdfErrors } from '../forms/service/errors';
import { EXIT, UsageError, writeCliFile, type CliIO } from './io';
import type { Command } from './vault-commands';

/**
 * The vault (SQLite, Argon2, the whole core) and the fill engine (fontkit,
 * whose start alone decompresses its Unicode tables) load only for `fill`;
 * qpdf-wasm and pdf-lib only when a blank is not in the public blank cache
 * (blank-cache.ts), and zod (map schema, contract) only for `fill`: `fields`
 * needs none of them for a cached official blank, and its start is what
 * people wait for.
 */
const vault = () => import('./vault-commands');
const fills = () => import('../forms/service/fills');
const templates = () => import('../forms/service/templates');
const engineBlank = () => import('../forms/blank');

/**
 * Decrypts and lists a blank that is not cached; an official blank (one a
 * shipped map was made from) is prepared as an import would and cached for
 * the next call, any other PDF is only read (it may be client data).
 */
async function uncachedBlank(bytes: Uint8Array, sha256: string, env: NodeJS.ProcessEnv): Promise<{ fields: FieldInfo[] }> {
  const { listBlankFields, loadBlank } = await engineBlank();
  return withPlainPdfErrors(async () => {
    if (!officialBlankShas().has(sha256)) return listBlankFields(bytes);
    const loaded = await loadBlank(bytes);
    keepCachedBlank(sha256, loaded, env);
    return loaded;
  });
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function readInput(path: string, max: number, what: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    throw new AppError('NOT_FOUND', `Cannot read the ${what}: check the path.`);
  }
  if (size > max) throw new AppError('PDF_INVALID', `The ${what} is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  return new Uint8Array(await readFile(path));
}

type OpenCore = Awaited<ReturnType<Awaited<ReturnType<typeof vault>>['openVault']>>;

/**
 * The decrypted, XFA-free blank for this download: the vault keeps one per
 * SHA-256 (a form template, as the app's import makes), so only the first
 * fill of a download decrypts it, and not even that one when the public
 * blank cache has it (`cached`). `check` runs before anything is stored:
 * a refused blank leaves no template behind.
 */
async function blankFromVault(
  core: OpenCore,
  path: string,
  original: Uint8Array,
  sha256: string,
  cached: CachedBlank | null,
  env: NodeJS.ProcessEnv,
  check: (blank: { fields: LoadedBlank['fields'] }) => void,
): Promise<{ bytes: Uint8Array; fields: LoadedBlank['fields'] }> {
  const { encodeBase64, importBlank, templateBySha } = await templates();
  const kept = templateBySha(core.ctx(), sha256);
  // The cached copy is preferred even when the vault keeps one: both come from this same public
  // download, and the cached one is what was parsed while Argon2id ran (qpdf gives each decryption
  // a new /ID, so the two copies differ in bytes).
  if (kept && !cached) {
    check(kept);
    return { bytes: kept.blank, fields: kept.fields };
  }
  const loaded = cached ? { ...cached, sha256 } : await withPlainPdfErrors(async () => (await engineBlank()).loadBlank(original));
  check(loaded);
  if (!kept) {
    core.authorize('forms.importBlank', {});
    await importBlank(() => core.ctx(), { fileName: basename(path), dataBase64: encodeBase64(original) }, loaded);
  }
  if (!cached) keepCachedBlank(sha256, loaded, env);
  return loaded;
}

async function readMapFile(path: string): Promise<FieldMap> {
  const { parseFieldMap } = await import('../../../shared/forms/map-schema');
  const text = new TextDecoder().decode(await readInput(path, 5 * 1024 * 1024, 'field map'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', 'The field map is not valid JSON.');
  }
  return parseFieldMap(json);
}

function editionHint(e: unknown): unknown {
  if (!(e instanceof AppError) || e.code !== 'PDF_WRONG_EDITION') return e;
  const d = (e.details ?? {}) as { missing?: string[]; added?: string[] };
  return new AppError(
    'PDF_WRONG_EDITION',
    `${e.message} (${d.missing?.length ?? 0} mapped fields missing, ${d.added?.length ?? 0} new fields). ` +
      'Check that you downloaded the right form, or add --accept-edition to fill the fields that still match.',
    e.details,
  );
}

/** A map that reads the attorney block, and no attorney set: say so before the PDF goes out half-empty. */
async function warnWithoutAttorney(core: OpenCore, map: FieldMap, io: CliIO): Promise<void> {
  const sources = Object.values(map.fields).flatMap((e) => (!('source' in e) ? [] : Array.isArray(e.source) ? e.source : [e.source]));
  if (!sources.some((s) => s === 'attorney' || s.startsWith('attorney.'))) return;
  if ((await core.call('forms.getAttorney', {})).attorney) return;
  io.err(
    'Warning: no attorney or representative is set, so their part of the form is left empty. ' +
      'Set it once with: npm run amparo -- attorney --db PATH --set-json \'{"givenName":…}\'',
  );
}

export const formCommands: Record<string, Command> = {
  fields: {
    usage:
      'fields --blank PATH [--json]   list the fillable fields of a blank PDF (name, type, label, page, options, maxLen); no vault needed',
    async run(args, io) {
      const { values } = parse(args, { blank: { type: 'string' }, json: { type: 'boolean' } });
      if (!values.blank) throw new UsageError('--blank PATH is required');
      const bytes = await readInput(values.blank, MAX_BLANK_BYTES, 'blank PDF');
      const sha256 = sha256Hex(bytes);
      const { fields } = readCachedBlank(sha256, io.env) ?? (await uncachedBlank(bytes, sha256, io.env));
      const rows = fields.map((f) => ({
        name: f.name,
        type: f.type,
        label: f.label,
        page: f.page,
        options: f.options,
        ...(f.maxLen !== undefined ? { maxLen: f.maxLen } : {}),
      }));
      if (values.json) {
        io.out(JSON.stringify(rows, null, 2));
      } else {
        for (const r of rows) {
          const extra = [
            r.maxLen !== undefined ? `max ${r.maxLen}` : '',
            r.options.length ? `options: ${r.options.join(' | ')}` : '',
          ].filter(Boolean);
          io.out([`p${r.page}`, r.type, r.name, r.label, ...extra].join('\t'));
        }
        io.out(`${rows.length} fields`);
      }
      return EXIT.OK;
    },
  },
  fill: {
    usage:
      'fill --blank PATH (--form g-28|i-589|i-765|ar-11 | --map MAP.json) --person ID --db PATH --out PATH [--matter TEXT] [--accept-edition] [--flatten] [--force]   fill a form for one person (--matter: the G-28 Part 3 specific matter)',
    async run(args, io) {
      const { values } = parse(args, {
        blank: { type: 'string' },
        form: { type: 'string' },
        map: { type: 'string' },
        person: { type: 'string' },
        db: { type: 'string' },
        out: { type: 'string' },
        matter: { type: 'string' },
        'accept-edition': { type: 'boolean' },
        flatten: { type: 'boolean' },
        force: { type: 'boolean' },
      });
      if (!values.blank) throw new UsageError('--blank PATH is required');
      if (!values.out) throw new UsageError('--out PATH is required: the filled form is written only where you ask');
      if (!values.person) throw new UsageError('--person ID is required');
      const matter = values.matter?.trim();
      if (values.matter !== undefined && (!matter || matter.length > 500 || /\p{Cc}/u.test(matter))) {
        throw new UsageError('--matter must be one line of text, at most 500 characters');
      }
      if (!ID.test(values.person)) throw new UsageError('--person must be a record ID (as printed by `search`)');
      if ((values.form === undefined) === (values.map === undefined)) throw new UsageError('give either --form or --map');
      if (values.form !== undefined && !(SHIPPED_FORMS as readonly string[]).includes(values.form)) {
        throw new UsageError(`--form must be one of ${SHIPPED_FORMS.join(', ')}`);
      }
      const out = values.out;
      const force = values.force === true;
      const accept = values['accept-edition'] === true;
      if (
        !force &&
        (await stat(out).then(
          () => true,
          () => false,
        ))
      ) {
        throw new AppError('INVALID_INPUT', `${out} already exists. Add --force to overwrite it.`);
      }

      // The files are read and the map chosen before the passphrase is asked for; the blank is decrypted
      // after it, only when the vault does not already keep this download (see blankFromVault).
      const original = await readInput(values.blank, MAX_BLANK_BYTES, 'blank PDF');
      const [{ looksLikePdf }, { shippedMapFor }, { assertEdition, assertMapFits, compareEdition }] = await Promise.all([
        import('../forms/decrypt'),
        import('../forms/service/shipped'),
        import('../forms/edition'),
      ]);
      if (!looksLikePdf(original)) throw new AppError('PDF_INVALID', 'The blank is not a PDF. Download the form again from uscis.gov.');
      const sha256 = sha256Hex(original);
      const map = values.form !== undefined ? await shippedMapFor(values.form, sha256) : await readMapFile(values.map!);
      if (!map) throw new AppError('NOT_FOUND', `No field map ships for ${values.form}.`);
      const cached = readCachedBlank(sha256, io.env);

      const { dbPathFrom, openVault } = await vault();
      // While the passphrase is read and Argon2id runs off the main thread: load the fill engine and its
      // fonts, and parse a cached official blank (the fill's parsed-blank copy then starts from it).
      const engine = Promise.all([
        fills(),
        import('../forms/fonts').then((f) => f.warmFonts()),
        cached ? import('../forms/pdf').then((p) => p.primeBlank(cached.bytes, { once: true })) : undefined,
      ]);
      engine.catch(() => undefined); // awaited below, where a failure is reported
      const unlockStart = performance.now();
      const core = await openVault(dbPathFrom(values, io), io);
      // For `npm run bench -- forms`, which reports the fill with and without the unlock (Argon2id, slow by design).
      if (io.env.AMPARO_BENCH_TIMING === '1') io.err(`timing: unlock ${(performance.now() - unlockStart).toFixed(1)} ms`);
      try {
        const [{ fillForPerson }] = await engine;
        core.authorize('forms.fill', { personId: values.person, ...(map.form === 'g-28' ? { form: 'g-28' } : {}) });
        const blank = await blankFromVault(core, values.blank, original, sha256, cached, io.env, (b) => {
          assertMapFits(map, b.fields);
          try {
            assertEdition(
              map,
              compareEdition(
                map,
                b.fields.map((f) => f.name),
                sha256,
              ),
              sha256,
              accept,
            );
          } catch (e) {
            throw editionHint(e);
          }
        });
        await warnWithoutAttorney(core, map, io);
        const { pdf } = await fillForPerson(() => core.ctx(), {
          blank: blank.bytes,
          blankSha256: sha256,
          map,
          templateId: null,
          personId: values.person,
          ...(matter !== undefined ? { matter } : {}),
          kind: 'fill',
          acceptEditionMismatch: accept,
          flatten: values.flatten === true,
          deliver: async (bytes) => writeCliFile(out, bytes, force),
        });
        // Field names and problem kinds only: never a value.
        for (const w of pdf.warnings) io.err(`Warning: ${w.message}${w.field ? ` [${w.field}]` : ''}`);
        const overflow = pdf.overflow.length ? `, ${pdf.overflow.length} on the addendum page` : '';
        io.out(
          `Wrote ${out}: ${map.form.toUpperCase()} edition ${map.edition}, ${pdf.pageCount} pages, ${pdf.filled} fields filled${overflow}. sha256 ${pdf.sha256}`,
        );
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
};
