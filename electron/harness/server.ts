/**
 * The loopback harness: the built renderer and the contract over HTTP on
 * 127.0.0.1, for `npm run start:browser` and the e2e tests. It is a second
 * door into the same core, so it is guarded like one:
 * - bound to 127.0.0.1 only, on a random port;
 * - a Host header other than our own address is refused (DNS rebinding);
 * - API calls need the per-launch token and, when the browser sends one, our own Origin (cross-site pages);
 * - the same CSP as the Electron shell, and no caching of anything.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCore, type Core, type CoreOptions } from '../core/app';
import type { Result } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY, mimeFor, resolveAppAsset } from '../main/security';
import { validateCall } from '../main/ipc-guard';

export interface HarnessOptions extends CoreOptions {
  /** The Vite build output (dist/renderer). */
  staticDir: string;
  port?: number;
}

export interface Harness {
  url: string;
  /** Open this one: it carries the token in the fragment, which never reaches a server. */
  launchUrl: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

const refuse = (res: ServerResponse, status: number, message: string) =>
  sendResult(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const core = createCore(opts);
  const token = randomBytes(32).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return refuse(res, 403, 'Cross-origin request refused.');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403, 'Cross-site request refused.');
    if (!tokenMatches(req.headers['x-amparo-token'], token)) return refuse(res, 401, 'Missing or wrong session token.');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
    const body = await readBody(req);
    if (body === null) return sendResult(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request is too large.' } });
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendResult(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request is not valid JSON.' } });
    }
    // The same name, shape and size checks as Electron IPC, before the core's own zod parse.
    const checked = validateCall(op, input);
    if (!checked.ok) return sendResult(res, 400, checked);
    sendResult(res, 200, await core.dispatch(checked.value.name, checked.value.input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const file = resolveAppAsset(opts.staticDir, path);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    try {
      send(res, 200, await readFile(file), mimeFor(file));
    } catch {
      send(res, 404, 'Not found. Run `npm run build:renderer` first.', 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 421, 'Unexpected Host header.');
    const url = new URL(req.url ?? '/', origin);
    const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const work = api ? handleApi(req, res, api[1]!) : handleStatic(req, res, url.pathname);
    work.catch(() => {
      if (!res.headersSent)
        sendResult(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Amparo.' } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: origin,
    launchUrl: `${origin}/#token=${token}`,
    token,
    core,
    close: async () => {
      core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
