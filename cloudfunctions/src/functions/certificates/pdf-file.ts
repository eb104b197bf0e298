// The certificate PDF as a stored file: rendered once per serial and marking, kept in the FileStore under a path the
// server chooses, and handed out as a short-lived link (as files.read does) — a function's answer is no place for a
// PDF, and the link opens with the platform's own download (weapp downloadFile → openDocument, H5 a new tab).
import { createHash } from 'node:crypto';
import type { FileStore } from '../../storage/store';
import { renderCertificatePdf } from '../../pdf/certificate';
import { qrPayload } from './signing';
import type { CertificateDoc } from './model';

export const PDF_TYPE = 'application/pdf';

/**
 * Where the PDF of `cert` lives: `certificates/<applicationId>/<serial>.pdf`, or, stamped 已作废 with `voided`,
 * `certificates/<applicationId>/<serial>-superseded-<hash of the stamp text>.pdf`. The stamp's sentence is printed on
 * the page, so a different sentence is a different file: a cached copy never carries a stale reason.
 */
export function certificatePdfPath(cert: Pick<CertificateDoc, 'applicationId' | 'serial'>, voided: string | null): string {
  const base = `certificates/${cert.applicationId}/${cert.serial}`;
  if (voided === null) return `${base}.pdf`;
  return `${base}-superseded-${createHash('sha256').update(voided).digest('hex').slice(0, 16)}.pdf`;
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
): Promise<{ path: string; size: number }> {
  const path = certificatePdfPath(cert, voided);
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
