// 异议答复 (district office), the whole page: an open objection with its applicant (masked), reason, the applicant's
// evidence (each file opened through files.read) and answer deadline.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import ReviewObjectionsPage from '../../src/packages/review/objections';
import { sessionStore, toMe } from '../../src/services/session';

const objection = {
  objectionId: 'obj-1',
  applicationId: 'app-2026-p1',
  indicators: ['rental'],
  reason: '本人在杭租赁已满5年',
  evidence: ['file-a', 'file-b'],
  status: 'open',
  filedOn: '2026-03-30',
  answerDeadline: '2026-04-21',
  applicant: { name: '演示申请人', idNumber: '330106********0010' },
};

beforeEach(() => {
  __reset();
  sessionStore.set({
    openid: 'demo-district-office',
    me: toMe({ openid: 'demo-district-office', person: null, roles: ['district-office'] }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
  (globalThis.URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:evidence';
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'objections' && p.action === 'list')
      return { ok: true, data: { objections: p.status === 'open' ? [objection] : [] } };
    if (name === 'files' && p.action === 'read')
      return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
});

test("the district office sees the applicant's evidence with the objection and opens each file through files.read", async () => {
  render(<ReviewObjectionsPage />);
  expect(await screen.findByText('演示申请人的异议')).toBeTruthy();
  expect(screen.getByText('本人在杭租赁已满5年')).toBeTruthy();
  expect(screen.getByText('演示申请人（330106********0010）')).toBeTruthy();
  expect(screen.getByLabelText('查看异议材料1')).toBeTruthy();
  fireEvent.click(screen.getByLabelText('查看异议材料2'));
  await waitFor(() => expect(__cloudCalls().at(-1)?.data).toEqual({ action: 'read', fileId: 'file-b' }));
  // A refused read shows the server's Chinese message, nothing else.
  expect((await screen.findByRole('alert')).textContent).toContain('记录不存在或无权查看');
});
