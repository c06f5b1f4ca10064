/**
 * Funder code lists: the LSC CSR closure categories and problem codes ship as
 * data (resources/reports/lsc-csr-2017.json, with the Handbook edition they
 * follow); a clinic adds its own for other funders (VOCA, a state IOLTA
 * program) or codes the shipped list leaves out.
 */
import { AppError } from '../../../shared/errors';
import type { ReportCode, ReportCodes } from '../../../shared/views';
import type { Ctx } from '../context';
import { audit } from '../audit';
import csr from '../../../resources/reports/lsc-csr-2017.json';

interface ShippedEntry {
  code: string;
  en: string;
  es: string;
  verify?: boolean;
}

export const LSC = 'LSC';
export const CSR_EDITION: string = csr.edition;

function shipped(): ReportCode[] {
  const of = (list: 'closure' | 'problem', entries: ShippedEntry[]): ReportCode[] =>
    entries.map((e) => ({ funder: LSC, list, code: e.code, label: { en: e.en, es: e.es }, shipped: true, verify: e.verify === true }));
  return [...of('closure', csr.closure), ...of('problem', csr.problem)];
}

interface CodeRow {
  funder: string;
  list: 'closure' | 'problem';
  code: string;
  label_en: string;
  label_es: string;
}

export function listCodes(ctx: Ctx): ReportCodes {
  const own = ctx.db
    .prepare('SELECT funder, list, code, label_en, label_es FROM report_codes ORDER BY funder, list, code')
    .all() as CodeRow[];
  return {
    edition: csr.edition,
    source: csr.source,
    codes: [
      ...shipped(),
      ...own.map((r) => ({
        funder: r.funder,
        list: r.list,
        code: r.code,
        label: { en: r.label_en, es: r.label_es },
        shipped: false,
        verify: false,
      })),
    ],
  };
}

export interface NewCode {
  funder: string;
  list: 'closure' | 'problem';
  code: string;
  labelEn: string;
  labelEs: string;
}

export function addCode(ctx: Ctx, c: NewCode): ReportCodes {
  if (knownCode(ctx, c.funder, c.list, c.code)) {
    throw new AppError('INVALID_INPUT', 'This code is already in the list. Choose another code.');
  }
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO report_codes(funder, list, code, label_en, label_es, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(c.funder, c.list, c.code, c.labelEn, c.labelEs, ctx.now(), ctx.actor);
    audit(ctx, 'reports.addCode', 'report_code', `${c.funder}:${c.list}:${c.code}`);
  })();
  return listCodes(ctx);
}

export function knownCode(ctx: Ctx, funder: string, list: 'closure' | 'problem', code: string): boolean {
  if (funder === LSC && shipped().some((s) => s.list === list && s.code === code)) return true;
  return ctx.db.prepare('SELECT 1 FROM report_codes WHERE funder = ? AND list = ? AND code = ?').get(funder, list, code) !== undefined;
}
