/**
 * Every primitive the exchange uses, from node:crypto only: Ed25519
 * signatures, X25519 key agreement, HKDF-SHA-256 and AES-256-GCM. Keys are
 * kept as raw 32-byte values in base64url (the JWK encoding), so they fit in
 * JSON files and vault rows without a custom format.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';

export interface KeyPair {
  /** base64url raw public key */
  pub: string;
  /** base64url raw private key */
  priv: string;
}

type Curve = 'Ed25519' | 'X25519';

function pairOf(kind: 'ed25519' | 'x25519'): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync(kind as 'ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  void publicKey;
  return { pub: jwk.x!, priv: jwk.d! };
}

export const newSigningPair = (): KeyPair => pairOf('ed25519');
export const newBoxPair = (): KeyPair => pairOf('x25519');
export const newSymmetricKey = (): Buffer => randomBytes(32);

const pubKey = (crv: Curve, x: string): KeyObject => createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' });
const privKey = (crv: Curve, p: KeyPair): KeyObject => createPrivateKey({ key: { kty: 'OKP', crv, x: p.pub, d: p.priv }, format: 'jwk' });

export function signBytes(pair: KeyPair, data: Uint8Array): Buffer {
  return edSign(null, data, privKey('Ed25519', pair));
}

/** False (never a throw) for a malformed key or signature: callers turn it into their own coded error. */
export function verifyBytes(pub: string, data: Uint8Array, sig: Uint8Array): boolean {
  try {
    return sig.length === 64 && edVerify(null, data, pubKey('Ed25519', pub), sig);
  } catch {
    return false;
  }
}

const NONCE = 12;
const TAG = 16;

/** AES-256-GCM: nonce | ciphertext | tag. The AAD binds a ciphertext to its header. */
export function seal(key: Uint8Array, plain: Uint8Array, aad: Uint8Array = Buffer.alloc(0)): Buffer {
  const nonce = randomBytes(NONCE);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

/** Null when the key is wrong or a byte changed. */
export function open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array = Buffer.alloc(0)): Buffer | null {
  if (sealed.length < NONCE + TAG) return null;
  const buf = Buffer.from(sealed);
  try {
    const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, NONCE));
    d.setAAD(aad);
    d.setAuthTag(buf.subarray(buf.length - TAG));
    return Buffer.concat([d.update(buf.subarray(NONCE, buf.length - TAG)), d.final()]);
  } catch {
    return null;
  }
}

const SEAL_INFO = Buffer.from('amparo sealed box v1');

/**
 * A sealed box: a fresh X25519 pair per message, its shared secret with the
 * recipient's public key through HKDF into an AES-256-GCM key. Only the
 * holder of the recipient's private key can open it; the sender keeps nothing
 * that could (ODK's model for field submissions).
 */
export function sealTo(recipientPub: string, plain: Uint8Array): Buffer {
  const eph = generateKeyPairSync('x25519');
  const ephPub = Buffer.from(eph.privateKey.export({ format: 'jwk' }).x!, 'base64url');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: pubKey('X25519', recipientPub) });
  const key = Buffer.from(hkdfSync('sha256', shared, ephPub, SEAL_INFO, 32));
  try {
    return Buffer.concat([ephPub, seal(key, plain, ephPub)]);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export function openSealed(recipient: KeyPair, sealed: Uint8Array): Buffer | null {
  if (sealed.length < 32 + NONCE + TAG) return null;
  const buf = Buffer.from(sealed);
  const ephPub = buf.subarray(0, 32);
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: privKey('X25519', recipient), publicKey: pubKey('X25519', ephPub.toString('base64url')) });
  } catch {
    return null;
  }
  const key = Buffer.from(hkdfSync('sha256', shared, ephPub, SEAL_INFO, 32));
  try {
    return open(key, buf.subarray(32), ephPub);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/** JSON with sorted keys: the exact bytes a signature covers, whatever order a writer used. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * A short number both people can read aloud (Signal's safety-number style):
 * SHA-512 iterated over a version tag and the keys, shown as six groups of
 * five digits. 30 digits keep a forged key pair out of reach of a search.
 */
export function fingerprint(...keys: string[]): string {
  let h = createHash('sha512').update('amparo-fingerprint-v1').update(keys.join('|')).digest();
  for (let i = 0; i < 1024; i++) h = createHash('sha512').update(h).update(keys.join('|')).digest();
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    const n = h.readUIntBE(g * 5, 5) % 100000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}
