// An applicant's year in the browser: apply with evidence → reviewers decide (one returns an item, the applicant
// supplements it) → the result on the result day (dev clock) → objection → the district office's answer →
// certificate (7 working days later) → verification of the certificate, and of a forged one.
import type { Page } from 'playwright-core';
import { certificateDate } from '@hz-points/shared';
import { TINY_PNG, byLabel, choose, click, fill, press, seeText, upload, tick } from './support/app';
import { screenshotter } from './support/browser';
import { browserFlow } from './support/flow';
import { approveAll, at } from './support/domain';

const FORM = 'packages/apply/form/index';
const PROGRESS = 'packages/apply/progress/index';
const OBJECTION = 'packages/apply/objection/index';
const QUEUE = 'packages/review/queue/index';
const OBJECTIONS = 'packages/review/objections/index';
const CERT = 'packages/cert/index/index';

// A Monday in March 2026: the seeded 2026 round is open and every deadline stays inside the known calendar.
const flow = browserFlow({ now: at('2026-03-02') });
const shot = screenshotter('applicant-year');

async function next(page: Page, expectTitle: string) {
  await click(page, '下一步');
  await seeText(page, expectTitle);
}

test("an applicant's year, from application to a verified certificate", async () => {
  // ---- Apply: four indicators, one step each, evidence from the album ----
  const a = await flow.app.open('demo-applicant', FORM);
  await seeText(a, '选择要申报的指标');
  for (const label of ['文化程度', '社会保险', '居住登记和居住证年限', '合法租赁住房']) await tick(a, `申报${label}`);
  await shot(a, 'choose-indicators');
  await next(a, '第1/4项：文化程度');
  await choose(a, '本科');
  await upload(a, '从相册选择证明材料', { name: 'diploma.png', mimeType: 'image/png', buffer: TINY_PNG });
  await shot(a, 'education-step');
  await next(a, '第2/4项：社会保险');
  // Closing and reopening the app keeps the draft: same step, same uploads.
  await a.reload();
  await seeText(a, '第2/4项：社会保险');
  await press(a, '上一步');
  await seeText(a, '已上传：diploma.png');
  await next(a, '第2/4项：社会保险');
  await fill(a, '社保缴纳月数', '48');
  await upload(a, '从相册选择证明材料');
  await next(a, '第3/4项：居住登记和居住证年限');
  await fill(a, '居住登记年数', '4');
  await upload(a, '从相册选择证明材料');
  await next(a, '第4/4项：合法租赁住房');
  await fill(a, '合法租赁年数', '4');
  await upload(a, '从相册选择证明材料');
  await next(a, '个人承诺书');
  // Submit stays disabled until the commitment is ticked.
  expect(await byLabel(a, '提交积分申请').getAttribute('class')).toContain('disabled');
  await tick(a, '我已阅读并同意个人承诺书');
  await shot(a, 'commitment');
  await click(a, '提交积分申请');
  await seeText(a, '申请已受理');
  await shot(a, 'accepted');

  // ---- Reviewers: education approves in the browser; housing returns the rental item with a reason ----
  const edu = await flow.app.open('demo-reviewer-education', QUEUE);
  await byLabel(edu, '审核文化程度').waitFor();
  // Only the education department's item: the other three indicators are not in this queue.
  expect(await edu.getByText('合法租赁住房').filter({ visible: true }).count()).toBe(0);
  await click(edu, '审核文化程度');
  await shot(edu, 'reviewer-education');
  await click(edu, '审核通过');
  await seeText(edu, /已审核通过/);

  const housing = await flow.app.open('demo-reviewer-housing', QUEUE);
  await click(housing, '审核合法租赁住房');
  await click(housing, '退回');
  await fill(housing, '退回原因', '租赁合同未备案，请补充租赁备案证明');
  await shot(housing, 'reviewer-return-dialog');
  await housing.locator('.nut-dialog-footer-ok').click();
  await seeText(housing, /已退回/);

  // ---- The applicant sees the reason and supplements ----
  const p = await flow.app.open('demo-applicant', PROGRESS);
  await seeText(p, '退回原因：租赁合同未备案，请补充租赁备案证明');
  await seeText(p, '还剩');
  await shot(p, 'progress-returned');
  await click(p, '补充合法租赁住房的材料');
  await upload(p, '从相册选择补充材料', { name: 'rental-filing.png', mimeType: 'image/png', buffer: TINY_PNG });
  await press(p, '提交补充材料');
  await seeText(p, '合法租赁住房已补充，重新进入审核');

  // Every other department approves (through the API: the browser part of reviewing is shown above).
  expect(await approveAll(flow.cloud)).toBeGreaterThan(0);

  // ---- Result day ----
  const list = await flow.cloud.must<{ applications: Array<{ applicationId: string; resultDate: string }> }>(
    'applications',
    { action: 'list' },
    'demo-applicant',
  );
  const { applicationId, resultDate } = list.applications[0]!;
  await flow.cloud.setClock(at(resultDate));
  const r = await flow.app.open('demo-applicant', `${PROGRESS}?applicationId=${applicationId}`);
  await seeText(r, '结果已公布');
  await byLabel(r, '总积分148分').waitFor();
  await shot(r, 'result-148');

  // ---- Objection on the rental item ----
  const o = await flow.app.open('demo-applicant', `${OBJECTION}?applicationId=${applicationId}`);
  await seeText(o, '可提出异议');
  await tick(o, '对合法租赁住房提出异议');
  await fill(o, '异议理由', '本人在杭租赁已满5年，合同和备案证明齐全');
  await upload(o, '从相册选择异议证明材料', { name: 'rental-5-years.png', mimeType: 'image/png', buffer: TINY_PNG });
  await shot(o, 'objection-form');
  await click(o, '提交异议');
  await seeText(o, '待答复');
  await seeText(o, '答复期限');

  // ---- District office answers: rental 5 years ----
  const office = await flow.app.open('demo-district-office', OBJECTIONS);
  // The applicant's evidence is with the objection.
  await byLabel(office, '查看异议材料1').waitFor();
  await click(office, '答复演示申请人的异议');
  await choose(office, '调整认定内容');
  await fill(office, '合法租赁年数', '5');
  await fill(office, '答复意见', '经核实租赁满5年，予以调整');
  await shot(office, 'district-office-answer');
  await click(office, '提交答复');
  await seeText(office, '已答复演示申请人的异议，积分为154分');

  await o.reload();
  await seeText(o, '由148分调整为154分');
  await shot(o, 'objection-answered');

  // ---- Certificate: printable 7 working days after the points are final ----
  await flow.cloud.setClock(at(certificateDate(resultDate)));
  const c = await flow.app.open('demo-applicant', `${CERT}?applicationId=${applicationId}`);
  await fill(c, '居住证号码', '330106202400012345');
  await click(c, '出具积分有效凭证');
  await seeText(c, '凭证有效');
  await seeText(c, '154分');
  await click(c, '下载PDF凭证');
  const link = c.locator('a.flows-download');
  await link.waitFor();
  const head = await link.evaluate(async (a: HTMLAnchorElement) => {
    const buf = await (await fetch(a.href)).arrayBuffer();
    return String.fromCharCode(...new Uint8Array(buf.slice(0, 5)));
  });
  expect(head).toBe('%PDF-');
  await shot(c, 'certificate');

  // ---- Verify it (the page opened from the certificate carries its code), then a forged code ----
  await press(c, '核验本凭证');
  await click(c, '核验凭证');
  await seeText(c, '凭证真实有效');
  await shot(c, 'verify-valid');
  const code = await c.locator('textarea').first().inputValue();
  const forged = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
  await fill(c, '凭证核验码', forged);
  await click(c, '核验凭证');
  await seeText(c, '核验未通过');
  await shot(c, 'verify-forged');

  // Elder mode (长辈版) on the progress page.
  const elder = await flow.app.open('demo-applicant', `${PROGRESS}?applicationId=${applicationId}`, { elder: true });
  await byLabel(elder, '总积分154分').waitFor();
  await shot(elder, 'elder-mode-progress');
});
