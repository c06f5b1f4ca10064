/**
 * The core's host process: the vault, the database and every handler run
 * here, off the process that owns the window, so a long import or a TPS
 * reconcile never freezes the UI (as in Signal Desktop, whose database runs
 * outside the main process), and so lock can end the whole process: its heap,
 * its key buffers and SQLite's freed page cache go with it.
 *
 * Started as an Electron utilityProcess (electron/main/core-host.ts) or as a
 * Node child process (electron/host/node-host.ts, for the loopback harness);
 * bundled to dist/electron/host.cjs. It talks only to its parent.
 */
import { createCore, type Core } from '../core/app';
import type { FromHost, ToHost } from './protocol';

interface ParentPort {
  send(message: FromHost): void;
  onMessage(listener: (message: ToHost) => void): void;
}

/** Electron's utilityProcess gives `process.parentPort`; a Node fork gives `process.send`. */
function parentPort(): ParentPort {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (m) => electronPort.postMessage(m),
      onMessage: (listener) => electronPort.on('message', (e) => listener(e.data as ToHost)),
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return {
      send: (m) => void send(m),
      onMessage: (listener) => process.on('message', (m) => listener(m as ToHost)),
    };
  }
  throw new Error('The core host must be started by Amparo, not run directly.');
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

const port = parentPort();
let core: Core | null = null;

function shutdown(code: number): never {
  try {
    core?.close();
  } finally {
    process.exit(code);
  }
}

port.onMessage((message) => {
  switch (message.type) {
    case 'init':
      core ??= createCore(message.options);
      port.send({ type: 'ready' });
      return;
    case 'call': {
      const running = core;
      if (!running) {
        port.send({
          type: 'result',
          id: message.id,
          result: { ok: false, error: { code: 'INTERNAL', message: 'The core is not ready.' } },
        });
        return;
      }
      void running.dispatch(message.name, message.input).then((result) => port.send({ type: 'result', id: message.id, result }));
      return;
    }
    case 'exit':
      // Through vault.lock, not only close: the lock runs the automatic backup (at lock and quit) before the database closes.
      if (!core) shutdown(0);
      void core.dispatch('vault.lock', {}).finally(() => shutdown(0));
  }
});

// The parent is gone (crashed, killed): nobody can lock us any more, so lock now.
process.on('disconnect', () => shutdown(0));
