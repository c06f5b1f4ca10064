import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { TEST_KDF, tempDir, PASS } from '../../helpers/env';

let h: Harness;
let cleanup: () => void;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const api = (op: string, input: unknown, headers: Record<string, string> = {}) =>
  http(
    'POST',
    `/api/${op}`,
    { 'content-type': 'application/json', 'x-amparo-token': h.token, origin: h.url, ...headers },
    JSON.stringify(input),
  );

beforeAll(async () => {
  const t = tempDir('amparo-harness-');
  cleanup = t.cleanup;
  const staticDir = join(t.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Amparo</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'outside the static folder');
  h = await startHarness({ dbPath: join(t.dir, 'vault', 'amparo.db'), staticDir, kdfCost: TEST_KDF });
  port = Number(new URL(h.url).port);
});
afterAll(async () => {
  await h.close();
  cleanup();
});

describe('loopback harness', () => {
  it('listens on 127.0.0.1 only, on a random port, with the token in the fragment', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(1024);
    expect(h.launchUrl).toBe(`${h.url}/#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(43);
  });

  it('serves the app with the CSP and no caching', async () => {
    const r = await http('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Amparo</title>');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(r.headers['cache-control']).toBe('no-store');
    expect((await http('GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('runs contract operations with the token', async () => {
    const r = await api('vault.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });
    const created = JSON.parse((await api('vault.create', { passphrase: PASS })).body);
    expect(created).toMatchObject({ ok: true, value: { recoveryCode: expect.any(String) } });
  });

  it('cannot bypass the likely-duplicate gate: the core refuses an undecided likely duplicate', async () => {
    const intake = { givenName: 'Marisol', familyName: 'Xiloj Cux', dob: '1992-04-10', phone: '555-010-2000', detained: false };
    const first = JSON.parse((await api('intake.createQuick', { intake })).body) as { ok: true; value: { id: string } };
    expect(first.ok).toBe(true);
    const again = { ...intake, givenName: 'Marisol', familyName: 'Xiloj' };
    const refused = await api('intake.createQuick', { intake: again });
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_UNDECIDED', details: { candidates: [first.value.id] } },
    });
    const list = JSON.parse((await api('people.list', {})).body) as { value: { total: number } };
    expect(list.value.total).toBe(1);
    const decided = await api('intake.createQuick', { intake: again, decisions: [{ otherId: first.value.id, decision: 'new-person' }] });
    expect(JSON.parse(decided.body)).toMatchObject({ ok: true, value: { person: { familyName: 'Xiloj' } } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await http('GET', '/', { host: `evil.example:${port}` });
    expect(r.status).toBe(421);
    const a = await api('vault.status', {}, { host: `attacker.test:${port}` });
    expect(a.status).toBe(421);
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    expect((await api('vault.status', {}, { 'x-amparo-token': '' })).status).toBe(401);
    expect((await api('vault.status', {}, { 'x-amparo-token': h.token.slice(1) + 'x' })).status).toBe(401);
  });

  it('refuses cross-origin and cross-site calls even with the token', async () => {
    expect((await api('vault.status', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('vault.status', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('vault.status', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('answers bad requests with coded errors', async () => {
    const bad = await http('POST', '/api/vault.unlock', { 'content-type': 'application/json', 'x-amparo-token': h.token }, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await api('no.such.op', {})).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await api('vault.unlock', { passphrase: 42 })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await http('GET', '/api/vault.status')).status).toBe(405);
    const plain = await http('POST', '/api/vault.status', { 'x-amparo-token': h.token, 'content-type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
  });

  it('applies the IPC guard: prototype keys, deep nesting and oversize input are refused before the core', async () => {
    const proto = await http(
      'POST',
      '/api/vault.status',
      { 'content-type': 'application/json', 'x-amparo-token': h.token, origin: h.url },
      '{"__proto__":{"x":1}}',
    );
    expect(proto.status).toBe(400);
    let deep = '1';
    for (let i = 0; i < 40; i++) deep = `{"a":${deep}}`;
    expect((await api('vault.status', JSON.parse(deep))).status).toBe(400);
    expect((await api('people.search', { query: 'x'.repeat(11 * 1024 * 1024) })).status).toBe(400);
  });

  it('never serves files outside the app folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await http('GET', p);
      expect(r.body, p).not.toContain('outside the static folder');
    }
  });
});

describe('preferences', () => {
  it('keeps the UI language beside the vault, readable while locked', async () => {
    expect(JSON.parse((await api('prefs.get', {})).body)).toEqual({ ok: true, value: {} });
    expect(JSON.parse((await api('prefs.set', { lang: 'es' })).body)).toEqual({ ok: true, value: { lang: 'es' } });
    await h.core.call('vault.lock', {});
    expect(JSON.parse((await api('prefs.get', {})).body)).toEqual({ ok: true, value: { lang: 'es' } });
    expect(JSON.parse((await api('prefs.set', { lang: 'fr' })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
