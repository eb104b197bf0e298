import fc from 'fast-check';
import {
  canonicalJson,
  certificateKeys,
  parseQrPayload,
  publicKeyFromB64,
  qrPayload,
  signCertificate,
  verifyCertificateSignature,
} from '../../src/functions/certificates/signing';
import { sampleContent } from './content';

const content = sampleContent({
  serial: 'JF-2025-000001',
  name: '张晓明',
  idMasked: '330106********001X',
  permitNo: '330100202300012345',
  items: [
    { code: 'age', name: '年龄', points: 30 },
    { code: 'socialInsurance', name: '社会保险', points: 24.5 },
  ],
});
const keys = certificateKeys('a-test-secret-of-enough-length');

describe('canonical JSON', () => {
  test('key order does not matter, array order does', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, 1] } })).toBe('{"a":{"c":[3,1],"d":2},"b":1}');
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
  test('non-finite numbers are refused rather than signed as null', () => {
    expect(() => canonicalJson({ total: Number.NaN })).toThrow();
  });
});

describe('Ed25519 certificate signatures', () => {
  const sig = signCertificate(content, keys);

  test('a signature verifies with the published public key alone (offline)', () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyCertificateSignature(content, sig, publicKeyFromB64(keys.publicKeyB64))).toBe(true);
    // Deterministic: the same content signs to the same bytes.
    expect(signCertificate({ ...content }, keys)).toBe(sig);
  });

  test('another secret derives another key; short secrets are refused', () => {
    const other = certificateKeys('another-secret-of-enough-length');
    expect(other.keyId).not.toBe(keys.keyId);
    expect(verifyCertificateSignature(content, sig, other.publicKey)).toBe(false);
    expect(() => certificateKeys('short')).toThrow();
  });

  test('every single-byte change of the signature fails', () => {
    const raw = Buffer.from(sig, 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const t = Buffer.from(raw);
      t[i] = t[i]! ^ 0x01;
      expect(verifyCertificateSignature(content, t.toString('base64url'), keys.publicKey)).toBe(false);
    }
  });

  test('any change of the content fails (property)', () => {
    const field = fc.constantFrom('serial', 'name', 'idMasked', 'permitNo', 'cutOffDate', 'issueDate');
    fc.assert(
      fc.property(field, fc.string({ minLength: 1, maxLength: 12 }), (k, suffix) => {
        const changed = { ...content, [k]: `${(content as unknown as Record<string, string>)[k]}${suffix}` };
        return !verifyCertificateSignature(changed, sig, keys.publicKey);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0),
        (delta) => {
          const items = content.items.map((i, n) => (n === 1 ? { ...i, points: i.points + delta / 2 } : i));
          return (
            !verifyCertificateSignature({ ...content, items }, sig, keys.publicKey) &&
            !verifyCertificateSignature({ ...content, total: content.total + delta / 2 }, sig, keys.publicKey)
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test('QR payload round-trips and rejects other text', () => {
    const p = qrPayload(content.serial, sig);
    expect(parseQrPayload(p)).toEqual({ serial: content.serial, signature: sig });
    expect(parseQrPayload(`${p}x`)).toBeNull();
    expect(parseQrPayload('https://example.com/?s=1')).toBeNull();
  });
});
