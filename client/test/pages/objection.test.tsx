// 异议申请, the whole page as opened from 积分查询 (`?applicationId=…`): closed before the result with the result
// day, open on the result day with its working-day deadline and a filed objection, closed once the deadline has
// passed, and the district office's answer with the change of points.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler, __setRouterParams } from '../__mocks__/taro';
import ObjectionPage from '../../src/packages/apply/objection';
import { sessionStore } from '../../src/services/session';
import type { Application, GetApplicationResult, Objection } from '../../src/packages/apply/common/types';
import { aGetResult, anObjection, pointsOf, reviewedItems, scoredApplication } from '../fixtures/applications';
import { ONLY_DATE } from './clock';

/**
 * Dates worked out by hand from the official 2026 schedule (清明 4月4日–6日 off, no make-up day) and RULES.md:
 * the result day is Mon 2026-03-30; an objection is raised within 7 working days after it (FAQ2021 五): 3-31, 4-1,
 * 4-2, 4-3, 4-7, 4-8, 4-9 → 2026-04-09; it is answered within 15 working days (unverified practice) → 2026-04-21.
 */
const RESULT_ON = '2026-03-30';
const DEADLINE = '2026-04-09';
const ANSWER_DEADLINE = '2026-04-21';
/** 12:00 Beijing time on a date. */
const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
/** 00:00 Beijing time on the day after the objection deadline: the first instant it is closed. */
const AFTER_DEADLINE = new Date('2026-04-10T00:00:00+08:00');
const scored: Application = {
  ...scoredApplication,
  resultDate: RESULT_ON,
  resultOn: RESULT_ON,
  objectionDeadline: DEADLINE,
};
const items = reviewedItems;

/** The server as the page sees it: applications.get answers `data`, objections.file files what it is sent. */
function serve(data: GetApplicationResult) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'applications' && p.action === 'get') {
      return p.applicationId === data.application.applicationId
        ? { ok: true, data }
        : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } };
    }
    if (name === 'objections' && p.action === 'file') {
      const objection: Objection = anObjection({
        objectionId: 'obj-1',
        applicationId: String(p.applicationId),
        indicators: p.indicators as Objection['indicators'],
        reason: String(p.reason),
        status: 'open',
        filedOn: RESULT_ON,
        answerDeadline: ANSWER_DEADLINE,
      });
      return { ok: true, data: { objection } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}

function openAt(now: Date, data: GetApplicationResult) {
  jest.useFakeTimers({ now, doNotFake: ONLY_DATE });
  serve(data);
  __setRouterParams({ applicationId: data.application.applicationId });
  return render(<ObjectionPage />);
}

beforeEach(() => {
  __reset();
  sessionStore.set({ openid: 'demo-applicant', me: null, status: 'idle', error: null, actingFor: null });
});
afterEach(() => jest.useRealTimers());

test('before the result is published: closed, with the result day, and nothing to submit', async () => {
  const reviewing: Application = { ...scored, status: 'reviewing', published: false, points: null };
  openAt(noon('2026-03-10'), aGetResult({ application: reviewing, items, objection: null }));
  expect(await screen.findByText('暂不能提出异议')).toBeTruthy();
  expect(screen.getByLabelText('未开放')).toBeTruthy();
  expect(screen.getByText(/结果查询日：2026年3月30日/)).toBeTruthy();
  expect(screen.queryByText('提交异议')).toBeNull();
  // The page asked for the application named in its query, and for nothing else.
  expect(__cloudCalls().map((c) => (c.data as { action: string }).action)).toEqual(['get']);
});

test('on the result day: open with its working-day deadline; an objection is filed and then awaits the answer', async () => {
  const now = noon(RESULT_ON);
  openAt(now, aGetResult({ application: scored, items, objection: null }));
  expect(await screen.findByText('可提出异议')).toBeTruthy();
  // Evidence is optional, picked as on the application form.
  expect(screen.getByText('证明材料（选填）')).toBeTruthy();
  expect(screen.getByLabelText('从相册选择异议证明材料')).toBeTruthy();
  // Working days from the result day to the deadline, both counted: 3-30, 3-31, 4-1, 4-2, 4-3, 4-7, 4-8, 4-9.
  expect(screen.getByText('截止2026年4月9日，还剩8个工作日')).toBeTruthy();
  expect(screen.getByText('当前积分：148分。逾期未提出视为确认分值。')).toBeTruthy();

  // Nothing is sent before an indicator is chosen.
  fireEvent.click(screen.getByText('提交异议'));
  expect(screen.getByRole('alert').textContent).toContain('请选择有异议的指标');
  expect(__cloudCalls().filter((c) => c.name === 'objections')).toHaveLength(0);

  fireEvent.click(screen.getByRole('checkbox', { name: '对合法租赁住房提出异议' }));
  const reason = await screen.findByRole('textbox', { name: '异议理由' });
  act(() => {
    reason
      .closest('taro-textarea-core')!
      .dispatchEvent(new CustomEvent('input', { detail: { value: '本人在杭租赁已满5年' }, bubbles: true }));
  });
  fireEvent.click(screen.getByText('提交异议'));

  expect(await screen.findByLabelText('待答复')).toBeTruthy();
  const filed = __cloudCalls().find((c) => c.name === 'objections');
  expect(filed?.data).toMatchObject({
    action: 'file',
    applicationId: scored.applicationId,
    indicators: ['rental'],
    reason: '本人在杭租赁已满5年',
  });
  expect(screen.getByText('合法租赁住房')).toBeTruthy();
  expect(screen.getByText('答复期限')).toBeTruthy();
  expect(screen.getByText('未提交')).toBeTruthy();
  expect(screen.queryByText('提交异议')).toBeNull();
});

test('after the deadline: closed, silence confirmed the score, nothing to submit', async () => {
  openAt(AFTER_DEADLINE, aGetResult({ application: scored, items, objection: null }));
  expect(await screen.findByText('异议期已结束')).toBeTruthy();
  expect(screen.getByLabelText('已截止')).toBeTruthy();
  expect(screen.getByText(/截止2026年4月9日/)).toBeTruthy();
  expect(screen.queryByRole('checkbox')).toBeNull();
  expect(screen.queryByText('提交异议')).toBeNull();
});

test('answered: the reply, its date and the change of points', async () => {
  const objection: Objection = anObjection({
    objectionId: 'obj-1',
    applicationId: scored.applicationId,
    indicators: ['rental'],
    reason: '租赁满5年',
    status: 'answered',
    filedOn: RESULT_ON,
    answerDeadline: ANSWER_DEADLINE,
    reply: '经核实租赁满5年，予以调整',
    answeredAt: '2026-04-02T02:00:00.000Z',
    pointsBefore: 148,
    pointsAfter: 154,
  });
  openAt(
    noon('2026-04-03'),
    aGetResult({
      application: { ...scored, points: pointsOf(154) },
      items,
      objection: { ...objection, evidence: ['f-1', 'f-2'] },
    }),
  );
  expect(await screen.findByText('已提交2份')).toBeTruthy();
  expect(await screen.findByText('经核实租赁满5年，予以调整')).toBeTruthy();
  expect(screen.getByLabelText('已答复')).toBeTruthy();
  expect(screen.getByText('由148分调整为154分')).toBeTruthy();
  expect(screen.getByText('2026年4月2日')).toBeTruthy();
});

test('an open objection whose answer deadline falls in a year without a published holiday schedule says so', async () => {
  const objection: Objection = anObjection({
    objectionId: 'obj-1',
    applicationId: scored.applicationId,
    indicators: ['rental'],
    reason: '租赁满5年',
    status: 'open',
    filedOn: RESULT_ON,
    answerDeadline: null,
    answerDeadlinePending: true,
  });
  openAt(noon(RESULT_ON), aGetResult({ application: scored, items, objection }));
  expect(await screen.findByText(/^待公布：答复期限为提出异议后15个工作日/)).toBeTruthy();
  expect(screen.getByLabelText('待答复')).toBeTruthy();
});

test('without an application in the query it opens the latest submitted one', async () => {
  jest.useFakeTimers({ now: noon(RESULT_ON), doNotFake: ONLY_DATE });
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (p.action === 'list') {
      return {
        ok: true,
        data: { applications: [{ ...scored, applicationId: 'draft-2027', year: 2027, status: 'draft' }, scored] },
      };
    }
    if (p.action === 'get') return { ok: true, data: { application: scored, items, objection: null } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  render(<ObjectionPage />);
  expect(await screen.findByText('可提出异议')).toBeTruthy();
  await waitFor(() =>
    expect(__cloudCalls().at(-1)?.data).toEqual({ action: 'get', applicationId: scored.applicationId }),
  );
});
