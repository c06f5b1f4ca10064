/**
 * `docket`: the paralegal's list from a terminal, the same as the app's
 * docket: open deadlines and scheduled hearings from overdue to N days ahead
 * (or every open one), by group, detained people first, then by date. Every
 * page of every group is read, so nothing is cut off.
 */
import type { DocketGroup, DocketGroupKey, DocketRow } from '../../../shared/views';
import type { Core } from '../app';
import { EXIT, UsageError, type CliIO } from './io';
import { dbPathFrom, openVault, parse, type Command } from './vault-commands';

const PAGE = 5000;

export interface DocketItem {
  date: string;
  kind: 'deadline' | 'hearing';
  title: string;
  personId: string;
  personName: string;
  detained: boolean;
  /** null for hearings, which follow no rule. */
  citation: string | null;
  group: DocketGroupKey | 'notice';
  overdue: boolean;
  /** Hearings: HH:MM, court and judge when the case gives them. */
  time: string | null;
  court: string | null;
  judge: string | null;
}

const GROUP_TITLES: Record<DocketGroupKey | 'notice', string> = {
  overdue: 'Overdue',
  today: 'Today',
  next7: 'Next 7 days',
  next30: 'Next 30 days',
  later: 'Later',
  notice: 'For information (not overdue)',
};

function itemOf(r: DocketRow, group: DocketGroupKey | 'notice', today: string): DocketItem {
  return {
    date: r.due,
    kind: r.kind,
    title: r.label.en,
    personId: r.personId,
    personName: r.personName,
    detained: r.detained,
    citation: r.kind === 'hearing' ? null : r.citation,
    group,
    overdue: group !== 'notice' && r.due < today,
    time: r.hearing?.time ?? null,
    court: r.hearing?.court ?? null,
    judge: r.hearing?.judge ?? null,
  };
}

export function parseDays(raw: string | undefined): number | null {
  if (raw === undefined) return 30;
  if (raw === 'all') return null;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 36_500) throw new UsageError("--days must be a whole number of days (0 to 36500) or 'all'");
  return Number(raw);
}

/** Every row of every group, page by page. */
async function readAll(
  core: Core,
  days: number | null,
): Promise<{ today: string; groups: Array<[DocketGroup, DocketRow[]]>; notices: DocketRow[] }> {
  const first = await core.call('docket.list', { days, limit: PAGE });
  const groups: Array<[DocketGroup, DocketRow[]]> = [];
  for (const g of first.groups) {
    const rows = [...g.rows];
    while (rows.length < g.total) {
      const next = await core.call('docket.list', { days, today: first.today, group: g.key, offset: rows.length, limit: PAGE });
      const page = next.groups[0]?.rows ?? [];
      if (page.length === 0) break; // changed under us: show what there is
      rows.push(...page);
    }
    groups.push([g, rows]);
  }
  return { today: first.today, groups, notices: first.notices };
}

function line(i: DocketItem): string {
  const what = i.kind === 'hearing' ? [i.title, i.time, i.court, i.judge].filter(Boolean).join(', ') : i.title;
  return [i.date, i.kind.padEnd(8), what, `${i.personName}${i.detained ? ' (detained)' : ''}`, i.personId, i.citation ?? '']
    .join('  ')
    .trimEnd();
}

export const docketCommands: Record<string, Command> = {
  docket: {
    usage: 'docket --db PATH [--days N|all] [--json]   open deadlines and hearings, overdue to N days ahead (30 by default)',
    async run(args, io: CliIO) {
      const { values } = parse(args, { db: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' } });
      const days = parseDays(values.days);
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        const { today, groups, notices } = await readAll(core, days);
        const items = groups.flatMap(([g, rows]) => rows.map((r) => itemOf(r, g.key, today)));
        const info = notices.map((r) => itemOf(r, 'notice', today));
        if (values.json) {
          io.out(JSON.stringify([...items, ...info], null, 2));
          return EXIT.OK;
        }
        const range = days === null ? 'every open deadline and hearing' : `overdue and the next ${days} days`;
        io.out(`Docket for ${today}: ${items.length} ${items.length === 1 ? 'item' : 'items'} (${range}).`);
        for (const [g, rows] of groups) {
          if (rows.length === 0) continue;
          io.out('');
          io.out(`${GROUP_TITLES[g.key]} (${rows.length})`);
          for (const r of rows) io.out('  ' + line(itemOf(r, g.key, today)));
        }
        if (info.length) {
          io.out('');
          io.out(`${GROUP_TITLES.notice} (${info.length})`);
          for (const i of info) io.out('  ' + line(i));
        }
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
};
