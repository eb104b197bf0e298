// Acting for someone else, through the screens only, in standard and in elder mode (长辈版), each pass against a cloud
// of its own: an employer agent uploads a written entrustment for a new employee, the employee confirms it on their own
// phone, and the agent applies for them; a guardian applies for a minor and for an elderly parent (neither has WeChat).
// The acting-for banner is visible throughout, ID numbers are masked, and the application belongs to the person acted
// for (read back as that person, or as the guardian acting for them). axe-core runs on every screen visited:
// screenshots and axe.json under artifacts/agent-<mode>/, artifacts/guardian-<mode>/ and artifacts/denials-<mode>/.
import type { Page } from 'playwright-core';
import { byLabel, click, fill, press, seeText, upload } from './support/app';
import { fillAndSubmitApplication } from './support/applicant-screens';
import { browserFlow } from './support/flow';
import { at } from './support/domain';
import { MODES, inMode, screens, type Screens } from './support/journey';

const AGENT = 'packages/agent/index/index';

/** A one-page PDF (real magic bytes): a scanned entrustment or identity document. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  ),
});

/** One indicator through the form, as whoever the page is acting for; the form's screens checked on the way. */
async function applyResidence(page: Page, years: string, s: Screens, who: string) {
  await fillAndSubmitApplication(
    page,
    [{ indicator: 'residenceRegistration', value: { residenceRegistrationYears: years } }],
    {
      check: (p, screen) => s.check(p, `${who}-${screen}`),
    },
  );
}

describe.each(MODES)('acting for someone else in %s mode', (mode, elder) => {
  const flow = browserFlow({ now: at('2026-03-03') });
  const open = async (openid: string) => inMode(await flow.app.open(openid, AGENT, { elder }), elder);

  test('an agent with a fresh entrustment: the employee confirms it on screen, the agent applies for them', async () => {
    const s = screens('agent', mode);
    // The new employee's own number, as they would tell their employer (read here as themselves, in clear).
    const me = await flow.cloud.must<{ person: { name: string; idNumber: string } }>(
      'accounts',
      { action: 'me' },
      'demo-applicant',
    );

    const agent = await open('demo-agent');
    await seeText(agent, '单位员工（1人）');
    const row = byLabel(agent, '演示员工，可代办');
    await row.waitFor();
    // The employee's ID number is masked for the agent.
    expect(await row.textContent()).toMatch(/身份证：\d{3,6}\*+/);
    await s.check(agent, 'employees');
    await fill(agent, '演示员工的出生日期', '1992-11-08');
    await seeText(agent, /估算积分：\d+分/);
    await s.check(agent, 'batch-self-assessment');

    // ---- A written entrustment for a new employee ----
    await press(agent, '新增员工委托');
    await fill(agent, '员工姓名', me.person.name);
    await fill(agent, '员工身份证号码', me.person.idNumber);
    await fill(agent, '单位名称', '演示科技有限公司');
    await upload(agent, '选择PDF文件：书面委托书', pdf('委托书.pdf'));
    await upload(agent, '选择PDF文件：员工身份证件', pdf('员工身份证.pdf'));
    await upload(agent, '选择PDF文件：经办人身份证件', pdf('经办人身份证.pdf'));
    await s.check(agent, 'entrustment-form');
    await press(agent, '提交委托');
    await seeText(agent, /委托已提交，待员工本人/);
    await seeText(agent, '委托待确认');
    // Not yet an employee the agent may act for.
    await seeText(agent, '单位员工（1人）');
    await s.check(agent, 'entrustment-pending');

    // ---- The employee confirms on their own phone ----
    const employee = await open('demo-applicant');
    await seeText(employee, '委托我的单位');
    await s.check(employee, 'employee-sees-pending');
    await press(employee, '确认委托');
    await seeText(employee, '已确认委托');
    await s.check(employee, 'employee-confirmed');

    // ---- The agent applies for the new employee ----
    const after = await open('demo-agent');
    await seeText(after, '单位员工（2人）');
    await byLabel(after, `${me.person.name}，可代办`).waitFor();
    await s.check(after, 'entrustment-confirmed');
    await click(after, `为其申请，为${me.person.name}申请积分`);
    await seeText(after, '正在代');
    await seeText(after, `为${me.person.name}申请`);
    await applyResidence(after, '6', s, 'for-employee');
    await seeText(after, '正在代');

    // The application is the employee's own: they see it without acting for anyone; the agent has none of their own.
    const mine = await flow.cloud.must<{ applications: Array<{ status: string }> }>(
      'applications',
      { action: 'list' },
      'demo-applicant',
    );
    expect(mine.applications.map((a) => a.status)).toEqual(['reviewing']);
    const agentOwn = await flow.cloud.must<{ applications: unknown[] }>(
      'applications',
      { action: 'list' },
      'demo-agent',
    );
    expect(agentOwn.applications).toHaveLength(0);

    expect(s.violations()).toEqual([]);
  });

  test('a guardian applies for a minor and for an elderly parent, neither with WeChat', async () => {
    const s = screens('guardian', mode);
    const page = await open('demo-guardian');
    await seeText(page, '被监护人/亲属（2人）');
    const minor = byLabel(page, '演示未成年人，可代办');
    await minor.waitFor();
    expect(await minor.textContent()).toContain('*');
    const parent = byLabel(page, '演示老人，可代办');
    await parent.waitFor();
    expect(await parent.textContent()).toContain('*');
    await s.check(page, 'wards');

    await click(page, '为其申请，为演示未成年人申请积分');
    await seeText(page, '为演示未成年人申请');
    await applyResidence(page, '3', s, 'for-minor');

    const forParent = await open('demo-guardian');
    await click(forParent, '为其申请，为演示老人申请积分');
    await seeText(forParent, '为演示老人申请');
    await applyResidence(forParent, '10', s, 'for-parent');

    const subjects = await flow.cloud.must<{ subjects: Array<{ personId: string; name: string }> }>(
      'accounts',
      { action: 'listSubjects' },
      'demo-guardian',
    );
    for (const name of ['演示未成年人', '演示老人']) {
      const personId = subjects.subjects.find((p) => p.name === name)!.personId;
      const theirs = await flow.cloud.must<{ applications: Array<{ status: string }> }>(
        'applications',
        { action: 'list', onBehalfOf: personId },
        'demo-guardian',
      );
      expect(theirs.applications.map((a) => a.status)).toEqual(['reviewing']);
      // Someone without the relation is refused.
      const refused = await flow.cloud.call('applications', { action: 'list', onBehalfOf: personId }, 'demo-applicant');
      expect(refused.ok).toBe(false);
      expect(refused.error?.code).toBe('DELEGATION_REQUIRED');
    }
    // The guardian's own list stays empty: both applications are the wards'.
    const own = await flow.cloud.must<{ applications: unknown[] }>('applications', { action: 'list' }, 'demo-guardian');
    expect(own.applications).toHaveLength(0);

    expect(s.violations()).toEqual([]);
  });

  test('staff pages refuse people without the role, in Chinese', async () => {
    const s = screens('denials', mode);
    const queue = await inMode(await flow.app.open('demo-applicant', 'packages/review/queue/index', { elder }), elder);
    await seeText(queue, '无权进行此操作');
    await s.check(queue, 'applicant-opens-review-queue');
    const objections = await inMode(
      await flow.app.open('demo-agent', 'packages/review/objections/index', { elder }),
      elder,
    );
    await seeText(objections, '无权进行此操作');
    await s.check(objections, 'agent-opens-objections');
    expect(s.violations()).toEqual([]);
  });
});
