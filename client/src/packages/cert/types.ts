// Certificate views as the certificates function returns them (cloudfunctions/src/functions/certificates).
export type { CertificateContent } from '@hz-points/shared';
import type { CertificateContent } from '@hz-points/shared';

export interface CertificateView {
  serial: string;
  year: number;
  applicationId: string;
  status: 'active' | 'revoked' | 'superseded';
  content: CertificateContent;
  signature: string;
  keyId: string;
  qrPayload: string;
  grantedOn?: string;
  issuedOn?: string;
  supersededBy?: string | null;
  revokedAt?: string | null;
  revokedReason?: string | null;
}

export const CERT_STATUS_TEXT: Record<CertificateView['status'], string> = {
  active: '有效',
  revoked: '已撤销',
  superseded: '已被新凭证取代',
};
