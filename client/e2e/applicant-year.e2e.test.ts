// An applicant's year in the browser, through the screens only: the calculator (积分测算) → apply with evidence through
// the file chooser → reviewers decide (one returns an item, the applicant supplements it) → the result on the result
// day (dev clock) → objection in time → the district office (区积分受理点) answers it on its screen → certificate
// (7 working days later) issued on screen → verification of the certificate, and of a forged one → the settlement
// application (积分落户) in November. Standard and elder mode (长辈版) each run the whole year against a cloud of their
// own. axe-core runs on every screen the applicant and the district office visit: screenshots and axe.json under
// artifacts/applicant-year-<mode>/ and artifacts/district-office-<mode>/.
import type { Page } from 'playwright-core';
import { certificateDate } from '@hz-points/shared';
import { TINY_PNG, byLabel, choose, click, fill, press, seeText, upload, tick } from './support/app';
import { browserFlow } from './support/flow';
import { approveAll, at } from './support/domain';
import { MODES, inMode, screens } from './support/journey';
import { enterWorkedExample } from './support/calculator-screens';

const CALCULATOR = 'packages/assess/calculator/index';
const FORM = 'packages/apply/form/index';
const PROGRESS = 'packages/apply/progress/index';
const OBJECTION = 'packages/apply/objection/index';
const QUEUE = 'packages/review/queue/index';
const OBJECTIONS = 'packages/review/objections/index';
const CERT = 'packages/cert/index/index';
const SETTLE = 'packages/settle/index/index';

async function next(page: Page, expectTitle: string) {
  await click(page, '下一步');
  await seeText(page, expectTitle);
}

describe.each(MODES)("the applicant's year in %s mode", (mode, elder) => {
  // A Monday in March 2026: the seeded 2026 round is open and every deadline stays inside the known calendar.
  const flow = browserFlow({ now: at('2026-03-02') });
  const applicant = screens('applicant-year', mode);
  const office = screens('district-office', mode);
  const check = applicant.check;
  /** The applicant's own phone, in this pass's mode. */
  const open = async (route: string) => inMode(await flow.app.open('demo-applicant', route, { elder }), elder);

  test("an applicant's year, from the calculator to a settlement application", async () => {
    // ---- Calculator: the profile entered on screen (birth date and level on their wheels), insurance last ----
    const calc = await open(CALCULATOR);
    await enterWorkedExample(calc, { withoutInsurance: true });
    const total = calc.getByTestId('total').filter({ visible: true }).first();
    // RULES.md worked example without its insurance line: age 30 + 本科 with degree 50 + registration 4 years 20 +
    // rental 4 years 24 = 124; 48 months of insurance add 24 → 148.
    await calc.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '124');
    expect((await total.textContent())?.trim()).toBe('124');
    await fill(calc, '社保缴纳月数', '48');
    await calc.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent?.trim() === '148');
    await check(calc, 'calculator-148');

    // ---- Apply: four indicators, one step each, evidence from the album ----
    const a = await open(FORM);
    await seeText(a, '选择要申报的指标');
    for (const label of ['文化程度', '社会保险', '居住登记和居住证年限', '合法租赁住房']) await tick(a, `申报${label}`);
    await check(a, 'choose-indicators');
    await next(a, '第1/4项：文化程度');
    await choose(a, '本科');
    await upload(a, '从相册选择证明材料', { name: 'diploma.png', mimeType: 'image/png', buffer: TINY_PNG });
    await check(a, 'education-step');
    await next(a, '第2/4项：社会保险');
    // Closing and reopening the app keeps the draft: same step, same uploads.
    await a.reload();
    await seeText(a, '第2/4项：社会保险');
    await press(a, '上一步');
    await seeText(a, '已上传：diploma.png');
    await next(a, '第2/4项：社会保险');
    await fill(a, '社保缴纳月数', '48');
    await upload(a, '从相册选择证明材料');
    await check(a, 'insurance-step');
    await next(a, '第3/4项：居住登记和居住证年限');
    await fill(a, '居住登记年数', '4');
    await upload(a, '从相册选择证明材料');
    await next(a, '第4/4项：合法租赁住房');
    await fill(a, '合法租赁年数', '4');
    await upload(a, '从相册选择证明材料');
    await next(a, '个人承诺书');
    // Submit stays disabled until the commitment is ticked.
    expect(await byLabel(a, '提交申请，提交积分申请').getAttribute('class')).toContain('disabled');
    await tick(a, '我已阅读并同意个人承诺书');
    await check(a, 'commitment');
    await click(a, '提交申请，提交积分申请');
    await seeText(a, '申请已受理');
    await check(a, 'accepted');

    // ---- Reviewers (their own journey is review-journey): education approves; housing returns the rental item ----
    const edu = await flow.app.open('demo-reviewer-education', QUEUE);
    await byLabel(edu, '审核文化程度').waitFor();
    // Only the education department's item: the other three indicators are not in this queue.
    expect(await edu.getByText('合法租赁住房').filter({ visible: true }).count()).toBe(0);
    await click(edu, '审核文化程度');
    await click(edu, '审核通过');
    await seeText(edu, /已审核通过/);

    const housing = await flow.app.open('demo-reviewer-housing', QUEUE);
    await click(housing, '审核合法租赁住房');
    await click(housing, '退回');
    await fill(housing, '退回原因', '租赁合同未备案，请补充租赁备案证明');
    await housing.locator('.nut-dialog-footer-ok').click();
    await seeText(housing, /已退回/);

    // ---- The applicant follows the review, sees the reason and supplements ----
    const p = await open(PROGRESS);
    await seeText(p, '退回原因：租赁合同未备案，请补充租赁备案证明');
    await seeText(p, '还剩');
    await check(p, 'progress-returned');
    await click(p, '补充材料：合法租赁住房');
    await upload(p, '从相册选择补充材料', { name: 'rental-filing.png', mimeType: 'image/png', buffer: TINY_PNG });
    await check(p, 'supplement');
    await press(p, '提交补充材料');
    await seeText(p, '合法租赁住房已补充，重新进入审核');
    await check(p, 'supplemented');

    // Every other department approves on its queue screen.
    expect(await approveAll(flow.cloud)).toBeGreaterThan(0);

    // ---- Result day ----
    const list = await flow.cloud.must<{ applications: Array<{ applicationId: string; resultDate: string }> }>(
      'applications',
      { action: 'list' },
      'demo-applicant',
    );
    const { applicationId, resultDate } = list.applications[0]!;
    await flow.cloud.setClock(at(resultDate));
    const r = await open(`${PROGRESS}?applicationId=${applicationId}`);
    await seeText(r, '结果已公布');
    await byLabel(r, '总积分148分').waitFor();
    await check(r, 'result-148');

    // ---- Objection on the rental item, on the result day (inside the objection window) ----
    const o = await open(`${OBJECTION}?applicationId=${applicationId}`);
    await seeText(o, '可提出异议');
    await tick(o, '对合法租赁住房提出异议');
    await fill(o, '异议理由', '本人在杭租赁已满5年，合同和备案证明齐全');
    await upload(o, '从相册选择异议证明材料', { name: 'rental-5-years.png', mimeType: 'image/png', buffer: TINY_PNG });
    await check(o, 'objection-form');
    await click(o, '提交异议');
    await seeText(o, '待答复');
    await seeText(o, '答复期限');
    await check(o, 'objection-pending');

    // ---- The district office answers: rental 5 years (its own screens, in the same mode) ----
    const d = await inMode(await flow.app.open('demo-district-office', OBJECTIONS, { elder }), elder);
    // The applicant's evidence is with the objection.
    await byLabel(d, '查看异议材料1').waitFor();
    await office.check(d, 'objections');
    await click(d, '答复演示申请人的异议');
    await choose(d, '调整认定内容');
    await fill(d, '合法租赁年数', '5');
    await fill(d, '答复意见', '经核实租赁满5年，予以调整');
    await office.check(d, 'answer-form');
    await click(d, '提交答复');
    await seeText(d, '已答复演示申请人的异议，积分为154分');
    await office.check(d, 'answered');

    await o.reload();
    await seeText(o, '由148分调整为154分');
    await check(o, 'objection-answered');
    const adjusted = await open(`${PROGRESS}?applicationId=${applicationId}`);
    await byLabel(adjusted, '总积分154分').waitFor();
    await check(adjusted, 'progress-154');

    // ---- Certificate: issued on screen 7 working days after the points are final ----
    await flow.cloud.setClock(at(certificateDate(resultDate)));
    const c = await open(`${CERT}?applicationId=${applicationId}`);
    await fill(c, '居住证号码', '330106202400012345');
    await check(c, 'certificate-request');
    await click(c, '出具积分有效凭证');
    await seeText(c, '凭证有效');
    await seeText(c, '154分');
    await click(c, '下载PDF凭证');
    const link = c.locator('a.flows-download');
    await link.waitFor();
    const head = await link.evaluate(async (el: HTMLAnchorElement) => {
      const buf = await (await fetch(el.href)).arrayBuffer();
      return String.fromCharCode(...new Uint8Array(buf.slice(0, 5)));
    });
    expect(head).toBe('%PDF-');
    await check(c, 'certificate');

    // ---- Verify it (the page opened from the certificate carries its code), then a forged code ----
    await press(c, '核验本凭证');
    await click(c, '核验凭证');
    await seeText(c, '凭证真实有效');
    await check(c, 'verify-valid');
    const code = await c.locator('textarea').filter({ visible: true }).first().inputValue();
    const forged = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
    await fill(c, '凭证核验码', forged);
    await click(c, '核验凭证');
    await seeText(c, '核验未通过');
    await check(c, 'verify-forged');

    // ---- Settlement application: Monday 2 November 2026, inside the window ----
    await flow.cloud.setClock(at('2026-11-02'));
    const s = await open(SETTLE);
    await seeText(s, '受理中');
    await choose(s, '西湖区');
    await tick(s, '持有有效的浙江省居住证');
    await tick(s, '具有完全民事行为能力');
    await tick(s, '未在杭州市区落户');
    await check(s, 'settlement-form');
    await click(s, '提交落户申请');
    await seeText(s, '我的申请');
    await seeText(s, '已受理');
    await seeText(s, '154分');
    await check(s, 'settlement-applied');

    // ---- axe-core: no critical or serious violation on any screen the applicant or the district office visited ----
    expect([...applicant.violations(), ...office.violations()]).toEqual([]);
  });
});
