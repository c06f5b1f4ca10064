/**
 * Reads another process's memory through /proc/PID/mem (Linux; root, or the
 * same user with ptrace allowed), to check what a process still holds. Used
 * to prove that lock leaves no key, passphrase or client string behind.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const CHUNK = 8 * 1024 * 1024;

/** Which of the needles occur anywhere in the process's readable, private or anonymous memory. */
export function findInProcessMemory(pid: number, needles: Record<string, Buffer>): string[] {
  const found = new Set<string>();
  const maxNeedle = Math.max(...Object.values(needles).map((n) => n.length));
  const regions = readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .map((line) => line.split(/\s+/))
    .filter(([range, perms, , , , path]) => range && perms?.startsWith('r') && !/^\[(vvar|vsyscall|vdso)\]$/.test(path ?? ''))
    .map(([range]) => range!.split('-').map((h) => parseInt(h, 16)) as [number, number]);
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const buf = Buffer.alloc(CHUNK + maxNeedle);
  try {
    for (const [start, end] of regions) {
      for (let at = start; at < end; at += CHUNK) {
        const want = Math.min(CHUNK + maxNeedle, end - at);
        let got = 0;
        try {
          got = readSync(fd, buf, 0, want, at);
        } catch {
          break; // unreadable region (guard pages): nothing there to find
        }
        const view = buf.subarray(0, got);
        for (const [name, needle] of Object.entries(needles)) if (!found.has(name) && view.includes(needle)) found.add(name);
      }
    }
  } finally {
    closeSync(fd);
  }
  return [...found].sort();
}

/** A string as V8 may hold it: one byte per character (Latin-1) or UTF-16. */
export function stringNeedles(label: string, s: string): Record<string, Buffer> {
  return { [`${label} (utf8)`]: Buffer.from(s, 'utf8'), [`${label} (utf16)`]: Buffer.from(s, 'utf16le') };
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
