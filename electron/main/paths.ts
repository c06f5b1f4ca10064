/**
 * Where the shell keeps things. No `electron` import: main.ts passes in
 * `app.getPath('userData')`, `process.env` and `process.argv`.
 *
 * The default vault location matches `electron/core/paths.ts` (used by the CLI
 * and the browser harness), so every transport opens the same vault.
 */
import { join, resolve } from 'node:path';

export const APP_NAME = 'Amparo';
export const VAULT_DB_FILE = 'amparo.db';
export const DATA_DIR_FLAG = '--data-dir';

export interface VaultPathInput {
  userDataDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  argv?: readonly string[];
  /** Base for relative overrides; the process's working directory by default. */
  cwd?: string;
}

/** `--data-dir=PATH` (or `--data-dir PATH`); the last occurrence wins. Empty values are ignored. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith(`${DATA_DIR_FLAG}=`)) {
      const v = a.slice(DATA_DIR_FLAG.length + 1);
      if (v.trim() !== '') found = v;
    } else if (a === DATA_DIR_FLAG) {
      const v = argv[i + 1];
      if (v !== undefined && v.trim() !== '' && !v.startsWith('--')) {
        found = v;
        i++;
      }
    }
  }
  return found;
}

/**
 * The vault database file. Default `<userData>/vault/amparo.db`. A data folder
 * from `--data-dir` (first choice) or `AMPARO_DATA_DIR` replaces `<userData>/vault`;
 * the file inside it is always `amparo.db`. Relative folders resolve against cwd.
 */
export function resolveVaultPath({ userDataDir, env = {}, argv = [], cwd = process.cwd() }: VaultPathInput): string {
  const override = dataDirFromArgv(argv) ?? (env.AMPARO_DATA_DIR?.trim() ? env.AMPARO_DATA_DIR : undefined);
  const dir = override !== undefined ? resolve(cwd, override) : join(userDataDir, 'vault');
  return join(dir, VAULT_DB_FILE);
}

/**
 * Crash dumps can hold process memory, which means client data. The crash
 * reporter is never started (nothing is uploaded), and Chromium's crash folder
 * is pointed here so main.ts can empty it at every start and quit.
 */
export function crashDumpsDir(userDataDir: string): string {
  return join(userDataDir, 'crash-dumps');
}

/** Files laid out by the build inside the app folder (`app.getAppPath()`: the repo root, or app.asar when packaged). */
export function appLayout(appPath: string) {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    /** The core's host process (electron/host/host-entry.ts). */
    host: join(appPath, 'dist', 'electron', 'host.cjs'),
    resourcesDir: join(appPath, 'resources'),
  };
}
