// 审核队列, the whole page as a reviewer of one department: the page says whose items it shows, asks the server
// for the chosen status, shows only that department's items (applicant masked) and approves one as claimed.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import ReviewQueuePage from '../../src/packages/review/queue';
import { sessionStore, toMe } from '../../src/services/session';

const queue = [
  { itemId: 'a1-education', indicator: 'education', department: 'education', status: 'pending', year: 2026, claimed: { education: 'bachelor', hasDiplomaAndDegree: true }, evidence: ['f1'], applicant: { name: '演示申请人', idNumber: '330106********0010' } },
  // Another department's item, as a stale or wrong answer would carry it: never shown to this reviewer.
  { itemId: 'a1-rental', indicator: 'rental', department: 'housing', status: 'pending', year: 2026, claimed: { rentalYears: 4 }, evidence: ['f2'], applicant: { name: '演示申请人', idNumber: '330106********0010' } },
];

beforeEach(() => {
  __reset();
  sessionStore.set({
    openid: 'demo-reviewer-education',
    me: toMe({ openid: 'demo-reviewer-education', person: null, roles: ['reviewer'], department: 'education' }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'review' && p.action === 'queue') return { ok: true, data: { items: p.status === 'pending' ? queue : [] } };
    if (name === 'review' && p.action === 'decide') {
      return { ok: true, data: { item: { ...queue[0], status: p.decision, acceptedValue: p.acceptedValue } } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
});

test("a reviewer sees only their own department's items, masked, and approves one as claimed", async () => {
  render(<ReviewQueuePage />);
  expect(screen.getByText('教育审核员：仅显示本部门负责的指标。')).toBeTruthy();
  expect(await screen.findByText('文化程度 · 演示申请人')).toBeTruthy();
  expect(screen.queryByText(/合法租赁住房/)).toBeNull();
  expect(screen.getByText('演示申请人（330106********0010）')).toBeTruthy();
  expect(__cloudCalls()[0]?.data).toEqual({ action: 'queue', status: 'pending', limit: 50 });

  fireEvent.click(screen.getByLabelText('审核文化程度'));
  fireEvent.click(await screen.findByLabelText('审核通过'));
  await waitFor(() => expect(__cloudCalls().some((c) => (c.data as { action: string }).action === 'decide')).toBe(true));
  expect(__cloudCalls().find((c) => (c.data as { action: string }).action === 'decide')?.data).toEqual({
    action: 'decide',
    itemId: 'a1-education',
    decision: 'approved',
    acceptedValue: { education: 'bachelor', hasDiplomaAndDegree: true },
  });
  expect(await screen.findByText('文化程度（演示申请人）：已审核通过')).toBeTruthy();
});

test('without a reviewer role the page says it is for reviewers only and shows the server refusal', async () => {
  sessionStore.set({ openid: 'demo-applicant', me: toMe({ openid: 'demo-applicant', person: { name: '演示申请人' }, roles: [] }), status: 'ready', error: null, actingFor: null });
  __setCloudHandler(() => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权进行此操作' } }));
  render(<ReviewQueuePage />);
  expect(screen.getByText('仅审核员可使用。')).toBeTruthy();
  expect((await screen.findByRole('alert')).textContent).toContain('无权进行此操作');
  expect(screen.queryByLabelText(/^审核/)).toBeNull();
});
