/**
 * Lock forgets the secrets (crypto part): every key buffer the vault handles
 * (the Argon2 output used as key-encryption key, the unwrapped master key,
 * the raw-key text handed to SQLCipher) and every passphrase buffer given to
 * Argon2 is zeroed once the operation is over, whether it succeeded or not.
 * The real Argon2, AES-GCM and SQLCipher run; the test only keeps a reference
 * to each buffer as it is handed out, to look at it afterwards.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import type * as Argon2 from '@node-rs/argon2';
import type * as VaultCrypto from '../../../electron/core/vault/crypto';
import { freshCore, PASS } from '../../helpers/env';

const seen = vi.hoisted(() => ({
  kdfInputs: [] as Buffer[],
  kdfStringInputs: 0,
  keks: [] as Buffer[],
  masterKeys: [] as Buffer[],
  nonZeroWhenHandedOut: 0,
}));

const isZero = (b: Buffer) => b.every((x) => x === 0);
function handOut(list: Buffer[], b: Buffer): Buffer {
  if (!isZero(b)) seen.nonZeroWhenHandedOut++;
  list.push(b);
  return b;
}

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  return {
    ...real,
    hashRaw: async (password: string | Uint8Array, options: Parameters<typeof real.hashRaw>[1]) => {
      if (typeof password === 'string') seen.kdfStringInputs++;
      else seen.kdfInputs.push(password as Buffer);
      return handOut(seen.keks, await real.hashRaw(password, options));
    },
  };
});

vi.mock('../../../electron/core/vault/crypto', async (importOriginal) => {
  const real = await importOriginal<typeof VaultCrypto>();
  return {
    ...real,
    unwrapKey: (...args: Parameters<typeof real.unwrapKey>) => {
      const key = real.unwrapKey(...args);
      return key ? handOut(seen.masterKeys, key) : key;
    },
  };
});

const keySpecs: Buffer[] = [];
afterEach(() => vi.restoreAllMocks());

function expectAllWiped() {
  expect(seen.kdfStringInputs, 'passphrases reach Argon2 as Buffers').toBe(0);
  for (const [name, list] of Object.entries({
    'passphrase buffers': seen.kdfInputs,
    KEKs: seen.keks,
    'master keys': seen.masterKeys,
    'SQLCipher key specs': keySpecs,
  })) {
    expect(list.length, name).toBeGreaterThan(0);
    list.forEach((b, i) => expect(isZero(b), `${name}[${i}] still holds its bytes`).toBe(true));
  }
}

describe('after each vault operation, no key or passphrase buffer keeps its bytes', () => {
  it('create, unlock, a wrong passphrase, a passphrase change and recovery', async () => {
    const realKey = Database.prototype.key;
    vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Database.Database, spec: Buffer) {
      handOut(keySpecs, spec);
      return realKey.call(this, spec);
    });

    const env = await freshCore({ create: false });
    try {
      const { core } = env;
      const { recoveryCode } = await core.call('vault.create', { passphrase: PASS });
      core.vault.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('k', 'still readable');
      await core.call('vault.lock', {});
      expect(await core.dispatch('vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE' },
      });
      await core.call('vault.unlock', { passphrase: PASS });
      // Zeroing the key text after handing it to SQLCipher does not lose the key.
      expect(core.vault.db.prepare(`SELECT value FROM meta WHERE key = 'k'`).get()).toEqual({ value: 'still readable' });
      await core.call('vault.lock', {});
      await core.call('vault.changePassphrase', { current: PASS, next: 'the next passphrase' });
      await core.call('vault.unlockWithRecovery', { recoveryCode, newPassphrase: 'a third passphrase' });
      await core.call('vault.lock', {});

      // Every buffer held real bytes when it was handed out: the test can fail.
      const handed = seen.keks.length + seen.masterKeys.length + keySpecs.length;
      expect(seen.nonZeroWhenHandedOut).toBe(handed);
      expectAllWiped();
    } finally {
      env.cleanup();
    }
  });
});

describe('passphrase bytes', () => {
  it('derive the same key as the passphrase string did before, so existing vaults still open', async () => {
    const { deriveKey, newKdfParams } = await import('../../../electron/core/vault/crypto');
    const argon2 = await vi.importActual<typeof Argon2>('@node-rs/argon2');
    const kdf = newKdfParams({ m: 8192, t: 1, p: 1 });
    // Typed decomposed (e + combining accent), as some keyboards send it; stored as NFC.
    const typed = 'Jose\u0301 María Ñandú passphrase';
    const before = await argon2.hashRaw(typed.normalize('NFC'), {
      algorithm: 2 as Argon2.Algorithm,
      memoryCost: kdf.m,
      timeCost: kdf.t,
      parallelism: kdf.p,
      outputLen: 32,
      salt: Buffer.from(kdf.salt, 'base64'),
    });
    const now = await deriveKey(typed, kdf);
    expect(now.equals(before)).toBe(true);
  });
});
