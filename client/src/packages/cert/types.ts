// Certificate views as the certificates function returns them: the shared result types (shared/src/api/results.ts).
export type { CertificateState, CertificateView } from '@hz-points/shared';
import type { CertificateState } from '@hz-points/shared';

export const CERT_STATE_TEXT: Record<CertificateState, string> = {
  valid: '有效',
  revoked: '已撤销',
  superseded: '已作废（已被新凭证取代）',
};
