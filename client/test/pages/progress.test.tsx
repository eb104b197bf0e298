// 积分查询/进度, the whole page: a returned item shows its reason in words next to its status, the supplement
// deadline as a working-day countdown, and a button that opens the supplement form for that item; the
// supplement is not sent without new evidence. After the result date the same item can no longer be supplemented.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler, __setRouterParams } from '../__mocks__/taro';
import ProgressPage from '../../src/packages/apply/progress';
import { sessionStore } from '../../src/services/session';
import type { Application, GetApplicationResult } from '../../src/packages/apply/common/types';
import { ONLY_DATE } from './clock';
import { anApplication, anItem } from '../fixtures/applications';

const RESULT_DATE = '2026-03-30';
/** 12:00 Beijing time on a date. */
const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
const REASON = '租赁合同未备案，请补充租赁备案证明';

const app: Application = anApplication({
  applicationId: 'app-2026-p1',
  personId: 'p1',
  year: 2026,
  status: 'reviewing',
  acceptedOn: '2026-03-02',
  resultDate: RESULT_DATE,
  points: null,
  published: false,
});
const data = (over: Partial<Application> = {}): GetApplicationResult => ({
  application: { ...app, ...over },
  applicant: null,
  objection: null,
  items: [
    anItem({
      itemId: 'i-edu',
      indicator: 'education',
      department: 'education',
      status: 'approved',
      claimed: { education: 'bachelor', hasDiplomaAndDegree: true },
      acceptedValue: { education: 'bachelor', hasDiplomaAndDegree: true },
    }),
    anItem({
      itemId: 'i-rental',
      indicator: 'rental',
      department: 'housing',
      status: 'returned',
      claimed: { rentalYears: 4 },
      returnReason: REASON,
      evidence: ['f-1'],
    }),
  ],
});

function openAt(now: Date, result: GetApplicationResult) {
  jest.useFakeTimers({ now, doNotFake: ONLY_DATE });
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'applications' && p.action === 'get') return { ok: true, data: result };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  __setRouterParams({ applicationId: app.applicationId });
  return render(<ProgressPage />);
}

beforeEach(() => {
  __reset();
  sessionStore.set({ openid: 'demo-applicant', me: null, status: 'idle', error: null, actingFor: null });
});
afterEach(() => jest.useRealTimers());

test('a returned item: its reason, the supplement countdown and a supplement button that opens the form', async () => {
  const now = noon('2026-03-16');
  openAt(now, data({ supplementOpen: true }));
  const rental = await screen.findByLabelText('合法租赁住房，退回');
  expect(within(rental).getByLabelText('状态：退回').textContent).toContain('退回');
  expect(within(rental).getByText(`退回原因：${REASON}`)).toBeTruthy();
  expect(screen.getByLabelText('文化程度，审核完成')).toBeTruthy();
  // Working days from Mon 2026-03-16 to Mon 2026-03-30, both counted: 5 + 5 + 1 (no holiday in March 2026).
  expect(screen.getByText('截止2026年3月30日，还剩11个工作日')).toBeTruthy();
  expect(screen.getByLabelText('审核中')).toBeTruthy();

  fireEvent.click(within(rental).getByText('补充材料'));
  expect(await screen.findByText('补充材料：合法租赁住房')).toBeTruthy();
  // The form starts from the claim, and asks for new evidence before anything is sent.
  expect(screen.getByText('尚未上传材料')).toBeTruthy();
  fireEvent.click(screen.getByText('提交补充材料'));
  expect((await screen.findByRole('alert')).textContent).toContain('请上传补充的证明材料');
  expect(__cloudCalls().filter((c) => (c.data as { action: string }).action === 'supplement')).toHaveLength(0);
});

test('after the result date the returned item cannot be supplemented and scores 0', async () => {
  openAt(noon('2026-03-31'), data({ supplementOpen: false }));
  const rental = await screen.findByLabelText('合法租赁住房，退回');
  expect(within(rental).getByText(`退回原因：${REASON}`)).toBeTruthy();
  expect(within(rental).queryByText('补充材料')).toBeNull();
  expect(within(rental).getByText('补充期限已过，该项按0分计。')).toBeTruthy();
});
