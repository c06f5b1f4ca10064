import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileExistsError, writeFileAtomic } from '../../../electron/core/files';
import { tempDir } from '../../helpers/env';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('writeFileAtomic', () => {
  it('writes owner-only, replaces an old file, and leaves no temp file', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'out.csv');
    writeFileAtomic(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(t.dir)).toEqual(['out.csv']);
  });

  it('without overwrite, refuses an existing file and keeps it intact', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'summary.pdf');
    writeFileSync(path, 'someone else');
    expect(() => writeFileAtomic(path, new Uint8Array([1, 2, 3]), { overwrite: false })).toThrow(FileExistsError);
    expect(readFileSync(path, 'utf8')).toBe('someone else');
    expect(readdirSync(t.dir)).toEqual(['summary.pdf']);
  });

  it('leaves nothing behind when the folder does not exist', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    expect(() => writeFileAtomic(join(t.dir, 'missing', 'x.ics'), 'x')).toThrow();
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
