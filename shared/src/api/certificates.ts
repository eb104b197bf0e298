// Input schemas and result codes of the `certificates` cloud function (积分有效凭证). Owner: certificates/rounds
// engineer. Errors here extend the shared table in errors.ts (same shape: HTTP status + Chinese message).
import { z } from 'zod';
import { IdSchema, PageSchema } from './schemas';

/** Certificate serial: JF-<round year>-<6-digit sequence of that year>. */
export const CertificateSerialSchema = z
  .string()
  .trim()
  .regex(/^JF-\d{4}-\d{6}$/, '凭证编号格式应为 JF-年度-六位序号');
/** Ed25519 signature, 64 bytes as base64url (86 characters). */
export const CertificateSignatureSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{86}$/, '电子签名格式不正确');

/** 居住证号码 as printed on the permit (letters and digits). */
export const ResidencePermitNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{8,30}$/, '居住证号码应为8至30位字母或数字');
export const IssueCertificateInput = z.strictObject({
  applicationId: IdSchema,
  /** Needed on the first issue (the points application does not record it); later issues reuse it. */
  residencePermitNo: ResidencePermitNoSchema.optional(),
});
export const ListCertificatesInput = z.strictObject({ onBehalfOf: IdSchema.optional() });
export const DownloadCertificateInput = z.strictObject({ serial: CertificateSerialSchema });
export const RevokeCertificateInput = z.strictObject({
  serial: CertificateSerialSchema,
  reason: z.string().trim().min(2).max(200),
});
/** Admin: lifts a revocation so `issue` may print a new certificate (the revoked serial stays revoked). */
export const LiftCertificateRevocationInput = z.strictObject({
  serial: CertificateSerialSchema,
  reason: z.string().trim().min(2).max(200),
});
/** Public: either what is printed (serial + signature) or the QR code's text. */
export const VerifyCertificateInput = z.union([
  z.strictObject({ serial: CertificateSerialSchema, signature: CertificateSignatureSchema }),
  z.strictObject({ payload: z.string().trim().min(1).max(300) }),
]);
export const CertificatePublicKeyInput = z.strictObject({});
export const AdminListCertificatesInput = z.strictObject({ year: z.number().int().min(2021).max(2100), ...PageSchema });

export const CERTIFICATES_ACTION_INPUTS = {
  issue: IssueCertificateInput,
  list: ListCertificatesInput,
  download: DownloadCertificateInput,
  revoke: RevokeCertificateInput,
  liftRevocation: LiftCertificateRevocationInput,
  verify: VerifyCertificateInput,
  publicKey: CertificatePublicKeyInput,
} as const;

// Error codes of these actions are part of ERROR_CODES in ./errors.

/**
 * Answers of the public `verify` action. They are data (`{ ok: true, data: { valid, code, message } }`), not
 * errors: "this certificate is forged" is a successful answer to the question asked.
 */
export const VERIFY_RESULT_CODES = {
  VALID: '凭证真实有效',
  MALFORMED: '二维码或凭证信息格式不正确，无法核验',
  SERIAL_UNKNOWN: '凭证编号不存在',
  SERIAL_MISMATCH: '电子签名与凭证编号不符（签名属于另一份凭证）',
  SIGNATURE_INVALID: '电子签名无效：凭证内容或签名已被改动',
  REVOKED: '该凭证已被撤销，不再有效',
  SUPERSEDED: '该凭证已被新凭证取代（异议处理后重新出具），请核验最新凭证',
} as const;
export type VerifyResultCode = keyof typeof VERIFY_RESULT_CODES;

/** What is signed: exactly what the certificate shows, with the ID number already masked. */
export interface CertificateContent {
  /** Format version of this content, so a later layout never re-reads an old signature differently. */
  v: 1;
  serial: string;
  /** The yearly round (积分年度) the points belong to. */
  round: number;
  name: string;
  idMasked: string;
  permitNo: string;
  /** Indicator cut-off date (指标截止日期), YYYY-MM-DD. */
  cutOffDate: string;
  items: Array<{ code: string; name: string; points: number }>;
  total: number;
  /** Issue date (出具日期), YYYY-MM-DD Beijing. */
  issueDate: string;
}
