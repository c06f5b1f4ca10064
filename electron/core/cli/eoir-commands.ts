/**
 * The EOIR status log from a terminal (issue 14 §4):
 *
 *   eoir-check --db PATH --person ID --next-hearing YYYY-MM-DD [--time HH:MM] [--kind master|individual]
 *              [--judge NAME] [--court NAME] [--portal]
 *       records what EOIR's automated case information said, and prints how it differs from the docket;
 *   eoir-due --db PATH [--json] [--today YYYY-MM-DD]
 *       lists who is due a check (detained not checked in 7 days, others in 30, as set), A-number and name per line.
 *
 * Amparo makes no network request: the paralegal types what the hotline or portal said.
 */
import type { EoirDueRow } from '../../../shared/eoir';
import { EXIT, UsageError, type CliIO } from './io';
import { parse, withVault, type Command } from './vault-commands';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A-number as EOIR's hotline asks for it: nine digits in groups of three. */
export const showANumber = (a: string) => `A${a.slice(0, 3)}-${a.slice(3, 6)}-${a.slice(6)}`;

const FIELD_NAMES = {
  hearingDate: 'hearing date',
  hearingTime: 'hearing time',
  hearingKind: 'hearing kind',
  judge: 'judge',
  court: 'court',
};

async function eoirCheck(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, {
    db: { type: 'string' },
    person: { type: 'string' },
    'next-hearing': { type: 'string' },
    time: { type: 'string' },
    kind: { type: 'string' },
    judge: { type: 'string' },
    court: { type: 'string' },
    portal: { type: 'boolean' },
  });
  if (!values.person) throw new UsageError('--person ID is required');
  const date = values['next-hearing'];
  if (!date) throw new UsageError('--next-hearing YYYY-MM-DD is required (the hearing EOIR gave)');
  if (!DATE.test(date)) throw new UsageError('--next-hearing must be a date as YYYY-MM-DD');
  if (values.time !== undefined && !TIME.test(values.time)) throw new UsageError('--time must be HH:MM (24-hour)');
  if (values.kind !== undefined && values.kind !== 'master' && values.kind !== 'individual') {
    throw new UsageError("--kind must be 'master' or 'individual'");
  }
  const kind = values.kind as 'master' | 'individual' | undefined;
  return withVault(values, io, async (core) => {
    const r = await core.call('eoir.record', {
      personId: values.person!,
      channel: values.portal ? 'portal' : 'hotline',
      hearing: { date, ...(values.time ? { time: values.time } : {}), ...(kind ? { kind } : {}) },
      ...(values.judge ? { judge: values.judge } : {}),
      ...(values.court ? { court: values.court } : {}),
    });
    io.out(`Recorded the EOIR check of ${showANumber(r.check.aNumber)} (${r.check.checkedAt}, by ${r.check.checkedBy}).`);
    if (r.differences.length === 0) io.out('EOIR agrees with the docket.');
    else {
      io.out('EOIR differs from the docket:');
      for (const d of r.differences) io.out(`  ${FIELD_NAMES[d.field]}: docket ${d.docket ?? '(none)'}, EOIR ${d.eoir ?? '(none)'}`);
      io.out('Open the person in Amparo to update the case and its hearing from this check.');
    }
    return EXIT.OK;
  });
}

function line(r: EoirDueRow): string {
  const last = r.lastCheckedAt ? `last checked ${r.lastCheckedAt.slice(0, 10)} (${r.daysSince} days)` : 'never checked';
  return `${showANumber(r.aNumber)}  ${r.name}${r.detained ? `  [detained${r.facility ? `: ${r.facility}` : ''}]` : ''}  ${last}`;
}

async function eoirDue(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { db: { type: 'string' }, json: { type: 'boolean' }, today: { type: 'string' } });
  if (values.today !== undefined && !DATE.test(values.today)) throw new UsageError('--today must be a date as YYYY-MM-DD');
  return withVault(values, io, async (core) => {
    const due = await core.call('eoir.due', values.today ? { today: values.today } : {});
    if (values.json) {
      io.out(JSON.stringify(due.rows));
      return EXIT.OK;
    }
    io.out(
      `Due an EOIR check on ${due.today} (detained: ${due.intervals.detainedDays} days, others: ${due.intervals.otherDays} days): ${due.rows.length}`,
    );
    for (const r of due.rows) io.out(line(r));
    return EXIT.OK;
  });
}

export const eoirCommands: Record<string, Command> = {
  'eoir-check': {
    usage:
      'eoir-check --db PATH --person ID --next-hearing YYYY-MM-DD [--time HH:MM] [--kind master|individual] [--judge NAME] [--court NAME] [--portal]   record what EOIR said',
    run: eoirCheck,
  },
  'eoir-due': {
    usage: 'eoir-due --db PATH [--json] [--today YYYY-MM-DD]   who is due an EOIR check (A-number and name, one per line)',
    run: eoirDue,
  },
};
