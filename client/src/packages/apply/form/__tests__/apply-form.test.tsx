// 积分申请, the whole page with the cloud faked: an unregistered person is sent to 实名登记 first (and nothing is
// loaded for them); step 1 shows its error beside the choices; step 3 lists every claimed value next to its
// evidence before the 承诺; the receipt shows the 受理编号, the acceptance date and the result date.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro, { __cloudCalls, __reset, __setCloudHandler, navigations } from '../../../../../test/__mocks__/taro';
import { ONLY_DATE } from '../../../../../test/pages/clock';
import ApplyFormPage from '../index';
import { sessionStore, type Me } from '../../../../services/session';

const ME: Me = { registered: true, name: '张三', roles: [] };
const APP = { applicationId: 'app-2026-p1', personId: 'p1', year: 2026, claims: [] };

function cloud(over: { submitted?: Record<string, unknown>; refuseSubmit?: boolean } = {}) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'applications' && p.action === 'list') return { ok: true, data: { applications: [] } };
    if (name === 'rounds' && p.action === 'get')
      return {
        ok: true,
        data: { round: { year: 2026, status: 'open', pointsApplication: { closes: '2026-09-30', yearRound: true } } },
      };
    if (name === 'applications' && p.action === 'saveDraft')
      return { ok: true, data: { application: { ...APP, status: 'draft' } } };
    if (name === 'applications' && p.action === 'submit' && over.refuseSubmit)
      return { ok: false, error: { code: 'ROUND_NOT_OPEN', message: '本年度积分申请尚未开始或已结束' } };
    if (name === 'applications' && p.action === 'submit')
      return {
        ok: true,
        data: { application: { ...APP, status: 'reviewing', acceptedOn: '2026-03-02', ...over.submitted } },
      };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}

const actions = () => __cloudCalls().map((c) => `${c.name}.${(c.data as { action: string }).action}`);

beforeEach(() => {
  __reset();
  jest.useFakeTimers({ now: new Date('2026-03-02T10:00:00+08:00'), doNotFake: ONLY_DATE });
  sessionStore.set({ openid: 'demo-applicant', me: ME, status: 'ready', error: null, actingFor: null });
});
afterEach(() => jest.useRealTimers());

test('an unregistered person is sent to 实名登记 before starting, with the way back to this page', async () => {
  cloud();
  sessionStore.set((s) => ({ ...s, me: { registered: false, roles: [] } }));
  render(<ApplyFormPage />);
  expect(screen.getByText('申请积分前，请先完成实名登记。登记后会回到本页继续申请。')).toBeTruthy();
  expect(screen.queryByText('选择要申报的指标')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '去实名登记' }));
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/account/register/index?back=applyForm' }]);
  expect(actions()).toEqual([]);

  // Registered (register's refreshMe updates the session): the form opens where it was left.
  sessionStore.set((s) => ({ ...s, me: ME }));
  expect(await screen.findByText('选择要申报的指标')).toBeTruthy();
});

test('step 1: 下一步 without a choice shows the error beside the choices, not at the top', async () => {
  cloud();
  render(<ApplyFormPage />);
  await screen.findByText('选择要申报的指标');
  fireEvent.click(screen.getByRole('button', { name: '下一步' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('⚠ 请至少勾选一项要申报的指标，再点“下一步”');
  expect(alert.closest('.hz-field')?.contains(screen.getByRole('checkbox', { name: '申报文化程度' }))).toBe(true);
  fireEvent.click(screen.getByRole('checkbox', { name: '申报文化程度' }));
  expect(screen.queryByRole('alert')).toBeNull();
});

function draftAtStep3() {
  Taro.setStorageSync('hz.flows.applyDraft.demo-applicant.self', {
    year: 2026,
    selected: ['education', 'rental'],
    forms: { education: { education: 'bachelor', hasDiplomaAndDegree: 'true' }, rental: { rentalYears: '4' } },
    files: {
      education: [{ fileId: 'f-1', name: 'diploma.png' }],
      rental: [
        { fileId: 'f-2', name: '租赁备案.pdf' },
        { fileId: 'f-3', name: '合同.pdf' },
      ],
    },
    step: 3,
    indicatorIndex: 1,
    requestId: 'req-test-0001',
    savedAt: 0,
  });
}

test('step 3 shows every claimed value next to its evidence; the receipt the 受理编号 and both dates', async () => {
  draftAtStep3();
  cloud({ submitted: { resultDate: '2026-03-30' } });
  render(<ApplyFormPage />);
  const education = await screen.findByRole('group', { name: '文化程度：申报内容和证明材料' });
  expect(within(education).getByText('文化程度：本科，是否同时具有学历和学位：是')).toBeTruthy();
  expect(within(education).getByText('1份材料：diploma.png')).toBeTruthy();
  const rental = screen.getByRole('group', { name: '合法租赁住房：申报内容和证明材料' });
  expect(within(rental).getByText('合法租赁年数：4年')).toBeTruthy();
  expect(within(rental).getByText('2份材料：租赁备案.pdf、合同.pdf')).toBeTruthy();

  // The commitment comes after the review, and submit waits for it.
  const submit = screen.getByRole('button', { name: '提交申请，提交积分申请' });
  expect(submit.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意个人承诺书' }));
  fireEvent.click(screen.getByRole('button', { name: '提交申请，提交积分申请' }));

  await screen.findByText('申请已受理');
  expect(screen.getByText('受理编号').parentElement?.textContent).toBe('受理编号app-2026-p1');
  expect(screen.getByText('受理日期').parentElement?.textContent).toBe('受理日期2026年3月2日');
  expect(screen.getByText('可查询结果').parentElement?.textContent).toBe(
    '可查询结果2026年3月30日起（受理后20个工作日）',
  );
  // Reminders are offered from the tap itself (before any await), then the draft is saved and submitted.
  expect(actions()).toEqual([
    'applications.list',
    'rounds.get',
    'reminders.recordSubscription',
    'applications.saveDraft',
    'applications.submit',
  ]);
  const sent = __cloudCalls().find((c) => (c.data as { action: string }).action === 'submit')!.data;
  expect(sent).toEqual({
    action: 'submit',
    applicationId: 'app-2026-p1',
    commitment: true,
    requestId: 'req-test-0001',
  });
});

test('a receipt without the server result date takes it from the rules: 20 working days after 2026-03-02', async () => {
  draftAtStep3();
  cloud({ submitted: { resultDate: null } });
  render(<ApplyFormPage />);
  fireEvent.click(await screen.findByRole('checkbox', { name: '我已阅读并同意个人承诺书' }));
  fireEvent.click(screen.getByRole('button', { name: '提交申请，提交积分申请' }));
  await screen.findByText('申请已受理');
  expect(screen.getByText('可查询结果').parentElement?.textContent).toBe(
    '可查询结果2026年3月30日起（受理后20个工作日）',
  );
});

test('a refusal at submit shows beside the submit button and takes focus', async () => {
  draftAtStep3();
  cloud({ refuseSubmit: true });
  render(<ApplyFormPage />);
  fireEvent.click(await screen.findByRole('checkbox', { name: '我已阅读并同意个人承诺书' }));
  fireEvent.click(screen.getByRole('button', { name: '提交申请，提交积分申请' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('⚠ 本年度积分申请尚未开始或已结束');
  expect(
    alert
      .closest('.hz-field')
      ?.nextElementSibling?.contains(screen.getByRole('button', { name: '提交申请，提交积分申请' })),
  ).toBe(true);
  await waitFor(() => expect(document.activeElement === alert).toBe(true));
  expect(screen.queryByText('申请已受理')).toBeNull();
});
