// H5 (local mode): the local cloud's HTTP face of the same functions — POST /api/functions/<name>, the caller's
// openid in X-WX-OPENID (chosen with the persona switcher), the Envelope as the body whatever the status.
import { CLIENT_ERRORS, failure, isEnvelope, type Envelope } from './envelope';
import type { LocalFile, StoredFile, UploadTicket } from './file-types';
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
    const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(data),
    });
    body = await res.json();
  } catch {
    return failure(CLIENT_ERRORS.NETWORK);
  }
  return isEnvelope(body) ? (body as Envelope<T>) : failure(CLIENT_ERRORS.BAD_RESPONSE);
}

// ---- Files: the raw bytes (never base64 JSON) to the local cloud's upload endpoint ----

export type { LocalFile, StoredFile, UploadTicket } from './file-types';

/**
 * Streams the bytes to POST /api/files/upload/<uploadId> (the local stand-in for wx.cloud.uploadFile), which
 * answers with the files.commitUpload envelope. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function sendFile(
  file: LocalFile,
  ticket: UploadTicket,
  onProgress?: (fraction: number) => void,
): Promise<Envelope<StoredFile>> {
  return new Promise((resolve) => {
    if (!file.blob) return resolve(failure(CLIENT_ERRORS.NETWORK));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files/upload/${encodeURIComponent(ticket.uploadId)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const openid = currentPersona();
    if (openid) xhr.setRequestHeader('X-WX-OPENID', openid);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return resolve(failure(CLIENT_ERRORS.BAD_RESPONSE));
      }
      resolve(isEnvelope(body) ? (body as Envelope<StoredFile>) : failure(CLIENT_ERRORS.BAD_RESPONSE));
    };
    xhr.onerror = () => resolve(failure(CLIENT_ERRORS.NETWORK));
    xhr.send(file.blob);
  });
}

/** Opens a file lent through a temporary link (files.read): a new tab on the short-lived signed URL. */
export async function openFileLink(url: string, _contentType: string): Promise<void> {
  window.open(url, '_blank', 'noopener');
}
