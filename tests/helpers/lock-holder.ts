import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './env';

export interface LockHolder {
  /** Commits the other process's transaction; resolves once it has. */
  release(): Promise<void>;
  /** Ends the other process (releasing the lock if still held). */
  stop(): Promise<void>;
}

function waitFor(child: ChildProcess, marker: string, output: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output.text.includes(marker)) {
        child.stdout!.off('data', check);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`lock holder exited (${code}) before "${marker}"`));
    child.stdout!.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

/** A second, real process holding the vault's write lock (an open write transaction) until released. */
export async function holdWriteLock(dbPath: string): Promise<LockHolder> {
  const script = join(REPO_ROOT, 'tests/integration/vault/hold-write-lock.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const output = { text: '' };
  child.stdout.on('data', (d) => (output.text += String(d)));
  await waitFor(child, 'holding', output);
  return {
    async release() {
      child.stdin.write('release\n');
      await waitFor(child, 'released', output);
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      });
    },
  };
}
