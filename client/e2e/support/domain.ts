// Steps of other actors, so a browser flow can focus on the persona it is about: an applicant's own submission
// through the local cloud's API (as the H5 client would send it, through the real handlers); reviewers' decisions on
// their screens, never as direct calls.
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
    const f = await cloud.must<{ fileId: string }>(
      'files',
      { action: 'upload', purpose: 'evidence', contentBase64: TINY_PNG.toString('base64'), fileName: `${c.indicator}.png`, ...who },
      openid,
    );
    withEvidence.push({ ...c, evidence: [f.fileId] });
  }
  const { application } = await cloud.must<{ application: { applicationId: string } }>(
    'applications',
    { action: 'saveDraft', year, claims: withEvidence, ...who },
    openid,
  );
  const submitted = await cloud.must<{ application: { applicationId: string; resultDate: string } }>(
    'applications',
    { action: 'submit', applicationId: application.applicationId, commitment: true, requestId: `e2e-${Date.now()}-${openid}` },
    openid,
  );
  return submitted.application;
}

/** 09:30 Beijing on a date: working hours, well inside the day. */
export const at = (date: string) => `${date}T09:30:00+08:00`;
