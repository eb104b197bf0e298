// 消息提醒: the caller's own reminders with what they say and their state in words (sent / waiting for a retry /
// not sent and why), the acceptances left per kind, and local mode saying plainly that nothing was really sent.
import { render, screen } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../../../../test/__mocks__/taro';
import MessagesPage from '../index';
import { sessionStore } from '../../../services/session';

const sent = {
  id: 'msg-1',
  template: 'status',
  fields: { thing1: '积分有效凭证', phrase2: '已出具', date3: '2025-10-20', thing4: '2025年度积分148分' },
  page: 'packages/cert/index/index',
  status: 'sent',
  createdAt: '2025-10-20T02:00:00.000Z',
  sentAt: '2025-10-20T02:05:00.000Z',
  nextAttemptAt: null,
  dropReason: null,
};
const retrying = {
  id: 'msg-2',
  template: 'deadline',
  fields: { thing1: '积分落户申请', date2: '2025-11-30', thing3: '截止日24时止，节假日除外' },
  page: 'packages/settle/index/index',
  status: 'queued',
  createdAt: '2025-11-26T01:00:00.000Z',
  sentAt: null,
  nextAttemptAt: '2025-11-26T01:10:00.000Z',
  dropReason: null,
};
const dropped = {
  ...sent,
  id: 'msg-3',
  status: 'dropped',
  sentAt: null,
  dropReason: 'not-subscribed',
  fields: { ...sent.fields, phrase2: '已撤销', thing4: '详情请在小程序中查看' },
};

function serve(mode: 'local' | 'wechat', reminders: unknown[]) {
  __setCloudHandler((name, data) =>
    name === 'reminders' && (data as { action: string }).action === 'list'
      ? { ok: true, data: { reminders, credits: { status: 0, deadline: 2 }, mode } }
      : { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } },
  );
}

beforeEach(() => {
  __reset();
  sessionStore.set({ openid: 'demo-applicant', me: null, status: 'idle', error: null, actingFor: null });
});

test('local mode: every message with its fields and state; nothing claims to have been really sent', async () => {
  serve('local', [retrying, sent, dropped]);
  render(<MessagesPage />);
  expect(await screen.findByText('本地模式：消息不会真正发出')).toBeTruthy();
  expect(screen.getByText('还可接收：办理进度通知0条，办理时限提醒2条')).toBeTruthy();

  expect(
    screen.getByLabelText(
      '办理进度通知：2025年10月20日 10:05本应发出（本地模式未真正发送）；生成于2025年10月20日 10:00',
    ),
  ).toBeTruthy();
  expect(screen.getByText('已模拟发送')).toBeTruthy();
  expect(screen.getAllByText('积分有效凭证')).toHaveLength(2);
  expect(screen.getAllByText('2025年10月20日')).toHaveLength(2);
  expect(screen.getByText('2025年度积分148分')).toBeTruthy();

  expect(screen.getByText('待重试')).toBeTruthy();
  expect(screen.getByText('上次发送未成功，将于2025年11月26日 09:10后重试；生成于2025年11月26日 09:00')).toBeTruthy();
  expect(screen.getByText('2025年11月30日')).toBeTruthy();

  expect(screen.getByText('未发送')).toBeTruthy();
  expect(screen.getByText('您未订阅此类消息，请在小程序中查看办理进度；生成于2025年10月20日 10:00')).toBeTruthy();

  // Only the caller's own list is asked for: no onBehalfOf, whoever the session acts for.
  expect(__cloudCalls()).toEqual([{ name: 'reminders', data: { action: 'list', limit: 50 } }]);
});

test('in WeChat: sent messages say they went out as 服务通知; an empty list says so', async () => {
  serve('wechat', [sent]);
  const { unmount } = render(<MessagesPage />);
  expect(await screen.findByText('微信服务通知')).toBeTruthy();
  expect(screen.getByText('已发送')).toBeTruthy();
  expect(screen.getByText('2025年10月20日 10:05已通过微信服务通知发出；生成于2025年10月20日 10:00')).toBeTruthy();
  unmount();

  serve('wechat', []);
  render(<MessagesPage />);
  expect(await screen.findByText('暂无消息。')).toBeTruthy();
});

test('an error is shown as the server worded it', async () => {
  __setCloudHandler(() => ({ ok: false, error: { code: 'NOT_REGISTERED', message: '请先完成实名登记' } }));
  render(<MessagesPage />);
  expect((await screen.findByRole('alert')).textContent).toBe('请先完成实名登记');
});
