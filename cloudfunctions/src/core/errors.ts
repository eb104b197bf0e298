import { ERROR_CODES, type ErrorCode } from '@hz-points/shared';

/**
 * An expected failure: a stable code (the client switches on it), a Chinese message (the user reads it) and the
 * HTTP status the local cloud answers with. Anything thrown that is not an AppError is a bug and becomes INTERNAL.
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

export const fail = (code: ErrorCode, messageZh?: string): never => {
  throw new AppError(code, messageZh);
};

/** HTTP status for an envelope error code (the local cloud uses it). */
export function httpStatusOf(code: string): number {
  return (ERROR_CODES as Record<string, { status: number }>)[code]?.status ?? 500;
}
