/**
 * Two real Syncthing instances for the exchange test: loopback only, their
 * own ports, no discovery, relays, NAT or usage reporting, one folder shared
 * between them. Syncthing moves the (already encrypted) bundle files; Amparo
 * opens no socket.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface Instance {
  home: string;
  deviceId: string;
  apiKey: string;
  listenPort: number;
  guiPort: number;
  folder: string;
  proc?: ChildProcess;
  log: string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const env = (home: string) => ({ PATH: process.env.PATH ?? '', HOME: home, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' });

export async function generate(home: string, folder: string): Promise<Instance> {
  const r = spawnSync('syncthing', ['generate', '--home', home, '--no-default-folder', '--skip-port-probing'], {
    encoding: 'utf8',
    env: env(home),
    timeout: 60_000,
  });
  if (r.error) throw new Error(`syncthing could not be started (${r.error.message}); install the Debian package 'syncthing'`);
  const id = /Device ID:\s*([A-Z0-9-]{63})/.exec(`${r.stdout}\n${r.stderr}`)?.[1];
  if (r.status !== 0 || !id) throw new Error(`syncthing generate failed: ${r.stderr}`);
  const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(readFileSync(join(home, 'config.xml'), 'utf8'))?.[1];
  if (!apiKey) throw new Error('no API key in the generated config.xml');
  return { home, deviceId: id, apiKey, listenPort: await freePort(), guiPort: await freePort(), folder, log: [] };
}

const setOption = (xml: string, name: string, value: string) =>
  xml.replace(new RegExp(`<${name}>[^<]*</${name}>`), `<${name}>${value}</${name}>`);

/** The self device block stays; the peer, the shared folder and loopback-only options are written in. */
export function configure(self: Instance, peer: Instance): void {
  const path = join(self.home, 'config.xml');
  let xml = readFileSync(path, 'utf8');
  const options: Record<string, string> = {
    listenAddress: `tcp://127.0.0.1:${self.listenPort}`,
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    urAccepted: '-1',
    startBrowser: 'false',
    crashReportingEnabled: 'false',
    autoUpgradeIntervalH: '0',
    reconnectionIntervalS: '1',
  };
  for (const [k, v] of Object.entries(options)) xml = setOption(xml, k, v);
  const folder = `
    <folder id="amparo-exchange" label="Amparo exchange" path="${self.folder}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${self.deviceId}" introducedBy=""></device>
        <device id="${peer.deviceId}" introducedBy=""></device>
    </folder>
    <device id="${peer.deviceId}" name="peer" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:${peer.listenPort}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>`;
  xml = xml.replace(/(<configuration[^>]*>)/, `$1${folder}`);
  writeFileSync(path, xml);
}

export function start(i: Instance): void {
  const p = spawn(
    'syncthing',
    ['serve', '--home', i.home, '--no-browser', '--no-restart', '--no-upgrade', '--gui-address', `127.0.0.1:${i.guiPort}`],
    {
      env: env(i.home),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (b: Buffer) => {
    i.log.push(b.toString());
    if (i.log.length > 200) i.log.shift();
  };
  p.stdout?.on('data', keep);
  p.stderr?.on('data', keep);
  i.proc = p;
}

export async function stop(i: Instance): Promise<void> {
  const p = i.proc;
  if (!p || p.exitCode !== null) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  const forced = setTimeout(() => p.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` with what the instances logged. */
export async function waitFor<T>(what: string, check: () => T | null | undefined, timeoutMs: number, logs: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
