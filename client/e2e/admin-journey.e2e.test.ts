// The administrator's year through the screens only, in standard and in elder mode: from the home page, open next
// year's round, then (after the settlement window) set the line and publish; register next year's holiday schedule;
// grant a reviewer role to a registered person found by name and ID number, and revoke it after the confirmation.
// State is only read (and the dev clock moved) directly. axe-core runs on every screen visited; critical and serious
// violations are written to artifacts/admin-journey-<mode>/axe.json and must be none.
import type { Page } from 'playwright-core';
import { at } from './support/domain';
import { byLabel, choose, click, fill, press, seeText } from './support/app';
import { browserFlow } from './support/flow';
import { MODES, screens } from './support/journey';

// A made-up 2027 schedule (TEST INPUT ONLY, not the State Council's notice): 28 days off, 19 of them Monday–Friday,
// six make-up weekend working days — enough to pass the registration checks.
const HOLIDAYS_2027 =
  '2027-01-01至2027-01-03\n2027-02-05至2027-02-13\n2027-04-05\n2027-05-01至2027-05-05\n2027-06-09至2027-06-11\n2027-10-01至2027-10-07';
const WORKDAYS_2027 = '2027-01-30\n2027-02-20\n2027-04-25\n2027-05-08\n2027-09-26\n2027-10-09';
const SOURCE_2027 = '国务院办公厅关于2027年部分节假日安排的通知（端到端测试数据，非通知原文）';

/** A home-page tile: a button named by its label and hint (read from its content, not an aria-label). */
async function openTile(page: Page, name: string): Promise<void> {
  // The label and the hint are two text elements: a browser may read a space between them.
  const [label, hint] = name.split('：');
  const tile = page
    .getByRole('button', { name: new RegExp(`^${label} ?：${hint}$`) })
    .filter({ visible: true })
    .first();
  await tile.waitFor();
  await tile.dispatchEvent('click');
}

describe.each(MODES)('the administrator in %s mode', (mode, elder) => {
  // 2026-09-28, a Monday: the 2026 round is open and its points applications close on 09-30.
  const flow = browserFlow({ now: at('2026-09-28') });
  const { check, violations } = screens('admin-journey', mode);

  test('opens a round, sets the line, publishes, registers a holiday year, grants and revokes a role', async () => {
    const admin = flow.app.open('demo-admin', 'pages/index/index', { elder });
    const page = await admin;
    if (elder) await page.locator('.hz-page--elder').first().waitFor();

    // ---- Home: only what an administrator can use ----
    await seeText(page, '审核端');
    const staffEntries = await page.locator('[aria-label="审核端"] .hz-grid__label').allTextContents();
    expect(staffEntries).toEqual(['年度批次', '节假日安排', '积分统计', '分数线测算', '工作人员角色']);
    await check(page, 'home');

    // ---- 年度批次: open next year's round ----
    await openTile(page, '年度批次：开启、公布批次');
    await seeText(page, '2026年度');
    await seeText(page, '同分排序');
    await check(page, 'rounds-2026');
    await click(page, '下一年度');
    await seeText(page, '该年度批次尚未开放');
    await press(page, '开放2027年度批次');
    await seeText(page, '2027年度批次已开放');
    const opened = await flow.cloud.must<{ round: { year: number; status: string } }>(
      'rounds',
      { action: 'get', year: 2027 },
      'demo-admin',
    );
    expect(opened.round).toMatchObject({ year: 2027, status: 'open' });
    await check(page, 'rounds-2027-opened');

    // ---- After the 2026 settlement window (2026-11-01 to 11-30): the line, then the publication ----
    await flow.cloud.setClock(at('2026-12-01'));
    await click(page, '上一年度');
    await seeText(page, '2026年度');
    await fill(page, '分数线（分）', '120');
    await press(page, '保存');
    await seeText(page, '分数线已设定');
    await seeText(page, '分数线120分（达到即准入）');
    await click(page, '公布落户名单');
    await seeText(page, '公布后2026年度名单不能再调整');
    await check(page, 'rounds-publish-confirm');
    await press(page, '确认公布');
    // The publication may run as a job with a progress bar: wait for its end state, in words.
    await seeText(page, /已发布|名单已公布/, 60000);
    const published = await flow.cloud.must<{ round: { published: unknown; line: unknown } }>(
      'rounds',
      { action: 'get', year: 2026 },
      'demo-admin',
    );
    expect(published.round.line).toEqual({ mode: 'threshold', threshold: 120 });
    expect(published.round.published).toMatchObject({ on: '2026-12-01', admittedCount: 0 });
    await check(page, 'rounds-published');

    // ---- 节假日安排: register 2027 ----
    await page.goBack();
    await openTile(page, '节假日安排：登记下一年度放假安排');
    await seeText(page, '注意：尚未录入2027年节假日安排');
    expect(await byLabel(page, '年度').inputValue()).toBe('2027');
    await fill(page, '放假日期', HOLIDAYS_2027);
    await fill(page, '调休上班日期', WORKDAYS_2027);
    await fill(page, '通知来源', SOURCE_2027);
    await seeText(page, '已识别放假28天（其中周一至周五19天），调休上班6天');
    await check(page, 'calendar-filled');
    await click(page, '核对并登记节假日安排');
    await seeText(page, '登记后不能修改或删除');
    await check(page, 'calendar-confirm');
    await press(page, '确认登记');
    await seeText(page, '2027年节假日安排已登记（放假28天，调休上班6天）');
    const calendar = await flow.cloud.must<{ covered: number[] }>('calendar', { action: 'list' }, 'demo-admin');
    expect(calendar.covered).toContain(2027);
    await check(page, 'calendar-registered');

    // ---- 工作人员角色: grant reviewer (housing) to a registered person, then revoke it ----
    await page.goBack();
    await openTile(page, '工作人员角色：授予、撤销审核员等角色');
    await seeText(page, '系统初始账号（未实名登记）');
    await check(page, 'staff-roles');
    await fill(page, '姓名', '演示申请人');
    await fill(page, '身份证号码', '330106199503150010');
    await click(page, '查找人员');
    await seeText(page, '无（普通申请人）');
    await seeText(page, '330***********0010');
    await choose(page, '住保房管');
    await check(page, 'staff-roles-candidate');
    await click(page, '授予角色');
    await seeText(page, '已为演示申请人授予审核员（住保房管）角色');
    await seeText(page, '系统初始账号（未实名登记）为演示申请人（330***********0010）授予审核员（住保房管）角色');
    await seeText(page, '2026年12月1日 09:30');
    expect(await flow.cloud.must('accounts', { action: 'me' }, 'demo-applicant')).toMatchObject({
      roles: ['reviewer'],
      department: 'housing',
    });
    await check(page, 'staff-roles-granted');

    await click(page, '撤销演示申请人的审核员（住保房管）角色');
    await seeText(page, '撤销后，演示申请人（330***********0010）将不能再审核本部门负责的积分指标');
    await check(page, 'staff-roles-revoke-confirm');
    await press(page, '确认撤销');
    await seeText(page, '已撤销演示申请人（330***********0010）的审核员（住保房管）角色');
    await seeText(page, '系统初始账号（未实名登记）撤销了演示申请人（330***********0010）的审核员（住保房管）角色');
    expect(await flow.cloud.must('accounts', { action: 'me' }, 'demo-applicant')).toMatchObject({
      roles: [],
      department: null,
    });
    await check(page, 'staff-roles-revoked');

    // ---- axe-core: no critical or serious violation on any screen visited ----
    expect(violations()).toEqual([]);
  });
});
