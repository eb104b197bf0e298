// The cloud functions' answer: the one envelope of the rules package (shared/src/api/results.ts), which the functions
// return too. `message` is always Chinese and safe to show. Type-only import: no zod on the home page's graph.
import type { Envelope } from '@hz-points/shared';

export type { Envelope };

/** Client-side failures use the same shape, with codes that cannot collide with the server's. */
export const CLIENT_ERRORS = {
  NETWORK: { code: 'CLIENT_NETWORK', message: '网络异常，请检查网络后重试' },
  BAD_RESPONSE: { code: 'CLIENT_BAD_RESPONSE', message: '服务返回格式异常，请稍后再试' },
} as const;

export function isEnvelope(value: unknown): value is Envelope {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && !!v.error && typeof v.error.code === 'string' && typeof v.error.message === 'string';
}

export function failure(err: { code: string; message: string }): Envelope<never> {
  return { ok: false, error: { code: err.code, message: err.message } };
}
