import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

    // The tile's name is its label then its hint (read from content in H5; jsdom puts a space between the two
    // text elements, which the browser reads as one run).
    for (const e of HOME_ENTRIES)
      expect(screen.getByRole('button', { name: new RegExp(`^${e.label} ?：${e.hint}$`) })).toBeTruthy();
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
    expect(screen.queryByText('积分统计')).toBeNull();
    expect(screen.queryByText('分数线测算')).toBeNull();
    expect(screen.getByText('工作人员')).toBeTruthy();
    expect(screen.getByText(/审核员（人力社保）/)).toBeTruthy();
    expect(screen.queryByText('去实名')).toBeNull();
  });

  it('shows 积分统计 to the district office (read-only) and, with 分数线测算, to the administrator', async () => {
    meAs({ openid: 'd1', person: null, roles: ['district-office'], department: null });
    await act(() => refreshMe());
    const { unmount } = render(<Home />);
    expect(screen.getByText('积分统计')).toBeTruthy();
    expect(screen.queryByText('分数线测算')).toBeNull();
    unmount();
    meAs({ openid: 'a1', person: null, roles: ['admin'], department: null });
    await act(() => refreshMe());
    render(<Home />);
    fireEvent.click(screen.getByRole('button', { name: /^分数线测算/ }));
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/stats/line/index' });
    fireEvent.click(screen.getByRole('button', { name: /^积分统计/ }));
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/stats/overview/index' });
  });

  it('shows the administrator only what an administrator can use: no 审核队列 (reviewers only), no 异议答复 (district office)', async () => {
    meAs({ openid: 'a1', person: null, roles: ['admin'], department: null });
    await act(() => refreshMe());
    render(<Home />);
    const staff = screen.getByLabelText('审核端');
    const labels = Array.from(staff.querySelectorAll('.hz-grid__label')).map((el) => el.textContent);
    expect(labels).toEqual(['年度批次', '节假日安排', '积分统计', '分数线测算', '工作人员角色']);
    fireEvent.click(screen.getByRole('button', { name: /^工作人员角色 ?：授予、撤销审核员等角色$/ }));
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/staff/roles/index' });
  });

  it('a district office sees 异议答复 and an administrator who is also a reviewer sees 审核队列 too', async () => {
    meAs({ openid: 'd1', person: null, roles: ['district-office'], department: null });
    await act(() => refreshMe());
    const { unmount } = render(<Home />);
    expect(
      Array.from(screen.getByLabelText('审核端').querySelectorAll('.hz-grid__label')).map((el) => el.textContent),
    ).toEqual(['异议答复', '积分统计']);
    unmount();
    meAs({ openid: 'a2', person: null, roles: ['admin', 'reviewer'], department: 'tax' });
    await act(() => refreshMe());
    render(<Home />);
    expect(
      Array.from(screen.getByLabelText('审核端').querySelectorAll('.hz-grid__label')).map((el) => el.textContent),
    ).toEqual(['审核队列', '年度批次', '节假日安排', '积分统计', '分数线测算', '工作人员角色']);
  });

  it('offers 去实名 when signed out, and a retry when the service fails', async () => {
    __setCloudHandler(() => ({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '未获取到微信身份，请重新进入小程序' },
    }));
    await act(() => refreshMe());
    const { unmount } = render(<Home />);
    expect(screen.getByText('未登录')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去实名登记' }));
    expect(navigations.at(-1)?.url).toBe('/packages/account/register/index');
    unmount();

    __setCloudHandler(() => ({
      ok: false,
      error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
    }));
    await act(() => refreshMe());
    render(<Home />);
    expect(screen.getByText('暂时无法获取身份信息')).toBeTruthy();
    expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy();
  });

  it("shows this year's round dates from the rules package for the Beijing date", async () => {
    render(<Home />);
    const card = screen.getByLabelText('2026年度积分批次');
    // FAQ2021 Q5/Q6: cut-off = 1st of the month before acceptance (10-01); settlement accepted 11-01 to 11-30.
    expect(card.textContent).toContain('2026年10月1日');
    expect(card.textContent).toContain('2026年11月1日至2026年11月30日');
    // 11-25 is inside the settlement window.
    expect(card.textContent).toContain('落户申请受理中');
    await waitFor(() => expect(card.textContent).toContain('按政策规则推算'));
  });
});

/**
 * Lets pending cloud answers (promises) arrive and React render them (its scheduler runs on the faked timers):
 * a silent page is checked only after that.
 */
const settle = async () => {
  for (let i = 0; i < 80; i++) {
    await act(async () => {
      jest.advanceTimersByTime(50);
      await Promise.resolve();
    });
  }
};

/** The `calendar` function's answer with the built-in years 2020–2026 and any registered `extra` years. */
function adminWithCalendar(extra: number[] = []) {
  const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026, ...extra];
  const calls: string[] = [];
  __setCloudHandler((name, payload) => {
    const action = (payload as { action?: string }).action;
    calls.push(`${name}.${action}`);
    if (name === 'accounts' && action === 'me')
      return { ok: true, data: { openid: 'a1', person: null, roles: ['admin'], department: null } };
    if (name === 'calendar' && action === 'list') {
      return {
        ok: true,
        data: {
          years: years.map((year) => ({
            year,
            origin: year > 2026 ? 'registered' : 'built-in',
            source: '国务院办公厅通知',
            registeredAt: null,
          })),
          covered: years,
        },
      };
    }
    return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } };
  });
  return calls;
}

describe('首页: the administrator is reminded of next year’s holiday schedule (60 days before the year ends)', () => {
  const at = (beijingNoon: string) => jest.setSystemTime(new Date(`${beijingNoon}T04:00:00Z`));

  it('on 2026-12-04 with 2027 missing: says so in Chinese and opens 节假日安排', async () => {
    at('2026-12-04');
    const calls = adminWithCalendar();
    await act(() => refreshMe());
    render(<Home />);
    const notice = await screen.findByLabelText('节假日安排提醒');
    expect(notice.textContent).toContain('2027年的国务院节假日安排尚未登记');
    expect(calls).toContain('calendar.list');
    fireEvent.click(screen.getByRole('button', { name: '去登记节假日安排' }));
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/review/calendar/index' });
  });

  it('on 2026-11-02, the first day of the window, it warns; on 2026-11-01 it does not', async () => {
    at('2026-11-02');
    adminWithCalendar();
    await act(() => refreshMe());
    const first = render(<Home />);
    expect(await screen.findByLabelText('节假日安排提醒')).toBeTruthy();
    first.unmount();

    at('2026-11-01');
    const calls = adminWithCalendar();
    render(<Home />);
    await waitFor(() => expect(calls).toContain('calendar.list'));
    await settle();
    expect(screen.queryByLabelText('节假日安排提醒')).toBeNull();
  });

  it('is silent once 2027 is registered', async () => {
    at('2026-12-31');
    const calls = adminWithCalendar([2027]);
    await act(() => refreshMe());
    render(<Home />);
    await waitFor(() => expect(calls).toContain('calendar.list'));
    await settle();
    expect(screen.queryByLabelText('节假日安排提醒')).toBeNull();
  });

  it('is shown to the administrator only', async () => {
    at('2026-12-04');
    meAs({ openid: 'r1', person: null, roles: ['reviewer'], department: 'hrss' });
    await act(() => refreshMe());
    render(<Home />);
    await settle();
    expect(screen.queryByLabelText('节假日安排提醒')).toBeNull();
  });
});
