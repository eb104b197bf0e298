// Steps of other actors, so a browser flow can focus on the persona it is about: an applicant's own submission
// through the local cloud's API (as the H5 client would send it, through the real handlers); reviewers' decisions on
// their screens, never as direct calls.
import { randomUUID } from 'node:crypto';
import { INDICATORS } from '@hz-points/shared';
import type { LocalCloud } from './cloud';
import { App, TINY_PNG } from './app';
import { launchBrowser } from './browser';
import { approveAllOnScreen } from './review-screens';

/**
 * Every department's reviewer approves every pending/审核中 item of their queue on the 审核队列 screen (a browser of
 * its own), leaving `skip` indicators undecided. Returns the number approved.
 */
export async function approveAll(cloud: LocalCloud, skip: string[] = []): Promise<number> {
  const browser = await launchBrowser();
  const app = new App(browser, cloud.url);
  try {
    return await approveAllOnScreen(app, { skipLabels: skip.map((code) => (INDICATORS as Record<string, { label: string }>)[code]?.label ?? code) });
  } finally {
    await app.close();
    await browser.close();
  }
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
