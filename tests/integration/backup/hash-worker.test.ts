/**
 * The payload hash verify computes on another thread (hash-worker.ts) must be
 * the same SHA-256 as hashing the payload here: salt put back, range cut at the
 * payload's end, across chunk boundaries.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { hashInWorker } from '../../../electron/core/backup/hash-worker';
import { CHUNK } from '../../../electron/core/backup/io';
import { tempDir } from '../../helpers/env';

const tmp = tempDir('amparo-hash-worker-');
afterAll(() => tmp.cleanup());

const expected = (bytes: Buffer, length: number, first16: Buffer) => {
  const b = Buffer.from(bytes.subarray(0, length));
  first16.copy(b, 0);
  return createHash('sha256').update(b).digest('hex');
};

describe('hashInWorker', () => {
  const bytes = randomBytes(2 * CHUNK + 12345);
  const file = join(tmp.dir, 'payload.bin');
  writeFileSync(file, bytes);
  const salt = randomBytes(16);

  it('hashes [0, length) with the first 16 bytes replaced, as on this thread', async () => {
    for (const length of [bytes.length, 2 * CHUNK, CHUNK + 1, 100]) {
      const h = hashInWorker(file, length, salt);
      expect((await h.digest).toString('hex')).toBe(expected(bytes, length, salt));
      h.stop();
    }
  });

  it('gives another hash when one payload byte differs', async () => {
    const other = Buffer.from(bytes);
    other[CHUNK + 7]! ^= 1;
    const otherFile = join(tmp.dir, 'other.bin');
    writeFileSync(otherFile, other);
    const h = hashInWorker(otherFile, bytes.length, salt);
    const got = (await h.digest).toString('hex');
    expect(got).toBe(expected(other, bytes.length, salt));
    expect(got).not.toBe(expected(bytes, bytes.length, salt));
  });

  it('rejects when the file cannot be read', async () => {
    const h = hashInWorker(join(tmp.dir, 'missing.bin'), 10, salt);
    await expect(h.digest).rejects.toThrow();
  });

  it('can be stopped before it is done without an unhandled rejection', async () => {
    const h = hashInWorker(file, bytes.length, salt);
    h.stop();
    await expect(h.digest).rejects.toThrow(/stopped/);
  });
});
