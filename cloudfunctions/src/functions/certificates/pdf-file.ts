// The certificate PDF as a stored file: rendered once per serial and marking, kept in the FileStore under a path the
// server chooses, and handed out as a short-lived link (as files.read does) — a function's answer is no place for a
// PDF, and the link opens with the platform's own download (weapp downloadFile → openDocument, H5 a new tab).
import { createHmac, hkdfSync } from 'node:crypto';
import type { FileStore } from '../../storage/store';
import { renderCertificatePdf } from '../../pdf/certificate';
import { qrPayload } from './signing';
import type { CertificateDoc } from './model';

export const PDF_TYPE = 'application/pdf';

/** The key naming stored PDFs, derived from the certificate secret (apart from the signing key, by its label). */
function pathKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hz-points', 'certificate-pdf-path-v1', 32));
}

/**
 * Where the PDF of `cert` lives: `certificates/<applicationId>/<serial>-<tag>.pdf`, or, stamped 已作废 with `voided`,
 * `certificates/<applicationId>/<serial>-superseded-<tag>.pdf`. The tag (128 bits of an HMAC over the serial and the
 * stamp's sentence) keeps the path unguessable: storage rules let a signed-in client create a file at any path not
 * yet taken, and a guessable one could be filled with a forged PDF before the server stores the real one. The stamp's
 * sentence is printed on the page, so another sentence is another file: a cached copy never carries a stale reason.
 */
function certificatePdfPath(
  cert: Pick<CertificateDoc, 'applicationId' | 'serial'>,
  voided: string | null,
  secret: string,
): string {
  const tag = createHmac('sha256', pathKey(secret))
    .update(`${cert.serial}\n${voided ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return `certificates/${cert.applicationId}/${cert.serial}${voided === null ? '' : '-superseded'}-${tag}.pdf`;
}

/**
 * Makes sure the PDF is stored and answers its path and size. Rendering is a pure function of the signed record and
 * its stamp, so an existing file at the path is that very PDF: it is not rendered again, and two downloads racing to
 * store it write the same bytes.
 */
export async function storedCertificatePdf(
  files: FileStore,
  cert: Pick<CertificateDoc, 'applicationId' | 'serial' | 'content' | 'signature' | 'keyId'>,
  voided: string | null,
  secret: string,
): Promise<{ path: string; size: number }> {
  const path = certificatePdfPath(cert, voided, secret);
  const stored = await files.stat(path);
  if (stored) return { path, size: stored.size };
  const pdf = await renderCertificatePdf({
    content: cert.content,
    signature: cert.signature,
    keyId: cert.keyId,
    qrText: qrPayload(cert.serial, cert.signature),
    voided,
  });
  await files.put(path, pdf, PDF_TYPE);
  return { path, size: pdf.length };
}
