// 落户申请, the whole page with the cloud faked: submitting without a district shows the error beside the district
// list (not at the top of the long page) and reveals it; withdrawing asks first and sends nothing until confirmed.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../../../../test/__mocks__/taro';
import { ONLY_DATE } from '../../../../test/pages/clock';
import SettlePage from '../index';
import { sessionStore } from '../../../services/session';

const CERT = { serial: 'JF-2026-000001', status: 'active', year: 2026, content: { total: 148 } };
const APPLIED = {
  year: 2026,
  district: '西湖区',
  status: 'submitted',
  total: 148,
  appliedOn: '2026-11-02',
  settledOn: null,
};

function cloud(settlement: typeof APPLIED | null) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'settlement' && p.action === 'get')
      return {
        ok: true,
        data: {
          acceptingNow: true,
          window: { opens: '2026-11-02', closes: '2026-11-30' },
          settlement,
          result: null,
          notice: null,
        },
      };
    if (name === 'certificates' && p.action === 'list') return { ok: true, data: { certificates: [CERT] } };
    if (name === 'settlement' && p.action === 'withdraw')
      return { ok: true, data: { settlement: { ...APPLIED, status: 'withdrawn' } } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}
const sent = (action: string) => __cloudCalls().filter((c) => (c.data as { action: string }).action === action);
let scrolled: Element[] = [];

beforeEach(() => {
  __reset();
  jest.useFakeTimers({ now: new Date('2026-11-03T10:00:00+08:00'), doNotFake: ONLY_DATE });
  sessionStore.set({
    openid: 'demo-applicant',
    me: { registered: true, roles: [] },
    status: 'ready',
    error: null,
    actingFor: null,
  });
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  } as never;
});
afterEach(() => jest.useRealTimers());

test('no district chosen: the error is beside the district list and brought into view; nothing is sent', async () => {
  cloud(null);
  render(<SettlePage />);
  fireEvent.click(await screen.findByRole('button', { name: '提交落户申请' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('⚠ 请在下方列表中选择拟落户区，再提交');
  const field = alert.closest('.hz-field')!;
  expect(field.contains(screen.getByRole('radiogroup', { name: '拟落户区' }))).toBe(true);
  await waitFor(() => expect(scrolled).toEqual([field]));
  expect(sent('apply')).toHaveLength(0);
});

test('withdrawing asks first; 取消 sends nothing, 确定撤回 sends it once', async () => {
  cloud(APPLIED);
  render(<SettlePage />);
  fireEvent.click(await screen.findByRole('button', { name: '撤回申请，撤回落户申请' }));
  expect(
    screen.getByRole('group', {
      name: '确定撤回2026年度积分落户申请吗？撤回后本年度不参加落户排名；受理期内可重新提交。',
    }),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '取消' }));
  expect(sent('withdraw')).toHaveLength(0);
  fireEvent.click(screen.getByRole('button', { name: '撤回申请，撤回落户申请' }));
  fireEvent.click(screen.getByRole('button', { name: '确定撤回' }));
  await waitFor(() => expect(sent('withdraw').map((c) => c.data)).toEqual([{ action: 'withdraw', year: 2026 }]));
});
