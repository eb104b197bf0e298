// H5 (local mode): the local cloud's HTTP face of the same functions — POST /api/functions/<name>, the caller's
// openid in X-WX-OPENID (chosen with the persona switcher), the Envelope as the body whatever the status.
import { CLIENT_ERRORS, failure, isEnvelope, type Envelope } from './envelope';
import { currentPersona } from './persona';

export type { Envelope } from './envelope';

export function initCloud(): void {
  /* nothing to initialise over HTTP */
}

export async function callFunction<T = unknown>(name: string, data: Record<string, unknown>): Promise<Envelope<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const openid = currentPersona();
  if (openid) headers['X-WX-OPENID'] = openid;
  let body: unknown;
  try {
    const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(data) });
    body = await res.json();
  } catch {
    return failure(CLIENT_ERRORS.NETWORK);
  }
  return isEnvelope(body) ? (body as Envelope<T>) : failure(CLIENT_ERRORS.BAD_RESPONSE);
}
