// Steps of other actors done through the local cloud's API (as the H5 client would send them), so a browser
// flow can focus on the persona it is about. Every call goes through the real handlers.
import { randomUUID } from 'node:crypto';
import { DEPARTMENT_CODES } from '@hz-points/shared';
import type { LocalCloud } from './cloud';
import { TINY_PNG } from './app';

export interface QueueItem {
  itemId: string;
  indicator: string;
  status: string;
  claimed: Record<string, unknown>;
  applicationId: string;
}

/** Every reviewer approves every pending/reviewing item of their department as claimed, except `skip` indicators. */
export async function approveAll(cloud: LocalCloud, skip: string[] = []): Promise<number> {
  let n = 0;
  for (const dept of DEPARTMENT_CODES) {
    const reviewer = `demo-reviewer-${dept}`;
    for (const status of ['pending', 'reviewing'] as const) {
      const { items } = await cloud.must<{ items: QueueItem[] }>('review', { action: 'queue', status, limit: 100 }, reviewer);
      for (const item of items) {
        if (skip.includes(item.indicator)) continue;
        await cloud.must('review', { action: 'decide', itemId: item.itemId, decision: 'approved', acceptedValue: item.claimed }, reviewer);
        n += 1;
      }
    }
  }
  return n;
}

/** Draft + evidence + submit for `openid` (optionally on behalf of someone) in one go. */
export async function applyViaApi(
  cloud: LocalCloud,
  openid: string,
  year: number,
  claims: Array<{ indicator: string; value: Record<string, unknown> }>,
  onBehalfOf?: string,
): Promise<{ applicationId: string; resultDate: string }> {
  const who = onBehalfOf ? { onBehalfOf } : {};
  const withEvidence = [];
  for (const c of claims) {
    const f = await uploadViaApi(cloud, openid, TINY_PNG, who);
    withEvidence.push({ ...c, evidence: [f.fileId] });
  }
  const { application } = await cloud.must<{ application: { applicationId: string } }>(
    'applications',
    { action: 'saveDraft', year, claims: withEvidence, ...who },
    openid,
  );
  const submitted = await cloud.must<{ application: { applicationId: string; resultDate: string } }>(
    'applications',
    { action: 'submit', applicationId: application.applicationId, commitment: true, requestId: `e2e-${randomUUID()}` },
    openid,
  );
  return submitted.application;
}

/** Evidence as the H5 client sends it: files.prepareUpload, then the raw bytes to the local upload endpoint. */
export async function uploadViaApi(cloud: LocalCloud, openid: string, png: Buffer, who: { onBehalfOf?: string }): Promise<{ fileId: string }> {
  const ticket = await cloud.must<{ uploadId: string }>('files', { action: 'prepareUpload', purpose: 'evidence', kind: 'png', size: png.length, ...who }, openid);
  const res = await fetch(`${cloud.url}/api/files/upload/${ticket.uploadId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-WX-OPENID': openid },
    body: new Uint8Array(png),
  });
  const envelope = (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string } };
  if (!envelope.ok || !envelope.data) throw new Error(`upload failed: ${envelope.error?.code}`);
  return envelope.data;
}

/** 09:30 Beijing on a date: working hours, well inside the day. */
export const at = (date: string) => `${date}T09:30:00+08:00`;
