// Acting for someone else: an employer agent applies for an entrusted employee, a guardian for a minor without
// WeChat. The acting-for banner is visible throughout, ID numbers are masked, and the application belongs to the
// person acted for (checked as that person where they have WeChat).
import type { Page } from 'playwright-core';
import { byLabel, click, fill, press, seeText, upload, tick } from './support/app';
import { screenshotter } from './support/browser';
import { browserFlow } from './support/flow';
import { at } from './support/domain';

const AGENT = 'packages/agent/index/index';

const flow = browserFlow({ now: at('2026-03-03') });

/** One indicator through the form, as whoever the page is acting for. */
async function applyResidence(page: Page, years: string) {
  await seeText(page, '选择要申报的指标');
  await tick(page, '申报居住登记和居住证年限');
  await click(page, '下一步');
  await seeText(page, '第1/1项：居住登记和居住证年限');
  await fill(page, '居住登记年数', years);
  await upload(page, '从相册选择证明材料');
  await click(page, '下一步');
  await seeText(page, '个人承诺书');
  await tick(page, '我已阅读并同意个人承诺书');
  await click(page, '提交积分申请');
  await seeText(page, '申请已受理');
}

test('an employer agent applies for an entrusted employee', async () => {
  const shot = screenshotter('agent');
  const page = await flow.app.open('demo-agent', AGENT);
  await seeText(page, '单位员工（1人）');
  const row = byLabel(page, '演示员工，可代办');
  await row.waitFor();
  // The employee's ID number is masked for the agent.
  expect(await row.textContent()).toMatch(/身份证：\d{3,6}\*+/);
  await shot(page, 'employees');
  await fill(page, '演示员工的出生日期', '1992-11-08');
  await seeText(page, /估算积分：\d+分/);
  await shot(page, 'batch-self-assessment');
  await click(page, '为演示员工申请积分');
  await seeText(page, '正在代');
  await seeText(page, '为演示员工申请');
  await applyResidence(page, '6');
  await seeText(page, '正在代');
  await shot(page, 'applied-for-employee');

  // The application is the employee's own: they see it without acting for anyone.
  const mine = await flow.cloud.must<{ applications: Array<{ status: string }> }>('applications', { action: 'list' }, 'demo-employee');
  expect(mine.applications.map((a) => a.status)).toEqual(['reviewing']);
  // And not the agent's.
  const agentOwn = await flow.cloud.must<{ applications: unknown[] }>('applications', { action: 'list' }, 'demo-agent');
  expect(agentOwn.applications).toHaveLength(0);
});

test('a guardian applies for a minor without WeChat', async () => {
  const shot = screenshotter('guardian');
  const page = await flow.app.open('demo-guardian', AGENT);
  await seeText(page, '被监护人/亲属（2人）');
  const minor = byLabel(page, '演示未成年人，可代办');
  await minor.waitFor();
  expect(await minor.textContent()).toContain('*');
  await shot(page, 'wards');
  await click(page, '为演示未成年人申请积分');
  await seeText(page, '为演示未成年人申请');
  await applyResidence(page, '3');
  await shot(page, 'applied-for-minor');

  const subjects = await flow.cloud.must<{ subjects: Array<{ personId: string; name: string }> }>('accounts', { action: 'listSubjects' }, 'demo-guardian');
  const minorId = subjects.subjects.find((s) => s.name === '演示未成年人')!.personId;
  const theirs = await flow.cloud.must<{ applications: Array<{ status: string }> }>('applications', { action: 'list', onBehalfOf: minorId }, 'demo-guardian');
  expect(theirs.applications.map((a) => a.status)).toEqual(['reviewing']);
  // Someone without the relation is refused.
  const refused = await flow.cloud.call('applications', { action: 'list', onBehalfOf: minorId }, 'demo-applicant');
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('DELEGATION_REQUIRED');
});

/** A one-page PDF (real magic bytes): a scanned entrustment or identity document. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
});

test('an agent uploads a written entrustment; it counts only once the employee confirms it', async () => {
  const shot = screenshotter('entrustment');
  // The new employee's own number, as they would tell their employer (read here as themselves, in clear).
  const me = await flow.cloud.must<{ person: { name: string; idNumber: string } }>('accounts', { action: 'me' }, 'demo-applicant');

  const agent = await flow.app.open('demo-agent', AGENT);
  await seeText(agent, '单位员工（1人）');
  await press(agent, '新增员工委托');
  await fill(agent, '员工姓名', me.person.name);
  await fill(agent, '员工身份证号码', me.person.idNumber);
  await fill(agent, '单位名称', '演示科技有限公司');
  await upload(agent, '上传PDF格式的书面委托书', pdf('委托书.pdf'));
  await upload(agent, '上传PDF格式的员工身份证件', pdf('员工身份证.pdf'));
  await upload(agent, '上传PDF格式的经办人身份证件', pdf('经办人身份证.pdf'));
  await shot(agent, 'entrustment-form');
  await press(agent, '提交委托');
  await seeText(agent, /委托已提交，待员工本人/);
  await seeText(agent, '委托待确认');
  // Not yet an employee the agent may act for.
  await seeText(agent, '单位员工（1人）');
  await shot(agent, 'pending');

  const employee = await flow.app.open('demo-applicant', AGENT);
  await seeText(employee, '委托我的单位');
  await shot(employee, 'employee-sees-pending');
  await press(employee, '确认委托');
  await seeText(employee, '已确认委托');

  const after = await flow.app.open('demo-agent', AGENT);
  await seeText(after, '单位员工（2人）');
  await byLabel(after, `${me.person.name}，可代办`).waitFor();
  await shot(after, 'confirmed');
});

test('staff pages refuse people without the role, in Chinese', async () => {
  const shot = screenshotter('denials');
  const queue = await flow.app.open('demo-applicant', 'packages/review/queue/index');
  await seeText(queue, '无权进行此操作');
  await shot(queue, 'applicant-opens-review-queue');
  const objections = await flow.app.open('demo-agent', 'packages/review/objections/index');
  await seeText(objections, '无权进行此操作');
});
