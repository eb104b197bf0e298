import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { roundDates } from '@hz-points/shared';
import { __reset, __setCloudHandler, navigations } from '../__mocks__/taro';
import Home, { HOME_ENTRIES } from '../../src/pages/index';
import { refreshMe, sessionStore } from '../../src/services/session';

function meAs(data: unknown) {
  __setCloudHandler((name, payload) => {
    const action = (payload as { action?: string }).action;
    if (name === 'accounts' && action === 'me') return { ok: true, data };
    return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } };
  });
}

beforeEach(() => {
  __reset();
  sessionStore.set({ openid: null, me: null, status: 'idle', error: null, actingFor: null });
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  // 2026-11-25 10:00 Beijing time.
  jest.setSystemTime(new Date('2026-11-25T02:00:00Z'));
});
afterEach(() => jest.useRealTimers());

describe('首页', () => {
  it('shows the owner masked by default, every 积分管理 entry, and no staff entry for an applicant', async () => {
    meAs({ openid: 'o1', person: { name: '张小明', idNumber: '330106199503150010' }, roles: [], department: null });
    await act(() => refreshMe());
    render(<Home />);
    expect(screen.getByText('张小明')).toBeTruthy();
    expect(screen.queryByText('330106199503150010')).toBeNull();
    expect(screen.getByText(/^330\*+0010$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '显示完整身份证号' }));
    expect(screen.getByText('330106199503150010')).toBeTruthy();

    for (const e of HOME_ENTRIES) expect(screen.getByRole('button', { name: new RegExp(`^${e.label}：`) })).toBeTruthy();
    expect(screen.queryByLabelText('审核端')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /^积分测算/ }));
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/assess/calculator/index' });
  });

  it('shows the 审核端 entry to a reviewer', async () => {
    meAs({ openid: 'r1', person: null, roles: ['reviewer'], department: 'hrss' });
    await act(() => refreshMe());
    render(<Home />);
    expect(screen.getByLabelText('审核端')).toBeTruthy();
    expect(screen.getByText('审核队列')).toBeTruthy();
    expect(screen.queryByText('年度批次')).toBeNull();
    expect(screen.getByText('工作人员')).toBeTruthy();
    expect(screen.getByText(/审核员（人力社保）/)).toBeTruthy();
    expect(screen.queryByText('去实名')).toBeNull();
  });

  it('offers 去实名 when signed out, and a retry when the service fails', async () => {
    __setCloudHandler(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '未获取到微信身份，请重新进入小程序' } }));
    await act(() => refreshMe());
    const { unmount } = render(<Home />);
    expect(screen.getByText('未登录')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去实名登记' }));
    expect(navigations.at(-1)?.url).toBe('/packages/account/register/index');
    unmount();

    __setCloudHandler(() => ({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }));
    await act(() => refreshMe());
    render(<Home />);
    expect(screen.getByText('暂时无法获取身份信息')).toBeTruthy();
    expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy();
  });

  it("shows this year's round dates from the rules package for the Beijing date", async () => {
    render(<Home />);
    const r = roundDates(2026);
    const card = screen.getByLabelText('2026年度积分批次');
    const d = (s: string) => `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
    expect(card.textContent).toContain(d(r.cutoffDate));
    expect(card.textContent).toContain(`${d(r.settlementOpens)}至${d(r.settlementCloses)}`);
    // 11-25 is inside the settlement window.
    expect(card.textContent).toContain('落户申请受理中');
    await waitFor(() => expect(card.textContent).toContain('按政策规则推算'));
  });
});
