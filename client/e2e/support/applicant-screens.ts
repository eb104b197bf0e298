// An applicant's own steps the way an applicant takes them, for flows that need a submitted application or a
// certificate before the screens they are about: the 积分申请 form (tick the indicators, one step each with its
// fields and evidence through the file chooser, the commitment, submit) and the 积分有效凭证 page. No change is sent
// directly: a broken form or certificate page fails every flow that depends on it, not only its own journey.
import { EDUCATION_LABELS, INDICATORS, PROFILE_FIELD_LABELS } from '@hz-points/shared';
import type { Page } from 'playwright-core';
import { App, TINY_PNG, choose, click, fill, seeText, tick, upload } from './app';
import type { LocalCloud } from './cloud';

export const APPLY_FORM = 'packages/apply/form/index';
export const CERTIFICATE = 'packages/cert/index/index';

/** One indicator as the applicant declares it: the form's field values (as typed or chosen). */
export interface ScreenClaim {
  indicator: string;
  value: Record<string, string | number | boolean>;
}

const label = (code: string) => (INDICATORS as Record<string, { label: string }>)[code]?.label ?? code;
const fieldLabel = (key: string) => (PROFILE_FIELD_LABELS as Record<string, string>)[key] ?? key;

/** The fields of one claim on its step: enums and yes/no as radios (by their visible text), numbers typed. */
async function fillClaim(page: Page, claim: ScreenClaim): Promise<void> {
  for (const [key, v] of Object.entries(claim.value)) {
    if (key === 'education') await choose(page, (EDUCATION_LABELS as Record<string, string>)[String(v)] ?? String(v));
    else if (typeof v === 'boolean') await choose(page, v ? '是' : '否');
    else await fill(page, fieldLabel(key), String(v));
  }
}

export interface ApplyOnScreenOptions {
  /** A hook on each screen of the form (axe and a screenshot), named by its step. */
  check?: (page: Page, screen: string) => Promise<void>;
}

/**
 * On an open 积分申请 form (for oneself, or after 为…申请积分 on 我的代办): ticks the claims' indicators, fills each
 * step and uploads one image of evidence through the file chooser, ticks the commitment and submits. Ends on
 * 申请已受理.
 */
export async function fillAndSubmitApplication(
  page: Page,
  claims: ScreenClaim[],
  options: ApplyOnScreenOptions = {},
): Promise<void> {
  const check = options.check ?? (async () => undefined);
  await seeText(page, '选择要申报的指标');
  for (const c of claims) await tick(page, `申报${label(c.indicator)}`);
  await check(page, 'apply-choose-indicators');
  for (const [i, c] of claims.entries()) {
    await click(page, '下一步');
    await seeText(page, `第${i + 1}/${claims.length}项：${label(c.indicator)}`);
    await fillClaim(page, c);
    await upload(page, '从相册选择证明材料', { name: `${c.indicator}.png`, mimeType: 'image/png', buffer: TINY_PNG });
    if (i === 0) await check(page, `apply-step-${c.indicator}`);
  }
  await click(page, '下一步');
  await seeText(page, '个人承诺书');
  await tick(page, '我已阅读并同意个人承诺书');
  await check(page, 'apply-commitment');
  // The button shows 提交申请; its name adds what is submitted (label in name, WCAG 2.5.3).
  await click(page, '提交申请，提交积分申请');
  await seeText(page, '申请已受理');
  await check(page, 'apply-accepted');
}

/**
 * `openid` opens the form on their own phone and applies for themselves; returns the new application's id and
 * result date, read back (a read) as the applicant.
 */
export async function applyOnScreen(
  app: App,
  cloud: LocalCloud,
  openid: string,
  claims: ScreenClaim[],
  options: ApplyOnScreenOptions & { elder?: boolean } = {},
): Promise<{ page: Page; applicationId: string; resultDate: string }> {
  const page = await app.open(openid, APPLY_FORM, { elder: options.elder });
  await fillAndSubmitApplication(page, claims, options);
  const { applications } = await cloud.must<{
    applications: Array<{ applicationId: string; resultDate: string; status: string }>;
  }>('applications', { action: 'list' }, openid);
  const submitted = applications.find((a) => a.status !== 'draft');
  if (!submitted) throw new Error(`no submitted application for ${openid} after 申请已受理`);
  return { page, applicationId: submitted.applicationId, resultDate: submitted.resultDate };
}

/**
 * On the 积分有效凭证 page (on or after the certificate date): types the residence permit number and asks for the
 * certificate; ends when the page shows it as valid.
 */
export async function issueCertificateOnScreen(
  app: App,
  openid: string,
  applicationId: string,
  options: { elder?: boolean; residencePermitNo?: string } = {},
): Promise<Page> {
  const page = await app.open(openid, `${CERTIFICATE}?applicationId=${applicationId}`, { elder: options.elder });
  await fill(page, '居住证号码', options.residencePermitNo ?? '330106202400012345');
  await click(page, '出具积分有效凭证');
  await seeText(page, '凭证有效');
  return page;
}
