/**
 * `report caseload|stats|summary` and `export`: the numbers behind the
 * dashboard, funder statistics (de-identified: a hidden cell is
 * {"suppressed": true} in JSON and never carries a number), a person's case
 * summary PDF, and the exports, written only to the file named.
 */
import { EXPORT_KINDS, type ExportKind, type StatCell, type StatsView } from '../../../shared/views';
import { publicCell } from '../reports/suppression';
import { csvLine } from '../intake/csv/export';
import { EXIT, UsageError, writeCliFile, type CliIO } from './io';
import { dbPathFrom, openVault, parse, type Command } from './vault-commands';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function publicStats(s: StatsView) {
  const pub = (c: StatCell) => publicCell(c);
  return {
    ...s,
    tables: s.tables.map((t) => ({
      ...t,
      rows: t.rows.map((r) => ({ key: r.key, cells: r.cells.map(pub), total: pub(r.total) })),
      columnTotals: t.columnTotals.map(pub),
      total: pub(t.total),
    })),
  };
}

const shown = (c: StatCell, min: number) => (typeof c === 'number' ? String(c) : c.small ? `< ${min}` : 'suppressed');

/** One CSV of every table: table, row, column, count ("< 5" or "suppressed" for hidden cells). */
function statsCsv(s: StatsView): string {
  const lines = [csvLine(['table', 'row', 'column', 'count'])];
  for (const t of s.tables) {
    for (const r of t.rows) {
      t.columns.forEach((c, i) => lines.push(csvLine([t.id, r.key, c, shown(r.cells[i]!, s.minCell)])));
      if (t.columns.length > 1) lines.push(csvLine([t.id, r.key, 'total', shown(r.total, s.minCell)]));
    }
    lines.push(csvLine([t.id, 'total', 'total', shown(t.total, s.minCell)]));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

async function report(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parse(rest, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    'min-cell': { type: 'string' },
    csv: { type: 'string' },
    person: { type: 'string' },
    case: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (sub !== 'caseload' && sub !== 'stats' && sub !== 'summary')
    throw new UsageError("say which report: 'caseload', 'stats' or 'summary'");
  if (sub === 'stats') {
    if (!values.from || !DATE.test(values.from) || !values.to || !DATE.test(values.to))
      throw new UsageError('--from and --to take dates as YYYY-MM-DD');
    if (values['min-cell'] !== undefined && !/^\d{1,2}$/.test(values['min-cell']))
      throw new UsageError('--min-cell takes a whole number from 1 to 20');
  }
  if (sub === 'summary' && (!values.person || !values.out)) throw new UsageError('report summary needs --person ID and --out FILE.pdf');
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'es') throw new UsageError("--lang is 'en' or 'es'");
  const core = await openVault(dbPathFrom(values, io), io);
  try {
    if (sub === 'caseload') {
      const v = await core.call('reports.caseload', {});
      if (values.json) io.out(JSON.stringify(v, null, 2));
      else
        for (const t of v.tables) {
          io.out(`${t.id} (${t.series.join(', ')})`);
          for (const r of t.rows) io.out(`  ${r.key || '(none)'}  ${r.values.join('  ')}`);
        }
      return EXIT.OK;
    }
    if (sub === 'stats') {
      const s = await core.call('reports.stats', {
        from: values.from,
        to: values.to,
        ...(values['min-cell'] !== undefined ? { minCell: Number(values['min-cell']) } : {}),
      });
      if (values.csv) {
        writeCliFile(values.csv, statsCsv(s), values.force === true);
        io.out(`Wrote ${values.csv} (counts only; cells under ${s.minCell} and their complements hidden).`);
      } else if (values.json) io.out(JSON.stringify(publicStats(s), null, 2));
      else
        for (const t of s.tables) {
          io.out(`${t.id}: total ${shown(t.total, s.minCell)}`);
          for (const r of t.rows) io.out(`  ${r.key || '(not recorded)'}  ${r.cells.map((c) => shown(c, s.minCell)).join('  ')}`);
        }
      return EXIT.OK;
    }
    const pdf = await core.call('reports.summary', {
      personId: values.person,
      ...(values.case ? { caseId: values.case } : {}),
      lang: (values.lang as 'en' | 'es' | undefined) ?? 'en',
    });
    writeCliFile(values.out!, pdf.pdf, values.force === true);
    // Written: now it is in the case history, as a save from the window would be.
    await core.call('reports.recordDelivery', { token: pdf.token });
    io.out(`Wrote ${values.out} (${pdf.pageCount} ${pdf.pageCount === 1 ? 'page' : 'pages'}, sha256 ${pdf.sha256}).`);
    return EXIT.OK;
  } finally {
    core.close();
  }
}

async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, {
    db: { type: 'string' },
    what: { type: 'string' },
    out: { type: 'string' },
    xlsx: { type: 'string' },
    columns: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.xlsx === undefined && (values.what === undefined || values.out === undefined)) {
    throw new UsageError('export needs --what KIND --out FILE.csv, or --xlsx FILE.xlsx');
  }
  if (values.what !== undefined && !EXPORT_KINDS.includes(values.what as ExportKind))
    throw new UsageError(`--what is one of ${EXPORT_KINDS.join(', ')}`);
  const columns = values.columns?.split(',').map((c) => c.trim());
  const core = await openVault(dbPathFrom(values, io), io);
  try {
    if (values.xlsx !== undefined) {
      const kinds = values.what ? [values.what as ExportKind] : undefined;
      const x = await core.call('reports.exportXlsx', {
        ...(kinds ? { kinds } : {}),
        ...(columns && kinds ? { columns: { [kinds[0]!]: columns } } : {}),
      });
      writeCliFile(values.xlsx, x.xlsx!, values.force === true);
      io.out(
        `Wrote ${values.xlsx}: ${Object.entries(x.counts)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}${x.identifying ? ' (contains names)' : ''}.`,
      );
    } else {
      const f = await core.call('reports.exportCsv', { what: values.what as ExportKind, ...(columns ? { columns } : {}) });
      writeCliFile(values.out!, f.csv!, values.force === true);
      const rows = Object.values(f.counts)[0] ?? 0;
      io.out(`Wrote ${values.out}: ${rows} ${rows === 1 ? 'row' : 'rows'}${f.identifying ? ' (contains names)' : ''}.`);
    }
    return EXIT.OK;
  } finally {
    core.close();
  }
}

export const reportCommands: Record<string, Command> = {
  report: {
    usage:
      'report caseload|stats|summary --db PATH [--json] [--from YYYY-MM-DD --to YYYY-MM-DD [--min-cell N] [--csv FILE]] [--person ID [--case ID] [--lang es] --out FILE.pdf]',
    run: report,
  },
  export: {
    usage: 'export --db PATH --what people|cases|deadlines|events|fills --out FILE.csv [--columns a,b,c] | --xlsx FILE.xlsx [--force]',
    run: exportCommand,
  },
};
