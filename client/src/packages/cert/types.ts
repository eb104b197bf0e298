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
  revocationLiftedAt?: string | null;
  /** What it is worth now: an `active` one whose points an objection answer changed is already 'superseded'. */
  state?: CertificateState;
  /** Why it is not valid (Chinese, with the revocation reason), null when valid. */
  notice?: string | null;
}

export type CertificateState = 'valid' | 'superseded' | 'revoked';

/** The certificate's worth now (`state`; older answers without it fall back to the stored status). */
export function certificateState(c: CertificateView): CertificateState {
  return c.state ?? (c.status === 'active' ? 'valid' : c.status);
}

export const CERT_STATE_TEXT: Record<CertificateState, string> = {
  valid: '有效',
  revoked: '已撤销',
  superseded: '已作废（已被新凭证取代）',
};

export const CERT_STATUS_TEXT: Record<CertificateView['status'], string> = {
  active: '有效',
  revoked: '已撤销',
  superseded: '已被新凭证取代',
};
