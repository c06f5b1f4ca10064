import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../../shared/wire';

describe('shared/wire: JSON that carries bytes (the loopback harness only)', () => {
  it('carries Uint8Array and Buffer values anywhere in the value, byte for byte', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const value = { ok: true, value: { pdf: all, list: [new Uint8Array(0), Buffer.from('hé')], n: 1, s: 'x', none: null } };
    const text = encodeWire(value);
    expect(JSON.parse(text).value.pdf).toEqual({ $bytes: Buffer.from(all).toString('base64') });
    const back = decodeWire(text) as typeof value;
    expect(back.value.pdf).toBeInstanceOf(Uint8Array);
    expect([...back.value.pdf]).toEqual([...all]);
    expect(back.value.list.map((b) => [...b])).toEqual([[], [...Buffer.from('hé')]]);
    expect(back.value.list[1]).toBeInstanceOf(Uint8Array);
    expect({ ...back.value, pdf: null, list: null }).toEqual({ ...value.value, pdf: null, list: null });
    expect([...(decodeWire(encodeWire(new Uint8Array([7, 8]))) as Uint8Array)]).toEqual([7, 8]);
  });

  it('leaves every other value as plain JSON reads it, objects that only look similar included', () => {
    const plain = { a: [1, 'two', { three: false }], $bytes: 'not alone', b: { $bytes: 42 } };
    expect(encodeWire(plain)).toBe(JSON.stringify(plain));
    expect(decodeWire(JSON.stringify(plain))).toEqual(plain);
  });

  it('handles a few megabytes (a filled I-589) without hitting argument limits', () => {
    const big = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 31) & 0xff);
    const back = decodeWire(encodeWire({ big })) as { big: Uint8Array };
    expect(back.big.length).toBe(big.length);
    expect(Buffer.from(back.big).equals(Buffer.from(big))).toBe(true);
  });

  it('refuses bad JSON and bad base64 with an error, never a half-decoded value', () => {
    expect(() => decodeWire('{"a":')).toThrow();
    expect(() => decodeWire('{"pdf":{"$bytes":"%%%"}}')).toThrow();
  });
});
