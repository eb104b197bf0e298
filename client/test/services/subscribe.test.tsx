// Reminder subscriptions from the client: on the objection page's 提交异议 tap, WeChat's dialog is asked for in the
// tap itself (before the page's own request: after an await WeChat refuses it), with the templates of that tap;
// the answer is recorded per template. Local mode (H5) simulates acceptance without any dialog; a tap before the
// template ids arrived records "not offered"; a failed dialog records "failed".
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __cloudCalls, __reset, __setCloudHandler, __setRouterParams } from '../__mocks__/taro';
import ObjectionPage from '../../src/packages/apply/objection';
import { sessionStore } from '../../src/services/session';
import { loadSubscribeTemplates, offerReminders, resetSubscribeTemplates } from '../../src/services/subscribe';
import type { GetApplicationResult } from '../../src/packages/apply/common/types';
import { RESULT_ON, noon, reviewedItems, scoredApplication } from '../fixtures/applications';
import { ONLY_DATE } from '../pages/clock';

const TEMPLATES = {
  mode: 'wechat',
  taps: {},
  templates: [
    { name: 'deadline', title: '办理时限提醒', templateId: 'tmpl-deadline' },
    { name: 'status', title: '办理进度通知', templateId: 'tmpl-status' },
  ],
};

/** Everything the page and the service call, in order: cloud calls and the WeChat dialog. */
const order: string[] = [];
const requestSubscribeMessage = jest.fn();

function serve(data: GetApplicationResult) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    order.push(`${name}.${String(p.action)}`);
    if (name === 'reminders' && p.action === 'templates') return { ok: true, data: TEMPLATES };
    if (name === 'reminders' && p.action === 'recordSubscription')
      return { ok: true, data: { subscription: {}, repeated: false } };
    if (name === 'applications' && p.action === 'get') return { ok: true, data };
    if (name === 'objections' && p.action === 'file') {
      return {
        ok: true,
        data: {
          objection: {
            objectionId: 'obj-1',
            applicationId: data.application.applicationId,
            indicators: p.indicators,
            reason: p.reason,
            status: 'open',
            filedOn: RESULT_ON,
            answerDeadline: null,
          },
        },
      };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}

const recorded = () =>
  __cloudCalls()
    .filter((c) => (c.data as { action: string }).action === 'recordSubscription')
    .map((c) => c.data as Record<string, unknown>);

beforeEach(() => {
  __reset();
  resetSubscribeTemplates();
  order.length = 0;
  requestSubscribeMessage.mockReset();
  (Taro as unknown as Record<string, unknown>).requestSubscribeMessage = (...args: unknown[]) => {
    order.push('wx.requestSubscribeMessage');
    return requestSubscribeMessage(...args);
  };
  sessionStore.set({ openid: 'demo-applicant', me: null, status: 'idle', error: null, actingFor: null });
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
  jest.useRealTimers();
});

test('weapp: the 提交异议 tap opens the dialog synchronously, before objections.file, and records the answer', async () => {
  process.env.TARO_ENV = 'weapp';
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-status': 'accept' });
  jest.useFakeTimers({ now: noon(RESULT_ON), doNotFake: ONLY_DATE });
  serve({ application: scoredApplication, applicant: null, items: reviewedItems, objection: null });
  __setRouterParams({ applicationId: scoredApplication.applicationId });
  render(<ObjectionPage />);
  expect(await screen.findByText('可提出异议')).toBeTruthy();
  // The page fetched the template ids when it opened, so the tap has nothing to wait for.
  await waitFor(() => expect(order).toContain('reminders.templates'));

  fireEvent.click(screen.getByRole('checkbox', { name: '对合法租赁住房提出异议' }));
  const reason = await screen.findByRole('textbox', { name: '异议理由' });
  act(() => {
    reason
      .closest('taro-textarea-core')!
      .dispatchEvent(new CustomEvent('input', { detail: { value: '本人在杭租赁已满5年' }, bubbles: true }));
  });
  fireEvent.click(screen.getByText('提交异议'));
  // Still inside the tap (nothing awaited yet): the dialog was asked for, with the one template of this tap.
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-status'] });

  expect(await screen.findByLabelText('待答复')).toBeTruthy();
  await waitFor(() => expect(recorded()).toHaveLength(1));
  expect(recorded()[0]).toEqual({
    action: 'recordSubscription',
    tap: 'objectionFiled',
    source: 'wechat',
    results: [{ template: 'status', outcome: 'accept' }],
    requestId: expect.stringMatching(/^tap-/),
  });
  expect(order.indexOf('wx.requestSubscribeMessage')).toBeLessThan(order.indexOf('objections.file'));
});

test('weapp: a refused or failed dialog is recorded as such, per template', async () => {
  process.env.TARO_ENV = 'weapp';
  serve({ application: scoredApplication, applicant: null, items: reviewedItems, objection: null });
  await loadSubscribeTemplates();

  requestSubscribeMessage.mockResolvedValueOnce({
    errMsg: 'requestSubscribeMessage:ok',
    'tmpl-status': 'reject',
    'tmpl-deadline': 'accept',
  });
  expect(await offerReminders('applicationSubmitted')).toMatchObject({ asked: true, recorded: true });
  expect(requestSubscribeMessage).toHaveBeenLastCalledWith({ tmplIds: ['tmpl-deadline', 'tmpl-status'] });
  expect(recorded()[0]).toMatchObject({
    tap: 'applicationSubmitted',
    results: [
      { template: 'status', outcome: 'reject' },
      { template: 'deadline', outcome: 'accept' },
    ],
  });

  requestSubscribeMessage.mockRejectedValueOnce({
    errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
    errCode: 20001,
  });
  expect(await offerReminders('settlementApplied')).toMatchObject({ asked: true, recorded: true });
  expect(recorded()[1]).toMatchObject({
    tap: 'settlementApplied',
    source: 'wechat',
    results: [
      { template: 'status', outcome: 'failed' },
      { template: 'deadline', outcome: 'failed' },
    ],
  });
});

test('weapp: a tap before the template ids arrived opens no dialog and records "not offered"', async () => {
  process.env.TARO_ENV = 'weapp';
  serve({ application: scoredApplication, applicant: null, items: reviewedItems, objection: null });
  expect(await offerReminders('objectionFiled')).toEqual({
    asked: false,
    results: [{ template: 'status', outcome: 'not-offered' }],
    recorded: true,
  });
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
});

test('local mode (H5): no dialog; acceptance simulated and recorded as simulated; no template ids fetched', async () => {
  serve({ application: scoredApplication, applicant: null, items: reviewedItems, objection: null });
  expect(await offerReminders('applicationSubmitted')).toMatchObject({ asked: false, recorded: true });
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
  expect(order).toEqual(['reminders.recordSubscription']);
  expect(recorded()[0]).toMatchObject({
    source: 'simulated',
    results: [
      { template: 'status', outcome: 'accept' },
      { template: 'deadline', outcome: 'accept' },
    ],
  });
});
