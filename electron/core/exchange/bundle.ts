/**
 * The .amparo-bundle file: what one device sends the others.
 *
 *   "AMPBNDL\n" | u16 format | u32 header length | header (JSON) | u32 body length | body | Ed25519 signature (64)
 *
 * The header holds ids, sequence ranges, counts and the body's SHA-256, never
 * a name. The body is the changes (deflated JSON) under AES-256-GCM with the
 * clinic data key of the header's epoch, the header as its associated data;
 * a field device, which has no data key, seals its body to the clinic's
 * public key instead (epoch 0). The signature by the sending device covers
 * every byte before it.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { canonicalJson, open, openSealed, seal, sealTo, sha256, signBytes, verifyBytes } from './crypto';
import { revocationSchema, signedCert, type SignedCert, type SignedRevocation } from './clinic';
import type { Change } from './changes';

export const BUNDLE_EXT = '.amparo-bundle';
const MAGIC = Buffer.from('AMPBNDL\n');
export const FORMAT_VERSION = 1;
const SIG = 64;
const MAX_HEADER = 8 * 1024 * 1024;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const seqRange = z.tuple([z.number().int().min(1), z.number().int().min(1)]);

export const headerSchema = z
  .object({
    bundleId: uuid,
    clinicId: uuid,
    from: uuid,
    cert: signedCert,
    /** Data key epoch of the body; 0 = sealed to the clinic key (a field device). */
    epoch: z.number().int().min(0),
    ranges: z.record(uuid, seqRange),
    /** What the sender holds, device -> last seq: the receiver's next bundle for it starts there. */
    have: z.record(uuid, z.number().int().min(0)),
    count: z.number().int().min(0),
    sealedIntakes: z.number().int().min(0),
    bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Clinic-signed: other devices' certificates and revocations, relayed. */
    certs: z.array(signedCert).max(10_000),
    revocations: z.array(revocationSchema).max(10_000),
    /** Newer data keys sealed to each member's X25519 key (after a revocation). */
    keys: z.array(z.object({ device: uuid, epoch: z.number().int().min(1), sealed: z.string().max(1000) }).strict()).max(100_000),
    createdAt: z.string().max(40),
  })
  .strict();
export type BundleHeader = z.infer<typeof headerSchema>;

export interface BundleBody {
  changes: Change[];
  /** Field intakes, each sealed to the clinic key (base64url). */
  sealed: Array<{ id: string; sealed: string }>;
}

export interface Sender {
  sign: { pub: string; priv: string };
}

export function encodeBundle(
  header: Omit<BundleHeader, 'bodySha256'>,
  body: BundleBody,
  sender: Sender,
  key: { epoch: number; key: Buffer } | { clinicSealPub: string },
): Buffer {
  const plain = deflateRawSync(Buffer.from(JSON.stringify(body)));
  // The header is authenticated twice: as the body's AAD (through its hash-free part) and by the signature.
  const aadHeader = aadOf(header);
  const sealed = 'key' in key ? seal(key.key, plain, aadHeader) : sealTo(key.clinicSealPub, plain);
  const full: BundleHeader = { ...header, bodySha256: sha256(sealed).toString('hex') };
  const headerBytes = Buffer.from(JSON.stringify(full));
  const pre = Buffer.alloc(MAGIC.length + 2 + 4);
  MAGIC.copy(pre);
  pre.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  pre.writeUInt32BE(headerBytes.length, MAGIC.length + 2);
  const bodyLen = Buffer.alloc(4);
  bodyLen.writeUInt32BE(sealed.length);
  const signedPart = Buffer.concat([pre, headerBytes, bodyLen, sealed]);
  return Buffer.concat([signedPart, signBytes(sender.sign, signedPart)]);
}

/** The header without its body hash, in canonical form: the same bytes on both sides whatever the key order. */
const aadOf = (h: Omit<BundleHeader, 'bodySha256'>) => Buffer.from(canonicalJson({ ...h, bodySha256: '' }));

export interface ParsedBundle {
  header: BundleHeader;
  signedPart: Buffer;
  signature: Buffer;
  sealedBody: Buffer;
}

const damaged = (why: string) =>
  new AppError('BUNDLE_DAMAGED', 'This bundle file is damaged or incomplete; nothing from it was applied.', { why });

/** Structure only: magic, version, lengths, the header's shape. Nothing is trusted yet. */
export function parseBundle(bytes: Buffer): ParsedBundle {
  const fixed = MAGIC.length + 2 + 4;
  if (bytes.length < fixed || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged('magic');
  const version = bytes.readUInt16BE(MAGIC.length);
  if (version > FORMAT_VERSION) {
    throw new AppError(
      'BUNDLE_FROM_FUTURE',
      'This bundle was written by a newer version of Amparo. Update Amparo on this laptop, then import it again.',
      {
        formatVersion: version,
      },
    );
  }
  if (version !== FORMAT_VERSION) throw damaged('version');
  const headerLen = bytes.readUInt32BE(MAGIC.length + 2);
  if (headerLen > MAX_HEADER || bytes.length < fixed + headerLen + 4 + SIG) throw damaged('length');
  const headerBytes = bytes.subarray(fixed, fixed + headerLen);
  const bodyLen = bytes.readUInt32BE(fixed + headerLen);
  const bodyStart = fixed + headerLen + 4;
  if (bytes.length !== bodyStart + bodyLen + SIG) throw damaged('length');
  let raw: unknown;
  try {
    raw = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw damaged('header');
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw damaged('header');
  return {
    header: parsed.data,
    signedPart: bytes.subarray(0, bodyStart + bodyLen),
    signature: bytes.subarray(bodyStart + bodyLen),
    sealedBody: bytes.subarray(bodyStart, bodyStart + bodyLen),
  };
}

export function checkSignature(p: ParsedBundle, signPub: string): void {
  if (!verifyBytes(signPub, p.signedPart, p.signature)) {
    throw new AppError(
      'BUNDLE_BAD_SIGNATURE',
      'This bundle’s signature does not match its sending device: it was changed on the way. Nothing was applied.',
    );
  }
}

const unreadable = () => new AppError('BUNDLE_UNREADABLE', 'This bundle cannot be decrypted with this clinic’s keys. Nothing was applied.');

const bodySchema = z
  .object({
    changes: z.array(
      z
        .object({
          device: uuid,
          seq: z.number().int().min(1),
          hlc: z.number().int().min(0),
          entity: z.string().max(64),
          row: z.string().max(200),
          op: z.enum(['insert', 'update', 'delete']),
          fields: z.record(z.string(), z.unknown()),
          prev: z.record(z.string(), z.string()),
        })
        .strict(),
    ),
    sealed: z.array(z.object({ id: uuid, sealed: z.string() }).strict()),
  })
  .strict();

export function decryptBody(
  p: ParsedBundle,
  keyFor: (epoch: number) => Buffer | null,
  clinicSeal: { pub: string; priv: string } | null,
): BundleBody {
  if (sha256(p.sealedBody).toString('hex') !== p.header.bodySha256) throw damaged('hash');
  let plain: Buffer | null;
  if (p.header.epoch === 0) {
    plain = clinicSeal ? openSealed(clinicSeal, p.sealedBody) : null;
  } else {
    const key = keyFor(p.header.epoch);
    plain = key ? open(key, p.sealedBody, aadOf(p.header)) : null;
  }
  if (!plain) throw unreadable();
  let body: unknown;
  try {
    body = JSON.parse(inflateRawSync(plain).toString('utf8'));
  } catch {
    throw unreadable();
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) throw damaged('body');
  return parsed.data as BundleBody;
}

export type { SignedCert, SignedRevocation };
