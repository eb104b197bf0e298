// Settlement (积分落户): closed before November (with the dates), an application on a November working day with an
// active certificate of ≥ 100 points, then the administrator sets the line and publishes after the window, and the
// applicant sees the admission notice with its 60-day expiry. The points year before it runs on screen: the 积分申请
// form, the reviewers' queues and the 积分有效凭证 page. Standard and elder mode (长辈版) each run the whole journey
// against a cloud of their own; axe-core runs on every settlement screen the applicant and the administrator visit,
// screenshots and axe.json under artifacts/settlement-<mode>/.
import type { Page } from 'playwright-core';
import { admissionNoticeExpiry, certificateDate } from '@hz-points/shared';
import { choose, click, press, seeText, tick } from './support/app';
import { browserFlow } from './support/flow';
import { approveAll, at } from './support/domain';
import { applyOnScreen, issueCertificateOnScreen } from './support/applicant-screens';
import { MODES, inMode, screens } from './support/journey';

const SETTLE = 'packages/settle/index/index';
const ROUNDS = 'packages/review/rounds/index';

const fmt = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

describe.each(MODES)('settlement in %s mode', (mode, elder) => {
  const flow = browserFlow({ now: at('2026-03-02') });
  const { check, violations } = screens('settlement', mode);
  /** `persona`'s own phone on `route`, in this pass's mode. */
  const open = async (persona: string, route: string): Promise<Page> =>
    inMode(await flow.app.open(persona, route, { elder }), elder);

  test('November window, application, publication and the admission notice', async () => {
    // The points year, as an applicant with 148 points (RULES.md worked example).
    const { applicationId, resultDate } = await applyOnScreen(
      flow.app,
      flow.cloud,
      'demo-applicant',
      [
        { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true } },
        { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 } },
        { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 } },
        { indicator: 'rental', value: { rentalYears: 4 } },
      ],
      { elder },
    );
    await approveAll(flow.cloud);
    await flow.cloud.setClock(at(certificateDate(resultDate)));
    await issueCertificateOnScreen(flow.app, 'demo-applicant', applicationId, {
      elder,
      residencePermitNo: '330106202400012345',
    });

    // October: closed, with the dates.
    await flow.cloud.setClock(at('2026-10-20'));
    const closed = await open('demo-applicant', SETTLE);
    await seeText(closed, '未在受理期');
    await seeText(closed, '2026年11月1日至2026年11月30日（节假日除外）');
    await seeText(closed, '积分148分，达到100分');
    // The rules package's points pathway, from the applicant's own ID number: the declarations are still open.
    await seeText(closed, '居住证积分落户：逐项自查');
    await check(closed, 'closed-in-october');

    // Monday 2 November: open.
    await flow.cloud.setClock(at('2026-11-02'));
    const page = await open('demo-applicant', SETTLE);
    await seeText(page, '受理中');
    await choose(page, '西湖区');
    await tick(page, '持有有效的浙江省居住证');
    await tick(page, '具有完全民事行为能力');
    await tick(page, '未在杭州市区落户');
    await check(page, 'apply-form');
    await click(page, '提交落户申请');
    await seeText(page, '我的申请');
    await seeText(page, '已受理');
    await check(page, 'applied');

    // After the window: the administrator sets the line and publishes.
    await flow.cloud.setClock(at('2026-12-01'));
    const admin = await open('demo-admin', ROUNDS);
    await seeText(admin, '批次信息');
    await press(admin, '保存');
    await seeText(admin, '分数线已设定');
    await click(admin, '公布落户名单');
    await admin.locator('.nut-dialog-footer-ok').click();
    await seeText(admin, '2026年度名单已公布');
    await seeText(admin, '准入名单（1人）');
    await check(admin, 'published');
    // Next year's round: not open yet, opened by the administrator with the policy's default dates.
    await click(admin, '下一年度');
    await seeText(admin, '该年度批次尚未开放');
    await press(admin, '开放2027年度批次');
    await seeText(admin, '2027年度批次已开放');
    await seeText(admin, '2027年11月1日至2027年11月30日');
    await check(admin, 'opened-next-round');

    const notice = await open('demo-applicant', SETTLE);
    await seeText(notice, '积分落户准入通知书');
    await seeText(notice, '准予落户');
    await seeText(notice, fmt(admissionNoticeExpiry('2026-12-01')));
    await check(notice, 'admission-notice');

    // ---- axe-core: no critical or serious violation on any settlement screen visited ----
    expect(violations()).toEqual([]);
  });
});
