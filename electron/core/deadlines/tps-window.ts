/**
 * `deadline --rule tps-reregistration --country CODE`: the window from the
 * shipped TPS dataset. Its own module so the other `deadline` rules never load
 * the TPS schema (and zod with it); cli/deadline-command.ts imports it only
 * when this rule is asked for.
 */
import { AppError } from '../../../shared/errors';
import { tpsDeadlinesFor, TPS_REREGISTRATION_RULE } from '../../../shared/tps';
import { EXIT_ERROR, EXIT_OK, firstLine, type CommandOutput } from './command';
import { shippedDataset } from './tps';

export type TpsWindow = (country: string, json: boolean) => CommandOutput;

/** The re-registration window of one country, from the shipped TPS dataset, as two dates. */
export const tpsWindow: TpsWindow = (country, json) => {
  try {
    const dataset = shippedDataset();
    const report = tpsDeadlinesFor(country.trim().toUpperCase(), dataset, dataset.asOf);
    const window = report.deadlines.filter((d) => d.kind === 're-registration-open' || d.kind === 're-registration-close');
    const result = {
      rule: TPS_REREGISTRATION_RULE,
      country: report.country,
      name: report.name,
      asOf: report.asOf,
      opens: window.find((d) => d.kind === 're-registration-open')?.date ?? null,
      closes: window.find((d) => d.kind === 're-registration-close')?.date ?? null,
      citation: report.citation,
      noCitation: report.noCitation,
      verify: report.verify,
      notice: report.notice,
    };
    if (json) return { code: EXIT_OK, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: '' };
    const lines = [
      `TPS re-registration window: ${report.name.en} (${report.country})`,
      result.opens && result.closes ? `Opens: ${result.opens}` : 'No re-registration window in the dataset.',
      ...(result.closes ? [`Closes: ${result.closes}`] : []),
      `Citation: ${report.citation ?? 'NO CITATION ON FILE: the dataset has no Federal Register notice for this entry'}`,
      report.notice.en,
    ];
    if (report.verify) lines.push('VERIFY: TPS changes by notice and court order; check uscis.gov/tps before relying on these dates.');
    return { code: EXIT_OK, stdout: `${lines.join('\n')}\n`, stderr: '' };
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'unexpected failure while reading the TPS dataset';
    return { code: EXIT_ERROR, stdout: '', stderr: `Error: ${firstLine(message)}\n` };
  }
};
