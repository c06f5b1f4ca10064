import { describe, it, expect } from 'vitest';
import { runCli } from '../../helpers/cli';

describe('amparo CLI: deadline', () => {
  it('prints the deadline object as JSON with trail and citation, no vault needed', () => {
    const r = runCli(['deadline', '--rule', 'i-290b', '--trigger', '2025-12-22', '--mailed', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ due: '2026-01-26', citation: expect.stringContaining('103.8(b)'), verify: false });
    expect(out.trail.en.join(' ')).toMatch(/Sat, Jan 24, 2026/);
  });

  it('gives a clear one-line error and exit 4 for bad input', () => {
    for (const args of [
      ['--rule', 'bia-appeal', '--trigger', '2023-02-30'],
      ['--rule', 'no-such-rule', '--trigger', '2023-02-03'],
      ['--rule', 'vd-post-conclusion', '--trigger', '2023-02-03', '--days', '-5'],
    ]) {
      const r = runCli(['deadline', ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['deadline', '--trigger', '2023-02-03']).code).toBe(2);
  });
});
