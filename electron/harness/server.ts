/**
 * The loopback harness: the built renderer and the contract over HTTP on
 * 127.0.0.1, for `npm run start:browser` and the e2e tests. It is a second
 * door into the same core, so it is guarded like one:
 * - bound to 127.0.0.1 only, on a random port;
 * - a Host header other than our own address is refused (DNS rebinding);
 * - API calls need the per-launch token and, when the browser sends one, our own Origin (cross-site pages);
 * - the same CSP as the Electron shell, and no caching of anything;
 * - every handler fails closed: a malformed request gets a 4xx, never a crash;
 * - request bodies are bounded one by one and all together, and a client that
 *   dribbles its headers is cut off.
 * The core itself runs in a child process (electron/host/), as it does under
 * Electron, so what the e2e tests drive is what ships.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/errors';
import { createCoreHost, type CoreHost } from '../host/host';
import { nodeSpawner } from '../host/node-host';
import type { HostOptions } from '../host/protocol';
import { CONTENT_SECURITY_POLICY, mimeFor, resolveAppAsset } from '../main/security';
import { validateCall } from '../main/ipc-guard';
import { decodeWire, encodeWire } from '../../shared/wire';

export interface HarnessOptions extends HostOptions {
  /** The Vite build output (dist/renderer). */
  staticDir: string;
  port?: number;
  /** For tests: another host bundle. */
  hostBundle?: string;
}

export interface Harness {
  url: string;
  /** Open this one: it carries the token in the fragment, which never reaches a server. */
  launchUrl: string;
  token: string;
  /** The core's host process, for tests and the CLI wrapper: the same calls the page makes. */
  core: CoreHost;
  close(): Promise<void>;
}

/** One request's body (a CSV of 50 MB arrives as base64 inside JSON). */
export const MAX_BODY = 64 * 1024 * 1024;
/** All bodies being received at once: four 63 MB uploads must not take half a gigabyte. */
export const MAX_BODIES_IN_FLIGHT = 96 * 1024 * 1024;
/** A client has this long to send its request headers (slow-header connections tie up sockets). */
export const HEADERS_TIMEOUT_MS = 5_000;
/** And this long for the whole request, body included. */
export const REQUEST_TIMEOUT_MS = 60_000;

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
  send(res, status, encodeWire(result), 'application/json; charset=utf-8');
}

const refuse = (res: ServerResponse, status: number, message: string) =>
  sendResult(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Bytes reserved by bodies being received right now, across every connection. */
let bodiesInFlight = 0;

type Body = { ok: true; text: string } | { ok: false; status: 413 | 503 };

/**
 * Reads a body within both bounds. A declared Content-Length reserves its
 * size up front, so an oversized or one-too-many upload is refused before
 * any of it is buffered; chunked bodies count as they arrive.
 */
async function readBody(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_BODY) return { ok: false, status: 413 };
  let reserved = Number.isFinite(declared) && declared >= 0 ? declared : 0;
  if (bodiesInFlight + reserved > MAX_BODIES_IN_FLIGHT) return { ok: false, status: 503 };
  bodiesInFlight += reserved;
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return { ok: false, status: 413 };
      if (size > reserved) {
        if (bodiesInFlight + (size - reserved) > MAX_BODIES_IN_FLIGHT) return { ok: false, status: 503 };
        bodiesInFlight += size - reserved;
        reserved = size;
      }
      chunks.push(chunk as Buffer);
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  } finally {
    bodiesInFlight -= reserved;
  }
}

const BODY_REFUSED = {
  413: 'The request is too large.',
  503: 'Amparo is receiving other large requests; try again in a moment.',
} as const;

/**
 * The path of a request target, or null when it is not one we could serve.
 * Only origin-form targets ("/path?query") are ours; "//", "http://%zz/" and
 * the like are refused instead of reaching `new URL`'s exceptions.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const core = createCoreHost(
    { dbPath: opts.dbPath, ...(opts.kdfCost ? { kdfCost: opts.kdfCost } : {}), ...(opts.actor ? { actor: opts.actor } : {}) },
    nodeSpawner(opts.hostBundle),
  );
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
    if (!body.ok) {
      res.setHeader('connection', 'close');
      return sendResult(res, body.status, { ok: false, error: { code: 'INVALID_INPUT', message: BODY_REFUSED[body.status] } });
    }
    let input: unknown;
    try {
      input = body.text === '' ? {} : decodeWire(body.text);
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

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return Promise.resolve(refuse(res, 421, 'Unexpected Host header.'));
    const pathname = requestPath(req.url);
    if (pathname === null) return Promise.resolve(refuse(res, 400, 'Malformed request.'));
    const api = /^\/api\/([A-Za-z.]+)$/.exec(pathname);
    return api ? handleApi(req, res, api[1]!) : handleStatic(req, res, pathname);
  }

  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      // Fail closed: whatever throws, synchronously or not, answers this request and nothing else.
      let work: Promise<void>;
      try {
        work = route(req, res);
      } catch (e) {
        work = Promise.reject(e);
      }
      work.catch(() => {
        if (!res.headersSent)
          sendResult(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Amparo.' } });
        else res.destroy();
      });
    },
  );
  // Unparseable requests (bad request line, header overflow): a plain 400, then close.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
