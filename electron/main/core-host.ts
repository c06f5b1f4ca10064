/**
 * Starts the core's host as an Electron utilityProcess: a Node process of
 * Electron's own, outside the main process that owns the window, talking by
 * structured-clone messages (so Uint8Array crosses as binary). Chosen over a
 * worker thread because lock must end the whole process: a worker's heap is
 * freed, but SQLite's native page cache lives in the process's malloc arena
 * and would outlive it. See README, "Where the core runs".
 */
import { utilityProcess } from 'electron';
import type { FromHost } from '../host/protocol';
import type { HostChild, SpawnHost } from '../host/host';

export function utilitySpawner(hostBundle: string): SpawnHost {
  return (): HostChild => {
    const child = utilityProcess.fork(hostBundle, [], {
      serviceName: 'Amparo core',
      stdio: 'inherit',
      // The Electron-ABI build of the SQLCipher module (scripts/start.mjs), when there is one.
      env: { ...process.env },
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (m) => child.postMessage(m),
      onMessage: (listener) => child.on('message', (m: unknown) => listener(m as FromHost)),
      onExit: (listener) => {
        child.once('exit', () => listener());
      },
      kill: () => {
        child.kill();
      },
    };
  };
}
