import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import { Register, validateRegistration } from '../../src/packages/account/register/Register';
import { sessionStore } from '../../src/services/session';
import { typeInto } from '../helpers';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';

beforeEach(() => {
  __reset();
  sessionStore.set((s) => ({ ...s, me: null }));
});

describe('实名登记', () => {
  it('validates with the shared schema, in Chinese', () => {
    const errors = validateRegistration({ name: 'x', idNumber: '330106199503150011', phone: '123' });
    expect(errors.name).toBeTruthy();
    expect(errors.idNumber).toBeTruthy();
    expect(errors.phone).toMatch(/手机号码/);
    expect(Object.values(errors).join()).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shows the messages and calls nothing while the form is invalid', () => {
    const fetchFn = jest.fn();
    global.fetch = fetchFn as unknown as typeof fetch;
    const onDone = jest.fn();
    const { container } = render(<Register onDone={onDone} />);
    typeInto(container, 'phone', '12345');
    fireEvent.click(screen.getByText('提交实名登记'));
    const alerts = screen
      .getAllByRole('alert')
      .map((a) => a.textContent)
      .join('\n');
    expect(alerts).toMatch(/手机号码：.*手机号码/);
    expect(alerts).toContain('姓名：');
    expect(fetchFn).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('registers through accounts.register, shows a server refusal as is, and reloads me on success', async () => {
    let registered = false;
    let refuse = true;
    __setCloudHandler((name, data) => {
      const action = (data as { action: string }).action;
      if (action === 'register') {
        if (refuse) return { ok: false, error: { code: 'ID_NUMBER_TAKEN', message: '该身份证号码已登记' } };
        registered = true;
        return { ok: true, data: { person: { name: '张三' } } };
      }
      if (action === 'me')
        return {
          ok: true,
          data: {
            openid: 'o1',
            person: registered ? { name: '张三', idNumber: '330106199503150010' } : null,
            roles: [],
          },
        };
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    const onDone = jest.fn();
    const { container } = render(<Register onDone={onDone} />);
    typeInto(container, 'name', '张三');
    typeInto(container, 'idNumber', '330106199503150010');
    typeInto(container, 'phone', '13800000001');
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《隐私政策》' }));

    fireEvent.click(screen.getByText('提交实名登记'));
    // Without WeChat's privacy API (jsdom) the app's own pop-up asks first.
    fireEvent.click(await screen.findByText('同意并继续'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('该身份证号码已登记'));
    expect(onDone).not.toHaveBeenCalled();

    refuse = false;
    fireEvent.click(screen.getByText('提交实名登记'));
    fireEvent.click(await screen.findByText('同意并继续'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const call = __cloudCalls().find((c) => (c.data as { action: string }).action === 'register');
    expect(call?.data).toEqual({
      action: 'register',
      name: '张三',
      idNumber: '330106199503150010',
      phone: '13800000001',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(sessionStore.get().me?.registered).toBe(true);
  });
});
