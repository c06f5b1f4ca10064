import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../shared/contract';
import { MAX_IPC_INPUT_BYTES, validateIpcCall } from '../../../electron/main/ipc-guard';

const app = { url: 'amparo://app/index.html', isTopFrame: true };
const code = (r: ReturnType<typeof validateIpcCall>) => (r.ok ? 'OK' : r.error.code);

describe('validateIpcCall: sender', () => {
  it('accepts the top frame of the app origin, on any route', () => {
    expect(code(validateIpcCall(app, 'vault.status', {}))).toBe('OK');
    expect(code(validateIpcCall({ url: 'amparo://app/cases/1?x=2#y', isTopFrame: true }, 'vault.status', {}))).toBe('OK');
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///home/user/amparo/dist/renderer/index.html',
    'amparo://evil/index.html',
    'amparo://app.evil/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'blob:amparo://app/uuid',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses a frame at %s', (url) => {
    expect(code(validateIpcCall({ url, isTopFrame: true }, 'vault.status', {}))).toBe('FORBIDDEN');
  });

  it('refuses sub-frames, even of the app origin, and vanished frames', () => {
    expect(code(validateIpcCall({ url: app.url, isTopFrame: false }, 'vault.status', {}))).toBe('FORBIDDEN');
    expect(code(validateIpcCall({ url: null, isTopFrame: true }, 'vault.status', {}))).toBe('FORBIDDEN');
    expect(code(validateIpcCall({ url: undefined, isTopFrame: true }, 'vault.status', {}))).toBe('FORBIDDEN');
  });

  it('checks the sender before anything else (no hint about op names to strangers)', () => {
    const r = validateIpcCall({ url: 'https://evil.example/', isTopFrame: true }, 'no.such.op', []);
    expect(code(r)).toBe('FORBIDDEN');
  });
});

describe('validateIpcCall: operation name', () => {
  it('accepts every contract op', () => {
    for (const name of OP_NAMES) expect(code(validateIpcCall(app, name, {}))).toBe('OK');
  });

  it.each([
    ['unknown op', 'fs.readFile'],
    ['prototype key', 'constructor'],
    ['__proto__', '__proto__'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['case variant', 'VAULT.STATUS'],
    ['padded', ' vault.status'],
    ['empty', ''],
    ['very long', 'x'.repeat(10_000)],
  ])('refuses %s', (_label, name) => {
    expect(code(validateIpcCall(app, name, {}))).toBe('INVALID_INPUT');
  });

  it.each([[42], [null], [undefined], [{}], [['vault.status']], [Symbol('vault.status')]])('refuses a non-string name %#', (name) => {
    expect(code(validateIpcCall(app, name, {}))).toBe('INVALID_INPUT');
  });
});

describe('validateIpcCall: input', () => {
  it('passes plain JSON objects through unchanged', () => {
    const input = { passphrase: 'correct horse battery staple', nested: { list: [1, 'two', null, true, { x: 1.5 }] } };
    const r = validateIpcCall(app, 'vault.unlock', input);
    expect(r.ok && r.value).toEqual({ name: 'vault.unlock', input });
  });

  it('treats a missing input as an empty object; accepts null-prototype objects', () => {
    const r = validateIpcCall(app, 'vault.status', undefined);
    expect(r.ok && r.value.input).toEqual({});
    expect(code(validateIpcCall(app, 'vault.status', Object.create(null)))).toBe('OK');
  });

  it.each([
    ['array', []],
    ['array of objects', [{ passphrase: 'x' }]],
    ['null', null],
    ['string', '{"passphrase":"x"}'],
    ['number', 1],
    ['boolean', true],
    ['Date', new Date()],
    ['Map', new Map([['passphrase', 'x']])],
    ['Uint8Array', new Uint8Array(4)],
    [
      'class instance',
      new (class Foo {
        passphrase = 'x';
      })(),
    ],
  ])('refuses a non-plain-object input: %s', (_label, input) => {
    expect(code(validateIpcCall(app, 'vault.unlock', input))).toBe('INVALID_INPUT');
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['undefined value', { u: undefined }],
    ['function', { f: () => 1 }],
    ['bigint', { b: 1n }],
    ['nested Date', { a: { d: new Date() } }],
    ['nested Map', { a: [new Map()] }],
    ['symbol key', { [Symbol('s')]: 1 }],
  ])('refuses non-JSON values inside: %s', (_label, input) => {
    expect(code(validateIpcCall(app, 'vault.unlock', input))).toBe('INVALID_INPUT');
  });

  it('lets bytes (Uint8Array) travel inside an input, counted at their base64 size, and nothing else typed', () => {
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { token: 'x', bytes: new Uint8Array(16) }))).toBe('OK');
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { a: [{ b: new Uint8Array(0) }] }))).toBe('OK');
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { bytes: new Uint16Array(4) }))).toBe('INVALID_INPUT');
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { bytes: new Float64Array(1) }))).toBe('INVALID_INPUT');
    // 3 MiB of bytes is 4 MiB as base64: over a 4 MiB limit once the braces are counted, under a 5 MiB one.
    const bytes = new Uint8Array(3 * 1024 * 1024);
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { bytes }, 4 * 1024 * 1024))).toBe('INVALID_INPUT');
    expect(code(validateIpcCall(app, 'forms.recordDelivery', { bytes }, 5 * 1024 * 1024))).toBe('OK');
  });

  it('refuses deep nesting', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) {
      const next = {};
      deep.a = next;
      deep = next;
    }
    expect(code(validateIpcCall(app, 'vault.unlock', root))).toBe('INVALID_INPUT');
  });

  it('refuses inputs over the size limit, and accepts one just under it', () => {
    expect(MAX_IPC_INPUT_BYTES).toBe(10 * 1024 * 1024);
    const huge = { passphrase: 'x'.repeat(MAX_IPC_INPUT_BYTES) };
    const r = validateIpcCall(app, 'vault.unlock', huge);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/too large/);
    expect(code(validateIpcCall(app, 'vault.unlock', { passphrase: 'x'.repeat(MAX_IPC_INPUT_BYTES - 1000) }))).toBe('OK');
    // Multi-byte text counts in UTF-8 bytes, not characters.
    expect(code(validateIpcCall(app, 'vault.unlock', { passphrase: 'ñ'.repeat(MAX_IPC_INPUT_BYTES / 2 + 10) }))).toBe('INVALID_INPUT');
    // Many small values add up too.
    const wide = { list: Array.from({ length: 300_000 }, () => 1) };
    expect(code(validateIpcCall(app, 'vault.unlock', wide))).toBe('INVALID_INPUT');
  });

  it('refuses prototype-pollution keys, and validating them pollutes nothing', () => {
    const payloads = [
      JSON.parse('{"__proto__": {"polluted": true}}'),
      JSON.parse('{"a": {"__proto__": {"polluted": true}}}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
      JSON.parse('{"list": [{"__proto__": {"polluted": true}}]}'),
    ];
    for (const p of payloads) expect(code(validateIpcCall(app, 'vault.unlock', p))).toBe('INVALID_INPUT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('per-operation size limits', () => {
  it('gives file-carrying operations room for a 50 MB CSV as base64, and nothing else', async () => {
    const { maxInputBytesFor, MAX_IPC_INPUT_BYTES } = await import('../../../electron/main/ipc-guard');
    expect(maxInputBytesFor('import.preview')).toBeGreaterThan(Math.ceil((50 * 1024 * 1024) / 3) * 4);
    expect(maxInputBytesFor('vault.unlock')).toBe(MAX_IPC_INPUT_BYTES);
    expect(maxInputBytesFor('people.update')).toBe(MAX_IPC_INPUT_BYTES);
  });
});
