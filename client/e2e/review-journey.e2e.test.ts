// Review that finishes on screen: a submitted application with items in five departments (public security,
// education, human resources and social security, housing, tax) is approved by each department's reviewer through
// the 审核队列 screen only — public security approves age, the five deductions and the veto in one action after the
// confirmation lists them — and the application ends scored. The applicant submits on the 积分申请 form first. State is
// only read (and the dev clock moved) directly. Standard and elder mode (长辈版) each run the whole journey against a
// cloud of their own; axe-core runs on every reviewer screen visited, screenshots under
// artifacts/review-journey-<mode>/.
import { at } from './support/domain';
import { byLabel, click, seeText } from './support/app';
import { applyOnScreen } from './support/applicant-screens';
import { browserFlow } from './support/flow';
import { MODES, inMode, screens } from './support/journey';
import { REVIEW_QUEUE, approveQueueOnScreen } from './support/review-screens';

describe.each(MODES)("the five departments' reviewers in %s mode", (mode, elder) => {
  const flow = browserFlow({ now: at('2026-03-02') });
  const { check, violations } = screens('review-journey', mode);

  test('five departments approve a submitted application on screen and it is scored', async () => {
    const { applicationId, resultDate } = await applyOnScreen(flow.app, flow.cloud, 'demo-applicant', [
      { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true } },
      { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 } },
      { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 } },
      { indicator: 'rental', value: { rentalYears: 4 } },
      { indicator: 'incomeTax', value: { incomeTaxYuan: 20000 } },
    ]);
    // Submitted Monday 2026-03-02: the result 20 working days on (no holiday in March 2026).
    expect(resultDate).toBe('2026-03-30');
    // The e2e support itself refuses a decision sent directly: they are made on screen below.
    await expect(
      flow.cloud.call('review', { action: 'decide', itemId: 'any', decision: 'reviewing' }, 'demo-reviewer-education'),
    ).rejects.toThrow('e2e support refuses a direct review.decide');

    // ---- Public security: the panel of an own-record item, then the one-action approval ----
    const ps = await inMode(await flow.app.open('demo-reviewer-public-security', REVIEW_QUEUE, { elder }), elder);
    await seeText(ps, '距结果公布日（2026年3月30日）还剩20个工作日');
    await check(ps, 'public-security-queue');
    await click(ps, '审核5年内一般刑事犯罪记录');
    expect(await byLabel(ps, '刑事犯罪记录次数').inputValue()).toBe('0');
    await seeText(ps, '按申请人承诺预填为0次；审核通过即确认经本部门记录核查，刑事犯罪记录为所填次数。');
    await seeText(ps, '审核通过将记录：刑事犯罪记录次数：0次（与申报一致）');
    // The approve control is a real button: it has the role and takes the keyboard focus.
    const approve = ps.getByRole('button', { name: '审核通过', exact: true }).filter({ visible: true }).first();
    await approve.focus();
    expect(await approve.evaluate((el) => el === document.activeElement)).toBe(true);
    await check(ps, 'public-security-deduction-panel');
    await click(ps, '收起');

    const dialogs: string[] = [];
    const psDone = await approveQueueOnScreen(flow.app, 'demo-reviewer-public-security', {
      elder,
      onBatchDialog: (t) => void dialogs.push(t),
      check: (page, screen) => check(page, `public-security-${screen}`),
    });
    // Age, the five deductions and the veto in one action; residence registration on its own.
    expect(psDone.approved).toBe(8);
    expect(dialogs).toHaveLength(1);
    for (const line of [
      '年龄：出生日期：',
      '5年内一般刑事犯罪记录：刑事犯罪记录次数：0次',
      '5年内被强制隔离戒毒：强制隔离戒毒次数：0次',
      '5年内被行政拘留或司法拘留：拘留次数：0次',
      '5年内存在失信记录：是否存在失信记录：否',
      '列入严重失信名单：列入严重失信名单次数：0次',
      '一票否决：是否存在一票否决情形：否',
    ]) {
      expect(dialogs[0]).toContain(line);
    }
    await check(psDone.page, 'public-security-done');

    // ---- The other four departments, one claimed item each ----
    for (const dept of ['education', 'hrss', 'housing', 'tax']) {
      const { page, approved } = await approveQueueOnScreen(flow.app, `demo-reviewer-${dept}`, {
        elder,
        check: (p, screen) => check(p, `${dept}-${screen}`),
      });
      expect(approved).toBe(1);
      await seeText(page, '当前没有该状态的审核事项。');
      await check(page, `${dept}-done`);
    }

    // ---- Scored: read on the result day ----
    await flow.cloud.setClock(at(resultDate));
    const { application } = await flow.cloud.must<{ application: { status: string; points: { total: number } } }>(
      'applications',
      { action: 'get', applicationId },
      'demo-applicant',
    );
    expect(application.status).toBe('scored');
    // RULES.md worked example: age 30 + 本科 with degree 50 + insurance 48 months 24 + registration 4 years 20 +
    // rental 4 years 24 = 148; income tax ¥20,000: 1 point at ¥10,000 + 1 per further full ¥5,000 = 3. Total 151.
    expect(application.points.total).toBe(151);

    // ---- axe-core: no critical or serious violation on any reviewer screen visited ----
    expect(violations()).toEqual([]);
  });
});
