import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beijingClockText, DemoClock } from '../../src/components/PersonaSwitcher/DemoClock';

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeLocalCloud(answers: Record<string, unknown>): Call[] {
  const calls: Call[] = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const data = answers[url];
    return { ok: data !== undefined, json: async () => (data === undefined ? { ok: false } : { ok: true, data }) };
  }) as unknown as typeof fetch;
  return calls;
}

const MILESTONES = {
  now: '2025-09-01T01:00:00.000Z',
  milestones: [
    { at: '2025-09-30T09:00:00+08:00', date: '2025-09-30', label: '2025年度积分申请截止日' },
    { at: '2025-11-01T09:00:00+08:00', date: '2025-11-01', label: '2025年度积分落户申请开始' },
  ],
};

describe("the persona bar's demo clock (local mode)", () => {
  it('formats an instant as Beijing date and time whatever the zone', () => {
    expect(beijingClockText('2025-09-30T16:30:00Z')).toBe('2025年10月1日 00:30');
    expect(beijingClockText('nonsense')).toBe('—');
  });

  it('shows the clock, lists the next dates for the chosen person and moves the clock to one', async () => {
    const calls = fakeLocalCloud({
      '/api/dev/milestones': MILESTONES,
      '/api/dev/clock': { now: '2025-09-30T01:00:00.000Z' },
    });
    const moved = jest.fn();
    render(<DemoClock openid="demo-applicant" onMoved={moved} />);
    expect(await screen.findByText('演示时钟：2025年9月1日 09:00')).toBeTruthy();
    expect((calls[0]!.init!.headers as Record<string, string>)['X-WX-OPENID']).toBe('demo-applicant');

    fireEvent.click(screen.getByRole('button', { name: '时间快进' }));
    expect(screen.getByText('2025年度积分落户申请开始')).toBeTruthy();
    fireEvent.click(screen.getByText('2025年度积分申请截止日'));
    await waitFor(() => expect(moved).toHaveBeenCalledTimes(1));
    const post = calls.find((c) => c.url === '/api/dev/clock')!;
    expect(post.init!.method).toBe('POST');
    expect(JSON.parse(String(post.init!.body))).toEqual({ now: '2025-09-30T09:00:00+08:00' });
  });

  it('goes back to real time, and says so when the local cloud refuses', async () => {
    const calls = fakeLocalCloud({ '/api/dev/milestones': { ...MILESTONES, milestones: [] } });
    const moved = jest.fn();
    render(<DemoClock openid={null} onMoved={moved} />);
    fireEvent.click(await screen.findByRole('button', { name: '时间快进' }));
    expect(screen.getByText('当前身份近期没有关键日期')).toBeTruthy();
    fireEvent.click(screen.getByText('回到当前真实时间'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(moved).not.toHaveBeenCalled();
    expect(JSON.parse(String(calls.find((c) => c.url === '/api/dev/clock')!.init!.body))).toEqual({ now: null });
  });

  it('stays hidden when there is no local cloud', async () => {
    const calls = fakeLocalCloud({});
    render(<DemoClock openid={null} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(screen.queryByTestId('demo-clock')).toBeNull();
  });
});
