// 我的代办, the whole page with the cloud faked: the long new-entrustment form (and the new-dependant form, which
// shares its form state) shows each error under its control and reveals the first; an ID number pasted with a
// leading space is sent whole; a future birth date is refused beside the field; revoking an entrustment asks first and
// sends nothing until confirmed.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../../../../../test/__mocks__/taro';
import { ONLY_DATE } from '../../../../../test/pages/clock';
import AgentPage from '../index';
import { sessionStore } from '../../../../services/session';

const ENT = {
  entrustmentId: 'ent-1',
  status: 'active',
  employerName: '演示科技有限公司',
  agent: { name: '演示经办人', idNumber: '330106********0010' },
  employee: null,
  createdAt: '2026-03-01T02:00:00.000Z',
};

function cloud() {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (p.action === 'listSubjects') return { ok: true, data: { subjects: [] } };
    if (p.action === 'listEntrustments') return { ok: true, data: { asEmployee: [ENT], asAgent: [] } };
    if (p.action === 'createEntrustment')
      return { ok: false, error: { code: 'ENTRUSTMENT_EXISTS', message: '该员工已有有效委托' } };
    if (p.action === 'revokeEntrustment') return { ok: true, data: { entrustment: { ...ENT, status: 'revoked' } } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}
const sent = (action: string) => __cloudCalls().filter((c) => (c.data as { action: string }).action === action);
let scrolled: Element[] = [];

beforeEach(() => {
  __reset();
  jest.useFakeTimers({ now: new Date('2026-03-03T10:00:00+08:00'), doNotFake: ONLY_DATE });
  sessionStore.set({
    openid: 'demo-agent',
    me: { registered: true, name: '演示经办人', roles: [] },
    status: 'ready',
    error: null,
    actingFor: null,
  });
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  } as never;
  cloud();
});
afterEach(() => jest.useRealTimers());

function typeIn(container: HTMLElement, field: string, value: string) {
  const core = container.querySelector(`.hz-field--${field} taro-input-core`)!;
  act(() => void core.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));
}

test('new entrustment: every error under its own control, the first revealed; nothing is sent', async () => {
  const { container } = render(<AgentPage />);
  fireEvent.click(await screen.findByRole('button', { name: '新增员工委托' }));
  const nameInput = await screen.findByRole('textbox', { name: '员工姓名' });
  fireEvent.click(screen.getByRole('button', { name: '提交委托' }));

  const alerts = await screen.findAllByRole('alert');
  expect(alerts.map((a) => a.closest('.hz-field')?.id.replace(/^hz-form-\d+-/, ''))).toEqual([
    'employeeName',
    'employeeIdNumber',
    'employerName',
    'entrustmentFileId',
    'employeeIdentityFileId',
    'agentIdentityFileId',
  ]);
  expect(alerts[1].textContent).toBe('⚠ 请输入身份证号码');
  expect(alerts[3].textContent).toBe('⚠ 请上传员工签字的书面委托书（PDF或照片）');
  await waitFor(() => expect(scrolled).toEqual([nameInput.closest('.hz-field')]));
  expect(document.activeElement === nameInput).toBe(true);
  expect(sent('createEntrustment')).toHaveLength(0);

  // A future birth date is refused beside the ID field, in the rules package's words.
  typeIn(container, 'employeeIdNumber', '330106203001010017');
  fireEvent.click(screen.getByRole('button', { name: '提交委托' }));
  await waitFor(() =>
    expect(container.querySelector('.hz-field--employeeIdNumber [role="alert"]')?.textContent).toBe(
      '⚠ 身份证号码中的出生日期晚于当前日期',
    ),
  );
});

test('an ID number pasted with a leading space is kept whole (18 characters)', async () => {
  const { container } = render(<AgentPage />);
  fireEvent.click(await screen.findByRole('button', { name: '新增员工委托' }));
  await screen.findByRole('textbox', { name: '员工身份证号码' });
  typeIn(container, 'employeeIdNumber', ' 330106199503150010');
  fireEvent.click(screen.getByRole('button', { name: '提交委托' }));
  await screen.findAllByRole('alert');
  expect(container.querySelector('.hz-field--employeeIdNumber [role="alert"]')).toBeNull();
  const input = screen.getByRole('textbox', { name: '员工身份证号码' }) as HTMLInputElement;
  await waitFor(() => expect(input.value).toBe('330106199503150010'));
});

test('new dependant: the four errors under their controls, nothing sent; typing a name clears only its own', async () => {
  const { container } = render(<AgentPage />);
  fireEvent.click(await screen.findByRole('button', { name: '添加被监护人/亲属' }));
  await screen.findByRole('textbox', { name: '被代办人姓名' });
  fireEvent.click(screen.getByRole('button', { name: '添加' }));

  const alerts = await screen.findAllByRole('alert');
  expect(alerts.map((a) => a.closest('.hz-field')?.id.replace(/^hz-form-\d+-/, ''))).toEqual([
    'name',
    'idNumber',
    'actorIdentityFileId',
    'subjectIdentityFileId',
  ]);
  expect(alerts[2].textContent).toBe('⚠ 请上传您本人的身份证件');
  expect(alerts[3].textContent).toBe('⚠ 请上传被代办人的身份证件或户口簿');
  expect(sent('addDependent')).toHaveLength(0);

  typeIn(container, 'name', '张小明');
  await waitFor(() => expect(container.querySelector('.hz-field--name [role="alert"]')).toBeNull());
  expect(container.querySelector('.hz-field--actorIdentityFileId [role="alert"]')?.textContent).toBe(
    '⚠ 请上传您本人的身份证件',
  );
});

test('revoking an entrustment asks first; 取消 sends nothing, 确定撤销 sends it once', async () => {
  render(<AgentPage />);
  fireEvent.click(await screen.findByRole('button', { name: '撤销委托' }));
  const question = '确定撤销对演示科技有限公司的委托吗？撤销后立即生效，经办人演示经办人不能再为您办理积分事项。';
  expect(screen.getByRole('group', { name: question })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '取消' }));
  expect(sent('revokeEntrustment')).toHaveLength(0);

  fireEvent.click(screen.getByRole('button', { name: '撤销委托' }));
  fireEvent.click(screen.getByRole('button', { name: '确定撤销' }));
  expect(await screen.findByText('已撤销委托，立即生效')).toBeTruthy();
  expect(sent('revokeEntrustment').map((c) => c.data)).toEqual([
    { action: 'revokeEntrustment', entrustmentId: 'ent-1' },
  ]);
});
