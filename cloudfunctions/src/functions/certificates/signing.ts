import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Certificate signatures: Ed25519 over a canonical JSON of the certificate's content.
 *
 * Why Ed25519 rather than HMAC: with the public key (published in docs/DEPLOY.md and returned by the public
 * `verify` action) anyone can check a printed certificate offline, without being able to forge one.
 * The key pair is derived from `runtime.secrets.certificateKey` (HKDF-SHA256), so production configures a single
 * secret environment variable and no key file ever sits in the repo or the bundle.
 */

// The signed content's shape lives in the rules package (the client shows the same fields).
export type { CertificateContent } from '@hz-points/shared';
import type { CertificateContent } from '@hz-points/shared';

export interface CertificateKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Raw 32-byte public key, base64url: what an offline verifier needs. */
  publicKeyB64: string;
  /** First 8 bytes of SHA-256 of the raw public key, hex: printed on the certificate to name the key. */
  keyId: string;
}

// DER prefixes of PKCS#8 (private) and SPKI (public) Ed25519 keys (RFC 8410): node:crypto imports raw keys this way.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const keyCache = new Map<string, CertificateKeys>();

export function certificateKeys(secret: string): CertificateKeys {
  if (secret.length < 16) {
    // A short secret would make the derived key guessable; refuse rather than sign weakly.
    throw new Error('certificateKey must be at least 16 characters');
  }
  const cached = keyCache.get(secret);
  if (cached) return cached;
  const seed = Buffer.from(hkdfSync('sha256', secret, 'hz-points', 'certificate-ed25519-v1', 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  const keys: CertificateKeys = {
    privateKey,
    publicKey,
    publicKeyB64: raw.toString('base64url'),
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
  };
  keyCache.set(secret, keys);
  return keys;
}

export function publicKeyFromB64(b64: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(b64, 'base64url')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Canonical JSON: object keys sorted at every level, no whitespace, numbers as JSON prints them.
 * Arrays keep their order (the indicator order is part of what the certificate shows).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in signed content');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Domain-separated message, so a signature over a certificate can never be replayed as anything else. */
function message(content: CertificateContent): Buffer {
  return Buffer.from(`hz-points/certificate/v1\n${canonicalJson(content)}`, 'utf8');
}

export function signCertificate(content: CertificateContent, keys: CertificateKeys): string {
  return sign(null, message(content), keys.privateKey).toString('base64url');
}

export function verifyCertificateSignature(
  content: CertificateContent,
  signature: string,
  publicKey: KeyObject,
): boolean {
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return false;
  return verify(null, message(content), publicKey, sig);
}

/**
 * The QR code's text: `HZJF1.<serial>.<signature>`. Compact (≈ 110 characters, a version-6 QR) and without
 * personal data; the verify action (or an offline verifier holding the printed content) does the rest.
 */
const QR_PREFIX = 'HZJF1';

export function qrPayload(serial: string, signature: string): string {
  return `${QR_PREFIX}.${serial}.${signature}`;
}

export function parseQrPayload(payload: string): { serial: string; signature: string } | null {
  const m = /^HZJF1\.([A-Z0-9-]{1,40})\.([A-Za-z0-9_-]{86})$/.exec(payload.trim());
  return m ? { serial: m[1], signature: m[2] } : null;
}
