/**
 * Small-cell suppression proved on crafted tables: an attacker who sees the
 * published table (visible counts, totals, which cells are "< 5" and which
 * are hidden as complements) enumerates every table consistent with it. A
 * small count is safe only if more than one value stays possible.
 */
import { describe, expect, it } from 'vitest';
import { protect, publicCell, suppressionPattern, withMargins } from '../../../electron/core/reports/suppression';
import type { StatCell } from '../../../shared/views';

const K = 5;

/** Every value each hidden cell can take, given what is shown (grid with margins: last row and column are totals). */
function feasible(shown: StatCell[][], bound: number): Map<string, Set<number>> {
  const R = shown.length;
  const C = shown[0]!.length;
  const unknown: Array<[number, number, boolean]> = [];
  shown.forEach((row, r) => row.forEach((c, j) => typeof c !== 'number' && unknown.push([r, j, c.small])));
  const values = shown.map((row) => row.map((c) => (typeof c === 'number' ? c : NaN)));
  const out = new Map(unknown.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const lineOk = (cells: number[]) => {
    if (cells.some(Number.isNaN)) return true;
    const total = cells[cells.length - 1]!;
    return cells.slice(0, -1).reduce((a, b) => a + b, 0) === total;
  };
  const consistent = () => {
    for (let r = 0; r < R; r++) if (!lineOk(values[r]!)) return false;
    for (let c = 0; c < C; c++) if (!lineOk(values.map((row) => row[c]!))) return false;
    return true;
  };
  const search = (i: number) => {
    if (!consistent()) return;
    if (i === unknown.length) {
      for (const [r, c] of unknown) out.get(`${r},${c}`)!.add(values[r]![c]!);
      return;
    }
    const [r, c, small] = unknown[i]!;
    // What the attacker knows: "< 5" means 1..4; a complement is 0 or at least 5 (else it would be "< 5").
    for (let v = 0; v <= bound; v++) {
      if (small ? v < 1 || v >= K : v > 0 && v < K) continue;
      values[r]![c] = v;
      search(i + 1);
    }
    values[r]![c] = NaN;
  };
  search(0);
  return out;
}

/** A crafted clinic table: case type x closure category, small cells in several rows and columns. */
const CRAFTED = [
  [3, 12, 7, 0],
  [9, 2, 15, 6],
  [0, 8, 1, 11],
];

describe('small-cell suppression', () => {
  it('hides every count under the threshold and no zero', () => {
    const grid = protect(withMargins(CRAFTED, 4), K);
    for (const [r, row] of CRAFTED.entries())
      for (const [c, v] of row.entries()) {
        if (v > 0 && v < K) expect(grid[r]![c]).toEqual({ suppressed: true, small: true });
        if (v === 0) expect(grid[r]![c]).toBe(0);
      }
  });

  it('leaves no line (row or column with its total) with a single hidden cell', () => {
    const { hidden } = suppressionPattern(withMargins(CRAFTED, 4), K);
    for (const row of hidden) expect(row.filter(Boolean).length).not.toBe(1);
    for (let c = 0; c < hidden[0]!.length; c++) expect(hidden.filter((row) => row[c]).length).not.toBe(1);
  });

  it('a small count cannot be worked out from the totals: every one keeps several possible values', () => {
    const shown = protect(withMargins(CRAFTED, 4), K);
    const grand = withMargins(CRAFTED, 4)[3]![4]!;
    const options = feasible(shown, grand);
    const smallCells = [...options.keys()].filter((k) => {
      const [r, c] = k.split(',').map(Number);
      const cell = shown[r!]![c!]!;
      return typeof cell !== 'number' && cell.small;
    });
    expect(smallCells.length).toBe(3);
    for (const k of smallCells) {
      const [r, c] = k.split(',').map(Number);
      expect(options.get(k)!.size, `cell ${k}`).toBeGreaterThan(1);
      // The truth is among the possibilities (the enumeration is sound).
      expect(options.get(k)!.has(CRAFTED[r!]![c!]!)).toBe(true);
    }
  });

  it('without complementary cells the same attack recovers the small counts (so the test above can fail)', () => {
    const full = withMargins(CRAFTED, 4);
    const primaryOnly: StatCell[][] = full.map((row) => row.map((v) => (v > 0 && v < K ? { suppressed: true, small: true } : v)));
    const options = feasible(primaryOnly, full[3]![4]!);
    expect(options.get('0,0')).toEqual(new Set([3]));
    expect(options.get('1,1')).toEqual(new Set([2]));
    expect(options.get('2,2')).toEqual(new Set([1]));
  });

  it('a one-way table with one small count hides a second count too', () => {
    const grid = protect(withMargins([[3], [40], [22]], 1), K);
    const hiddenRows = grid.slice(0, 3).filter((row) => typeof row[0] !== 'number').length;
    expect(hiddenRows).toBe(2);
    expect(grid[2]![0]).toEqual({ suppressed: true, small: false }); // 22 is the smallest other count
    expect(grid[3]![1]).toBe(65); // the total stays
    const options = feasible(grid, 65);
    expect(options.get('0,0')!.size).toBeGreaterThan(1);
  });

  it('a total under the threshold is hidden, and so is everything that would give it away', () => {
    const grid = protect(withMargins([[2], [1], [0]], 1), K);
    expect(grid[3]![1]).toEqual({ suppressed: true, small: true });
    expect(grid[2]![0]).toBe(0);
  });

  it('in JSON a hidden cell is exactly {"suppressed": true}, with no number and no kind', () => {
    expect(JSON.stringify(publicCell({ suppressed: true, small: true }))).toBe('{"suppressed":true}');
    expect(JSON.stringify(publicCell({ suppressed: true, small: false }))).toBe('{"suppressed":true}');
    expect(publicCell(7)).toBe(7);
  });
});
