// The cloud functions' result shape (cloudfunctions/src/core/runtime.ts), restated here so the client never imports
// server code. `message` is always Chinese and safe to show.
export type Envelope<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } };

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
