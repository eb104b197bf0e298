// The stats pages with the stats function answered in memory: each chart is shown as its image with its title and
// summary as the accessible name, and its table on request; moving the line asks again and shows the new count;
// setting it is rounds.setLine with the line shown; a person's history shows the projection's basis in words.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler, __setRouterParams } from '../../../../test/__mocks__/taro';
import { sessionStore } from '../../../services/session';
import StatsOverviewPage from '../overview';
import LinePage from '../line';
import PointsHistoryPage from '../history';

const IMAGE = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
const chart = (title: string, summary: string, rows: Array<Array<string | number>> = []) => ({
  title,
  summary,
  table: { columns: ['项', '数'], rows },
  image: IMAGE,
});

const overview = {
  year: 2025,
  today: '2025-12-05',
  counts: { submitted: 5, scored: 5, settlementApplications: 5, waitingItems: 0, objections: 1 },
  charts: {
    byWeek: chart('2025年度积分申请（按受理周）', '2025年度共受理积分申请5件，分布在1周。', [['9月29日起', 5]]),
    byDistrict: chart('2025年度积分落户申请（按区）', '2025年度共5件积分落户申请，西湖区最多（5件）。'),
    scores: chart('2025年度积分分布（已评分）', '已评分5件，其中4件达到100分。'),
    queueAge: chart('待审事项最长等待（工作日）', '各部门暂无待审事项。'),
    objections: chart('异议答复（15个工作日时限）', '已在时限内答复1件，超期答复0件；尚未答复0件，其中已超期0件。'),
  },
};

/** Types into the line's input (Taro's input fires `input` events carrying `detail.value`). */
function typeLine(container: HTMLElement, value: string) {
  const el = container.querySelector('taro-input-core');
  if (!el) throw new Error('no line input');
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

/** The line page waits 300 ms after a change before asking; a busy machine may take longer still. */
const LATER = { timeout: 8000 };

beforeEach(() => {
  __reset();
  sessionStore.set({ openid: 'demo-admin', me: null, status: 'idle', error: null, actingFor: null });
});

test('积分统计: five charts, each an image named by its title and summary, with its table on request', async () => {
  __setRouterParams({ year: '2025' });
  __setCloudHandler((name, data) =>
    name === 'stats' && (data as { action: string }).action === 'overview'
      ? { ok: true, data: overview }
      : { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } },
  );
  render(<StatsOverviewPage />);
  expect(await screen.findByText('2025年度概况')).toBeTruthy();
  expect(__cloudCalls()).toEqual([{ name: 'stats', data: { action: 'overview', year: 2025 } }]);
  const image = screen.getByLabelText('2025年度积分申请（按受理周）。2025年度共受理积分申请5件，分布在1周。');
  expect(image.getAttribute('src')).toBe(IMAGE);
  expect(screen.getByText('异议答复（15个工作日时限）')).toBeTruthy();
  expect(screen.queryByText('9月29日起')).toBeNull();
  fireEvent.click(screen.getAllByText('查看数据表')[0]!);
  expect(screen.getByText('9月29日起')).toBeTruthy();
});

test('积分统计: a refusal is shown in Chinese', async () => {
  __setCloudHandler(() => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权执行此操作' } }));
  render(<StatsOverviewPage />);
  expect(await screen.findByText('无权执行此操作')).toBeTruthy();
});

test('分数线测算: moving the line asks again and shows the new count; setting it sends that line', async () => {
  __setRouterParams({ year: '2025' });
  const admittedAt: Record<number, number> = { 100: 4, 105: 4, 120: 3 };
  __setCloudHandler((name, data) => {
    const d = data as { action: string; threshold: number };
    if (name === 'stats' && d.action === 'linePreview') {
      const n = admittedAt[d.threshold] ?? 0;
      return {
        ok: true,
        data: {
          year: 2025,
          mode: 'threshold',
          line: d.threshold,
          admittedCount: n,
          rankedCount: 4,
          ineligibleCount: 1,
          pendingObjections: 0,
          currentLine: null,
          published: false,
          chart: chart(`2025年度按分数线${d.threshold}分的录取情况`, `按分数线${d.threshold}分，将录取${n}人。`),
        },
      };
    }
    if (name === 'rounds' && d.action === 'setLine') return { ok: true, data: { round: {} } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  const { container } = render(<LinePage />);
  expect(await screen.findByLabelText('将录取4人', {}, LATER)).toBeTruthy();
  fireEvent.click(screen.getByLabelText('分数线增加5分'));
  expect(await screen.findByText('2025年度按分数线105分的录取情况', {}, LATER)).toBeTruthy();
  // Typed straight in: 120.
  typeLine(container, '120');
  expect(await screen.findByLabelText('将录取3人', {}, LATER)).toBeTruthy();
  const previews = __cloudCalls()
    .filter((c) => (c.data as { action: string }).action === 'linePreview')
    .map((c) => (c.data as { threshold: number }).threshold);
  expect(previews).toEqual([100, 105, 120]);

  fireEvent.click(screen.getByText('设定为2025年度分数线120分'));
  expect(await screen.findByText('按分数线120分，将录取3人。设定后可在公布名单前再调整。')).toBeTruthy();
  fireEvent.click(screen.getByText('确认设定'));
  await waitFor(() => expect(__cloudCalls().some((c) => c.name === 'rounds')).toBe(true));
  expect(__cloudCalls().find((c) => c.name === 'rounds')!.data).toEqual({
    action: 'setLine',
    year: 2025,
    mode: 'threshold',
    threshold: 120,
  });
  expect(await screen.findByText('已设定2025年度分数线120分。公布名单请到“年度批次”。')).toBeTruthy();
}, 30_000);

test('分数线测算: a line under 100 is refused before any call, in Chinese', async () => {
  __setRouterParams({ year: '2025' });
  __setCloudHandler(() => ({ ok: false, error: { code: 'UNMOCKED', message: '未模拟' } }));
  const { container } = render(<LinePage />);
  typeLine(container, '95');
  expect(await screen.findByText(/分数线不得低于100分/, {}, LATER)).toBeTruthy();
  expect(__cloudCalls().filter((c) => (c.data as { threshold?: number }).threshold === 95)).toEqual([]);
});

test('我的积分变化: for the person acted for, with the projection basis and assumptions in words', async () => {
  sessionStore.set({
    openid: 'demo-agent',
    me: null,
    status: 'idle',
    error: null,
    actingFor: { personId: 'p-employee', name: '演示员工', relationLabel: '委托代办（用人单位）' },
  });
  __setCloudHandler((name, data) =>
    name === 'stats' && (data as { action: string }).action === 'history'
      ? {
          ok: true,
          data: {
            today: '2025-12-05',
            rounds: [{ year: 2025, total: 84, vetoed: false, status: 'scored' }],
            projection: {
              basis: 'approved',
              basisYear: 2025,
              current: 84,
              points: [{ cutoffDate: '2026-10-01', total: 88.5 }],
              reaches100: { when: '2029-10-01', total: 102 },
              assumptions: ['正在缴纳社保的按每月连续缴纳计算。'],
            },
            chart: chart('我的积分变化', '历年积分：2025年度84分。'),
          },
        }
      : { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } },
  );
  render(<PointsHistoryPage />);
  expect(await screen.findByText('历年积分：2025年度84分。')).toBeTruthy();
  expect(__cloudCalls()[0]).toEqual({ name: 'stats', data: { action: 'history', onBehalfOf: 'p-employee' } });
  expect(screen.getByText('按2025年度经部门审核确认的指标测算。预计2029年10月1日的截止日达到102分。')).toBeTruthy();
  expect(screen.getByText('1. 正在缴纳社保的按每月连续缴纳计算。')).toBeTruthy();
});
