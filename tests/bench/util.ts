import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  median_ms: number;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function medianOf(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeIt(fn));
  return median(times);
}

export function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  for (const r of rows) console.log(`${r.name.padEnd(58)} ${r.median_ms.toFixed(1).padStart(10)} ms${r.note ? `   ${r.note}` : ''}`);
}
