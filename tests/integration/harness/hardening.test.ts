/**
 * The loopback harness under hostile local clients: malformed request targets
 * and headers, oversized and concurrent bodies, headers sent one byte at a
 * time. Every attack gets an answer or a closed socket, and the server keeps
 * serving.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { connect, type Socket } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_BODY, MAX_BODIES_IN_FLIGHT, requestPath, startHarness, type Harness } from '../../../electron/harness/server';
import { TEST_KDF, tempDir } from '../../helpers/env';

let h: Harness;
let cleanup: () => void;
let port: number;

beforeAll(async () => {
  const t = tempDir('amparo-harden-');
  cleanup = t.cleanup;
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Amparo</title>');
  h = await startHarness({ dbPath: join(t.dir, 'vault', 'amparo.db'), staticDir, kdfCost: TEST_KDF });
  port = Number(new URL(h.url).port);
});
afterAll(async () => {
  await h.close();
  cleanup();
});

/** Sends raw bytes and resolves with the first full response, or whatever came before the server closed. */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let data = '';
    const done = () => {
      s.destroy();
      resolve(data);
    };
    s.setEncoding('latin1');
    s.on('data', (c: string) => {
      data += c;
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(data.slice(0, end))?.[1] ?? 0);
      if (data.length - end - 4 >= length) done();
    });
    s.on('close', () => resolve(data));
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(data) : reject(e)));
    s.write(bytes);
  });
}

const statusOf = (reply: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
const HOST = () => `Host: 127.0.0.1:${port}`;

async function stillServes(): Promise<void> {
  const reply = await raw(`GET / HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`);
  expect(statusOf(reply)).toBe(200);
  expect(reply).toContain('<title>Amparo</title>');
}

describe('request targets', () => {
  it('accepts only origin-form paths', () => {
    expect(requestPath('/api/vault.status')).toBe('/api/vault.status');
    expect(requestPath('/index.html?x=1')).toBe('/index.html');
    for (const bad of ['//', '//evil/x', 'http://%zz/', '*', 'evil', '', undefined]) expect(requestPath(bad), String(bad)).toBeNull();
  });

  it('answers a corpus of malformed targets and headers with 4xx and stays up', async () => {
    const corpus = [
      `GET // HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET http://%zz/ HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET * HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `OPTIONS * HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET //%00/..%2f HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET /%E0%A4%A HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET /\u00ff\u00fe HTTP/1.1\r\n${HOST()}\r\nConnection: close\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n`,
      `GET / HTTP/1.1\r\n${HOST()}\r\nX-Broken\r\n\r\n`,
      `GET / HTTP/9.9\r\n${HOST()}\r\n\r\n`,
      `NOT A REQUEST LINE\r\n\r\n`,
      `GET / HTTP/1.1\r\n${HOST()}\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
      `POST /api/vault.status HTTP/1.1\r\n${HOST()}\r\nContent-Length: abc\r\n\r\n`,
      `POST /api/vault.status HTTP/1.1\r\n${HOST()}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /api/vault.status HTTP/1.1\r\n${HOST()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n`,
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00]), // a TLS ClientHello
    ];
    for (const attack of corpus) {
      const reply = await raw(attack);
      const status = statusOf(reply);
      // Either a 4xx answer or a closed connection; never a 2xx for garbage, never a dead server.
      if (status !== 0) expect(status, JSON.stringify(attack.toString().slice(0, 60))).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(attack.toString().slice(0, 60))).toBeLessThan(500);
      await stillServes();
    }
  });
});

describe('request bodies', () => {
  const postHead = (length: number) =>
    `POST /api/vault.status HTTP/1.1\r\n${HOST()}\r\nContent-Type: application/json\r\nX-Amparo-Token: ${h.token}\r\nContent-Length: ${length}\r\n\r\n`;

  it('refuses a body over the limit before reading it', async () => {
    expect(statusOf(await raw(postHead(MAX_BODY + 1)))).toBe(413);
    await stillServes();
  });

  it('bounds the bodies of concurrent uploads together', async () => {
    const each = MAX_BODY - 1024;
    const holders: Socket[] = [];
    const replies: Promise<string>[] = [];
    // Open uploads that declare a large body and send only part of it, as a slow client would.
    const uploads = Math.ceil(MAX_BODIES_IN_FLIGHT / each) + 2;
    for (let i = 0; i < uploads; i++) {
      const s = connect(port, '127.0.0.1');
      holders.push(s);
      let data = '';
      s.setEncoding('latin1');
      replies.push(
        new Promise((resolve) => {
          s.on('data', (c: string) => {
            data += c;
            if (data.includes('\r\n\r\n')) resolve(data);
          });
          s.on('close', () => resolve(data));
          s.on('error', () => resolve(data));
        }),
      );
      await new Promise<void>((r) => s.write(postHead(each) + '{"', () => r()));
      // Wait until the server has the headers (its answer, or its silence while it reads).
      await stillServes();
    }
    // Those over the budget are refused at once with 503; the first is still being read.
    const refused = await Promise.all(replies.slice(1));
    expect(refused.map(statusOf).every((s) => s === 503)).toBe(true);
    for (const s of holders) s.destroy();
    await stillServes();
  });
});

describe('slow clients', () => {
  it('closes a connection that never finishes its headers', async () => {
    const s = connect(port, '127.0.0.1');
    await new Promise<void>((r) => s.once('connect', () => r()));
    s.write(`GET / HTTP/1.1\r\n${HOST()}\r\nX-Slow: `);
    // The server must hang up on its own (headersTimeout); the test's own timeout is the bound.
    const closed = await new Promise<string>((resolve) => {
      let data = '';
      s.setEncoding('latin1');
      s.on('data', (c: string) => (data += c));
      s.on('close', () => resolve(data));
      s.on('error', () => resolve(data));
    });
    expect(statusOf(closed), closed.slice(0, 40)).toBe(408);
    await stillServes();
  });
});
