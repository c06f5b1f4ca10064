import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Electron's `app.getPath('userData')` points for an app named Amparo,
 * so the CLI and the browser harness find the same vault as the desktop app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Amparo');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Amparo');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Amparo');
}

/** The vault database inside a data folder; AMPARO_DATA_DIR overrides the folder (tests, portable installs). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.AMPARO_DATA_DIR ? env.AMPARO_DATA_DIR : join(defaultUserDataDir(process.platform, env), 'vault');
  return join(dir, 'amparo.db');
}
