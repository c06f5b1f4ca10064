import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { hashRaw, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolatedModules cannot inline: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;
export { canonicalRecoveryCode } from '../../../shared/schemas/vault';

export interface KdfParams {
  name: 'argon2id';
  /** Memory in KiB. */
  m: number;
  t: number;
  p: number;
  salt: string; // base64
}

/**
 * Default Argon2id cost: 128 MiB, 8 passes. Measured by `npm run bench` at
 * about 0.3 s on the 2-core build machine, inside the 0.2-1 s unlock budget,
 * and memory-hard enough to make offline guessing on a stolen laptop costly.
 */
export const DEFAULT_KDF = { m: 131072, t: 8, p: 1 } as const;

export function newKdfParams(cost: { m: number; t: number; p: number } = DEFAULT_KDF): KdfParams {
  return { name: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * A secret as the UTF-8 bytes of its NFC form, in a Buffer the caller zeroes
 * when done. The vault converts a passphrase once, at its entry, so the
 * derivation never makes further string copies that could not be wiped.
 */
export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.normalize('NFC'), 'utf8');
}

/**
 * Argon2id over the secret. The returned key is the KDF's own buffer (no
 * copy is left behind): the caller zeroes it in a `finally`. A string secret
 * is converted with secretBytes and that copy is zeroed here.
 */
export async function deriveKey(secret: string | Buffer, kdf: KdfParams): Promise<Buffer> {
  const bytes = typeof secret === 'string' ? secretBytes(secret) : secret;
  try {
    return await hashRaw(bytes, {
      algorithm: ARGON2ID,
      memoryCost: kdf.m,
      timeCost: kdf.t,
      parallelism: kdf.p,
      outputLen: 32,
      salt: Buffer.from(kdf.salt, 'base64'),
    });
  } finally {
    if (bytes !== secret) bytes.fill(0);
  }
}

export interface Wrapped {
  alg: 'aes-256-gcm';
  iv: string;
  ct: string;
  tag: string;
}

export function wrapKey(kek: Buffer, key: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(key), c.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

/** Returns null when authentication fails (wrong secret or altered slot). The caller zeroes the key returned. */
export function unwrapKey(kek: Buffer, w: Wrapped, aad: string): Buffer | null {
  const parts: Buffer[] = [];
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    parts.push(d.update(Buffer.from(w.ct, 'base64')));
    parts.push(d.final());
    return Buffer.concat(parts);
  } catch {
    return null;
  } finally {
    // The pieces are copies of the plaintext key: only the concatenation leaves here.
    for (const p of parts) p.fill(0);
  }
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function hmacHex(key: Buffer, label: string, data: string): string {
  return createHmac('sha256', key).update(label).update('\0').update(data).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

// Crockford base32: no I, L, O, U, so a code read aloud or handwritten is unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 Crockford base32 characters. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

// ---- Per-user slots (issue 10): X25519 sealing ----
// A user's slot holds an X25519 key pair: the private half wrapped under the
// user's Argon2id key, the public half in clear. The master key is sealed to
// the public half, so a lead can seal a NEW master key to every remaining user
// (rekey) without knowing anyone's passphrase.

/** PKCS#8 DER prefix of a raw 32-byte X25519 private key (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export interface Sealed {
  /** The ephemeral public key (raw, base64). */
  epk: string;
  wrap: Wrapped;
}

/** A new key pair: the private key as raw bytes (the caller zeroes them), the public key as base64. */
export function newX25519(): { priv: Buffer; pub: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const priv = Buffer.from(der.subarray(X25519_PKCS8_PREFIX.length));
  der.fill(0);
  return { priv, pub: rawPublic(publicKey) };
}

function rawPublic(k: KeyObject): string {
  return k.export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI_PREFIX.length).toString('base64');
}

function privateKeyObject(priv: Buffer): KeyObject {
  const der = Buffer.concat([X25519_PKCS8_PREFIX, priv]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

const publicKeyObject = (pub: string): KeyObject =>
  createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, Buffer.from(pub, 'base64')]), format: 'der', type: 'spki' });

function sealingKey(shared: Buffer, epk: string, pub: string, aad: string): Buffer {
  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${epk}|${pub}`), Buffer.from(aad), 32));
  } finally {
    shared.fill(0);
  }
}

/** Seals `key` (the master key) to a public key: only its private half opens it. */
export function sealTo(pub: string, key: Buffer, aad: string): Sealed {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const kek = sealingKey(diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(pub) }), epk, pub, aad);
  try {
    return { epk, wrap: wrapKey(kek, key, aad) };
  } finally {
    kek.fill(0);
  }
}

/**
 * The key that opens a sealed master key, from the raw private key; null when
 * the keys do not fit. The caller unwraps with unwrapKey and zeroes both.
 */
export function sealedKek(priv: Buffer, pub: string, sealed: Sealed, aad: string): Buffer | null {
  try {
    return sealingKey(diffieHellman({ privateKey: privateKeyObject(priv), publicKey: publicKeyObject(sealed.epk) }), sealed.epk, pub, aad);
  } catch {
    return null;
  }
}
