/**
 * Reads a CSV file named on the command line, bounded however it arrives.
 *
 * stat().size cannot be trusted as the limit: it is 0 for devices, pipes and
 * /proc files, so `import-intakes /dev/zero` once grew to gigabytes. The file
 * must be a regular file, and it is read in chunks that stop one byte past
 * the limit, so no input can make this take more than the limit in memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../../shared/contract';

const CHUNK = 1 << 20;

const fileError = (code: string, message: string) => new AppError('CSV_INVALID', message, { errors: [{ line: 1, field: null, code }] });

export const tooLargeError = () =>
  fileError('csv.tooLarge', 'This file is larger than 50 MB. Split it into smaller files and import them one by one.');

function assertRegular(s: Stats, path: string): void {
  if (s.isDirectory()) throw fileError('csv.isFolder', `${path} is a folder, not a CSV file. Give the path of the CSV file itself.`);
  if (!s.isFile()) {
    throw fileError(
      'csv.notAFile',
      `${path} is not a regular file (it is a device, a pipe or a socket). Save the spreadsheet as a CSV file and import that file.`,
    );
  }
}

export function readCsvFile(path: string, limit = MAX_IMPORT_BYTES): Uint8Array {
  let s: Stats;
  try {
    s = statSync(path);
  } catch {
    throw new AppError('NOT_FOUND', 'Cannot read that file: check the path.');
  }
  // Checked before opening: opening a FIFO for reading would wait for a writer.
  assertRegular(s, path);
  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open still returns (then fstat refuses it).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    assertRegular(fstatSync(fd), path);
    return readBounded(fd, limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads until end of file, refusing as soon as more than `limit` bytes came (limit + 1 is read at most). */
function readBounded(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (total > limit) throw tooLargeError();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
