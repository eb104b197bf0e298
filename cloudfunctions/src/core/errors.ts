import { ERROR_CODES, type ErrorCode } from '@hz-points/shared';

/**
 * The one way a handler fails on purpose: `throw new AppError(code)` with a stable code from the shared table
 * (`shared/src/api/errors.ts`; the client switches on it), its Chinese message (the user reads it; pass one only to
 * be more specific than the table's) and the HTTP status the local cloud answers with. `Error.message` is the code
 * (English, for logs and stack traces; never personal data). Anything thrown that is not an AppError is a bug and
 * becomes INTERNAL (`core/invoke.ts:toEnvelope`).
 */
export class AppError extends Error {
  readonly messageZh: string;
  readonly httpStatus: number;

  constructor(
    readonly code: ErrorCode,
    messageZh?: string,
    httpStatus?: number,
  ) {
    super(code);
    this.name = 'AppError';
    this.messageZh = messageZh ?? ERROR_CODES[code].message;
    this.httpStatus = httpStatus ?? ERROR_CODES[code].status;
  }
}

/** The failed envelope of an AppError (what `invoke` returns; also for answers built outside `invoke`). */
export function errorEnvelope(error: AppError): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code: error.code, message: error.messageZh } };
}

/** HTTP status for an envelope error code (the local cloud uses it). */
export function httpStatusOf(code: string): number {
  return (ERROR_CODES as Record<string, { status: number }>)[code]?.status ?? 500;
}
