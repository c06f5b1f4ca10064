/**
 * Starts the core's host as a Node child process (the loopback harness and
 * its tests; Electron uses a utilityProcess instead, in electron/main). The
 * child runs the same bundle that ships, dist/electron/host.cjs.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { FromHost } from './protocol';
import type { HostChild, SpawnHost } from './host';

/** The bundle built by scripts/build-electron.mjs, beside the Electron main bundle. */
export const HOST_BUNDLE = resolve(import.meta.dirname, '../../dist/electron/host.cjs');

export function nodeSpawner(bundle: string = HOST_BUNDLE): SpawnHost {
  if (!existsSync(bundle)) {
    throw new AppError('INTERNAL', 'The core host is not built yet. Run `npm run build:electron` first.');
  }
  return (): HostChild => {
    const child = fork(bundle, [], {
      // Structured clone: Uint8Array (filled PDFs) crosses as binary.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Never inherit --inspect or --import flags from the parent.
      execArgv: [],
    });
    return {
      pid: child.pid,
      send: (m) => {
        child.send(m);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromHost)),
      onExit: (listener) => {
        // 'error' (could not start) may come without 'exit': report the end once.
        let told = false;
        const once = () => {
          if (told) return;
          told = true;
          listener();
        };
        child.once('exit', once);
        child.once('error', once);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
}
