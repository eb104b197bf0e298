// 年度批次 (administrator), the publication job: a job left running is shown with its progress bar, the count
// written and the time remaining; 继续发布 calls rounds.publish again until the job answers done, then the page shows
// the published state (已发布). The cloud is mocked with the shapes rounds.publish / publicationStatus answer.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import RoundsPage from '../../src/packages/review/rounds';
import { sessionStore, toMe } from '../../src/services/session';
import { ONLY_DATE } from './clock';

const progress = (done: number, state: 'running' | 'done', remainingSeconds: number | null) => ({
  year: 2025,
  state,
  done,
  total: 257,
  chunks: Math.ceil(done / 8),
  chunkCount: 33,
  invocations: 1,
  restarts: 0,
  startedAt: '2025-12-05T02:00:00.000Z',
  updatedAt: '2025-12-05T02:00:05.000Z',
  finishedAt: null,
  remainingSeconds,
});

function round(published: boolean) {
  return {
    year: 2025,
    status: 'open',
    cutoffDate: '2025-10-01',
    settlementOpens: '2025-11-03',
    settlementCloses: '2025-11-30',
    pointsApplication: { opens: null, closes: '2025-09-30', yearRound: false },
    line: { mode: 'quota', quota: 2 },
    published: published ? { on: '2025-12-05', mode: 'quota', line: 120, admittedCount: 2, rankedCount: 3 } : null,
    tieBreak: ['积分总分高者在前'],
    tieBreakVerified: false,
  };
}

let published = false;
let publishCalls = 0;
beforeEach(() => {
  __reset();
  jest.useFakeTimers({ now: new Date('2025-12-05T02:00:00Z'), doNotFake: ONLY_DATE });
  published = false;
  publishCalls = 0;
  sessionStore.set({
    openid: 'demo-admin',
    me: toMe({ openid: 'demo-admin', person: null, roles: ['admin'] }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name !== 'rounds') return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
    if (p.action === 'get') return { ok: true, data: { round: round(published) } };
    if (p.action === 'publicationStatus') return { ok: true, data: { progress: progress(80, 'running', 12) } };
    if (p.action === 'results')
      return { ok: true, data: { year: 2025, line: 120, admittedCount: 2, tieBreak: [], rows: [] } };
    if (p.action === 'publish') {
      publishCalls++;
      if (publishCalls < 3)
        return {
          ok: true,
          data: { done: false, year: 2025, progress: progress(80 + publishCalls * 80, 'running', 6) },
        };
      published = true;
      return { ok: true, data: { done: true, year: 2025, admittedCount: 2, progress: progress(257, 'done', null) } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
});
afterEach(() => jest.useRealTimers());

test('a running publication shows its progress; 继续发布 continues it until 已发布', async () => {
  render(<RoundsPage />);
  const bar = await screen.findByRole('progressbar', { name: '名单发布进度' });
  // 80 of 257 documents: 31%.
  expect(bar.getAttribute('aria-valuenow')).toBe('31');
  expect(screen.getByText(/已写入80\/257份名单文档（10\/33批，31%）/)).toBeTruthy();
  expect(screen.getByText(/预计还需约12秒/)).toBeTruthy();

  fireEvent.click(screen.getByLabelText('继续发布名单'));
  expect(await screen.findByText('2025年度名单已公布')).toBeTruthy();
  expect(await screen.findByText('已发布')).toBeTruthy();
  // Three calls: two answered "not done" with the progress, the third finished the job.
  expect(publishCalls).toBe(3);
  await waitFor(() =>
    expect(__cloudCalls().filter((c) => (c.data as { action: string }).action === 'publish')).toHaveLength(3),
  );
  expect(screen.queryByRole('progressbar')).toBeNull();
});
