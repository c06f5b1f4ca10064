/**
 * Small-cell suppression for the statistics report: only counts leave the
 * app, and a count under the threshold (default 5) could still point at one
 * client in a small clinic ("the 2 people from Mauritania closed in March").
 *
 * Primary suppression hides every count from 1 to threshold - 1, totals
 * included. That alone is not enough: with a row total shown, one hidden cell
 * is the total minus the others. Complementary suppression therefore hides
 * more cells until no line (a row or a column of the table with its total)
 * has exactly one hidden cell: the standard rule of statistical offices.
 * The extra cell chosen in a line is its smallest non-zero visible cell
 * (least information lost), preferring cells whose other line already holds
 * a hidden cell (so one extra cell serves both lines). Zeros are shown: a
 * zero names nobody. tests/integration/reports/suppression.test.ts proves on
 * crafted tables, by enumerating every table consistent with what is shown,
 * that no small count can be worked out.
 */
import type { StatCell } from '../../../shared/views';

export const DEFAULT_MIN_CELL = 5;
export const MIN_CELL_RANGE = { min: 1, max: 20 } as const;

export interface Protected {
  /** The table with its margins: rows 0..R-1 and the totals row R; columns 0..C-1 and the totals column C. */
  grid: StatCell[][];
}

/** Row r of the grid with margins: counts, then the row total; the last row holds the column totals and the grand total. */
export function withMargins(counts: readonly (readonly number[])[], columns: number): number[][] {
  const rows = counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) => rows.reduce((a, r) => a + r[c]!, 0));
  return [...rows, totals];
}

/**
 * Which cells of a grid with margins to hide. `hidden[r][c]` true for hidden;
 * `small[r][c]` true for the primary (small) ones.
 */
export function suppressionPattern(grid: readonly (readonly number[])[], minCell: number): { hidden: boolean[][]; small: boolean[][] } {
  const small = grid.map((row) => row.map((v) => v > 0 && v < minCell));
  const hidden = small.map((row) => [...row]);
  const R = grid.length;
  const C = grid[0]?.length ?? 0;
  // Every line: each row (its cells and its total) and each column (its cells and its total).
  const lines: Array<Array<[number, number]>> = [
    ...Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c): [number, number] => [r, c])),
    ...Array.from({ length: C }, (_, c) => Array.from({ length: R }, (_, r): [number, number] => [r, c])),
  ];
  const hiddenIn = (line: Array<[number, number]>) => line.filter(([r, c]) => hidden[r]![c]).length;
  const rowHidden = (r: number) => hidden[r]!.some(Boolean);
  const colHidden = (c: number) => hidden.some((row) => row[c]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (hiddenIn(line) !== 1) continue;
      const candidates = line.filter(([r, c]) => !hidden[r]![c]);
      const pick = best(candidates, grid, rowHidden, colHidden);
      if (!pick) continue;
      hidden[pick[0]]![pick[1]] = true;
      changed = true;
    }
  }
  return { hidden, small };
}

function best(
  candidates: Array<[number, number]>,
  grid: readonly (readonly number[])[],
  rowHidden: (r: number) => boolean,
  colHidden: (c: number) => boolean,
): [number, number] | undefined {
  const score = ([r, c]: [number, number]) => {
    const v = grid[r]![c]!;
    // Non-zero first (hiding a zero protects nothing when zeros are known), then cells that also protect their other line, then the smallest.
    return [v === 0 ? 1 : 0, rowHidden(r) || colHidden(c) ? 0 : 1, v];
  };
  return [...candidates].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sa[0]! - sb[0]! || sa[1]! - sb[1]! || sa[2]! - sb[2]!;
  })[0];
}

/** The grid as shown: numbers, or `{ suppressed: true, small }`. */
export function protect(grid: readonly (readonly number[])[], minCell: number): StatCell[][] {
  const { hidden, small } = suppressionPattern(grid, minCell);
  return grid.map((row, r) => row.map((v, c): StatCell => (hidden[r]![c] ? { suppressed: true, small: small[r]![c]! } : v)));
}

/** For JSON and CSV leaving the app: a hidden cell is exactly {"suppressed": true}, never a number, never which kind. */
export function publicCell(cell: StatCell): number | { suppressed: true } {
  return typeof cell === 'number' ? cell : { suppressed: true };
}
