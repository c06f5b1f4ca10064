/**
 * The parent's side of the core's host: `dispatch(name, input)` as before,
 * but the core runs in a child process (host-entry.ts). This module does not
 * know how the child is started: Electron hands in a utilityProcess spawner
 * (electron/main/core-host.ts), the harness a Node fork (node-host.ts).
 *
 * Lock ends the child and starts a fresh one: whatever the old process held
 * in memory (the master key's copies, Argon2 outputs, SQLite's page cache
 * with client rows) is returned to the OS with it.
 */
import { AppError, type Result } from '../../shared/errors';
import type { OpName, OpOutput } from '../../shared/contract';
import type { FromHost, HostOptions, ToHost } from './protocol';

/** One running child process, however it was started. */
export interface HostChild {
  readonly pid: number | undefined;
  send(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  /** Called once, when the process has ended for any reason. */
  onExit(listener: () => void): void;
  kill(): void;
}

export type SpawnHost = () => HostChild;

/** What every transport needs from the core: the same shape as the in-process `Core`. */
export interface CoreClient {
  dispatch(name: string, rawInput: unknown): Promise<Result<unknown>>;
  call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>>;
}

export interface CoreHost extends CoreClient {
  /** The host process now serving calls (undefined before the first start). */
  pid(): number | undefined;
  /** Locks the vault and replaces the host process with a fresh one. */
  lock(): Promise<void>;
  /** Locks and ends the host for good (quit). */
  close(): Promise<void>;
}

const STOPPED: Result<never> = {
  ok: false,
  error: {
    code: 'VAULT_LOCKED',
    message: "Amparo's core stopped and the vault is locked. Unlock it again; everything that was saved is safe.",
  },
};

/**
 * How long a host may take to lock after being told to exit, before it is
 * killed. Locking runs the automatic backup, which may write to a slow USB
 * stick; the window is already at the lock screen meanwhile. A host killed
 * here leaves only a temp file behind (backups are renamed into place last).
 */
const EXIT_GRACE_MS = 60_000;

interface Live {
  child: HostChild;
  ready: Promise<void>;
  exited: Promise<void>;
  pending: Map<number, (r: Result<unknown>) => void>;
  gone: boolean;
}

export function createCoreHost(options: HostOptions, spawn: SpawnHost): CoreHost {
  let live: Live | null = null;
  let nextId = 1;
  let closed = false;
  /** Lock and close wait for each other: one replacement at a time. */
  let replacing: Promise<void> = Promise.resolve();

  function start(): Live {
    const child = spawn();
    const pending = new Map<number, (r: Result<unknown>) => void>();
    let markReady!: () => void;
    let markExited!: () => void;
    const ready = new Promise<void>((r) => (markReady = r));
    const exited = new Promise<void>((r) => (markExited = r));
    const me: Live = { child, ready, exited, pending, gone: false };
    child.onMessage((m) => {
      if (m.type === 'ready') return markReady();
      const settle = pending.get(m.id);
      pending.delete(m.id);
      settle?.(m.result);
    });
    child.onExit(() => {
      me.gone = true;
      if (live === me) live = null;
      for (const settle of pending.values()) settle(STOPPED);
      pending.clear();
      markReady();
      markExited();
    });
    child.send({ type: 'init', options });
    return me;
  }

  async function dispatch(name: string, input: unknown): Promise<Result<unknown>> {
    await replacing;
    if (closed) return STOPPED;
    if (name === 'vault.lock') {
      await replace(true);
      return { ok: true, value: await statusAfterLock() };
    }
    live ??= start();
    const target = live;
    await target.ready;
    if (target.gone) return STOPPED;
    return new Promise<Result<unknown>>((settle) => {
      const id = nextId++;
      target.pending.set(id, settle);
      try {
        target.child.send({ type: 'call', id, name, input });
      } catch {
        target.pending.delete(id);
        settle(STOPPED);
      }
    });
  }

  async function statusAfterLock(): Promise<unknown> {
    const r = await dispatch('vault.status', {});
    return r.ok ? r.value : { exists: false, unlocked: false };
  }

  async function end(target: Live): Promise<void> {
    if (!target.gone) {
      try {
        target.child.send({ type: 'exit' });
      } catch {
        target.child.kill();
      }
      // A host that cannot close its database in time is killed: lock must end the process.
      const timer = setTimeout(() => target.child.kill(), EXIT_GRACE_MS);
      await target.exited;
      clearTimeout(timer);
    }
  }

  function replace(thenStart: boolean): Promise<void> {
    const run = replacing.then(async () => {
      const old = live;
      live = null;
      if (old) await end(old);
      if (thenStart && !closed) live = start();
    });
    replacing = run.catch(() => {});
    return run;
  }

  async function call<K extends OpName>(name: K, input: unknown): Promise<OpOutput<K>> {
    const r = await dispatch(name, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as OpOutput<K>;
  }

  return {
    dispatch,
    call,
    pid: () => live?.child.pid,
    lock: () => replace(true),
    close: () => {
      closed = true;
      return replace(false);
    },
  };
}
