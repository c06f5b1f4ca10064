/**
 * CSV import: preview (read-only) and commit (all or nothing).
 *
 * Commit re-reads and re-checks the bytes it is given and lands the whole
 * file in ONE transaction, or nothing: a half-imported training spreadsheet
 * is worse than none, since volunteers cannot tell which rows landed and
 * importing again would duplicate the ones that did.
 */
import { AppError } from '../../../../shared/errors';
import type { ImportChoice, ImportIssue, ImportPreview, ImportResult } from '../../../../shared/contract';
import { newId, type Ctx } from '../../context';
import { audit } from '../../audit';
import { inTransaction, runJob, type Job, type JobOptions } from '../../jobs';
import { insertPerson, mergePeople } from '../people';
import { recordDecision, type Decision } from '../duplicates';
import { analyzeCsv, hasLikely, toPreview, type AnalyzedRow, type Mapping } from './analyze';
import { issuesSummary, linesList } from './messages';

export interface PreviewInput {
  bytes: Uint8Array;
  mapping?: Mapping | undefined;
  /** The encoding the user named (CLI --encoding); detected when absent. */
  encoding?: string | undefined;
}

export async function previewImport(ctx: Ctx, input: PreviewInput, opts: JobOptions = {}): Promise<ImportPreview> {
  return runJob({ cancelMessage: 'The preview was cancelled.', ...opts }, async (job) => toPreview(await analyzeCsv(ctx, input, job)));
}

/** What to do with likely duplicates the caller left without a choice (the CLI's --on-duplicate). */
export type DefaultChoice = 'import' | 'skip' | 'import-and-flag';

export interface CommitInput extends PreviewInput {
  /** Keyed by line number (as a string, as JSON carries it). */
  choices: Record<string, ImportChoice>;
  onDuplicate?: DefaultChoice | undefined;
}

const CANCELLED = 'The import was cancelled. Nothing was saved.';

const invalid = (message: string, details: Record<string, unknown>) => new AppError('CSV_INVALID', message, details);

/** Every row's choice, or the reasons the file cannot land as asked. */
function decide(rows: AnalyzedRow[], fileErrors: ImportIssue[], input: CommitInput): Map<number, ImportChoice> {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const unknown = Object.keys(input.choices)
    .map(Number)
    .filter((l) => !byLine.has(l))
    .sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw invalid(`The choices name lines that are not rows of this file: ${linesList(unknown)}. Preview the file again.`, {
      unknownLines: unknown,
    });
  }

  const issues: ImportIssue[] = [...fileErrors];
  const needChoice: number[] = [];
  const badMerge: number[] = [];
  const choices = new Map<number, ImportChoice>();
  for (const row of rows) {
    const given = input.choices[String(row.line)];
    if (row.errors.length > 0) {
      if (given !== 'skip') issues.push(...row.errors.map((e) => ({ line: row.line, ...e })));
      choices.set(row.line, 'skip');
      continue;
    }
    if (given === undefined && hasLikely(row)) {
      if (input.onDuplicate) choices.set(row.line, input.onDuplicate);
      else needChoice.push(row.line);
      continue;
    }
    if (given !== undefined && typeof given === 'object' && !row.duplicates.some((d) => d.source === 'vault' && d.id === given.mergeInto)) {
      badMerge.push(row.line);
    }
    choices.set(row.line, given ?? 'import');
  }

  if (issues.length > 0) {
    throw invalid(`Nothing was imported. Fix these lines or choose to skip them: ${issuesSummary(issues)}`, { errors: issues });
  }
  if (needChoice.length > 0) {
    throw invalid(
      `Nothing was imported. ${needChoice.length === 1 ? `Line ${needChoice[0]} looks like someone` : `Lines ${linesList(needChoice)} look like people`} already in the vault or earlier in this file: choose for each whether to import, skip, merge or import and flag.`,
      { needChoice },
    );
  }
  if (badMerge.length > 0) {
    throw invalid(
      `Nothing was imported. Line ${linesList(badMerge)}: the record chosen to merge into is not a match for that row. Preview the file again.`,
      {
        badMerge,
      },
    );
  }
  return choices;
}

/** What commit would do, by the same rules, without writing (the CLI's --dry-run). */
export async function checkImport(ctx: Ctx, input: CommitInput, opts: JobOptions = {}): Promise<ImportResult> {
  return runJob({ cancelMessage: 'The check was cancelled.', ...opts }, async (job) => {
    const analysis = await analyzeCsv(ctx, input, job);
    const choices = decide(analysis.rows, analysis.fileErrors, input);
    const result: ImportResult = { imported: 0, skipped: 0, merged: 0, flagged: 0 };
    for (const c of choices.values()) {
      if (c === 'skip') result.skipped++;
      else if (typeof c === 'object') result.merged++;
      else {
        result.imported++;
        if (c === 'import-and-flag') result.flagged++;
      }
    }
    return result;
  });
}

/** Rows written between yields: small enough that jobs.status and a cancel get through often. */
const WRITE_BATCH = 50;

export async function commitImport(ctx: Ctx, input: CommitInput, opts: JobOptions = {}): Promise<ImportResult> {
  return runJob({ ...opts, cancelMessage: CANCELLED }, (job) => commitWithJob(ctx, input, job));
}

/**
 * The import as a job's work (the runner's 'import.commit', or runJob above).
 * Checks and writes share one IMMEDIATE transaction, held open across yields
 * so progress and a cancel get through: the duplicate check sees exactly
 * what the writes land on, and any throw (bad row, cancel, a lock) rolls
 * everything back. The runner keeps every other operation out while it is
 * open (an exclusive job), so nothing else is rolled back with it.
 */
export async function commitWithJob(ctx: Ctx, input: CommitInput, job: Job): Promise<ImportResult> {
  return inTransaction(ctx.db, async (): Promise<ImportResult> => {
    const analysis = await analyzeCsv(ctx, input, job);
    const choices = decide(analysis.rows, analysis.fileErrors, input);
    const result: ImportResult = { imported: 0, skipped: 0, merged: 0, flagged: 0 };
    const idOfLine = new Map<number, string>();
    const toWrite = analysis.rows.length;
    for (const [i, row] of analysis.rows.entries()) {
      const choice = choices.get(row.line)!;
      if (choice === 'skip' || !row.record) {
        result.skipped++;
      } else {
        // The bulk path: compiled statements, no savepoint and no read-back per row (issue 17).
        const id = insertPerson(ctx, row.record);
        idOfLine.set(row.line, id);
        if (typeof choice === 'object') {
          recordDecision(ctx, id, choice.mergeInto, 'same-person');
          mergePeople(ctx, choice.mergeInto, id);
          result.merged++;
        } else {
          const flag = choice === 'import-and-flag';
          const decision: Decision = flag ? 'needs-review' : 'new-person';
          // "Import" answers the likely matches the user was shown; "flag" marks every candidate for review.
          for (const d of row.duplicates.filter((x) => flag || x.strength === 'likely')) {
            const other = d.source === 'vault' ? d.id : idOfLine.get(d.line!);
            if (other) recordDecision(ctx, id, other, decision);
          }
          result.imported++;
          if (flag) result.flagged++;
        }
      }
      job.progress('write', i + 1, toWrite);
      if ((i + 1) % WRITE_BATCH === 0) await job.yield();
    }
    audit(ctx, 'import.csv', 'import', newId(), { rows: toWrite, ...result });
    return result;
  });
}

/** The phases of an import, in order, for the runner's progress. */
export const COMMIT_PHASES = ['check', 'duplicates', 'write'] as const;
export { CANCELLED as IMPORT_CANCELLED };
