// 审核队列, the whole page as a reviewer of one department: the page says whose items it shows, asks the server
// for the chosen status, shows the items it answers (applicant masked) and approves one as claimed. The server
// scopes the queue to the reviewer's department (cloudfunctions/test/domain/review-scope.test.ts); the page does
// not filter again, so the mock answers as the server does: this department's items only.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import ReviewQueuePage from '../../src/packages/review/queue';
import { sessionStore, toMe } from '../../src/services/session';

const queue = [
  {
    itemId: 'a1-education',
    indicator: 'education',
    department: 'education',
    status: 'pending',
    year: 2026,
    claimed: { education: 'bachelor', hasDiplomaAndDegree: true },
    evidence: ['f1'],
    applicant: { name: '演示申请人', idNumber: '330106********0010' },
  },
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
    if (name === 'review' && p.action === 'queue')
      return { ok: true, data: { items: p.status === 'pending' ? queue : [] } };
    if (name === 'review' && p.action === 'decide') {
      return { ok: true, data: { item: { ...queue[0], status: p.decision, acceptedValue: p.acceptedValue } } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
});

test('a reviewer sees the items the server answers for their department, masked, and approves one', async () => {
  render(<ReviewQueuePage />);
  expect(screen.getByText('教育审核员：仅显示本部门负责的指标。')).toBeTruthy();
  expect(await screen.findByText('文化程度 · 演示申请人')).toBeTruthy();
  expect(screen.queryByText(/合法租赁住房/)).toBeNull();
  // Exactly the items answered, one review button each.
  expect(screen.getAllByRole('button', { name: /^审核/ })).toHaveLength(1);
  expect(screen.getByText('演示申请人（330106********0010）')).toBeTruthy();
  expect(__cloudCalls()[0]?.data).toEqual({ action: 'queue', status: 'pending', limit: 50 });

  fireEvent.click(screen.getByLabelText('审核文化程度'));
  fireEvent.click(await screen.findByLabelText('审核通过'));
  await waitFor(() =>
    expect(__cloudCalls().some((c) => (c.data as { action: string }).action === 'decide')).toBe(true),
  );
  expect(__cloudCalls().find((c) => (c.data as { action: string }).action === 'decide')?.data).toEqual({
    action: 'decide',
    itemId: 'a1-education',
    decision: 'approved',
    acceptedValue: { education: 'bachelor', hasDiplomaAndDegree: true },
  });
  expect(await screen.findByText('文化程度（演示申请人）：已审核通过')).toBeTruthy();
});

test('without a reviewer role the page says it is for reviewers only and shows the server refusal', async () => {
  sessionStore.set({
    openid: 'demo-applicant',
    me: toMe({ openid: 'demo-applicant', person: { name: '演示申请人' }, roles: [] }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
  __setCloudHandler(() => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权进行此操作' } }));
  render(<ReviewQueuePage />);
  expect(screen.getByText('仅审核员可使用。')).toBeTruthy();
  expect((await screen.findByRole('alert')).textContent).toContain('无权进行此操作');
  expect(screen.queryByLabelText(/^审核/)).toBeNull();
});

// ---- Public security: the items it confirms from its own records (age, the five deductions, veto) ----

// What review.queue answers for one submitted application (applications.submit adds the age item from the ID number
// and the six "none" declarations, DEFAULT_DECLARATIONS): public security's items.
const applicant = { name: '演示申请人', idNumber: '330106********0010' };
const own = (indicator: string, claimed: Record<string, unknown>) => ({
  itemId: `a2-${indicator}`,
  applicationId: 'a2',
  indicator,
  department: 'public-security',
  status: 'pending',
  year: 2026,
  resultDate: '2026-03-30',
  claimed,
  evidence: [],
  applicant,
});
const psQueue = [
  own('age', { birthDate: '1990-05-12' }),
  own('criminal', { criminal: 0 }),
  own('drugRehab', { drugRehab: 0 }),
  own('detention', { detention: 0 }),
  own('dishonesty', { dishonesty: false }),
  own('severeDishonesty', { severeDishonesty: 0 }),
  own('veto', { vetoed: false }),
];

function asPublicSecurity(items: unknown[] = psQueue) {
  sessionStore.set({
    openid: 'demo-reviewer-public-security',
    me: toMe({
      openid: 'demo-reviewer-public-security',
      person: null,
      roles: ['reviewer'],
      department: 'public-security',
    }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'review' && p.action === 'queue')
      return { ok: true, data: { items: p.status === 'pending' ? items : [] } };
    if (name === 'review' && p.action === 'decide') return { ok: true, data: { item: { status: p.decision } } };
    if (name === 'review' && p.action === 'decideMany') return { ok: true, data: { items: [] } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}

const decideCalls = (action = 'decide') =>
  __cloudCalls()
    .filter((c) => (c.data as { action: string }).action === action)
    .map((c) => c.data);

// Only Date is faked (no timer), so the page's countdown reads a fixed instant: Monday 2026-03-02 09:30 Beijing.
const FAKE_DATE_ONLY = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'nextTick',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'hrtime',
  'performance',
] as const;
function at(iso: string) {
  jest.useFakeTimers({ now: new Date(iso), doNotFake: [...FAKE_DATE_ONLY] });
}
afterEach(() => jest.useRealTimers());

// Each test renders the whole page several times; the shared 2-core machine can exceed jest's 5 s default.
jest.setTimeout(30_000);

describe('public security reviewer', () => {
  beforeEach(() => at('2026-03-02T09:30:00+08:00'));

  test('the age panel has a birth-date field prefilled from the declaration and says what approving records', async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('审核年龄'));
    const field = (await screen.findByLabelText('出生日期')) as HTMLInputElement;
    expect(field.value).toBe('1990-05-12');
    expect(screen.getByText('出生日期按申请人身份证号码预填，请与户籍记录核对后确认。')).toBeTruthy();
    expect(screen.getByText('审核通过将记录：出生日期：1990年5月12日（与申报一致）')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('审核通过'));
    await waitFor(() => expect(decideCalls()).toHaveLength(1));
    expect(decideCalls()[0]).toEqual({
      action: 'decide',
      itemId: 'a2-age',
      decision: 'approved',
      acceptedValue: { birthDate: '1990-05-12' },
    });
    expect(await screen.findByText('年龄（演示申请人）：已审核通过')).toBeTruthy();
  });

  test('a deduction count is prefilled 0 with its statement; a changed count is recorded and marked as changed', async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('审核5年内一般刑事犯罪记录'));
    const field = (await screen.findByLabelText('刑事犯罪记录次数')) as HTMLInputElement;
    expect(field.value).toBe('0');
    expect(
      screen.getByText('按申请人承诺预填为0次；审核通过即确认经本部门记录核查，刑事犯罪记录为所填次数。'),
    ).toBeTruthy();
    expect(screen.getByText('审核通过将记录：刑事犯罪记录次数：0次（与申报一致）')).toBeTruthy();
    fireEvent.input(field, { target: { value: '2' } });
    expect(await screen.findByText('审核通过将记录：刑事犯罪记录次数：2次（已修改，与申报不同）')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('审核通过'));
    await waitFor(() => expect(decideCalls()).toHaveLength(1));
    expect(decideCalls()[0]).toEqual({
      action: 'decide',
      itemId: 'a2-criminal',
      decision: 'approved',
      acceptedValue: { criminal: 2 },
    });
  });

  test('a bad count is refused beside its field and nothing is sent', async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('审核5年内被行政拘留或司法拘留'));
    const field = (await screen.findByLabelText('拘留次数')) as HTMLInputElement;
    fireEvent.input(field, { target: { value: '-1' } });
    fireEvent.click(screen.getByLabelText('审核通过'));
    const alert = await screen.findByText('拘留次数不能为负数');
    // Beside the control: the message is inside the field's own block, not at the top of the page.
    expect(field.closest('.flows-claim-fields > *')?.contains(alert)).toBe(true);
    expect(screen.getByText('审核通过前请先更正认定内容。')).toBeTruthy();
    expect(decideCalls()).toHaveLength(0);
  });

  test('the veto is prefilled 否 and approving records 否', async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('审核一票否决'));
    expect(await screen.findByText('审核通过将记录：是否存在一票否决情形：否（与申报一致）')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '否' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByLabelText('审核通过'));
    await waitFor(() => expect(decideCalls()).toHaveLength(1));
    expect(decideCalls()[0]).toEqual({
      action: 'decide',
      itemId: 'a2-veto',
      decision: 'approved',
      acceptedValue: { vetoed: false },
    });
  });

  test("one action approves the applicant's seven own-record items after a dialog lists what will be recorded", async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('一次审核通过（7项）：演示申请人的本部门记录核查事项'));
    const list = await screen.findByLabelText('将记录的认定内容');
    for (const line of [
      '年龄：出生日期：1990年5月12日',
      '5年内一般刑事犯罪记录：刑事犯罪记录次数：0次',
      '5年内被强制隔离戒毒：强制隔离戒毒次数：0次',
      '5年内被行政拘留或司法拘留：拘留次数：0次',
      '5年内存在失信记录：是否存在失信记录：否',
      '列入严重失信名单：列入严重失信名单次数：0次',
      '一票否决：是否存在一票否决情形：否',
    ]) {
      expect(list.textContent).toContain(line);
    }
    expect(decideCalls('decideMany')).toHaveLength(0);
    fireEvent.click(screen.getByText('确认通过7项'));
    await waitFor(() => expect(decideCalls('decideMany')).toHaveLength(1));
    expect(decideCalls('decideMany')[0]).toEqual({
      action: 'decideMany',
      applicationId: 'a2',
      approvals: [
        { itemId: 'a2-age', acceptedValue: { birthDate: '1990-05-12' } },
        { itemId: 'a2-criminal', acceptedValue: { criminal: 0 } },
        { itemId: 'a2-drugRehab', acceptedValue: { drugRehab: 0 } },
        { itemId: 'a2-detention', acceptedValue: { detention: 0 } },
        { itemId: 'a2-dishonesty', acceptedValue: { dishonesty: false } },
        { itemId: 'a2-severeDishonesty', acceptedValue: { severeDishonesty: 0 } },
        { itemId: 'a2-veto', acceptedValue: { vetoed: false } },
      ],
    });
    expect(await screen.findByText('演示申请人：本部门记录核查事项7项已审核通过')).toBeTruthy();
  });

  test("badges say the tab's word and each item says its working days left before the result date", async () => {
    asPublicSecurity([
      own('age', { birthDate: '1990-05-12' }),
      // A 2027 result date: the 2027 holidays are not published, so the days left are not guessed.
      { ...own('criminal', { criminal: 0 }), itemId: 'a3-criminal', applicationId: 'a3', resultDate: '2027-01-20' },
      { ...own('veto', { vetoed: false }), itemId: 'a4-veto', applicationId: 'a4', resultDate: null },
    ]);
    render(<ReviewQueuePage />);
    expect(await screen.findByText('年龄 · 演示申请人')).toBeTruthy();
    expect(screen.getAllByLabelText('待审核')).toHaveLength(3);
    expect(screen.queryByLabelText('审核中')).toBeNull();
    // Monday 2026-03-02 to Friday 2026-03-27: four full weeks, no holiday (2026 calendar).
    expect(screen.getByText('距结果公布日（2026年3月30日）还剩20个工作日')).toBeTruthy();
    expect(
      screen.getByText('距结果公布日（2027年1月20日）的剩余工作日待公布（2027年节假日安排尚未公布）'),
    ).toBeTruthy();
    expect(screen.getByText('结果公布日期待公布（该年度节假日安排尚未公布，暂无法计算）')).toBeTruthy();
  });

  test('the approve button is a real button: focusable, and Enter approves', async () => {
    asPublicSecurity();
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByLabelText('审核年龄'));
    const approve = await screen.findByRole('button', { name: '审核通过' });
    expect(approve.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(approve, { key: 'Enter' });
    await waitFor(() => expect(decideCalls()).toHaveLength(1));
    expect(decideCalls()[0]).toMatchObject({ itemId: 'a2-age', acceptedValue: { birthDate: '1990-05-12' } });
  });
});

test('a refused decision shows beside the buttons that sent it, not at the top of the page', async () => {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'review' && p.action === 'queue') {
      return { ok: true, data: { items: p.status === 'pending' ? queue : [] } };
    }
    if (name === 'review' && p.action === 'decide') {
      return { ok: false, error: { code: 'INVALID_STATE', message: '积分结果已公布，事项只能通过异议程序调整' } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  render(<ReviewQueuePage />);
  fireEvent.click(await screen.findByLabelText('审核文化程度'));
  const approve = await screen.findByRole('button', { name: '审核通过' });
  fireEvent.click(approve);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('积分结果已公布，事项只能通过异议程序调整');
  // In the decision panel, directly before its buttons.
  const panel = approve.closest('.flows-decide')!;
  expect(panel.contains(alert)).toBe(true);
  expect(alert.closest('.hz-field')?.nextElementSibling?.contains(approve)).toBe(true);
  expect(screen.queryByText('文化程度（演示申请人）：已审核通过')).toBeNull();
});
