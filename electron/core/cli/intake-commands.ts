/**
 * Intake from a terminal: CSV import, duplicate check, search and CSV export,
 * through the same core functions and rules as the app. Errors are plain lines
 * naming lines and columns, never cell contents.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ImportIssue, ImportResult } from '../../../shared/contract';
import { parseUsDate } from '../../../shared/schemas/dates';
import { formatANumber, normalizeANumber } from '../../../shared/schemas/anumber';
import {
  assertEncodingName,
  checkGuessedEncoding,
  checkImport,
  commitImport,
  decodeCsvBytes,
  exportPeopleCsv,
  FILE_FATAL_CODES,
  issueText,
  readCsvFile,
  type DefaultChoice,
} from '../intake/csv';
import { EXIT, UsageError, writeCliFile, type CliIO } from './io';
import { dbPathFrom, openVault, parse, type Command } from './vault-commands';

/**
 * Says which encoding the file is read as when it is not UTF-8 or UTF-16 with
 * a BOM, and refuses a doubtful guess (see encoding-check.ts): with no
 * preview in a terminal, nobody would see the mojibake before it is stored.
 */
function announceEncoding(bytes: Uint8Array, encoding: string | undefined, io: CliIO): void {
  const decoded = decodeCsvBytes(bytes, { encoding });
  if (encoding !== undefined) {
    io.err(`Reading the file as ${encoding}, as asked with --encoding.`);
    return;
  }
  const { detected } = checkGuessedEncoding(bytes, decoded);
  if (!decoded.guessed) return;
  const seen = detected ? ` (chardet detected ${detected.name}, ${detected.confidence}% sure)` : '';
  io.err(`Reading the file as ${decoded.encoding}${seen}. Not UTF-8: check the accents of the imported names.`);
}

/** One stderr line per bad row, then exit 4; other errors go to the shared one-line handler. */
function reportImportError(e: unknown, io: CliIO): number {
  if (!(e instanceof AppError) || e.code !== 'CSV_INVALID') throw e;
  const d = (e.details ?? {}) as { errors?: ImportIssue[]; needChoice?: number[] };
  if (d.errors?.length && !d.errors.some((i) => FILE_FATAL_CODES.has(i.code))) {
    const byLine = new Map<number, string[]>();
    for (const issue of d.errors) {
      const text = issueText(issue).replace(/^Line \d+: /, '');
      byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), text]);
    }
    for (const [line, texts] of [...byLine].sort((a, b) => a[0] - b[0])) io.err(`Line ${line}: ${texts.join('; ')}`);
    io.err('Nothing was imported.');
  } else if (d.needChoice?.length) {
    for (const line of d.needChoice) io.err(`Line ${line}: looks like someone already in the vault or earlier in this file`);
    io.err('Nothing was imported. Check these rows, then run again with --on-duplicate skip or --on-duplicate import.');
  } else {
    io.err(`Error: ${e.message}`);
  }
  return EXIT.ERROR;
}

const summary = (r: ImportResult) =>
  `${r.imported} ${r.imported === 1 ? 'person' : 'people'}${r.flagged ? ` (${r.flagged} flagged for review)` : ''}, ${r.merged} merged, ${r.skipped} skipped`;

const checkJson = z
  .object({
    given: z.string().trim().min(1).max(200),
    family: z.string().max(200).default(''),
    dob: z.string().max(20).optional(),
    aNumber: z.string().max(40).optional(),
  })
  .strict();

export const intakeCommands: Record<string, Command> = {
  'import-intakes': {
    usage:
      'import-intakes FILE.csv --db PATH [--dry-run] [--on-duplicate skip|import|fail] [--encoding NAME]   import people from a CSV file, all rows or none',
    async run(args, io) {
      const { values, positionals } = parse(
        args,
        { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'on-duplicate': { type: 'string' }, encoding: { type: 'string' } },
        true,
      );
      if (positionals.length !== 1) throw new UsageError('give exactly one CSV file');
      const onDup = values['on-duplicate'] ?? 'fail';
      if (onDup !== 'skip' && onDup !== 'import' && onDup !== 'fail')
        throw new UsageError("--on-duplicate must be 'skip', 'import' or 'fail'");
      const encoding = values.encoding;
      if (encoding !== undefined) {
        try {
          assertEncodingName(encoding);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
      // The file is read and its encoding judged before the passphrase is asked for.
      const bytes = readCsvFile(positionals[0]!);
      try {
        announceEncoding(bytes, encoding, io);
      } catch (e) {
        return reportImportError(e, io);
      }
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        core.authorize(values['dry-run'] ? 'import.preview' : 'import.commit', {});
        const input = { bytes, encoding, choices: {}, onDuplicate: onDup === 'fail' ? undefined : (onDup as DefaultChoice) };
        try {
          if (values['dry-run']) {
            io.out(`Dry run: would import ${summary(await checkImport(core.ctx(), input))}. Nothing was written.`);
          } else {
            io.out(`Imported ${summary(await commitImport(core.ctx(), input))}.`);
          }
          return EXIT.OK;
        } catch (e) {
          return reportImportError(e, io);
        }
      } finally {
        core.close();
      }
    },
  },
  'check-duplicate': {
    usage: `check-duplicate --db PATH --json '{"given":"…","family":"…","dob":"YYYY-MM-DD","aNumber":"…"}'   list possible duplicates as JSON`,
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' }, json: { type: 'string' } });
      if (values.json === undefined) throw new UsageError('--json is required');
      let raw: unknown;
      try {
        raw = JSON.parse(values.json);
      } catch {
        throw new UsageError('--json is not valid JSON');
      }
      const r = checkJson.safeParse(raw);
      if (!r.success) throw new UsageError('--json needs "given" and may have "family", "dob" and "aNumber" (strings), nothing else');
      const dob = r.data.dob?.trim() ? parseUsDate(r.data.dob) : undefined;
      if (dob === null) throw new UsageError('"dob" must be a real date, YYYY-MM-DD or MM/DD/YYYY');
      const aNumber = r.data.aNumber?.trim() ? normalizeANumber(r.data.aNumber) : undefined;
      if (aNumber === null) throw new UsageError('"aNumber" must be A followed by 8 or 9 digits');
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        const candidates = await core.call('people.checkDuplicates', { given: r.data.given, family: r.data.family, dob, aNumber });
        io.out(
          JSON.stringify(
            candidates.map((c) => ({ ...c, aNumber: c.aNumber ? formatANumber(c.aNumber) : null })),
            null,
            2,
          ),
        );
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
  search: {
    usage: 'search QUERY --db PATH [--json]   find people by name (accents optional), A-number or booking number',
    async run(args, io) {
      const { values, positionals } = parse(args, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
      const query = positionals.join(' ').trim();
      if (!query) throw new UsageError('give something to search for');
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        const rows = (await core.call('people.search', { query, limit: 100 })).map((p) => ({
          id: p.id,
          givenName: p.givenName,
          familyName: p.familyName,
          dob: p.dob,
          aNumber: p.aNumber ? formatANumber(p.aNumber) : null,
          detained: p.detained,
        }));
        if (values.json) io.out(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) io.out('No matches.');
        else {
          for (const p of rows) {
            const name = [p.familyName, p.givenName].filter(Boolean).join(', ');
            io.out([p.id, name, p.dob ?? '-', p.aNumber ?? '-', p.detained ? 'detained' : ''].join('  ').trimEnd());
          }
        }
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
  'export-csv': {
    usage: 'export-csv --db PATH --out FILE [--force]   write everyone to a CSV file (UTF-8, formula-safe); --force overwrites',
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
      const out = values.out;
      if (!out) throw new UsageError('--out FILE is required: the export is written only where you ask');
      const force = values.force === true;
      // Checked before the passphrase prompt too, so nobody types it for nothing.
      if (!force && existsSync(out)) throw new AppError('INVALID_INPUT', `${out} already exists. Add --force to overwrite it.`);
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        core.authorize('import.exportCsv', {});
        const { csv, count } = exportPeopleCsv(core.ctx());
        writeCliFile(out, csv, force);
        io.out(`Exported ${count} ${count === 1 ? 'person' : 'people'} to ${out}.`);
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
};
